/*
 * JSON Pointers (RFC 6901), as the spec's `$ref`s and ajv's error paths
 * write them: `/changes/0/op`, `~1` for `/` and `~0` for `~` in a key.
 */

/** One key as a pointer segment: `/reviews/{id}` becomes `~1reviews~1{id}`. */
export function encodePointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The keys of a pointer (`/a/0` or `#/a/0`); the empty pointer has none. */
export function decodePointer(pointer: string): string[] {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '') {
    return [];
  }
  return path
    .slice(1)
    .split('/')
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
