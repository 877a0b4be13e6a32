import type { AuditorService } from '@backstage/backend-plugin-api';
import { boundUserValue } from '@preflight/plugin-reliability-common';
import type { Request } from 'express';
import { errorMessage } from '../lib/errorMessage';

/**
 * Audits a refresh refused before it started: 401 (no valid credentials)
 * or 403 (a caller that is not a user), as a failed `entity-refresh` event
 * with the reason. The auditor names the actor from the request's
 * credentials, which a 401 caller does not have, so such events carry the
 * client's address and user agent instead of the request.
 */
export async function auditRefusedRefresh(
  auditor: AuditorService,
  req: Request,
  entityRef: string,
  error: unknown,
): Promise<void> {
  const authenticated =
    (error as { name?: unknown } | null)?.name !== 'AuthenticationError';
  const reason = authenticated
    ? 'only users may refresh; the caller is not a user'
    : 'no valid credentials';
  const event = await auditor.createEvent({
    eventId: 'entity-refresh',
    severityLevel: 'medium',
    ...(authenticated ? { request: req } : {}),
    meta: {
      entityRef,
      ...(authenticated
        ? {}
        : {
            actor: 'unauthenticated',
            ip: req.ip,
            userAgent: boundUserValue(req.get('user-agent') ?? ''),
          }),
    },
  });
  await event.fail({
    error: error instanceof Error ? error : new Error(errorMessage(error)),
    meta: { reason },
  });
}
