import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { GroupOnCallEntity } from '@preflight/plugin-reliability-common';
import {
  entityDisplayName,
  entityKind,
  sortGroupOnCallEntities,
} from '../../utils';
import { Dash } from '../Dash';
import { OnCallStateChip } from '../OnCallStateChip';
import { PersonContact } from '../PersonContact';
import { RelativeTime } from '../RelativeTime';
import { UncoveredLevelChip } from '../UncoveredLevelChip';

export interface GroupOnCallTableProps {
  /** The group whose page this is; rows of its sub-groups name their owner. */
  groupRef: string;
  entities: GroupOnCallEntity[];
  now: Date;
}

function ServiceCell(props: { entity: GroupOnCallEntity; groupRef: string }) {
  const { entity, groupRef } = props;
  const kind = entityKind(entity);
  const viaSubGroup =
    entity.ownerRef.toLocaleLowerCase('en-US') !==
    groupRef.toLocaleLowerCase('en-US');
  return (
    <>
      <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
        <EntityRefLink entityRef={entity.entityRef} defaultKind="component">
          {entityDisplayName(entity)}
        </EntityRefLink>
      </Typography>
      {(kind !== 'component' || viaSubGroup) && (
        <Typography variant="caption" color="text.secondary" component="div">
          {/* Not every owned entity is a service; say what it is. */}
          {kind !== 'component' && (
            <Box component="span" sx={{ textTransform: 'capitalize' }}>
              {kind}
            </Box>
          )}
          {kind !== 'component' && viaSubGroup && ' · '}
          {viaSubGroup && (
            <>
              via{' '}
              <EntityRefLink
                entityRef={entity.ownerRef}
                defaultKind="group"
                disableTooltip
              />
            </>
          )}
        </Typography>
      )}
    </>
  );
}

function OnCallNowCell(props: { entity: GroupOnCallEntity; now: Date }) {
  const { entity, now } = props;
  if (entity.state !== 'ok') {
    return <OnCallStateChip state={entity.state} problem={entity.problem} />;
  }
  if (!entity.escalationPolicy) {
    return (
      <Typography variant="body2" color="text.secondary">
        No escalation policy
      </Typography>
    );
  }
  return (
    <Stack spacing={0.75} alignItems="flex-start">
      {entity.onCallNow.map(assignment => (
        <PersonContact
          key={`${assignment.person.id}:${assignment.schedule?.id ?? ''}`}
          person={assignment.person}
          dense
        />
      ))}
      {entity.uncoveredLevels.map(level => (
        <UncoveredLevelChip
          key={level.level}
          level={level.level}
          until={level.until}
          now={now}
        />
      ))}
    </Stack>
  );
}

function names(entity: GroupOnCallEntity): string {
  const onCall = entity.nextHandoff?.onCall ?? [];
  return onCall.length > 0
    ? onCall.map(assignment => assignment.person.name).join(', ')
    : 'nobody (a gap begins)';
}

function HandoffCell(props: { entity: GroupOnCallEntity; now: Date }) {
  const { entity, now } = props;
  if (entity.state !== 'ok' || !entity.escalationPolicy) {
    return <Dash label="not applicable" />;
  }
  const ends = entity.onCallNow.map(assignment => assignment.end);
  const permanent =
    entity.onCallNow.length > 0 && ends.every(end => end === null);
  // The level changes hands when the first current shift ends.
  const until = ends
    .filter((end): end is string => end !== null)
    .sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const { nextHandoff } = entity;
  return (
    <Stack spacing={0.25} sx={{ typography: 'body2' }}>
      {permanent && (
        <span>
          <Chip size="small" variant="outlined" label="Permanent on-call" />
        </span>
      )}
      {until && (
        <span>
          until{' '}
          <RelativeTime value={until} now={now} withAbsolute absoluteFirst />
        </span>
      )}
      {nextHandoff &&
        (until && nextHandoff.at === until ? (
          <Typography variant="body2" color="text.secondary">
            then <strong>{names(entity)}</strong>
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary">
            next: <strong>{names(entity)}</strong>{' '}
            <RelativeTime value={nextHandoff.at} now={now} withAbsolute />
          </Typography>
        ))}
      {!permanent && !until && !nextHandoff && (
        <Typography variant="body2" color="text.secondary">
          nobody scheduled in the next 7 days
        </Typography>
      )}
    </Stack>
  );
}

function IncidentsCell(props: { count: number | null }) {
  const { count } = props;
  if (count === null) {
    return <Dash label="no incident figures" />;
  }
  const label = `${count} open high-urgency incident${count === 1 ? '' : 's'}`;
  if (count === 0) {
    return (
      <Typography variant="body2" color="text.secondary" aria-label={label}>
        0
      </Typography>
    );
  }
  return <Chip size="small" color="error" label={count} aria-label={label} />;
}

/**
 * One row per entity a team owns: who answers a page now, until when and
 * who is next, levels nobody holds, and open high-urgency incidents.
 * Entities that need attention come first.
 */
export function GroupOnCallTable(props: GroupOnCallTableProps) {
  const { groupRef, entities, now } = props;
  return (
    <TableContainer>
      <Table size="small" aria-label="On call per service">
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>On call now (level 1)</TableCell>
            <TableCell>Until / next handoff</TableCell>
            <TableCell align="right">
              <Tooltip title="Open high-urgency incidents" describeChild>
                <span>Open incidents</span>
              </Tooltip>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sortGroupOnCallEntities(entities).map(entity => (
            <TableRow
              key={entity.entityRef}
              aria-label={entityDisplayName(entity)}
              sx={{ '&:last-child td': { border: 0 } }}
            >
              <TableCell>
                <ServiceCell entity={entity} groupRef={groupRef} />
              </TableCell>
              <TableCell>
                <OnCallNowCell entity={entity} now={now} />
              </TableCell>
              <TableCell>
                <HandoffCell entity={entity} now={now} />
              </TableCell>
              <TableCell align="right">
                <IncidentsCell count={entity.openHighUrgencyIncidents} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
