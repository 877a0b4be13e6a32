import type { Request } from 'express';

/** Whether the request's `If-None-Match` names the ETag (or `*`). */
export function ifNoneMatch(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (!header) {
    return false;
  }
  return header
    .split(',')
    .map(tag => tag.trim().replace(/^W\//, ''))
    .some(tag => tag === '*' || tag === etag);
}
