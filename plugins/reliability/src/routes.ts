import { createRouteRef } from '@backstage/core-plugin-api';

/** Where the reliability tab is mounted on an entity page. */
export const entityContentRouteRef = createRouteRef({
  id: 'reliability:entity-content',
});

/**
 * Where the organization's scorecard overview page is mounted, for linking to
 * it with `useRouteRef`.
 * @public
 */
export const scorecardOverviewRouteRef = createRouteRef({
  id: 'reliability:scorecard-overview',
});

/**
 * Where the readiness reviews board is mounted, for linking to it with
 * `useRouteRef`.
 * @public
 */
export const readinessReviewsRouteRef = createRouteRef({
  id: 'reliability:readiness-reviews',
});

/**
 * Where the organization's reliability report page is mounted, for linking
 * to it with `useRouteRef`.
 * @public
 */
export const reliabilityReportRouteRef = createRouteRef({
  id: 'reliability:report',
});
