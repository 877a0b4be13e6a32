import { spec } from '../generated/router';
import { compileOperationChecks } from './compileOperationChecks';
import { listSpecOperations } from './specOperations';

const operations = listSpecOperations();
const checks = compileOperationChecks(operations);

function checkOf(operationId: string) {
  const operation = operations.find(o => o.operationId === operationId);
  if (!operation) {
    throw new Error(`no operation ${operationId}`);
  }
  return checks.get(operation)!;
}

const entity = { kind: 'component', namespace: 'default', name: 'checkout' };
const change = { op: 'add', checkId: 'slo-met', levelId: 'gold' };

describe('listSpecOperations', () => {
  it('lists every operation of the spec once, with Express paths', () => {
    const documented = Object.values(spec.paths).flatMap(item =>
      Object.values(item as Record<string, { operationId?: string }>)
        .map(operation => operation.operationId)
        .filter(Boolean),
    );
    expect(operations.map(o => o.operationId).sort()).toEqual(
      [...documented].sort(),
    );
    const answer = operations.find(o => o.operationId === 'answerReviewItem');
    expect(answer).toMatchObject({
      method: 'put',
      route: '/reviews/:id/items/:itemId/answer',
      bodyRequired: true,
    });
    expect(answer?.pathParameters.map(p => p.name).sort()).toEqual([
      'id',
      'itemId',
    ]);
  });
  it('has no path that also matches another of the same method', () => {
    // Express runs every route a request matches: the checks of
    // `/reviews/:id` would refuse `/reviews/board` if both were documented.
    // A spec that adds such a pair needs the checks to pick the most
    // specific operation first.
    const pattern = (route: string) =>
      new RegExp(`^${route.replace(/:\w+/g, '[^/]+')}$`);
    const shadowed = operations.flatMap(a =>
      operations
        .filter(
          b =>
            a !== b &&
            a.method === b.method &&
            a.route !== b.route &&
            pattern(a.route).test(b.route),
        )
        .map(b => `${a.method} ${a.route} matches ${b.route}`),
    );
    expect(shadowed).toEqual([]);
  });
});

describe('compileOperationChecks', () => {
  it('accepts what the spec documents', () => {
    expect(
      checkOf('previewRubricChange')({
        params: {},
        query: {},
        body: { changes: [change] },
      }),
    ).toBeUndefined();
    expect(
      checkOf('getEntitySummary')({ params: entity, query: {}, body: {} }),
    ).toBeUndefined();
  });

  it('names each refused body field as users write it', () => {
    const refusal = checkOf('previewRubricChange')({
      params: {},
      query: {},
      body: {
        changes: [
          { ...change, reason: 'try it' },
          { op: 'add', checkId: 'slo-met' },
          { ...change, op: 'replace' },
        ],
      },
    });
    expect(refusal).toEqual({
      paramsRefused: false,
      fields: [
        'changes[0].reason: is not a field of this request',
        'changes[1].levelId: is required',
        'changes[2].op: must be one of add, remove',
      ],
    });
    expect(
      checkOf('previewRubricChange')({ params: {}, query: {}, body: {} })
        ?.fields,
    ).toEqual(['changes: is required']);
    expect(
      checkOf('previewRubricChange')({ params: {}, query: {}, body: [] })
        ?.fields,
    ).toEqual(['body: must be an object']);
  });

  it('refuses a missing body where the spec requires one', () => {
    expect(
      checkOf('previewRubricChange')({
        params: {},
        query: {},
        body: undefined,
      })?.fields,
    ).toEqual(['body: must be an object']);
  });

  it('reads query values as their documented types, converting them for the route', () => {
    const query: Record<string, unknown> = { page: '2', pageSize: '50' };
    expect(
      checkOf('listReviews')({ params: {}, query, body: undefined }),
    ).toBeUndefined();
    expect(query).toEqual({ page: 2, pageSize: 50 });
    expect(
      checkOf('listReviews')({
        params: {},
        query: { page: 'two', pageSize: '500', waitingOnMe: 'yes' },
        body: undefined,
      })?.fields,
    ).toEqual([
      'waitingOnMe: must be one of true, false',
      'page: must be a whole number',
      'pageSize: must be at most 100',
    ]);
  });

  it('ignores query parameters the spec does not name', () => {
    expect(
      checkOf('listReviews')({
        params: {},
        query: { unknown: ['a', 'b'] },
        body: undefined,
      }),
    ).toBeUndefined();
  });

  it('refuses path parameters outside the spec, leaving their wording to the route', () => {
    const params = { ...entity, name: 'x'.repeat(64) };
    expect(
      checkOf('getEntitySummary')({ params, query: {}, body: undefined }),
    ).toEqual({ paramsRefused: true, fields: [] });
    // Checked on a copy: the route still reads its parameters as sent.
    expect(params.name).toBe('x'.repeat(64));
    expect(
      checkOf('getReview')({
        params: { id: 'not-a-uuid' },
        query: {},
        body: undefined,
      })?.paramsRefused,
    ).toBe(true);
  });
});
