/**
 * Preflight reliability backend plugin: syncs on-call sources, stores their
 * data and serves entity reliability summaries.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin } from './plugin';
export { reliabilityPlugin as default } from './plugin';
// The stores, for tools that seed or inspect the plugin's database outside
// the backend (the scorecard benchmark).
export { DatabaseReliabilityStore } from './database/DatabaseReliabilityStore';
export { DatabaseSloStore } from './slo/DatabaseSloStore';
