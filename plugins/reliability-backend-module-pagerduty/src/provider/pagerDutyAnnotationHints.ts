import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
} from '@preflight/plugin-reliability-common';
import type { OnCallAnnotationHints } from '@preflight/plugin-reliability-node';

/**
 * Where an entity names its PagerDuty service, and how an owner finds the
 * right id: the wording of the problems the backend reports for PagerDuty.
 */
export const pagerDutyAnnotationHints: OnCallAnnotationHints = {
  serviceIdAnnotation: ANNOTATION_PAGERDUTY_SERVICE_ID,
  sourceAnnotation: ANNOTATION_PAGERDUTY_ACCOUNT,
  unknownServiceFix: `Copy the id from the service's PagerDuty URL (…/service-directory/<id>), or set "${ANNOTATION_PAGERDUTY_ACCOUNT}" if the service lives in another configured account.`,
};
