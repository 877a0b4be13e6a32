import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  RUNBOOK_LINK_TYPE,
} from '@preflight/plugin-reliability-common';
import { isSloAvailable } from './isSloAvailable';

/**
 * True when the entity has something Preflight can show: a PagerDuty
 * annotation (even a broken one, whose fix the card explains), a runbook
 * link, or SLOs (the `preflight.dev/openslo` annotation). For
 * `EntityLayout.Route if={...}` and `EntitySwitch.Case if={...}`.
 * Apps that want every component to see how to link PagerDuty can skip it.
 * @public
 */
export function isReliabilityAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    ANNOTATION_PAGERDUTY_SERVICE_ID in annotations ||
    ANNOTATION_PAGERDUTY_ACCOUNT in annotations ||
    (entity.metadata.links ?? []).some(
      link => link.type === RUNBOOK_LINK_TYPE,
    ) ||
    isSloAvailable(entity)
  );
}
