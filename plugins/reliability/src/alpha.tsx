import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssessmentIcon from '@mui/icons-material/Assessment';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import InsightsIcon from '@mui/icons-material/Insights';
import { ReliabilityClient, reliabilityApiRef } from './api';
import { isSloAvailable } from './isSloAvailable';

/**
 * The reliability API client, for the new frontend system.
 * @alpha
 */
export const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * "Reliability at a glance" on component pages, a summary card for the top
 * of the overview (`entity-card:reliability/glance`).
 * @alpha
 */
export const reliabilityGlanceEntityCard = EntityCardBlueprint.make({
  name: 'glance',
  params: {
    type: 'content',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityReliabilityGlanceCard').then(m => (
        <m.EntityReliabilityGlanceCard />
      )),
  },
});

/**
 * On-call card on component pages (`entity-card:reliability/on-call`).
 * @alpha
 */
export const reliabilityOnCallEntityCard = EntityCardBlueprint.make({
  name: 'on-call',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityOnCallCard').then(m => <m.EntityOnCallCard />),
  },
});

/**
 * Runbooks card on component pages (`entity-card:reliability/runbooks`).
 * @alpha
 */
export const reliabilityRunbooksEntityCard = EntityCardBlueprint.make({
  name: 'runbooks',
  params: {
    type: 'info',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityRunbooksCard').then(m => (
        <m.EntityRunbooksCard />
      )),
  },
});

/**
 * Team on-call card on group pages (`entity-card:reliability/group-on-call`).
 * @alpha
 */
export const reliabilityGroupOnCallEntityCard = EntityCardBlueprint.make({
  name: 'group-on-call',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityGroupOnCallCard').then(m => (
        <m.EntityGroupOnCallCard />
      )),
  },
});

/**
 * SLO card on component pages that declare SLOs
 * (`entity-card:reliability/slos`).
 * @alpha
 */
export const reliabilitySloEntityCard = EntityCardBlueprint.make({
  name: 'slos',
  params: {
    type: 'content',
    filter: entity =>
      entity.kind.toLocaleLowerCase('en-US') === 'component' &&
      isSloAvailable(entity),
    loader: () =>
      import('./components/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/**
 * The reliability tab on component pages
 * (`entity-content:reliability`).
 * @alpha
 */
export const reliabilityEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'reliability',
    title: 'Reliability',
    group: 'observability',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityReliabilityContent').then(m => (
        <m.EntityReliabilityContent />
      )),
  },
});

/**
 * Readiness scorecard card on the entity pages scorecards cover
 * (`entity-card:reliability/scorecard`); says so on kinds they do not.
 * @alpha
 */
export const reliabilityScorecardEntityCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    type: 'content',
    filter: { kind: { $in: ['component', 'api', 'resource', 'system'] } },
    loader: () =>
      import('./components/EntityScorecardCard').then(m => (
        <m.EntityScorecardCard hideWhenNotInScope />
      )),
  },
});

/**
 * The "Scorecards" tab on group pages
 * (`entity-content:reliability/group-scorecards`).
 * @alpha
 */
export const reliabilityGroupScorecardsEntityContent =
  EntityContentBlueprint.make({
    name: 'group-scorecards',
    params: {
      path: 'scorecards',
      title: 'Scorecards',
      filter: { kind: 'group' },
      loader: () =>
        import('./components/EntityGroupScorecardCard').then(m => (
          <m.EntityGroupScorecardCard />
        )),
    },
  });

/**
 * Route of the scorecard overview page in the new frontend system.
 * @alpha
 */
export const scorecardOverviewRouteRef = createRouteRef();

/**
 * The organization's scorecard overview (`page:reliability/scorecards`),
 * at `/reliability/scorecards` unless configured otherwise, in the app's
 * navigation as "Scorecards" (the app's nav drops pages without an icon).
 * @alpha
 */
