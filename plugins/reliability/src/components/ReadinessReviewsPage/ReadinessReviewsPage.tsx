import { Content, Header, Page } from '@backstage/core-components';
import {
  ReadinessReviewsContent,
  ReadinessReviewsContentProps,
} from '../ReadinessReviewsContent';

/** @public */
export interface ReadinessReviewsPageProps
  extends ReadinessReviewsContentProps {
  /** Page title; "Readiness reviews" by default. */
  title?: string;
}

/**
 * The readiness reviews board as a full page with a header, for the
 * legacy frontend system (`/reliability/reviews` in the demo).
 * @public
 */
export function ReadinessReviewsPage(props: ReadinessReviewsPageProps) {
  const { title = 'Readiness reviews', ...content } = props;
  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle="Production readiness reviews of every team, by state"
      />
      <Content>
        <ReadinessReviewsContent {...content} />
      </Content>
    </Page>
  );
}
