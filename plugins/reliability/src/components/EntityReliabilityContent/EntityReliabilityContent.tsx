import { Children, ReactNode } from 'react';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isSloAvailable } from '../../isSloAvailable';
import { EntityIncidentStatsCard } from '../EntityIncidentStatsCard';
import { EntityOnCallCard } from '../EntityOnCallCard';
import { EntityRunbooksCard } from '../EntityRunbooksCard';
import { EntitySloCard } from '../EntitySloCard';
import { ReliabilitySummaryProvider } from '../ReliabilitySummaryProvider';

/** @public */
export interface EntityReliabilityContentProps {
  /**
   * More cards, each shown full width below on-call and runbooks; the place
   * for SLO and readiness scorecard cards.
   */
  children?: ReactNode;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

/**
 * The entity page's reliability tab. Row one answers "who do I call and
 * what do I do": on-call (wide) next to runbooks and incident figures.
 * Further rows are full width, so SLOs with their error budgets and the
 * readiness scorecard can be added without reshuffling what is here.
 * @public
 */
export function EntityReliabilityContent(props: EntityReliabilityContentProps) {
  const { children, now } = props;
  const { entity } = useEntity();
  return (
    <ReliabilitySummaryProvider>
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} lg={7}>
          <EntityOnCallCard showIncidents={false} now={now} />
        </Grid>
        <Grid item xs={12} lg={5}>
          <Stack spacing={3}>
            <EntityRunbooksCard />
            <EntityIncidentStatsCard now={now} />
          </Stack>
        </Grid>
        {isSloAvailable(entity) && (
          <Grid item xs={12}>
            <EntitySloCard now={now} />
          </Grid>
        )}
        {Children.toArray(children).map((child, index) => (
          <Grid item xs={12} key={index}>
            {child}
          </Grid>
        ))}
      </Grid>
    </ReliabilitySummaryProvider>
  );
}
