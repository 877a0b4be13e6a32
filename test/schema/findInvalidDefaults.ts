/**
 * Finds `default` values that do not satisfy their own schema's `type` or
 * `enum` (the sre_memories_limit defect). Used to check that the patched
 * schema is self-consistent.
 */
export function findInvalidDefaults(node: unknown, pointer = '#'): string[] {
  if (Array.isArray(node)) {
    return node.flatMap((item, i) =>
      findInvalidDefaults(item, `${pointer}/${i}`),
    );
  }
  if (node === null || typeof node !== 'object') {
    return [];
  }
  const schema = node as Record<string, unknown>;
  const problems: string[] = [];
  if ('default' in schema && typeof schema.type === 'string') {
    const value = schema.default;
    const typeOk =
      (value === null && schema.nullable === true) ||
      (schema.type === 'integer' && Number.isInteger(value)) ||
      (schema.type === 'number' && typeof value === 'number') ||
      (schema.type === 'string' && typeof value === 'string') ||
      (schema.type === 'boolean' && typeof value === 'boolean') ||
      (schema.type === 'array' && Array.isArray(value)) ||
      (schema.type === 'object' &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value));
    const enumOk =
      !Array.isArray(schema.enum) ||
      schema.enum.some(v => JSON.stringify(v) === JSON.stringify(value));
    if (!typeOk || !enumOk) {
      problems.push(pointer);
    }
  }
  for (const [key, value] of Object.entries(schema)) {
    // Examples are sample data, not schemas.
    if (key !== 'example' && key !== 'examples' && key !== 'x-examples') {
      problems.push(
        ...findInvalidDefaults(
          value,
          `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        ),
      );
    }
  }
  return problems;
}
