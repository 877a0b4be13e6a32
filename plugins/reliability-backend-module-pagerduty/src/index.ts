/**
 * PagerDuty source for Preflight: a backend module of the reliability plugin
 * that syncs PagerDuty services, escalation policies, on-calls and incidents.
 * It is configured under `reliability.pagerduty` (see config.d.ts).
 *
 * @packageDocumentation
 */
export { reliabilityModulePagerDuty as default } from './module';
export { reliabilityModulePagerDuty } from './module';
