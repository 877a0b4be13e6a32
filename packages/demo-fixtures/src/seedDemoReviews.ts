/*
 * Fills a fresh demo portal with readiness reviews in every state, through the
 * public REST API and the demo's "sign in as" provider, exactly as people
 * would: the DRI opens and answers, reviewers waive and sign, one review is
 * cancelled, and one approved review drifts because its service is pointed at
 * a one-level escalation policy in the (simulated) PagerDuty afterwards.
 *
 *   node --import tsx packages/demo-fixtures/src/seedDemoReviews.ts http://localhost:7007 http://127.0.0.1:7099
 *
 * Does nothing when the portal already has reviews, so restarts keep what
 * visitors did.
 */
import type {
  Review,
  ReviewListResponse,
  ReviewResponse,
} from '@preflight/plugin-reliability-common';

const PERSON_HEADER = 'x-preflight-demo-person';
const EVIDENCE_BASE = 'https://wiki.example.com/reliability';

/** What the seed needs of the portal and the simulator. */
export interface SeedOptions {
  /** The portal, e.g. `http://localhost:7007`. */
  baseUrl: string;
  /** The PagerDuty simulator's base URL, for the drift scenario. */
  simulatorUrl: string;
  log?: (line: string) => void;
  /** How long to wait for the first scorecard evaluation. */
  timeoutMs?: number;
}

type Person = 'alice' | 'dana' | 'erin' | 'grace' | 'frank';

/** Who signs a section's reviewer group when the DRI is someone else. */
const REVIEWERS: Record<string, Person[]> = {
  'group:default/sre': ['erin', 'grace'],
  'group:default/security': ['frank'],
};

class DemoPortal {
  private readonly tokens = new Map<Person, string>();

  constructor(private readonly baseUrl: string) {}

  /**
   * Signs in as a person; right after start the catalog may not have loaded
   * the demo's users yet ("User not found"), so it retries for a while.
   */
  private async token(person: Person): Promise<string> {
    const known = this.tokens.get(person);
    if (known) {
      return known;
    }
    const deadline = Date.now() + 120_000;
    for (;;) {
      try {
        return await this.signIn(person);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise(resolve => setTimeout(resolve, 2000));
      }
    }
  }

  private async signIn(person: Person): Promise<string> {
    const res = await fetch(`${this.baseUrl}/api/auth/demoPeople/refresh`, {
      headers: {
        [PERSON_HEADER]: person,
        'x-requested-with': 'XMLHttpRequest',
      },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) {
      throw new Error(
        `signing in as ${person}: ${res.status} ${await res.text()}`,
      );
    }
    const body = (await res.json()) as { backstageIdentity: { token: string } };
    this.tokens.set(person, body.backstageIdentity.token);
    return body.backstageIdentity.token;
  }

  async call<T>(
    person: Person,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/reliability${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await this.token(person)}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) {
      throw new Error(
        `${method} ${path} as ${person}: ${res.status} ${await res.text()}`,
      );
    }
    return (await res.json()) as T;
  }
}

/** One review being walked through, always holding the version last read. */
class ReviewWalk {
  constructor(private readonly portal: DemoPortal, public review: Review) {}

  static async open(
    portal: DemoPortal,
    dri: Person,
    entity: string,
    stage: string,
    targetDate?: string,
  ): Promise<ReviewWalk> {
    const { review } = await portal.call<ReviewResponse>(
      dri,
      'POST',
      `/entities/component/default/${entity}/reviews`,
      {
        templateId: 'production-readiness',
        stage,
        ...(targetDate ? { targetDate } : {}),
      },
    );
    return new ReviewWalk(portal, review);
  }

  private async act(
    person: Person,
    method: 'POST' | 'PUT',
    path: string,
    body: object,
  ) {
    const { review } = await this.portal.call<ReviewResponse>(
      person,
      method,
      `/reviews/${this.review.id}${path}`,
      { version: this.review.version, ...body },
    );
    this.review = review;
  }

