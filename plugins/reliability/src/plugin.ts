import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ReliabilityClient, reliabilityApiRef } from './api';
import {
  entityContentRouteRef,
  readinessReviewsRouteRef,
  reliabilityReportRouteRef,
  scorecardOverviewRouteRef,
} from './routes';
import type { EntityOnCallCardProps } from './components/EntityOnCallCard';
import type { EntityRunbooksCardProps } from './components/EntityRunbooksCard';
import type { EntityIncidentStatsCardProps } from './components/EntityIncidentStatsCard';
import type { EntityGroupOnCallCardProps } from './components/EntityGroupOnCallCard';
import type { EntityReliabilityContentProps } from './components/EntityReliabilityContent';
import type { EntitySloCardProps } from './components/EntitySloCard';
import type { EntityReliabilityGlanceCardProps } from './components/EntityReliabilityGlanceCard';
import type { EntityScorecardCardProps } from './components/EntityScorecardCard';
import type { EntityGroupScorecardCardProps } from './components/EntityGroupScorecardCard';
import type { ScorecardOverviewPageProps } from './components/ScorecardOverviewPage';
import type { EntityReadinessReviewContentProps } from './components/EntityReadinessReviewContent';
import type { ReadinessReviewsPageProps } from './components/ReadinessReviewsPage';
import type { EntityReliabilityReportContentProps } from './components/EntityReliabilityReportContent';
import type { ReliabilityReportPageProps } from './components/ReliabilityReportPage';
import type { EntityOnCallHealthCardProps } from './components/EntityOnCallHealthCard';

/**
 * The Preflight reliability frontend plugin (legacy frontend system).
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    entityContent: entityContentRouteRef,
    scorecardOverview: scorecardOverviewRouteRef,
    readinessReviews: readinessReviewsRouteRef,
    reliabilityReport: reliabilityReportRouteRef,
  },
});

/**
 * On-call card for an entity page: who is on call per escalation level,
 * how to reach them, next handoff, PagerDuty links, owner and incidents.
 * @public
 */
export const EntityOnCallCard: (props: EntityOnCallCardProps) => JSX.Element =
  reliabilityPlugin.provide(
    createComponentExtension({
      name: 'EntityOnCallCard',
      component: {
        lazy: () =>
          import('./components/EntityOnCallCard').then(m => m.EntityOnCallCard),
      },
    }),
  );

/**
 * Runbooks card for an entity page.
 * @public
 */
export const EntityRunbooksCard: (
  props: EntityRunbooksCardProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityRunbooksCard',
    component: {
      lazy: () =>
        import('./components/EntityRunbooksCard').then(
          m => m.EntityRunbooksCard,
        ),
    },
  }),
);

/**
 * Incident figures card (open incidents, MTTA, MTTR, pages per shift).
 * @public
 */
export const EntityIncidentStatsCard: (
  props: EntityIncidentStatsCardProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityIncidentStatsCard',
    component: {
      lazy: () =>
        import('./components/EntityIncidentStatsCard').then(
          m => m.EntityIncidentStatsCard,
        ),
    },
  }),
);

/**
 * Team on-call card for a group page: who is on call now for every
 * service the team and its sub-teams own.
 * @public
 */
export const EntityGroupOnCallCard: (
  props: EntityGroupOnCallCardProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupOnCallCard',
    component: {
      lazy: () =>
        import('./components/EntityGroupOnCallCard').then(
          m => m.EntityGroupOnCallCard,
        ),
    },
  }),
);

/**
 * The reliability tab of an entity page, gathering the cards.
 * @public
 */
export const EntityReliabilityContent: (
  props: EntityReliabilityContentProps,
) => JSX.Element = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'EntityReliabilityContent',
    component: () =>
      import('./components/EntityReliabilityContent').then(
        m => m.EntityReliabilityContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * SLO card for an entity page: objectives, attainment, error budgets, burn
 * rates with alert state, burn-down charts, the deploy gate and the
 * Prometheus rules to download.
 * @public
 */
export const EntitySloCard: (props: EntitySloCardProps) => JSX.Element =
  reliabilityPlugin.provide(
    createComponentExtension({
      name: 'EntitySloCard',
      component: {
        lazy: () =>
          import('./components/EntitySloCard').then(m => m.EntitySloCard),
      },
    }),
  );

/**
 * "Reliability at a glance" for the top of an entity's overview: level-1
 * on call now, open incidents, the worst SLO, the deploy gate and the
 * readiness level, each with its freshness and a link to the details.
 * @public
 */
export const EntityReliabilityGlanceCard: (
  props: EntityReliabilityGlanceCardProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityGlanceCard',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityGlanceCard').then(
          m => m.EntityReliabilityGlanceCard,
        ),
    },
  }),
);

