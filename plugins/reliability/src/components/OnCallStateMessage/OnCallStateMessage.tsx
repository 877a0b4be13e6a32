import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  EntityOnCall,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import { sourceAccount } from '../../utils';
import { MetadataProblemAlert } from '../MetadataProblemAlert';
import { RelativeTime } from '../RelativeTime';
import { YamlSnippet } from '../YamlSnippet';

export interface OnCallStateMessageProps {
  onCall: EntityOnCall;
  sources: SourceHealth[];
  now: Date;
}

const NOT_CONFIGURED_YAML = `metadata:
  annotations:
    # the id at the end of the service URL, …/service-directory/PX1ABCD
    ${ANNOTATION_PAGERDUTY_SERVICE_ID}: PX1ABCD
    # only with several PagerDuty accounts configured:
    # ${ANNOTATION_PAGERDUTY_ACCOUNT}: default`;

/**
 * Why there is no on-call to show, and how to fix it: the entity is not
 * linked to PagerDuty, the link is malformed, PagerDuty does not know the
 * service, the first sync has not finished, or the sync has not reached
 * this service yet.
 */
export function OnCallStateMessage(props: OnCallStateMessageProps) {
  const { onCall, sources, now } = props;
  switch (onCall.state) {
    case 'not-configured':
      return (
        <Alert severity="info">
          <AlertTitle>No PagerDuty service linked</AlertTitle>
          <Typography variant="body2">
            Add the <code>{ANNOTATION_PAGERDUTY_SERVICE_ID}</code> annotation to
            this entity&apos;s catalog-info.yaml to show who is on call:
          </Typography>
          <YamlSnippet yaml={NOT_CONFIGURED_YAML} />
        </Alert>
      );
    case 'malformed':
      return onCall.problem ? (
        <MetadataProblemAlert problem={onCall.problem} />
      ) : (
        <Alert severity="error">
          <AlertTitle>Invalid PagerDuty annotation</AlertTitle>
          Check <code>{ANNOTATION_PAGERDUTY_SERVICE_ID}</code>: it must be a
          service id such as PX1ABCD.
        </Alert>
      );
    case 'unknown-service': {
      const account = sourceAccount(onCall.sourceId) ?? 'default';
      return (
        <Alert severity="warning">
          <AlertTitle>PagerDuty service not found</AlertTitle>
          <Typography variant="body2">
            PagerDuty account <strong>{account}</strong> has no service with id{' '}
            <code>{onCall.serviceId ?? '(none)'}</code>.
          </Typography>
          <Typography variant="body2" sx={{ mt: 1 }}>
            Check the id in <code>{ANNOTATION_PAGERDUTY_SERVICE_ID}</code>: it
            is the last part of the service&apos;s URL in PagerDuty
            (…/service-directory/PX1ABCD). If the service lives in another
            account, set <code>{ANNOTATION_PAGERDUTY_ACCOUNT}</code>.
          </Typography>
        </Alert>
      );
    }
    case 'awaiting-sync': {
      const source = sources.find(
        candidate => candidate.id === onCall.sourceId,
      );
      if (onCall.notSyncedReason) {
        // The source syncs fine; this one service was out of reach.
        return (
          <Alert severity="info">
            <AlertTitle>PagerDuty service not synced yet</AlertTitle>
            <Typography variant="body2">{onCall.notSyncedReason}</Typography>
          </Alert>
        );
      }
      return (
        <Alert severity="info">
          <AlertTitle>Waiting for the first PagerDuty sync</AlertTitle>
          <Typography variant="body2">
            Service <code>{onCall.serviceId}</code> will show here once{' '}
            {source?.displayName ?? onCall.sourceId ?? 'PagerDuty'} has synced
            successfully; syncs run every few minutes.
          </Typography>
          {source?.lastAttemptAt && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Last attempt{' '}
              <RelativeTime value={source.lastAttemptAt} now={now} />
              {source.lastError ? `: ${source.lastError}` : '.'}
            </Typography>
          )}
        </Alert>
      );
    }
    default:
      return null;
  }
}
