import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { GroupOnCallResponse } from '@preflight/plugin-reliability-common';
import { GroupOnCallState, useGroupOnCall, useNow } from '../../hooks';
import { CardFrame } from '../CardFrame';
import { CardLoading } from '../CardLoading';
import { FreshnessBadge } from '../FreshnessBadge';
import { GroupOnCallTable } from '../GroupOnCallTable';
import { StaleWarning } from '../StaleWarning';
import { SummaryErrorPanel } from '../SummaryErrorPanel';

/** @public */
export interface EntityGroupOnCallCardProps {
  /** Card title; "Team on-call" by default. */
  title?: string;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

function subheader(response: GroupOnCallResponse | undefined) {
  if (!response || response.entities.length === 0) {
    return undefined;
  }
  const count = response.entities.length;
  const subGroups = response.groupRefs.length - 1;
  return `${count} ${count === 1 ? 'entity' : 'entities'} owned by this team${
    subGroups > 0
      ? ` and ${subGroups} sub-team${subGroups === 1 ? '' : 's'}`
      : ''
  }`;
}

function GroupOnCallBody(props: { state: GroupOnCallState; now: Date }) {
  const { state, now } = props;
  const { value: response } = state;
  if (!response) {
    if (state.error) {
      return (
        <SummaryErrorPanel
          error={state.error}
          entityRef={state.entityRef}
          onRetry={state.retry}
        />
      );
    }
    return <CardLoading label="Loading team on-call" />;
  }
  if (response.entities.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        This team owns no components. Components list their team in{' '}
        <code>spec.owner</code>; those of its sub-teams are shown here too.
      </Typography>
    );
  }
  return (
    <>
      {response.sources
        .filter(source => source.stale && source.lastSuccessAt)
        .map(source => (
          <StaleWarning key={source.id} source={source} now={now} />
        ))}
      {response.truncated && (
        <Alert severity="info">
          Showing the first {response.entities.length} entities; this team and
          its sub-teams own more.
        </Alert>
      )}
      <GroupOnCallTable
        groupRef={response.groupRef}
        entities={response.entities}
        now={now}
      />
    </>
  );
}

/**
 * "Who is on call for my team's services right now", for a group's page:
 * every entity the team and its sub-teams own, with who holds level 1 now
 * and how to reach them, until when and who is next, levels nobody holds,
 * open high-urgency incidents, and why an entity has no on-call to show.
 * @public
 */
export function EntityGroupOnCallCard(props: EntityGroupOnCallCardProps) {
  const { title = 'Team on-call' } = props;
  const now = useNow(props.now);
  const { entity } = useEntity();
  const state = useGroupOnCall(stringifyEntityRef(entity));
  const { value: response } = state;
  return (
    <CardFrame
      title={title}
      subheader={subheader(response)}
      action={
        response &&
        response.sources.length > 0 && (
          <FreshnessBadge sources={response.sources} now={now} />
        )
      }
    >
      <GroupOnCallBody state={state} now={now} />
    </CardFrame>
  );
}
