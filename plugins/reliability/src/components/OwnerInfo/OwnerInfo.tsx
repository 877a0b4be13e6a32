import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { EntityOwner } from '@preflight/plugin-reliability-common';
import { LabeledValue } from '../LabeledValue';

export interface OwnerInfoProps {
  owner: EntityOwner | null;
}

/**
 * The owning team from the catalog, linked to its page; a warning when the
 * owner reference points at nothing, because then nobody gets asked.
 */
export function OwnerInfo(props: OwnerInfoProps) {
  const { owner } = props;
  if (!owner) {
    return (
      <LabeledValue label="Owning team">
        <Typography variant="body2" color="text.secondary">
          No owner. Set <code>spec.owner</code> in the entity&apos;s
          catalog-info.yaml.
        </Typography>
      </LabeledValue>
    );
  }
  if (!owner.exists) {
    return (
      <LabeledValue label="Owning team">
        <Box component="span">{owner.title ?? owner.entityRef}</Box>
        <Alert severity="warning" sx={{ mt: 1 }}>
          The owner <code>{owner.entityRef}</code> does not exist in the
          catalog. Fix <code>spec.owner</code> or register that group.
        </Alert>
      </LabeledValue>
    );
  }
  return (
    <LabeledValue label="Owning team">
      <EntityRefLink
        entityRef={owner.entityRef}
        defaultKind="group"
        disableTooltip
      />
    </LabeledValue>
  );
}