  /** Answers yes, with an evidence link, every attestation (of some sections). */
  async answerAll(person: Person, sectionIds?: string[]) {
    for (const section of this.review.sections) {
      if (sectionIds && !sectionIds.includes(section.id)) continue;
      for (const item of section.items) {
        if (item.kind !== 'attestation') continue;
        await this.act(person, 'PUT', `/items/${item.id}/answer`, {
          value: 'yes',
          evidence: [
            {
              url: `${EVIDENCE_BASE}/${this.review.entityRef.split('/')[1]}/${
                item.id
              }`,
              title: `${item.title.replace(/\?$/, '')}: record`,
            },
          ],
        });
      }
    }
  }

  async submit(person: Person) {
    await this.act(person, 'POST', '/submit', {});
  }

  /** Signs a section as one of its reviewers, waiving what does not pass. */
  async sign(sectionId: string, waiverReason: string) {
    const section = this.section(sectionId);
    const reviewer = this.reviewerOf(section.reviewerGroups);
    for (const item of section.items) {
      if (item.status === 'failing' || item.status === 'unanswered') {
        await this.act(reviewer, 'POST', `/items/${item.id}/waive`, {
          reason: waiverReason,
        });
      }
    }
    await this.act(reviewer, 'POST', `/sections/${sectionId}/signoff`, {
      comment: 'Checked with the team.',
    });
  }

  async signAll(waiverReason: string) {
    for (const section of this.review.sections) {
      if (!section.signoff) await this.sign(section.id, waiverReason);
    }
  }

  async requestChanges(sectionId: string, comment: string) {
    const section = this.section(sectionId);
    await this.act(
      this.reviewerOf(section.reviewerGroups),
      'POST',
      `/sections/${sectionId}/request-changes`,
      { comment },
    );
  }

  async cancel(person: Person, comment: string) {
    await this.act(person, 'POST', '/cancel', { comment });
  }

  private section(sectionId: string) {
    const section = this.review.sections.find(s => s.id === sectionId);
    if (!section)
      throw new Error(`${this.review.entityRef} has no section ${sectionId}`);
    return section;
  }

  private reviewerOf(groups: string[]): Person {
    const dri = this.review.dri.split('/')[1];
    const person = groups
      .flatMap(group => REVIEWERS[group] ?? [])
      .find(candidate => candidate !== dri);
    if (!person)
      throw new Error(`nobody but the DRI can sign for ${groups.join(', ')}`);
    return person;
  }
}

