import { mockServices } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { ReviewDriftCause } from '@preflight/plugin-reliability-common';
import { gaTemplate, storedReview } from '../__testUtils__/reviewFixtures';
import { ReviewChange, reviewLink, ReviewNotifier } from './ReviewNotifier';
import { applicableSections } from './reviewSections';
import type { NewReviewEvent, StoredReview } from './reviewTypes';

const sections = applicableSections(gaTemplate, 'ga', 'tier-1');
const at = '2026-12-02T10:00:00.000Z';
const sam = 'user:default/sam';
const dana = 'user:default/dana';
const link =
  '/catalog/default/component/checkout-api/readiness-review?review=00000000-0000-4000-8000-000000000001';

const event = (
  action: string,
  extra: Partial<NewReviewEvent> = {},
): NewReviewEvent => ({ at, actor: sam, action, ...extra });

const cause = (message: string): ReviewDriftCause => ({
  kind: 'check-failing',
  itemId: 'slos-met',
  message,
  since: at,
});

/** A notifier on a fake notification service that records what it is sent. */
function setup(
  send: (options: NotificationSendOptions) => Promise<void> = async () => {},
  options: { enabled?: boolean } = {},
) {
  const sent: NotificationSendOptions[] = [];
  const logger = mockServices.logger.mock();
  const notifier = new ReviewNotifier({
    notifications: {
      send: jest.fn(async message => {
        sent.push(message);
        await send(message);
      }),
    },
    logger,
    retryDelayMs: 1,
    ...options,
  });
  const notify = async (change: Partial<ReviewChange>) => {
    notifier.notify({
      review: storedReview(),
      events: [],
      sections,
      actor: sam,
      ...change,
    });
    await notifier.idle();
    return sent;
  };
  return { notify, logger, sent };
}

