import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type {
  EntityOnCall,
  EntityOwner,
} from '@preflight/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';
import { LabeledValue } from '../LabeledValue';
import { OwnerInfo } from '../OwnerInfo';
import { ServiceStatusChip } from '../ServiceStatusChip';

export interface ServiceOverviewProps {
  onCall: EntityOnCall;
  owner: EntityOwner | null;
}

function LinkOrText(props: { href?: string; text: string }) {
  return props.href ? (
    <ExternalLink href={props.href}>{props.text}</ExternalLink>
  ) : (
    <>{props.text}</>
  );
}

/**
 * The PagerDuty service with its status, its escalation policy and the
 * owning team, side by side.
 */
export function ServiceOverview(props: ServiceOverviewProps) {
  const { onCall, owner } = props;
  const { service, escalationPolicy } = onCall;
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, minmax(0, 1fr))' },
      }}
    >
      {service && (
        <LabeledValue label="PagerDuty service">
          <Stack
            direction="row"
            spacing={1}
            alignItems="center"
            useFlexGap
            flexWrap="wrap"
          >
            <LinkOrText href={service.htmlUrl} text={service.name} />
            {service.status && <ServiceStatusChip status={service.status} />}
          </Stack>
        </LabeledValue>
      )}
      {escalationPolicy && (
        <LabeledValue label="Escalation policy">
          <LinkOrText
            href={escalationPolicy.htmlUrl}
            text={escalationPolicy.name}
          />
        </LabeledValue>
      )}
      <OwnerInfo owner={owner} />
    </Box>
  );
}