export const reliabilityScorecardOverviewPage = PageBlueprint.make({
  name: 'scorecards',
  params: {
    path: '/reliability/scorecards',
    title: 'Scorecards',
    icon: <AssessmentIcon fontSize="inherit" />,
    routeRef: scorecardOverviewRouteRef,
    loader: () =>
      import('./components/ScorecardOverviewContent').then(m => (
        <m.ScorecardOverviewContent />
      )),
  },
});

/**
 * The "Readiness review" tab on component pages
 * (`entity-content:reliability/readiness-review`).
 * @alpha
 */
export const reliabilityReadinessReviewEntityContent =
  EntityContentBlueprint.make({
    name: 'readiness-review',
    params: {
      path: 'readiness-review',
      title: 'Readiness review',
      filter: { kind: 'component' },
      loader: () =>
        import('./components/EntityReadinessReviewContent').then(m => (
          <m.EntityReadinessReviewContent />
        )),
    },
  });

/**
 * Route of the readiness reviews board in the new frontend system.
 * @alpha
 */
export const readinessReviewsRouteRef = createRouteRef();

/**
 * The readiness reviews board (`page:reliability/reviews`), at
 * `/reliability/reviews` unless configured otherwise, in the app's
 * navigation as "Readiness reviews".
 * @alpha
 */
export const reliabilityReadinessReviewsPage = PageBlueprint.make({
  name: 'reviews',
  params: {
    path: '/reliability/reviews',
    title: 'Readiness reviews',
    icon: <FactCheckIcon fontSize="inherit" />,
    routeRef: readinessReviewsRouteRef,
    loader: () =>
      import('./components/ReadinessReviewsContent').then(m => (
        <m.ReadinessReviewsContent />
      )),
  },
});

/**
 * The "Reliability report" tab on group pages
 * (`entity-content:reliability/report`).
 * @alpha
 */
export const reliabilityReportEntityContent = EntityContentBlueprint.make({
  name: 'report',
  params: {
    path: 'reliability-report',
    title: 'Reliability report',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityReliabilityReportContent').then(m => (
        <m.EntityReliabilityReportContent />
      )),
  },
});

/**
 * On-call health card on group pages
 * (`entity-card:reliability/on-call-health`).
 * @alpha
 */
export const reliabilityOnCallHealthEntityCard = EntityCardBlueprint.make({
  name: 'on-call-health',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/EntityOnCallHealthCard').then(m => (
        <m.EntityOnCallHealthCard />
      )),
  },
});

/**
 * Route of the organization's reliability report in the new frontend system.
 * @alpha
 */
export const reliabilityReportRouteRef = createRouteRef();

/**
 * The organization's reliability report (`page:reliability/report`), at
 * `/reliability/report` unless configured otherwise, in the app's
 * navigation as "Reliability report".
 * @alpha
 */
export const reliabilityReportPage = PageBlueprint.make({
  name: 'report',
  params: {
    path: '/reliability/report',
    title: 'Reliability report',
    icon: <InsightsIcon fontSize="inherit" />,
    routeRef: reliabilityReportRouteRef,
    loader: () =>
      import('./components/ReliabilityReportPage').then(m => (
        <m.OrganizationReliabilityReportContent />
      )),
  },
});

/**
 * Preflight's reliability plugin for the new frontend system.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'reliability',
  title: 'Reliability',
  extensions: [
    reliabilityApi,
    reliabilityGlanceEntityCard,
    reliabilityOnCallEntityCard,
    reliabilityRunbooksEntityCard,
    reliabilityGroupOnCallEntityCard,
    reliabilitySloEntityCard,
    reliabilityEntityContent,
    reliabilityScorecardEntityCard,
    reliabilityGroupScorecardsEntityContent,
    reliabilityScorecardOverviewPage,
    reliabilityReadinessReviewEntityContent,
    reliabilityReadinessReviewsPage,
    reliabilityReportEntityContent,
    reliabilityOnCallHealthEntityCard,
    reliabilityReportPage,
  ],
  routes: {
    scorecardOverview: scorecardOverviewRouteRef,
    readinessReviews: readinessReviewsRouteRef,
    reliabilityReport: reliabilityReportRouteRef,
  },
});
