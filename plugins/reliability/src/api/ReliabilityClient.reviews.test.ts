import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  entityReviews,
  REVIEW_ID,
  reviewList,
  reviewOf,
  reviewResponse,
} from '../__testUtils__/reviewFixtures';
import { ReliabilityClient } from './ReliabilityClient';
import { isReviewConflictError } from './ReviewConflictError';

const server = setupServer();
registerMswTestHooks(server);

const BASE_URL = 'http://backstage.test/api/reliability';
const REVIEW_URL = `${BASE_URL}/reviews/${REVIEW_ID}`;

function client() {
  return new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

interface Seen {
  method: string;
  path: string;
  body: unknown;
}

/** Answers every review write with the review, recording what was sent. */
function recordWrites(): Seen[] {
  const seen: Seen[] = [];
  const record = async ({ request }: { request: Request }) => {
    seen.push({
      method: request.method,
      path: new URL(request.url).pathname.replace('/api/reliability', ''),
      body: await request.json(),
    });
    return HttpResponse.json(reviewResponse());
  };
  server.use(
    http.post(`${BASE_URL}/reviews/*`, record),
    http.put(`${BASE_URL}/reviews/*`, record),
    http.post(`${BASE_URL}/entities/*`, record),
  );
  return seen;
}

function errorBody(name: string, message: string, statusCode: number) {
  return {
    error: { name, message },
    request: { method: 'POST', url: '/reviews' },
    response: { statusCode },
  };
}

describe('ReliabilityClient review calls', () => {
  it("reads the templates and an entity's reviews", async () => {
    const paths: string[] = [];
    server.use(
      http.get(`${BASE_URL}/review-templates`, ({ request }) => {
        paths.push(new URL(request.url).pathname);
        return HttpResponse.json({ templates: [] });
      }),
      http.get(
        `${BASE_URL}/entities/:kind/:namespace/:name/reviews`,
        ({ request }) => {
          paths.push(new URL(request.url).pathname);
          return HttpResponse.json(entityReviews());
        },
      ),
    );

    await client().getReviewTemplates();
    const response = await client().getEntityReviews(
      'Component:default/checkout-api',
    );

    expect(response.canCreate).toBe(true);
    expect(paths).toEqual([
      '/api/reliability/review-templates',
      '/api/reliability/entities/component/default/checkout-api/reviews',
    ]);
  });

  it('sends every write to its route with the version it read', async () => {
    const seen = recordWrites();
    const api = client();

    await api.createReview('component:default/checkout-api', {
      templateId: 'ga-readiness',
      stage: 'ga',
      targetDate: '2025-03-20',
    });
    await api.answerReviewItem(REVIEW_ID, 'escalation-tested', {
      version: 4,
      value: 'yes',
      evidence: [{ url: 'https://wiki.example.com/drill' }],
    });
    await api.reaffirmReviewItem(REVIEW_ID, 'load-test', { version: 5 });
    await api.waiveReviewItem(REVIEW_ID, 'slos-met', {
      version: 6,
      reason: 'Known incident, fix shipping',
    });
    await api.submitReview(REVIEW_ID, { version: 7 });
    await api.signoffReviewSection(REVIEW_ID, 'oncall', { version: 8 });
    await api.requestReviewChanges(REVIEW_ID, 'slos', {
      version: 9,
      comment: 'Add the burn alert',
    });
    await api.cancelReview(REVIEW_ID, { version: 10, comment: 'Duplicate' });

    const reviewPath = `/reviews/${REVIEW_ID}`;
    expect(seen).toEqual([
      {
        method: 'POST',
        path: '/entities/component/default/checkout-api/reviews',
        body: {
          templateId: 'ga-readiness',
          stage: 'ga',
          targetDate: '2025-03-20',
        },
      },
      {
        method: 'PUT',
        path: `${reviewPath}/items/escalation-tested/answer`,
        body: {
          version: 4,
          value: 'yes',
          evidence: [{ url: 'https://wiki.example.com/drill' }],
        },
      },
      {
        method: 'POST',
        path: `${reviewPath}/items/load-test/reaffirm`,
        body: { version: 5 },
      },
      {
        method: 'POST',
        path: `${reviewPath}/items/slos-met/waive`,
        body: { version: 6, reason: 'Known incident, fix shipping' },
      },
      { method: 'POST', path: `${reviewPath}/submit`, body: { version: 7 } },
      {
        method: 'POST',
        path: `${reviewPath}/sections/oncall/signoff`,
        body: { version: 8 },
      },
      {
        method: 'POST',
        path: `${reviewPath}/sections/slos/request-changes`,
        body: { version: 9, comment: 'Add the burn alert' },
      },
      {
        method: 'POST',
        path: `${reviewPath}/cancel`,
        body: { version: 10, comment: 'Duplicate' },
      },
    ]);
  });

  it('puts the board filters in the query string, leaving unset ones out', async () => {
    const searches: string[] = [];
    server.use(
      http.get(`${BASE_URL}/reviews`, ({ request }) => {
        searches.push(new URL(request.url).search);
        return HttpResponse.json(reviewList());
      }),
    );

    await client().listReviews({
      state: ['in-review', 'changes-requested'],
      team: 'group:default/team-payments',
      waitingOnMe: true,
      overdue: false,
      page: 2,
      pageSize: 25,
    });
    await client().listReviews({});

    expect(searches).toEqual([
      '?state=in-review&state=changes-requested&team=group%3Adefault%2Fteam-payments&waitingOnMe=true&page=2&pageSize=25',
      '',
    ]);
  });

  it('turns a 409 carrying the current review into a ReviewConflictError', async () => {
    const current = reviewOf({ version: 6, state: 'in-review' });
    server.use(
      http.put(`${REVIEW_URL}/items/escalation-tested/answer`, () =>
        HttpResponse.json(
          {
            ...errorBody(
              'ConflictError',
              'Review version 4 is stale; it is at version 6',
              409,
            ),
            review: current,
          },
          { status: 409 },
        ),
      ),
    );

    const error = await client()
      .answerReviewItem(REVIEW_ID, 'escalation-tested', {
        version: 4,
        value: 'yes',
      })
      .catch(e => e);

    expect(isReviewConflictError(error)).toBe(true);
    expect(error.message).toBe('Review version 4 is stale; it is at version 6');
    expect(error.review).toEqual(current);
  });

  it('keeps a 409 without a review (and 400, 403) as a ResponseError with the message', async () => {
    server.use(
      http.post(
        `${BASE_URL}/entities/component/default/checkout-api/reviews`,
        () =>
          HttpResponse.json(
            errorBody(
              'ConflictError',
              'An open review exists for stage ga',
              409,
            ),
            { status: 409 },
          ),
      ),
      http.post(`${REVIEW_URL}/sections/oncall/signoff`, () =>
        HttpResponse.json(
          errorBody('NotAllowedError', 'You are the DRI of this review', 403),
          { status: 403 },
        ),
      ),
    );

    const conflict = await client()
      .createReview('component:default/checkout-api', {
        templateId: 'ga-readiness',
        stage: 'ga',
      })
      .catch(e => e);
    const denied = await client()
      .signoffReviewSection(REVIEW_ID, 'oncall', { version: 4 })
      .catch(e => e);

    expect(isReviewConflictError(conflict)).toBe(false);
    expect(conflict).toMatchObject({
      name: 'ResponseError',
      statusCode: 409,
      cause: { message: 'An open review exists for stage ga' },
    });
    expect(denied).toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      cause: { message: 'You are the DRI of this review' },
    });
  });

  it('exports a review as Markdown or JSON text', async () => {
    const seen: Array<{ format: string | null; accept: string | null }> = [];
    server.use(
      http.get(`${REVIEW_URL}/export`, ({ request }) => {
        const format = new URL(request.url).searchParams.get('format');
        seen.push({ format, accept: request.headers.get('accept') });
        return format === 'markdown'
          ? HttpResponse.text('# Checkout API: GA', {
              headers: { 'Content-Type': 'text/markdown' },
            })
          : HttpResponse.json({ review: reviewOf() });
      }),
    );

    const markdown = await client().exportReview(REVIEW_ID, 'markdown');
    const json = await client().exportReview(REVIEW_ID, 'json');

    expect(markdown).toBe('# Checkout API: GA');
    expect(JSON.parse(json).review.id).toBe(REVIEW_ID);
    expect(seen).toEqual([
      { format: 'markdown', accept: 'text/markdown, text/plain' },
      { format: 'json', accept: 'application/json' },
    ]);
  });
});
