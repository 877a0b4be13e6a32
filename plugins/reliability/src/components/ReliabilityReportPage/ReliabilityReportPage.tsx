import { Content, Header, Page } from '@backstage/core-components';
import { ReliabilityReportContent } from '../ReliabilityReportContent';

/** @public */
export interface ReliabilityReportPageProps {
  /** Page title; "Reliability report" by default. */
  title?: string;
  /** IANA zone of the day boundaries; the backend's default when left out. */
  timeZone?: string;
  /** Pins the clock (tests, screenshots). */
  now?: Date;
}

const ORGANIZATION = { kind: 'organization' } as const;

/**
 * The organisation's reliability report as a full page with a header, for
 * the legacy frontend system (`/reliability/report` in the demo).
 * @public
 */
export function ReliabilityReportPage(props: ReliabilityReportPageProps) {
  const { title = 'Reliability report', ...content } = props;
  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle="SLOs, incidents, change failure rate, on-call load and alert quality of the whole organisation, month by month"
      />
      <Content>
        <OrganizationReliabilityReportContent {...content} />
      </Content>
    </Page>
  );
}

/**
 * The organisation's report without a page around it, e.g. for the new
 * frontend system's page extension.
 */
export function OrganizationReliabilityReportContent(
  props: Omit<ReliabilityReportPageProps, 'title'>,
) {
  return <ReliabilityReportContent subject={ORGANIZATION} {...props} />;
}
