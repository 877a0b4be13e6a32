import { spec } from '../generated/router';
import { decodePointer, encodePointerSegment } from '../lib/jsonPointer';

/** Methods an operation of the spec can have, as Express names them. */
export const OPERATION_METHODS = [
  'get',
  'post',
  'put',
  'patch',
  'delete',
] as const;

export type OperationMethod = (typeof OPERATION_METHODS)[number];

/** A parameter of an operation: where its schema sits in the spec. */
export interface SpecParameter {
  name: string;
  required: boolean;
  /** JSON pointer to the parameter's schema within the spec. */
  schemaPointer: string;
}

/** One operation of openapi.yaml, as the request validator compiles it. */
export interface SpecOperation {
  operationId: string;
  method: OperationMethod;
  /** The spec's path template as Express writes it (`/reviews/:id`). */
  route: string;
  pathParameters: SpecParameter[];
  queryParameters: SpecParameter[];
  /** JSON pointer to the JSON body's schema, when the operation takes one. */
  bodyPointer?: string;
  bodyRequired: boolean;
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
}

type Reference = { $ref: string };

function atPointer(pointer: string): unknown {
  return decodePointer(pointer).reduce<unknown>(
    (node, key) => (node as Record<string, unknown> | undefined)?.[key],
    spec,
  );
}

// A parameter given inline or as `$ref: '#/components/parameters/…'`:
// where its object sits, so its schema can be referenced, not copied.
function parameterAt(pointer: string): {
  parameter: ParameterObject;
  pointer: string;
} {
  const node = atPointer(pointer) as ParameterObject | Reference;
  if ('$ref' in node) {
    return parameterAt(node.$ref);
  }
  return { parameter: node, pointer };
}

function parametersOf(pointers: string[]): {
  path: SpecParameter[];
  query: SpecParameter[];
} {
  // An operation's own parameter overrides its path's of the same name and place.
  const byKey = new Map<
    string,
    { parameter: ParameterObject; pointer: string }
  >();
  for (const pointer of pointers) {
    const found = parameterAt(pointer);
    byKey.set(`${found.parameter.in}:${found.parameter.name}`, found);
  }
  const path: SpecParameter[] = [];
  const query: SpecParameter[] = [];
  for (const { parameter, pointer } of byKey.values()) {
    const described = {
      name: parameter.name,
      required: parameter.in === 'path' || parameter.required === true,
      schemaPointer: `${pointer}/schema`,
    };
    if (parameter.in === 'path') {
      path.push(described);
    } else if (parameter.in === 'query') {
      query.push(described);
    }
  }
  return { path, query };
}

/** Every operation the spec documents, in the spec's order. */
export function listSpecOperations(): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const itemPointer = `#/paths/${encodePointerSegment(template)}`;
    const shared = ((item as { parameters?: unknown[] }).parameters ?? []).map(
      (_, index) => `${itemPointer}/parameters/${index}`,
    );
    for (const method of OPERATION_METHODS) {
      const operation = (item as Record<string, unknown>)[method] as
        | {
            operationId: string;
            parameters?: unknown[];
            requestBody?: { required?: boolean; content?: object };
          }
        | undefined;
      if (!operation) {
        continue;
      }
      const operationPointer = `${itemPointer}/${method}`;
      const own = (operation.parameters ?? []).map(
        (_, index) => `${operationPointer}/parameters/${index}`,
      );
      const { path, query } = parametersOf([...shared, ...own]);
      const takesJson = Boolean(
        operation.requestBody?.content &&
          'application/json' in operation.requestBody.content,
      );
      operations.push({
        operationId: operation.operationId,
        method,
        route: template.replace(/\{(\w+)\}/g, ':$1'),
        pathParameters: path,
        queryParameters: query,
        bodyPointer: takesJson
          ? `${operationPointer}/requestBody/content/application~1json/schema`
          : undefined,
        bodyRequired: operation.requestBody?.required === true,
      });
    }
  }
  return operations;
}
