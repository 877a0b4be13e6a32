import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { applyIncludeExpansions, expansionsFor } from './includeExpansions';
import {
  loadPagerDutyOpenApi,
  OpenApiDocument,
  pagerDutyOpenApiPath,
} from './loadPagerDutyOpenApi';
import { addPagerDutyFormats } from './schemaFormats';
import {
  applySchemaPatches,
  resolvePointer,
  SCHEMA_PATCHES,
  SchemaPatch,
} from './schemaPatches';

/** One way a body disagrees with the schema. */
export interface PagerDutyValidationError {
  /** JSON pointer into the body, e.g. `/oncalls/0/start` */
  instancePath: string;
  /** the failing keyword's location in the schema */
  schemaPath: string;
  message: string;
}

/** What to validate a body as. */
export interface PagerDutyValidationOptions {
  /** HTTP status of the response (default 200) */
  status?: number;
  /** the `include[]` values of the request, which expand references into full objects */
  include?: readonly string[];
}

/** Options of {@link PagerDutyResponseValidator.load}. */
export interface PagerDutyResponseValidatorOptions {
  /** path of rest-openapiv3.json (default: {@link pagerDutyOpenApiPath}) */
  schemaPath?: string;
  /** patches to apply (default {@link SCHEMA_PATCHES}; `[]` validates against the schema as published) */
  patches?: readonly SchemaPatch[];
}

const ROOT_ID = 'pagerduty-rest-api';

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Human-readable one-liner per error, for test failure messages. */
export function formatValidationErrors(
  errors: readonly PagerDutyValidationError[],
): string {
  return errors
    .map(e => `${e.instancePath || '(body)'}: ${e.message} [${e.schemaPath}]`)
    .join('\n');
}

/**
 * Validates PagerDuty REST API response bodies against the official OpenAPI
 * schema, with only the documented schema defects patched (see
 * schemaPatches.ts). One ajv instance per set of include expansions; the
 * schema is compiled lazily per response.
 */
export class PagerDutyResponseValidator {
  private readonly variants = new Map<string, Ajv>();
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(
    private readonly source: () => OpenApiDocument,
    private readonly patches: readonly SchemaPatch[],
    /** the patched document without include expansions */
    readonly document: OpenApiDocument,
  ) {}

  /** Loads the schema from disk and applies the patches to a private copy. */
  static load(
    options: PagerDutyResponseValidatorOptions = {},
  ): PagerDutyResponseValidator {
    const path = options.schemaPath ?? pagerDutyOpenApiPath();
    const source = () => loadPagerDutyOpenApi(path);
    const patches = options.patches ?? SCHEMA_PATCHES;
    return new PagerDutyResponseValidator(
      source,
      patches,
      applySchemaPatches(source(), patches),
    );
  }

  private ajvFor(
    operation: string,
    include: readonly string[],
  ): { ajv: Ajv; key: string } {
    const expansions = expansionsFor(operation, include);
    const key = expansions
      .map(e => `${e.operation}:${e.include}`)
      .sort()
      .join(',');
    let ajv = this.variants.get(key);
    if (!ajv) {
      const doc =
        key === ''
          ? this.document
          : applySchemaPatches(this.source(), this.patches);
      applyIncludeExpansions(doc, expansions);
      // strictTypes/strictTuples only lint how a schema is written (OpenAPI
      // routinely omits `type: object` next to `properties`); they say
      // nothing about the data, so they stay off. Unknown keywords and
      // formats still fail loudly.
      ajv = new Ajv({
        allErrors: true,
        strictTypes: false,
        strictTuples: false,
      });
      addPagerDutyFormats(ajv);
      // OpenAPI annotations with no validation meaning.
      ajv.addVocabulary([
        'example',
        'x-examples',
        'discriminator',
        'xml',
        'externalDocs',
        'components',
        'paths',
      ]);
      ajv.addSchema({
        $id: ROOT_ID,
        components: doc.components,
        paths: doc.paths,
      });
      this.variants.set(key, ajv);
    }
    return { ajv, key };
  }

  /** The pointer of a response schema, or undefined when the operation does not define that status. */
  responseSchemaPointer(
    method: string,
    pathTemplate: string,
    status = 200,
  ): string | undefined {
    const operation = this.document.paths[pathTemplate]?.[method.toLowerCase()];
    if (!operation) {
      throw new Error(
        `the schema has no operation ${method.toUpperCase()} ${pathTemplate}`,
      );
    }
    let response = operation.responses?.[String(status)];
    if (!response) {
      return undefined;
    }
    let pointer = `#/paths/${escapePointer(
      pathTemplate,
    )}/${method.toLowerCase()}/responses/${status}`;
    if (typeof response.$ref === 'string') {
      pointer = response.$ref;
      response = resolvePointer(this.document, pointer);
    }
    if (!response.content?.['application/json']?.schema) {
      return undefined;
    }
    return `${pointer}/content/application~1json/schema`;
  }

  /** Whether the schema defines a JSON body for this operation and status. */
  hasResponseSchema(
    method: string,
    pathTemplate: string,
    status = 200,
  ): boolean {
    return (
      this.responseSchemaPointer(method, pathTemplate, status) !== undefined
    );
  }

  private run(
    pointer: string,
    operation: string,
    include: readonly string[],
    body: unknown,
  ): PagerDutyValidationError[] {
    const { ajv, key } = this.ajvFor(operation, include);
    const cacheKey = `${key}|${pointer}`;
    let validate = this.compiled.get(cacheKey);
    if (!validate) {
      validate = ajv.getSchema(`${ROOT_ID}${pointer}`);
      if (!validate) {
        throw new Error(`cannot compile ${pointer}`);
      }
      this.compiled.set(cacheKey, validate);
    }
    if (validate(body)) {
      return [];
    }
    return (validate.errors ?? []).map((e: ErrorObject) => ({
      instancePath: e.instancePath,
      schemaPath: e.schemaPath,
      message: `${e.message ?? e.keyword}${
        e.params && Object.keys(e.params).length
          ? ` ${JSON.stringify(e.params)}`
          : ''
      }`,
    }));
  }

  /**
   * Validates a response body of `method pathTemplate` (e.g. `GET`,
   * `/services/{id}`) for a status (default 200). Returns the errors; empty
   * means valid. Throws when the schema defines no JSON body for that status.
   */
  validate(
    method: string,
    pathTemplate: string,
    body: unknown,
    options: PagerDutyValidationOptions = {},
  ): PagerDutyValidationError[] {
    const status = options.status ?? 200;
    const pointer = this.responseSchemaPointer(method, pathTemplate, status);
    if (!pointer) {
      throw new Error(
        `the schema defines no JSON response ${status} for ${method.toUpperCase()} ${pathTemplate}`,
      );
    }
    return this.run(
      pointer,
      `${method.toUpperCase()} ${pathTemplate}`,
      options.include ?? [],
      body,
    );
  }

  /**
   * Validates a body against a shared response of `components.responses`
   * (e.g. `TooManyRequests`), for errors an operation does not list.
   */
  validateComponentResponse(
    name: string,
    body: unknown,
  ): PagerDutyValidationError[] {
    return this.run(
      `#/components/responses/${escapePointer(
        name,
      )}/content/application~1json/schema`,
      '',
      [],
      body,
    );
  }
}
