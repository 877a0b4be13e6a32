import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type {
  EntityReviewsResponse,
  ReviewListResponse,
  ReviewResponse,
} from '@preflight/plugin-reliability-common';
import request from 'supertest';
import {
  reviewEntities,
  testReviewConfig,
} from '../__testUtils__/reviewFixtures';
import { storedScorecard } from '../__testUtils__/scorecardFixtures';
import {
  ReviewTestBackend,
  startReviewTestBackend,
} from '../__testUtils__/startReviewTestBackend';

jest.setTimeout(60_000);

const api = (p: string) => `/api/reliability${p}`;
const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);
const checkout = 'component:default/checkout-api';
const now = new Date('2026-12-02T10:00:00.000Z');

describe('review routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let backend: ReviewTestBackend;

  beforeEach(async () => {
    backend = await startReviewTestBackend({
      knex: await databases.init('SQLITE_3'),
      entities: reviewEntities,
      config: testReviewConfig(),
      now: () => now,
    });
    await backend.scorecardStore.writeScorecards(
      [
        storedScorecard({
          entityRef: checkout,
          ownerRef: 'group:default/team-payments',
          levelId: 'silver',
          checks: { 'escalation-policy-levels': 'pass', 'slo-met': 'fail' },
        }),
      ],
      now,
    );
  });

  afterEach(() => backend.stop());

  const server = () => request(backend.server);
  const open = (
    body: object = { templateId: 'ga-readiness', stage: 'ga' },
    who = 'dana',
  ) =>
    server()
      .post(api('/entities/component/default/checkout-api/reviews'))
      .set('Authorization', as(who))
      .send(body);
  const answer = (id: string, itemId: string, body: object, who = 'dana') =>
    server()
      .put(api(`/reviews/${id}/items/${itemId}/answer`))
      .set('Authorization', as(who))
      .send(body);
  const post = (path: string, body: object, who: string) =>
    server().post(api(path)).set('Authorization', as(who)).send(body);

  /** Each audited write: its action and whether it succeeded or failed. */
  async function audited(): Promise<Array<[string, string]>> {
    const { calls, results } = backend.auditor.createEvent.mock;
    const events = await Promise.all(results.map(r => r.value));
    const outcome = (event: (typeof events)[number]) => {
      if ((event.success as jest.Mock).mock.calls.length > 0) {
        return 'success';
      }
      return (event.fail as jest.Mock).mock.calls.length > 0 ? 'fail' : 'open';
    };
    return calls.map((call, i) => [
      String(call[0].meta?.action),
      outcome(events[i]),
    ]);
  }

  /** Opens a review and answers both attestations yes; returns it. */
  async function answered(): Promise<ReviewResponse> {
    const created: ReviewResponse = (await open()).body;
    const id = created.review.id;
    await answer(id, 'escalation-tested', {
      version: 1,
      value: 'yes',
      evidence: [{ url: 'https://wiki.example.com/drill', title: 'Drill' }],
    });
    return (
      await answer(id, 'load-test', {
        version: 2,
        value: 'yes',
        note: 'k6 at 2x',
      })
    ).body;
  }

  it('lists the templates and what can be opened on an entity', async () => {
    const templates = await server().get(api('/review-templates'));
    expect(templates.body.templates.map((t: { id: string }) => t.id)).toEqual([
      'ga-readiness',
    ]);
    const entity = await server().get(
      api('/entities/component/default/checkout-api/reviews'),
    );
    const body: EntityReviewsResponse = entity.body;
    expect(body).toMatchObject({
      entityRef: checkout,
      reviews: [],
      templates: [
        { templateId: 'ga-readiness', openableStages: ['beta', 'ga'] },
      ],
      canCreate: true,
    });
    const website = await server().get(
      api('/entities/component/default/website/reviews'),
    );
    expect(website.body.templates).toEqual([]);
    backend.deny.add('reliability.review.create');
    const denied = await server().get(
      api('/entities/component/default/checkout-api/reviews'),
    );
    expect(denied.body.canCreate).toBe(false);
    expect(
      (await server().get(api('/entities/component/default/missing/reviews')))
        .status,
    ).toBe(404);
  });

  it('opens a review, and refuses bad or duplicate openings with the field named', async () => {
    const res = await open({
      templateId: 'ga-readiness',
      stage: 'ga',
      targetDate: '2026-12-24',
    });
    expect(res.status).toBe(201);
    const { review, events }: ReviewResponse = res.body;
    expect(review).toMatchObject({
      entityRef: checkout,
      entityTitle: 'Checkout API',
      ownerRef: 'group:default/team-payments',
      stage: 'ga',
      state: 'draft',
      dri: 'user:default/dana',
      targetDate: '2026-12-24',
      tier: 'tier-1',
      version: 1,
      sectionsSigned: 0,
      sectionsTotal: 2,
      pendingReviewerGroups: ['group:default/slo-council', 'group:default/sre'],
      blockers: ['oncall/escalation-tested', 'slos/slos-met', 'slos/load-test'],
    });
    expect(review.id).toMatch(/^[0-9a-f-]{36}$/);
    const slos = review.sections[1];
    expect(slos.items[0]).toMatchObject({
      id: 'slos-met',
      kind: 'check',
      status: 'failing',
      live: { state: 'fail', passing: false, message: 'slo-met is fail' },
      snapshot: null,
    });
    expect(events).toEqual([
      expect.objectContaining({
        seq: 1,
        action: 'created',
        stateAfter: 'draft',
      }),
    ]);

    const again = await open(
      { templateId: 'ga-readiness', stage: 'ga' },
      'sam',
    );
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `${checkout} already has an open review for stage "ga" (${review.id}, draft)`,
    );
    expect(again.body.review.id).toBe(review.id);

    const bad = async (body: object) => (await open(body)).body.error.message;
    expect(await bad({ templateId: 'nope', stage: 'ga' })).toBe(
      'templateId: unknown template "nope"; templates: ga-readiness',
    );
    expect(await bad({ templateId: 'ga-readiness', stage: 'launch' })).toBe(
      'stage: "launch" is not a stage of template "ga-readiness" (beta, ga)',
    );
    expect(
      await bad({
        templateId: 'ga-readiness',
        stage: 'beta',
        targetDate: '2026-02-30',
      }),
    ).toBe('Invalid review: targetDate: must be a calendar date YYYY-MM-DD');
    expect(await bad({ stage: 'beta' })).toBe(
      'Invalid review: templateId: is required',
    );
    const website = await server()
      .post(api('/entities/component/default/website/reviews'))
      .send({ templateId: 'ga-readiness', stage: 'ga' });
    expect(website.status).toBe(400);
    expect(website.body.error.message).toBe(
      'templateId: template "ga-readiness" does not apply to component:default/website',
    );

    backend.deny.add('reliability.review.create');
    const denied = await open({ templateId: 'ga-readiness', stage: 'beta' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      `You are not allowed to open reviews of ${checkout}`,
    );
    expect(backend.permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'reliability.review.create',
            resourceType: 'catalog-entity',
          }),
          resourceRef: checkout,
        },
      ],
      expect.anything(),
    );
    // Every write is audited, refused ones as failed.
    expect(await audited()).toEqual([
      ['create', 'success'],
      ...Array(7).fill(['create', 'fail']),
    ]);
  });

  it('validates answers: http(s) evidence, bounded note, reason for n/a, stale version', async () => {
    const { review } = (await open()).body as ReviewResponse;
    const bad = async (itemId: string, body: object) => {
      const res = await answer(review.id, itemId, { version: 1, ...body });
      return [res.status, res.body.error?.message];
    };
    expect(
      await bad('escalation-tested', {
        value: 'yes',
        evidence: [{ url: 'ftp://files.example.com/drill.pdf' }],
      }),
    ).toEqual([400, 'Invalid answer: evidence[0].url: must be an http(s) URL']);
    expect(
      await bad('load-test', { value: 'yes', note: 'x'.repeat(2001) }),
    ).toEqual([400, 'Invalid answer: note: must be at most 2000 characters']);
    expect(await bad('load-test', { value: 'not-applicable' })).toEqual([
      400,
      'reason: an answer "not-applicable" to "load-test" needs a reason',
    ]);
    expect(await bad('load-test', { value: 'maybe' })).toEqual([
      400,
      'Invalid answer: value: must be one of yes, no, not-applicable',
    ]);
    expect(await bad('slos-met', { value: 'yes' })).toEqual([
      400,
      'itemId: "slos-met" is bound to check "slo-met"; its state comes from the scorecard and cannot be answered',
    ]);
    expect(await bad('nope', { value: 'yes' })).toEqual([
      404,
      'No item "nope" in this review',
    ]);
    const ok = await answer(review.id, 'load-test', {
      version: 1,
      value: 'yes',
      evidence: [{ url: 'https://grafana.example.com/d/load' }],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.review.version).toBe(2);
    expect(ok.body.review.sections[1].items[1]).toMatchObject({
      status: 'passing',
      answer: { value: 'yes', answeredBy: 'user:default/dana' },
    });
    // Written against version 1, which is gone: 409 with the review as it is.
    const stale = await answer(review.id, 'load-test', {
      version: 1,
      value: 'no',
      reason: 'x',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toEqual({
      name: 'ConflictError',
      message: `Review ${review.id} changed since you read it: you sent version 1, it is at version 2`,
    });
    expect(stale.body.review).toMatchObject({ id: review.id, version: 2 });
    expect(stale.body.review.sections[1].items[1].answer.value).toBe('yes');

    backend.deny.add('reliability.review.update');
    const denied = await answer(review.id, 'load-test', {
      version: 2,
      value: 'yes',
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      `You are not allowed to answer reviews of ${checkout}`,
    );
    const unknownReview = await answer(
      '00000000-0000-4000-8000-00000000dead',
      'load-test',
      { version: 1, value: 'yes' },
    );
    expect(unknownReview.status).toBe(404);
    expect(
      (await answer('not-a-uuid', 'load-test', { version: 1, value: 'yes' }))
        .body.error.message,
    ).toBe('Invalid review reference: id: must be a review id (UUID)');
  });

  it('walks a review to approval with the sign-off rules enforced', async () => {
    const draft = await open();
    const id = draft.body.review.id;
    const early = await post(`/reviews/${id}/submit`, { version: 1 }, 'dana');
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe(
      'Cannot submit: these items need an answer first: oncall/escalation-tested, slos/load-test',
    );

    const ready = await answered();
    expect(ready.review.id).toBe(id);
    // Opened, then answered (no state change): scorecards re-evaluated once.
    expect(backend.onStateChange).toHaveBeenCalledTimes(1);
    const submitted = await post(
      `/reviews/${id}/submit`,
      { version: 3 },
      'dana',
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.review.state).toBe('in-review');
    expect(backend.onStateChange).toHaveBeenCalledTimes(2);
    expect(submitted.body.review.sections[0].items[0].snapshot).toMatchObject({
      state: 'pass',
      reason: 'submit',
    });

    // As dana, the DRI: not eligible, with the reason.
    const mine: ReviewResponse = (
      await server()
        .get(api(`/reviews/${id}`))
        .set('Authorization', as('dana'))
    ).body;
    expect(mine.review.sections[0].eligibility).toEqual({
      allowed: false,
      reason:
        'You are the DRI of this review; another reviewer must sign (separation of duties)',
    });
    const byDri = await post(
      `/reviews/${id}/sections/oncall/signoff`,
      { version: 4 },
      'dana',
    );
    expect(byDri.status).toBe(403);
    expect(byDri.body.error.message).toMatch(/You are the DRI of this review/);

    const byOutsider = await post(
      `/reviews/${id}/sections/oncall/signoff`,
      { version: 4 },
      'olga',
    );
    expect(byOutsider.status).toBe(403);
    expect(byOutsider.body.error.message).toBe(
      'You are not a member of group:default/sre',
    );

    const sam: ReviewResponse = (
      await server()
        .get(api(`/reviews/${id}`))
        .set('Authorization', as('sam'))
    ).body;
    expect(sam.review.sections.map(s => s.eligibility)).toEqual([
      { allowed: true },
      { allowed: true },
    ]);
    const oncall = await post(
      `/reviews/${id}/sections/oncall/signoff`,
      { version: 4, comment: 'drill seen' },
      'sam',
    );
    expect(oncall.status).toBe(200);
    expect(oncall.body.review.sections[0].signoff).toEqual({
      by: 'user:default/sam',
      at: now.toISOString(),
      comment: 'drill seen',
    });

    // slo-met fails: the section cannot be signed until it is waived.
    const blocked = await post(
      `/reviews/${id}/sections/slos/signoff`,
      { version: 5 },
      'lee',
    );
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.message).toBe(
      'Cannot sign section "slos": these items are neither passing, answered nor waived: slos/slos-met',
    );
    const waiveByOutsider = await post(
      `/reviews/${id}/items/slos-met/waive`,
      { version: 5, reason: 'x' },
      'olga',
    );
    expect(waiveByOutsider.status).toBe(403);
    expect(waiveByOutsider.body.error.message).toBe(
      'You are not a member of any of group:default/sre, group:default/slo-council',
    );
    const waived = await post(
      `/reviews/${id}/items/slos-met/waive`,
      { version: 5, reason: 'budget reset after the migration' },
      'lee',
    );
    expect(waived.status).toBe(200);
    // lee is in slo-oncall, a sub-group of slo-council.
    const approved = await post(
      `/reviews/${id}/sections/slos/signoff`,
      { version: 6 },
      'lee',
    );
    expect(approved.status).toBe(200);
    const final: ReviewResponse = approved.body;
    expect(final.review).toMatchObject({
      state: 'approved',
      sectionsSigned: 2,
      pendingReviewerGroups: [],
      blockers: [],
      version: 7,
    });
    expect(final.events.map(e => [e.seq, e.action, e.actor])).toEqual([
      [1, 'created', 'user:default/dana'],
      [2, 'answered', 'user:default/dana'],
      [3, 'answered', 'user:default/dana'],
      [4, 'submitted', 'user:default/dana'],
      [5, 'signed', 'user:default/sam'],
      [6, 'waived', 'user:default/lee'],
      [7, 'signed', 'user:default/lee'],
      [8, 'approved', 'user:default/lee'],
    ]);

    // Changing an answer voids the section's sign-off and reopens the review.
    const changed = await answer(id, 'load-test', {
      version: 7,
      value: 'no',
      reason: 'the rig broke',
    });
    expect(changed.body.review.state).toBe('in-review');
    expect(changed.body.review.sections[1].signoff).toBeNull();
    expect(
      changed.body.events.slice(-2).map((e: { action: string }) => e.action),
    ).toEqual(['answered', 'signoff-voided']);

    const outcomes = await audited();
    expect(outcomes).toContainEqual(['signoff', 'fail']);
    expect(outcomes).toContainEqual(['waive', 'fail']);
    expect(outcomes.filter(([, o]) => o === 'open')).toEqual([]);
    expect(outcomes.at(-1)).toEqual(['answer', 'success']);
  });

  it('refuses bodies outside the spec, and blank texts the spec cannot see, naming each field', async () => {
    const { review } = (await open()).body as ReviewResponse;
    const refusal = async (path: string, body: object, who = 'dana') => {
      const res =
        path === 'answer'
          ? await answer(review.id, 'load-test', body, who)
          : await post(`/reviews/${review.id}/${path}`, body, who);
      return [res.status, res.body.error?.message];
    };
    expect(await refusal('answer', { value: 'yes' })).toEqual([
      400,
      'Invalid answer: version: is required',
    ]);
    expect(
      await refusal('answer', {
        version: '1',
        value: 'yes',
        evidence: [{ url: 'https://x.example.com', label: 'x' }],
        when: 'now',
      }),
    ).toEqual([
      400,
      'Invalid answer: when: is not a field of this request; version: must be a whole number; evidence[0].label: is not a field of this request',
    ]);
    expect(
      await refusal(
        'items/slos-met/waive',
        { version: 1, reason: '   ' },
        'sam',
      ),
    ).toEqual([400, 'Invalid waiver: reason: must not be empty']);
    expect(
      await refusal('cancel', { version: 1, comment: ' \n ' }, 'sam'),
    ).toEqual([400, 'Invalid request: comment: must not be empty']);
    // Nothing refused was written.
    const stored = await server().get(api(`/reviews/${review.id}`));
    expect(stored.body.review.version).toBe(1);
  });

  it('requests changes and cancels with a required comment', async () => {
    const { review } = await answered();
    await post(`/reviews/${review.id}/submit`, { version: 3 }, 'dana');
    const noComment = await post(
      `/reviews/${review.id}/sections/oncall/request-changes`,
      { version: 4 },
      'sam',
    );
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toBe(
      'Invalid request: comment: is required',
    );
    const back = await post(
      `/reviews/${review.id}/sections/oncall/request-changes`,
      { version: 4, comment: 'Link the drill' },
      'sam',
    );
    expect(back.body.review.state).toBe('changes-requested');
    const wrongSection = await post(
      `/reviews/${review.id}/sections/nope/signoff`,
      { version: 5 },
      'sam',
    );
    expect(wrongSection.status).toBe(404);

    backend.deny.add('reliability.review.cancel');
    const denied = await post(
      `/reviews/${review.id}/cancel`,
      { version: 5, comment: 'x' },
      'dana',
    );
    expect(denied.status).toBe(403);
    backend.deny.clear();
    const cancelled = await post(
      `/reviews/${review.id}/cancel`,
      { version: 5, comment: 'Superseded' },
      'dana',
    );
    expect(cancelled.body.review.state).toBe('cancelled');
    // The stage is free again.
    expect((await open()).status).toBe(201);
    const twice = await post(
      `/reviews/${review.id}/cancel`,
      { version: 6, comment: 'again' },
      'dana',
    );
    expect(twice.status).toBe(409);
    expect(twice.body.review.state).toBe('cancelled');
  });

  it('notifies the reviewer groups on submit and the DRI on changes requested and approval', async () => {
    const { review } = await answered();
    const id = review.id;
    await backend.notificationsSent();
    // Opening and answering notify nobody.
    expect(backend.notificationSend).not.toHaveBeenCalled();
    const sent = async () => {
      await backend.notificationsSent();
      const calls = backend.notificationSend.mock.calls.map(([c]) => ({
        to: c.recipients,
        title: c.payload.title,
        scope: c.payload.scope,
      }));
      backend.notificationSend.mockClear();
      return calls;
    };
    const scope = (kind: string) => `readiness-review:${id}:${kind}`;

    expect(
      (await post(`/reviews/${id}/submit`, { version: 3 }, 'dana')).status,
    ).toBe(200);
    expect(await sent()).toEqual([
      {
        to: {
          type: 'entity',
          entityRef: ['group:default/sre', 'group:default/slo-council'],
          excludeEntityRef: 'user:default/dana',
        },
        title: 'Readiness review to sign: Checkout API (ga)',
        scope: scope('submitted'),
      },
    ]);

    await post(
      `/reviews/${id}/sections/oncall/request-changes`,
      { version: 4, comment: 'Link the drill' },
      'sam',
    );
    await backend.notificationsSent();
    const [changes] = backend.notificationSend.mock.calls[0] ?? [];
    expect(changes?.payload).toMatchObject({
      link: `/catalog/default/component/checkout-api/readiness-review?review=${id}`,
      description: expect.stringContaining(': "Link the drill"'),
    });
    expect(await sent()).toEqual([
      {
        to: {
          type: 'entity',
          entityRef: ['user:default/dana'],
          excludeEntityRef: 'user:default/sam',
        },
        title: 'Changes requested: Checkout API (ga)',
        scope: scope('changes-requested'),
      },
    ]);

    await post(`/reviews/${id}/submit`, { version: 5 }, 'dana');
    await post(`/reviews/${id}/sections/oncall/signoff`, { version: 6 }, 'sam');
    await post(
      `/reviews/${id}/items/slos-met/waive`,
      { version: 7, reason: 'budget reset after the migration' },
      'lee',
    );
    const approved = await post(
      `/reviews/${id}/sections/slos/signoff`,
      { version: 8 },
      'lee',
    );
    expect(approved.body.review.state).toBe('approved');
    expect(await sent()).toEqual([
      expect.objectContaining({ scope: scope('submitted') }),
      {
        to: {
          type: 'entity',
          entityRef: ['user:default/dana'],
          excludeEntityRef: 'user:default/lee',
        },
        title: 'Readiness review approved: Checkout API (ga)',
        scope: scope('approved'),
      },
    ]);
  });

  it('stores a write even when notifying fails', async () => {
    const { review } = await answered();
    backend.notificationSend.mockRejectedValue(
      new Error(
        'Failed to send notifications: Error: Request failed with status 404',
      ),
    );
    const submitted = await post(
      `/reviews/${review.id}/submit`,
      { version: 3 },
      'dana',
    );
    expect(submitted.status).toBe(200);
    await backend.notificationsSent();
    expect(backend.notificationSend).toHaveBeenCalledTimes(1);
    expect((await backend.reviewStore.getReview(review.id))?.state).toBe(
      'in-review',
    );
    expect((await audited()).at(-1)).toEqual(['submit', 'success']);
  });

  it('serves the board with filters, counts and waiting-on-me', async () => {
    const { review } = await answered();
    await post(`/reviews/${review.id}/submit`, { version: 3 }, 'dana');
    await server()
      .post(api('/entities/component/default/ledger/reviews'))
      .set('Authorization', as('dana'))
      .send({
        templateId: 'ga-readiness',
        stage: 'beta',
        targetDate: '2026-11-30',
      });
    const board = async (query: string, who = 'sam') => {
      const res = await server()
        .get(api(`/reviews${query}`))
        .set('Authorization', as(who));
      expect(res.status).toBe(200);
      const body: ReviewListResponse = res.body;
      return body;
    };
    const all = await board('');
    expect(all.total).toBe(2);
    expect(all.countsByState).toEqual({ 'in-review': 1, draft: 1 });
    expect(
      (await board('?state=draft,approved')).items.map(i => i.entityRef),
    ).toEqual(['component:default/ledger']);
    expect((await board('?state=draft&state=in-review')).total).toBe(2);
    const overdue = await board('?overdue=true');
    expect(overdue.items.map(i => [i.entityRef, i.overdue])).toEqual([
      ['component:default/ledger', true],
    ]);
    expect((await board('?waitingOnMe=true')).items.map(i => i.id)).toEqual([
      review.id,
    ]);
    expect((await board('?waitingOnMe=true', 'olga')).total).toBe(0);
    expect((await board('?team=group:default/team-payments')).total).toBe(1);
    expect((await board('?q=checkout')).total).toBe(1);
    expect((await board('?stage=beta')).total).toBe(1);
    expect(
      (await board('?reviewerGroup=group:default/slo-council')).total,
    ).toBe(2);
    expect((await board('?pageSize=1&page=2')).items).toHaveLength(1);
    const badState = await server().get(api('/reviews?state=draft,open'));
    expect(badState.status).toBe(400);
    expect(badState.body.error.message).toBe(
      'Invalid query: state[1]: must be one of draft, in-review, changes-requested, approved, drifted, cancelled',
    );
    const badPage = await server().get(api('/reviews?pageSize=500'));
    expect(badPage.status).toBe(400);
    expect(badPage.body.error.message).toBe(
      'Invalid query: pageSize: must be at most 100',
    );
  });

  it('exports the record as JSON and Markdown', async () => {
    const { review } = await answered();
    const json = await server().get(api(`/reviews/${review.id}/export`));
    expect(json.status).toBe(200);
    expect(json.headers['content-disposition']).toBe(
      'attachment; filename="review-component_default_checkout-api-ga.json"',
    );
    expect(json.body.template.id).toBe('ga-readiness');
    expect(json.body.events).toHaveLength(3);
    const md = await server().get(
      api(`/reviews/${review.id}/export?format=markdown`),
    );
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toContain('# Readiness review: Checkout API (ga)');
    expect(md.text).toContain(
      '  - Evidence: [Drill](https://wiki.example.com/drill)',
    );
    expect(md.text).toContain(
      '  - Live (evaluated 2026-11-20T10:00:00.000Z): **fail** — slo-met is fail',
    );
    expect(md.text).toMatch(
      /\| 3 \| .* \| user:default\/dana \| answered \| {2}\| slos\/load-test \|/,
    );
    expect(
      (await server().get(api(`/reviews/${review.id}/export?format=pdf`)))
        .status,
    ).toBe(400);
  });

  it('holds deploys of gated entities until their review is approved', async () => {
    const gateOf = async (name: string) =>
      (
        await server().get(
          api(`/entities/component/default/${name}/deploy-gate`),
        )
      ).body;
    expect(await gateOf('checkout-api')).toMatchObject({
      decision: 'block',
      allowed: false,
      reasons: [{ kind: 'review-missing', stage: 'ga' }],
    });
    // tier-2 is not gated.
    expect((await gateOf('ledger')).allowed).toBe(true);
    const { review } = await answered();
    expect((await gateOf('checkout-api')).reasons).toEqual([
      {
        kind: 'review-not-approved',
        stage: 'ga',
        reviewId: review.id,
        message: 'The "ga" readiness review is draft, not approved yet',
      },
    ]);
    await post(`/reviews/${review.id}/submit`, { version: 3 }, 'dana');
    await post(
      `/reviews/${review.id}/sections/oncall/signoff`,
      { version: 4 },
      'sam',
    );
    await post(
      `/reviews/${review.id}/items/slos-met/waive`,
      { version: 5, reason: 'x' },
      'lee',
    );
    const approved = await post(
      `/reviews/${review.id}/sections/slos/signoff`,
      { version: 6 },
      'lee',
    );
    expect(approved.body.review.state).toBe('approved');
    expect(await gateOf('checkout-api')).toMatchObject({
      decision: 'allow',
      allowed: true,
      reasons: [],
    });
  });
});