/**
 * Readiness scorecard card for an entity page: level, score, what the next
 * level needs, every check with its facts, exemptions and how to fix it.
 * @public
 */
export const EntityScorecardCard: (
  props: EntityScorecardCardProps,
) => JSX.Element | null = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityScorecardCard').then(
          m => m.EntityScorecardCard,
        ),
    },
  }),
);

/**
 * Team scorecards for a group page: every entity the team and its
 * sub-teams own, sortable, filterable, exportable as CSV, with the level
 * trend.
 * @public
 */
export const EntityGroupScorecardCard: (
  props: EntityGroupScorecardCardProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityGroupScorecardCard').then(
          m => m.EntityGroupScorecardCard,
        ),
    },
  }),
);

/**
 * The organization's scorecard overview page: teams ranked, level
 * distribution, checks failing most, the trend and rubric-change preview.
 * @public
 */
export const ScorecardOverviewPage: (
  props: ScorecardOverviewPageProps,
) => JSX.Element = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ScorecardOverviewPage',
    component: () =>
      import('./components/ScorecardOverviewPage').then(
        m => m.ScorecardOverviewPage,
      ),
    mountPoint: scorecardOverviewRouteRef,
  }),
);

/**
 * The "Readiness review" tab content for an entity page: the entity's
 * readiness reviews, opening one for a stage, and the selected review's
 * checklist with answers, sign-offs, drift, timeline and export.
 * @public
 */
export const EntityReadinessReviewContent: (
  props: EntityReadinessReviewContentProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReadinessReviewContent',
    component: {
      lazy: () =>
        import('./components/EntityReadinessReviewContent').then(
          m => m.EntityReadinessReviewContent,
        ),
    },
  }),
);

/**
 * The readiness reviews board: every review by state, with filters by
 * team, stage and reviewer group, "waiting on my groups" and overdue.
 * @public
 */
export const ReadinessReviewsPage: (
  props: ReadinessReviewsPageProps,
) => JSX.Element = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReadinessReviewsPage',
    component: () =>
      import('./components/ReadinessReviewsPage').then(
        m => m.ReadinessReviewsPage,
      ),
    mountPoint: readinessReviewsRouteRef,
  }),
);

/**
 * The "Reliability report" tab content for a group's (or any entity's)
 * page: the month's SLOs, incidents, change failure rate, on-call load and
 * alert quality against the month before, the services that moved most,
 * twelve-month charts and a Markdown and CSV export.
 * @public
 */
export const EntityReliabilityReportContent: (
  props: EntityReliabilityReportContentProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityReportContent',
    component: {
      lazy: () =>
        import('./components/EntityReliabilityReportContent').then(
          m => m.EntityReliabilityReportContent,
        ),
    },
  }),
);

/**
 * The organization's reliability report page, month by month.
 * @public
 */
export const ReliabilityReportPage: (
  props: ReliabilityReportPageProps,
) => JSX.Element = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityReportPage',
    component: () =>
      import('./components/ReliabilityReportPage').then(
        m => m.ReliabilityReportPage,
      ),
    mountPoint: reliabilityReportRouteRef,
  }),
);

/**
 * On-call health card for a group page: pages per rotation and person over
 * the last 28 days, off-hours and night pages, fairness, noisy services.
 * @public
 */
export const EntityOnCallHealthCard: (
  props: EntityOnCallHealthCardProps,
) => JSX.Element = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityOnCallHealthCard',
    component: {
      lazy: () =>
        import('./components/EntityOnCallHealthCard').then(
          m => m.EntityOnCallHealthCard,
        ),
    },
  }),
);
