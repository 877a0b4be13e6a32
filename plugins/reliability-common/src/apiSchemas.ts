import type { components } from './generated/openapi';

/**
 * Every schema of the OpenAPI spec by name (`components.schemas` of
 * `plugins/reliability-backend/openapi.yaml`); the API types of this package
 * are aliases of its entries.
 * @public
 */
export type ReliabilityApiSchemas = components['schemas'];

/**
 * Every shared parameter of the OpenAPI spec by name
 * (`components.parameters`), for the types of query values.
 * @public
 */
export type ReliabilityApiParameters = components['parameters'];
