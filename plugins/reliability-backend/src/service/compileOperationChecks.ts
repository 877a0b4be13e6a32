import Ajv2020, {
  type ErrorObject,
  type ValidateFunction,
} from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describeSchemaError } from './describeSchemaError';
import { spec } from '../generated/router';
import type { SpecOperation, SpecParameter } from './specOperations';

/** What a request sends an operation: Express's view of it. */
export interface OperationInput {
  params: Record<string, string>;
  query: unknown;
  body: unknown;
}

/**
 * What the spec refused in a request: whether the path parameters were
 * refused (the route words that by the catalog's rules), and one line per
 * refused query or body field, e.g. `changes[0]: must NOT have additional
 * properties`.
 */
export interface SpecRefusal {
  paramsRefused: boolean;
  fields: string[];
}

/** Checks a request against one operation; `undefined` when it follows the spec. */
export type OperationCheck = (input: OperationInput) => SpecRefusal | undefined;

// The spec is added to each validator under this id once; the operations'
// schemas are references into it, so `$ref`s inside resolve as written and
// every schema is compiled once, at start-up.
const SPEC_ID = 'openapi';

function specValidator(options: { coerceTypes: boolean }): Ajv2020 {
  // `strict: false`: the spec's schemas carry OpenAPI's own words
  // (`description`, `example`) next to JSON Schema's.
  const ajv = new Ajv2020({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  return ajv;
}

function refTo(pointer: string): { $ref: string } {
  // Path templates hold braces, which a URI fragment must escape.
  return { $ref: `${SPEC_ID}${encodeURI(pointer)}` };
}

function parametersSchema(parameters: SpecParameter[]): object {
  return {
    type: 'object',
    properties: Object.fromEntries(
      parameters.map(parameter => [
        parameter.name,
        refTo(parameter.schemaPointer),
      ]),
    ),
    required: parameters.filter(p => p.required).map(p => p.name),
  };
}

function describeErrors(
  where: 'query' | 'body',
  errors: ErrorObject[] | null | undefined,
): string[] {
  return [...new Set((errors ?? []).map(e => describeSchemaError(where, e)))];
}

/**
 * Compiles a check per operation from the spec, once: path parameters and
 * query with their values turned into the documented types (as Express
 * hands them over as text; the query is converted in place, so routes read
 * `page` as a number), the JSON body as sent. A request then costs one call
 * of each compiled function, no lookup of the operation and no schema work.
 */
export function compileOperationChecks(
  operations: SpecOperation[],
): Map<SpecOperation, OperationCheck> {
  const textual = specValidator({ coerceTypes: true });
  const exact = specValidator({ coerceTypes: false });
  const checks = new Map<SpecOperation, OperationCheck>();
  for (const operation of operations) {
    const params = textual.compile(parametersSchema(operation.pathParameters));
    const query = textual.compile(parametersSchema(operation.queryParameters));
    const body: ValidateFunction | undefined = operation.bodyPointer
      ? exact.compile(refTo(operation.bodyPointer))
      : undefined;
    checks.set(operation, input => {
      // Coercion writes the converted values back into what it checks: path
      // parameters are checked on a copy (routes keep reading them as text).
      const paramsRefused = !params({ ...input.params });
      const fields = query(input.query ?? {})
        ? []
        : describeErrors('query', query.errors);
      const sent = input.body !== undefined;
      if (body && (sent || operation.bodyRequired) && !body(input.body)) {
        fields.push(...describeErrors('body', body.errors));
      }
      return paramsRefused || fields.length > 0
        ? { paramsRefused, fields }
        : undefined;
    });
  }
  return checks;
}
