/**
 * JSON with object keys sorted (code-unit order), so equal values always
 * give equal text: the input of hashes and fingerprints. Undefined object
 * members are left out and undefined array items written as `null`, as
 * `JSON.stringify` does. Objects are written by their own enumerable keys
 * only (a `Date` is `{}`: no `toJSON`).
 */
export function stableJson(value: unknown): string {
  return appendStableJson('', value);
}

// Object keys repeat across values (every entity has the same fields), so
// their JSON form is kept rather than escaped again each time; bounded, as
// keys such as annotation names come from users.
const QUOTED_KEYS_KEPT = 10_000;
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_KEPT) {
      quotedKeys.set(key, quoted);
    }
  }
  return quoted;
}

// The evaluation writes this for every entity of the catalog: one string
// grows (cheap in V8) instead of an array, entry pair and string per member.
function appendStableJson(text: string, value: unknown): string {
  if (typeof value !== 'object' || value === null) {
    return text + (JSON.stringify(value) ?? 'null');
  }
  let out = text;
  if (Array.isArray(value)) {
    out += '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) {
        out += ',';
      }
      // A hole is written as nothing, as `Array.prototype.join` leaves it.
      if (index in value) {
        out = appendStableJson(out, value[index]);
      }
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // The default sort compares UTF-16 code units: no locale involved.
  const keys = Object.keys(record).sort();
  out += '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) {
      continue;
    }
    out += first ? `${quotedKey(key)}:` : `,${quotedKey(key)}:`;
    first = false;
    out = appendStableJson(out, item);
  }
  return `${out}}`;
}

/**
 * A short stable hash (64-bit FNV-1a, hex) of a JSON value. Isomorphic: no
 * Node crypto, since the browser and the backend both use -common.
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
