/**
 * Catalog annotations Preflight reads.
 *
 * PagerDuty annotations are the ones PagerDuty's own Backstage plugin reads,
 * so catalogs that already use that plugin work unchanged.
 */

/** The PagerDuty service id of an entity, e.g. `PX1ABCD`. @public */
export const ANNOTATION_PAGERDUTY_SERVICE_ID = 'pagerduty.com/service-id';
/** Which configured PagerDuty account the service lives in (optional). @public */
export const ANNOTATION_PAGERDUTY_ACCOUNT = 'pagerduty.com/account';
/** Product prefix for Preflight's own annotations. @public */
export const PREFLIGHT_ANNOTATION_PREFIX = 'preflight.dev';
/** Service tier, e.g. `tier-1`. @public */
export const ANNOTATION_TIER = `${PREFLIGHT_ANNOTATION_PREFIX}/tier`;
/** `metadata.links[].type` that marks a runbook. @public */
export const RUNBOOK_LINK_TYPE = 'runbook';
