import Typography from '@mui/material/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { personLabel } from '../../utils';

/** @public */
export interface ReportPersonLinkProps {
  personId: string;
}

/**
 * A person of a rotation: a link to their user entity when the backend
 * mapped them to one (an entity ref), else the provider's id as text.
 * @public
 */
export function ReportPersonLink(props: ReportPersonLinkProps) {
  const { personId } = props;
  if (!personId.includes(':')) {
    return (
      <Typography component="span" variant="body2">
        {personId}
      </Typography>
    );
  }
  return (
    <EntityRefLink entityRef={personId} defaultKind="user" disableTooltip>
      {personLabel(personId)}
    </EntityRefLink>
  );
}
