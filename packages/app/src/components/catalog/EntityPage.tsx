import Grid from '@material-ui/core/Grid';
import {
  EntityAboutCard,
  EntityHasSubcomponentsCard,
  EntityHasSystemsCard,
  EntityLayout,
  EntitySwitch,
  EntityHasComponentsCard,
  isKind,
} from '@backstage/plugin-catalog';
import {
  EntityGroupProfileCard,
  EntityMembersListCard,
  EntityOwnershipCard,
  EntityUserProfileCard,
} from '@backstage/plugin-org';
import {
  EntityGroupOnCallCard,
  EntityGroupScorecardCard,
  EntityOnCallCard,
  EntityOnCallHealthCard,
  EntityReadinessReviewContent,
  EntityReliabilityContent,
  EntityReliabilityGlanceCard,
  EntityReliabilityReportContent,
  EntityRunbooksCard,
  EntityScorecardCard,
  EntitySloCard,
  isSloAvailable,
} from '@preflight/plugin-reliability';

/*
 * Preflight is wired here exactly as the README tells adopters to: the
 * "reliability at a glance" card at the top of every component's overview,
 * then the on-call, runbooks, SLO (when declared) and readiness scorecard
 * cards, a "Reliability" tab gathering all of Preflight's cards, a
 * "Readiness review" tab with the component's readiness reviews, the
 * team on-call and on-call health cards on every group's overview, the
 * team scorecards in a "Scorecards" tab and the team's monthly reliability
 * report in a "Reliability report" tab of every group.
 */

const componentOverview = (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item xs={12}>
      <EntityReliabilityGlanceCard />
    </Grid>
    <Grid item md={6} xs={12}>
      <EntityOnCallCard />
    </Grid>
    <Grid item md={6} xs={12}>
      {/*
       * Runbooks sit beside the on-call card, above the fold. The catalog's
       * Links card is left out: it repeated the same runbook links.
       */}
      <EntityRunbooksCard />
    </Grid>
    <EntitySwitch>
      <EntitySwitch.Case if={isSloAvailable}>
        <Grid item xs={12}>
          <EntitySloCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
    <Grid item md={12} xs={12}>
      <EntityScorecardCard />
    </Grid>
    <Grid item md={6} xs={12}>
      <EntityAboutCard />
    </Grid>
    <Grid item md={6} xs={12}>
      <EntityHasSubcomponentsCard />
    </Grid>
  </Grid>
);

const componentPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {componentOverview}
    </EntityLayout.Route>
    <EntityLayout.Route path="/reliability" title="Reliability">
      <EntityReliabilityContent>
        <EntityScorecardCard />
      </EntityReliabilityContent>
    </EntityLayout.Route>
    <EntityLayout.Route path="/readiness-review" title="Readiness review">
      <EntityReadinessReviewContent />
    </EntityLayout.Route>
  </EntityLayout>
);

/**
 * An entity page with one overview tab: two cards side by side, then any
 * further cards full width.
 */
function overviewPage(
  left: JSX.Element,
  right: JSX.Element,
  ...below: JSX.Element[]
) {
  return (
    <EntityLayout>
      <EntityLayout.Route path="/" title="Overview">
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            {left}
          </Grid>
          <Grid item xs={12} md={6}>
            {right}
          </Grid>
          {below.map((card, index) => (
            <Grid item xs={12} key={index}>
              {card}
            </Grid>
          ))}
        </Grid>
      </EntityLayout.Route>
    </EntityLayout>
  );
}

const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <EntityGroupProfileCard />
        </Grid>
        <Grid item xs={12} md={6}>
          <EntityOwnershipCard />
        </Grid>
        <Grid item xs={12}>
          <EntityGroupOnCallCard />
        </Grid>
        <Grid item xs={12}>
          <EntityOnCallHealthCard />
        </Grid>
        <Grid item xs={12}>
          <EntityMembersListCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
    <EntityLayout.Route path="/scorecards" title="Scorecards">
      <EntityGroupScorecardCard />
    </EntityLayout.Route>
    <EntityLayout.Route path="/reliability-report" title="Reliability report">
      <EntityReliabilityReportContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const userPage = overviewPage(
  <EntityUserProfileCard />,
  <EntityOwnershipCard />,
);

const systemPage = overviewPage(
  <EntityAboutCard />,
  <EntityHasComponentsCard />,
);

const defaultPage = overviewPage(<EntityAboutCard />, <EntityHasSystemsCard />);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('component')} children={componentPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case if={isKind('user')} children={userPage} />
    <EntitySwitch.Case if={isKind('system')} children={systemPage} />
    <EntitySwitch.Case>{defaultPage}</EntitySwitch.Case>
  </EntitySwitch>
);
