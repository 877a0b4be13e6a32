/**
 * Extension points and provider contracts for Preflight backend modules.
 *
 * @packageDocumentation
 */
export * from './OnCallProvider';
export * from './extensions';
