export {
  PagerDutyResponseValidator,
  formatValidationErrors,
} from './PagerDutyResponseValidator';
export type {
  PagerDutyValidationError,
  PagerDutyValidationOptions,
  PagerDutyResponseValidatorOptions,
} from './PagerDutyResponseValidator';
export {
  validatePagerDutyResponse,
  assertValidPagerDutyResponse,
  sharedPagerDutyValidator,
} from './validatePagerDutyResponse';
export { SCHEMA_PATCHES, applySchemaPatches } from './schemaPatches';
export type { SchemaPatch } from './schemaPatches';
export { INCLUDE_EXPANSIONS } from './includeExpansions';
export type { IncludeExpansion } from './includeExpansions';
export {
  loadPagerDutyOpenApi,
  pagerDutyOpenApiPath,
} from './loadPagerDutyOpenApi';
export type { OpenApiDocument } from './loadPagerDutyOpenApi';
export { findInvalidDefaults } from './findInvalidDefaults';
