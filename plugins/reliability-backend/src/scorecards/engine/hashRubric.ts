/** Code-unit order, so the hash does not depend on the runtime's locale. */
function compareKeys(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/**
 * JSON with object keys sorted (code-unit order), so equal values always
 * give equal text: the input of hashes and fingerprints. Undefined object
 * members are left out and undefined array items written as `null`, as
 * `JSON.stringify` does.
 * @public
 */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => compareKeys(a, b));
    return `{${entries
      .map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A short stable hash (64-bit FNV-1a, hex) of a JSON value. Isomorphic: no
 * Node crypto, since the browser and the backend both use -common.
 * @public
 */
export function stableHash(value: unknown): string {
  const text = stableJson(value);
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}
