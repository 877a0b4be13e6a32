import { HttpResponse } from 'msw';

/**
 * Answers a classic PagerDuty list request from `items` the way PagerDuty
 * does: `limit` (default 25, max 100) and `offset`, `more`, `total` only
 * with `total=true`, and a 400 when `offset + limit` passes 10,000.
 */
export function pagedResponse<T>(request: Request, key: string, items: T[]) {
  const url = new URL(request.url);
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), 100);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  if (offset + limit > 10_000) {
    return HttpResponse.json(
      {
        error: {
          message: 'Invalid Input Provided',
          code: 2001,
          errors: ['Offset must be less than or equal to 10000.'],
        },
      },
      { status: 400 },
    );
  }
  return HttpResponse.json({
    [key]: items.slice(offset, offset + limit),
    limit,
    offset,
    more: offset + limit < items.length,
    total: url.searchParams.get('total') === 'true' ? items.length : null,
  });
}
