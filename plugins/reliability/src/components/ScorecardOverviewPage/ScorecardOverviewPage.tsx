import { Content, Header, Page } from '@backstage/core-components';
import { ScorecardOverviewContent } from '../ScorecardOverviewContent';

/** @public */
export interface ScorecardOverviewPageProps {
  /** Page title; "Readiness scorecards" by default. */
  title?: string;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
  /**
   * Path of the team scorecards tab on group pages, where team names link;
   * `scorecards` by default, as the demo app mounts it.
   */
  groupTabPath?: string;
}

/**
 * The scorecard overview as a full page with a header, for the legacy
 * frontend system (`/reliability/scorecards` in the demo).
 * @public
 */
export function ScorecardOverviewPage(props: ScorecardOverviewPageProps) {
  const { title = 'Readiness scorecards', now, groupTabPath } = props;
  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle="Production readiness of every team's services"
      />
      <Content>
        <ScorecardOverviewContent now={now} groupTabPath={groupTabPath} />
      </Content>
    </Page>
  );
}
