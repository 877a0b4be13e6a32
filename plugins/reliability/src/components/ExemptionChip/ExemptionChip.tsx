import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import type { AppliedExemption } from '@preflight/plugin-reliability-common';
import { entityRefName, formatDay } from '../../utils';

export interface ExemptionChipProps {
  exemption: AppliedExemption;
}

/**
 * An exemption declared in the entity's catalog file: until when, why and
 * who approved it; an expired one in the error colour, since the check
 * counts as failing again.
 */
export function ExemptionChip(props: ExemptionChipProps) {
  const { exemption } = props;
  const until = formatDay(exemption.expires);
  const label = `${
    exemption.expired ? `Exemption expired ${until}` : `Exempt until ${until}`
  } — ${exemption.reason} — approved by ${entityRefName(exemption.approver)}`;
  return (
    <Tooltip
      title={`Declared in the preflight.dev/scorecard-exemptions annotation; approver ${exemption.approver}`}
      describeChild
    >
      <Chip
        size="small"
        variant="outlined"
        color={exemption.expired ? 'error' : 'info'}
        icon={exemption.expired ? <EventBusyIcon /> : <GppMaybeIcon />}
        label={label}
        sx={{ maxWidth: '100%', height: 'auto', py: 0.25 }}
      />
    </Tooltip>
  );
}
