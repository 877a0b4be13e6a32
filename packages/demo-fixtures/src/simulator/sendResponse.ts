import type { ServerResponse } from 'node:http';

/** Writes a complete response with an exact content length. */
export function sendResponse(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string | number> = {},
  contentType = 'application/json; charset=utf-8',
): void {
  const buffer = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': buffer.length,
    ...headers,
  });
  res.end(buffer);
}
