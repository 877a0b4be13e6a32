import { Content, Header, Page } from '@backstage/core-components';
import { ScorecardOverviewContent } from '../ScorecardOverviewContent';

/** @public */
export interface ScorecardOverviewPageProps {
  /** Page title; "Readiness scorecards" by default. */
  title?: string;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

/**
 * The scorecard overview as a full page with a header, for the legacy
 * frontend system (`/reliability/scorecards` in the demo).
 * @public
 */
export function ScorecardOverviewPage(props: ScorecardOverviewPageProps) {
  const { title = 'Readiness scorecards', now } = props;
  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle="Production readiness of every team's services"
      />
      <Content>
        <ScorecardOverviewContent now={now} />
      </Content>
    </Page>
  );
}