/** Waits until every entity has a stored scorecard (the first evaluation ran). */
export async function waitForScorecards(
  baseUrl: string,
  entities: string[],
  timeoutMs = 180_000,
) {
  const portal = new DemoPortal(baseUrl);
  const deadline = Date.now() + timeoutMs;
  for (const entity of entities) {
    for (;;) {
      const body = await portal
        .call<{ state: string }>(
          'alice',
          'GET',
          `/entities/component/default/${entity}/scorecard`,
        )
        .catch(() => ({ state: 'unavailable' }));
      if (body.state === 'ok') break;
      if (Date.now() > deadline) {
        throw new Error(
          `no scorecard for ${entity} yet; is the backend syncing?`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  }
}

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Seeds the demo's reviews; returns false when the portal already had some. */
export async function seedDemoReviews(options: SeedOptions): Promise<boolean> {
  const log = options.log ?? (() => undefined);
  const portal = new DemoPortal(options.baseUrl);
  const existing = await portal.call<ReviewListResponse>(
    'alice',
    'GET',
    '/reviews?pageSize=1',
  );
  if (existing.total > 0) {
    log(
      `the portal already has ${existing.total} readiness reviews; not seeding`,
    );
    return false;
  }
  await waitForScorecards(
    options.baseUrl,
    ['checkout-api', 'payments-gateway', 'web-storefront', 'api-gateway'],
    options.timeoutMs,
  );

  // Approved: the payments team's flagship, signed by SRE and Security.
  const approved = await ReviewWalk.open(
    portal,
    'alice',
    'checkout-api',
    'ga',
    daysFromNow(-3),
  );
  await approved.answerAll('alice');
  await approved.submit('alice');
  await approved.signAll('Accepted for launch; tracked in the team backlog');
  log(`checkout-api GA: ${approved.review.state}`);

  // In review: SRE signed on-call; the rest waits (its SLOs burn).
  const inReview = await ReviewWalk.open(
    portal,
    'dana',
    'payments-gateway',
    'ga',
    daysFromNow(10),
  );
  await inReview.answerAll('dana');
  await inReview.submit('dana');
  await inReview.sign(
    'ownership-oncall',
    'Accepted for launch; tracked in the team backlog',
  );
  log(`payments-gateway GA: ${inReview.review.state}`);

  // Changes requested: the load test predates the new cache.
  const changes = await ReviewWalk.open(
    portal,
    'dana',
    'web-storefront',
    'beta',
    daysFromNow(-1),
  );
  await changes.answerAll('dana');
  await changes.submit('dana');
  await changes.requestChanges(
    'capacity-dr',
    'The load test ran before the new cache went in; please rerun it at twice the Black Friday peak.',
  );
  log(`web-storefront beta: ${changes.review.state}`);

  // Draft: the ledger's owner has started answering.
  const draft = await ReviewWalk.open(
    portal,
    'alice',
    'ledger-service',
    'beta',
    daysFromNow(21),
  );
  await draft.answerAll('alice', ['ownership-oncall']);
  log(`ledger-service beta: ${draft.review.state}`);

  // Cancelled: the service is being folded into another.
  const cancelled = await ReviewWalk.open(
    portal,
    'dana',
    'fraud-detector',
    'beta',
  );
  await cancelled.cancel(
    'dana',
    'Fraud scoring moves into payments-gateway; no separate launch.',
  );
  log(`fraud-detector beta: ${cancelled.review.state}`);

  // Drifted: approved, then someone points api-gateway at the one-level mesh
  // policy in PagerDuty. The next sync and evaluation notice it.
  const drifting = await ReviewWalk.open(portal, 'erin', 'api-gateway', 'beta');
  await drifting.answerAll('erin');
  await drifting.submit('erin');
  await drifting.signAll(
    'Accepted for beta; SLOs are being defined with the edge team',
  );
  log(`api-gateway beta: ${drifting.review.state}`);
  const res = await fetch(`${options.simulatorUrl}/__control`, {
    method: 'POST',
    body: JSON.stringify({
      reassignService: { serviceId: 'PAPIGW1', escalationPolicyId: 'PEMSH01' },
    }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) {
    throw new Error(
      `the simulator refused the escalation edit: ${await res.text()}`,
    );
  }
  log(
    'api-gateway now pages through a one-level policy; its review drifts after the next sync',
  );
  return true;
}

/** Waits for a starting backend to answer its readiness probe. */
async function waitUntilReady(baseUrl: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/.backstage/health/v1/readiness`, {
      signal: AbortSignal.timeout(2000),
    })
      .then(res => res.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
  throw new Error(`${baseUrl} did not become ready`);
}

if (require.main === module) {
  const [
    baseUrl = 'http://localhost:7007',
    simulatorUrl = 'http://127.0.0.1:7099',
  ] = process.argv.slice(2);
  const log = (line: string) =>
    process.stdout.write(`[demo reviews] ${line}\n`);
  waitUntilReady(baseUrl, 600_000)
    .then(() => seedDemoReviews({ baseUrl, simulatorUrl, log }))
    .catch(error => {
      process.stderr.write(
        `Seeding the demo's readiness reviews failed: ${error}\n`,
      );
      process.exitCode = 1;
    });
}