describe('ReviewNotifier', () => {
  it('on submit notifies the groups of the sections still to sign, not the submitter', async () => {
    const { notify } = setup();
    const review = storedReview({
      state: 'in-review',
      body: {
        signoffs: {
          // Signed before changes were requested elsewhere: its reviewers
          // have nothing new to do.
          oncall: {
            by: sam,
            at,
            itemIds: ['escalation', 'escalation-tested'],
          },
        },
      },
    });
    const sent = await notify({
      review,
      actor: dana,
      events: [
        event('submitted', {
          actor: dana,
          stateBefore: 'changes-requested',
          stateAfter: 'in-review',
        }),
      ],
    });
    expect(sent).toEqual([
      {
        recipients: {
          type: 'entity',
          entityRef: ['group:default/sre', 'group:default/slo-council'],
          excludeEntityRef: dana,
        },
        payload: {
          title: 'Readiness review to sign: checkout-api (ga)',
          description:
            'dana submitted the ga readiness review of checkout-api (component:default/checkout-api). Waiting on: SLOs and alerting (sre, slo-council).',
          link,
          severity: 'normal',
          topic: 'readiness-review',
          scope:
            'readiness-review:00000000-0000-4000-8000-000000000001:submitted',
        },
      },
    ]);
  });

  it('tells the DRI about changes requested, with the bounded comment, and about approval', async () => {
    const { notify } = setup();
    const long = `Link the load test report. ${'x'.repeat(400)}`;
    const sent = await notify({
      events: [
        event('changes-requested', {
          sectionId: 'slos',
          details: { comment: long },
        }),
      ],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: [dana],
      excludeEntityRef: sam,
    });
    expect(sent[0].payload.title).toBe('Changes requested: checkout-api (ga)');
    expect(sent[0].payload.description).toContain(
      'sam requested changes on the ga readiness review of checkout-api (component:default/checkout-api), section "SLOs and alerting": "Link the load test report. xxx',
    );
    expect(sent[0].payload.description!.length).toBeLessThan(700);
    expect(sent[0].payload.description).toContain('(427 characters)');

    const approved = await notify({
      review: storedReview({ state: 'approved' }),
      events: [
        event('signed', { sectionId: 'slos' }),
        event('approved', { stateBefore: 'in-review', stateAfter: 'approved' }),
      ],
    });
    expect(approved).toHaveLength(2);
    expect(approved[1].payload).toMatchObject({
      title: 'Readiness review approved: checkout-api (ga)',
      description:
        'Every section of the ga readiness review of checkout-api (component:default/checkout-api) is signed; the last sign-off was by sam.',
      scope: 'readiness-review:00000000-0000-4000-8000-000000000001:approved',
      link,
    });
  });

  it('does not notify the DRI of their own action', async () => {
    const { notify } = setup();
    const sent = await notify({
      actor: dana,
      events: [event('approved', { actor: dana })],
    });
    expect(sent).toEqual([]);
  });

  it('on drift notifies the owner under one scope, so later runs update the same notification', async () => {
    const { notify } = setup();
    const drifted = (...messages: string[]): StoredReview =>
      storedReview({
        state: 'drifted',
        body: { drift: messages.map(cause) },
      });
    const sent = await notify({
      review: drifted(
        '"SLOs met" fails: checkout-availability burns its budget',
      ),
      actor: 'system',
      events: [event('drifted', { actor: 'system' })],
    });
    await notify({
      review: drifted('a', 'b', 'c', 'd', 'e'),
      actor: 'system',
      events: [event('drift-changed', { actor: 'system' })],
    });
    await notify({
      review: storedReview({ state: 'approved' }),
      actor: 'system',
      events: [event('drift-resolved', { actor: 'system' })],
    });
    expect(sent.map(s => s.recipients)).toEqual([
      { type: 'entity', entityRef: ['group:default/team-payments'] },
      { type: 'entity', entityRef: ['group:default/team-payments'] },
      { type: 'entity', entityRef: ['group:default/team-payments'] },
    ]);
    expect(new Set(sent.map(s => s.payload.scope))).toEqual(
      new Set(['readiness-review:00000000-0000-4000-8000-000000000001:drift']),
    );
    expect(sent[0].payload).toMatchObject({
      title: 'Readiness review drifted: checkout-api (ga)',
      description:
        'The approved ga readiness review of checkout-api (component:default/checkout-api) no longer holds: "SLOs met" fails: checkout-availability burns its budget.',
      severity: 'high',
    });
    expect(sent[1].payload.description).toContain(': a; b; c; and 2 more.');
    expect(sent[2].payload).toMatchObject({
      title: 'Readiness review approved again: checkout-api (ga)',
      severity: 'low',
    });
  });

  it('sends nothing for other actions, when the entity has no owner, or when turned off', async () => {
    expect(
      await setup().notify({
        events: [event('answered', { itemId: 'load-test' })],
      }),
    ).toEqual([]);
    expect(
      await setup().notify({
        review: storedReview({ ownerRef: null }),
        events: [event('drifted', { actor: 'system' })],
        actor: 'system',
      }),
    ).toEqual([]);
    expect(
      await setup(undefined, { enabled: false }).notify({
        events: [event('approved')],
      }),
    ).toEqual([]);
  });

  it('links to the review tab with the catalog route casing and escapes', () => {
    expect(
      reviewLink({ entityRef: 'Component:Prod/Checkout API', id: 'a/b' }),
    ).toBe(
      '/catalog/prod/component/Checkout%20API/readiness-review?review=a%2Fb',
    );
  });

  it('logs a failure after retrying, and keeps going with the next notification', async () => {
    const calls: string[] = [];
    const { notify, logger } = setup(async message => {
      calls.push(message.payload.title);
      if (message.payload.title.startsWith('Changes')) {
        throw new Error('Failed to send notifications: Error: socket hang up');
      }
    });
    const sent = await notify({
      events: [
        event('changes-requested', { sectionId: 'slos' }),
        event('approved'),
      ],
    });
    expect(calls).toEqual([
      'Changes requested: checkout-api (ga)',
      'Changes requested: checkout-api (ga)',
      'Readiness review approved: checkout-api (ga)',
    ]);
    expect(sent).toHaveLength(3);
    expect(logger.warn).toHaveBeenCalledWith(
      'Review notification not sent after 2 attempts: Changes requested: checkout-api (ga): Failed to send notifications: Error: socket hang up',
    );
  });

  it('treats a missing notifications backend (404) as expected: one attempt, a debug line', async () => {
    const { notify, logger, sent } = setup(async () => {
      throw new Error(
        'Failed to send notifications: Error: Request failed with status 404',
      );
    });
    await notify({ events: [event('approved')] });
    expect(sent).toHaveLength(1);
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.debug).toHaveBeenCalledWith(
      'Review notification not sent, the notifications backend is not installed: Readiness review approved: checkout-api (ga)',
    );
  });

  it('gives up on a send that hangs', async () => {
    const logger = mockServices.logger.mock();
    const notifier = new ReviewNotifier({
      notifications: { send: () => new Promise<void>(() => {}) },
      logger,
      timeoutMs: 5,
      attempts: 1,
    });
    notifier.notify({
      review: storedReview(),
      events: [event('approved')],
      sections,
      actor: sam,
    });
    await notifier.idle();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('timed out after 5 ms'),
    );
  });
});
