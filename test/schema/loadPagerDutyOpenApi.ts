import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The parts of an OpenAPI 3.0 document the validator reads. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components: {
    schemas: Record<string, any>;
    responses: Record<string, any>;
    parameters: Record<string, any>;
    [key: string]: any;
  };
  [key: string]: any;
}

/**
 * Where PagerDuty's official REST API schema lives: `PAGERDUTY_OPENAPI_PATH`
 * or `../shared/pagerduty/rest-openapiv3.json` next to the repository.
 */
export function pagerDutyOpenApiPath(): string {
  return (
    process.env.PAGERDUTY_OPENAPI_PATH ??
    resolve(__dirname, '../../../shared/pagerduty/rest-openapiv3.json')
  );
}

// The file is read once per process; every caller still gets its own parsed copy.
const texts = new Map<string, string>();

/**
 * Reads a fresh copy of the schema: callers patch their copy, so the file
 * itself and other copies stay exactly as PagerDuty published them.
 */
export function loadPagerDutyOpenApi(
  path = pagerDutyOpenApiPath(),
): OpenApiDocument {
  let text = texts.get(path);
  if (text === undefined) {
    text = readFileSync(path, 'utf8');
    texts.set(path, text);
  }
  return JSON.parse(text);
}
