import Typography from '@mui/material/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { personLabel } from '../../utils';

export interface ReportPersonLinkProps {
  personId: string;
  /** The name the on-call source gives the person, when known. */
  personName?: string;
}

/**
 * A person of a rotation, by name where the source gave one: a link to
 * their user entity when the backend mapped them to one (an entity ref),
 * else text (the provider's id when no name is known).
 */
export function ReportPersonLink(props: ReportPersonLinkProps) {
  const { personId, personName } = props;
  if (!personId.includes(':')) {
    return (
      <Typography
        component="span"
        variant="body2"
        title={personName ? personId : undefined}
      >
        {personLabel(personId, personName)}
      </Typography>
    );
  }
  return (
    <EntityRefLink entityRef={personId} defaultKind="user" disableTooltip>
      {personLabel(personId, personName)}
    </EntityRefLink>
  );
}
