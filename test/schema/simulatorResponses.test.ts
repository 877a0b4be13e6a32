import {
  demoFleet,
  generatedFleet,
  pagerDutyGet,
  pagerDutyGetAllPages,
  SIMULATED_ROUTES,
  startPagerDutySimulator,
  type PagerDutySimulator,
  type SimulatorResponse,
} from '@preflight/demo-fixtures/simulator';
import { formatValidationErrors } from './PagerDutyResponseValidator';
import { sharedPagerDutyValidator } from './validatePagerDutyResponse';

const NOW = new Date('2026-03-11T10:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const week = `since=${iso(NOW.getTime() - 7 * DAY)}&until=${iso(
  NOW.getTime() + 14 * DAY,
)}`;

/** One request shape: a concrete path, its query and the include[] values it sends. */
interface Case {
  template: string;
  path: string;
  query: string;
}

function includesOf(query: string): string[] {
  return [...new URLSearchParams(query).entries()]
    .filter(([k]) => k === 'include[]')
    .map(([, v]) => v);
}

/**
 * Every endpoint with every parameter the simulator interprets, alone and in
 * the combinations a client uses, on the given fleet.
 */
function casesFor(
  fleet: ReturnType<typeof demoFleet>,
  ids: {
    services: string[];
    policies: string[];
    incidents: string[];
    users: string[];
  },
): Case[] {
  const list = (template: string, queries: string[]) =>
    queries.map(query => ({ template, path: template, query }));
  const byId = (template: string, values: string[], queries: string[]) =>
    values.flatMap(id =>
      queries.map(query => ({
        template,
        path: template.replace('{id}', id),
        query,
      })),
    );
  const team = fleet.teams[0].id;
  const policies = fleet.escalationPolicies.map(p => p.id);
  const someUser = fleet.users[2].id;
  const firstIncident = fleet.incidents()[0];
  return [
    ...list('/services', [
      '',
      'include[]=escalation_policies',
      'include[]=teams',
      'include[]=integrations',
      'include[]=escalation_policies&include[]=teams',
      `team_ids[]=${team}`,
      'query=a',
      `name=${fleet.services[0].name}`,
      'sort_by=name',
      'sort_by=name:asc',
      'sort_by=name:desc',
      'total=true',
      'time_zone=America/New_York',
    ]),
    ...byId('/services/{id}', ids.services, [
      '',
      'include[]=escalation_policies&include[]=teams',
    ]),
    ...list('/escalation_policies', [
      '',
      'include[]=targets',
      'include[]=teams',
      'include[]=targets&include[]=teams',
      `team_ids[]=${team}`,
      `user_ids[]=${someUser}`,
      'query=e',
      'sort_by=name:desc',
      'total=true',
      'time_zone=Asia/Kolkata',
    ]),
    ...byId('/escalation_policies/{id}', ids.policies, [
      '',
      'include[]=targets&include[]=teams',
    ]),
    ...list('/oncalls', [
      '',
      'include[]=users',
      week,
      `${week}&include[]=users`,
      `${week}&earliest=true`,
      'earliest=true',
      ...ids.policies.map(id => `${week}&escalation_policy_ids[]=${id}`),
      `${week}&escalation_policy_ids[]=${policies[0]}&escalation_policy_ids[]=${policies[1]}&include[]=users`,
      `${week}&schedule_ids[]=${fleet.schedules[0].id}`,
      `${week}&schedule_ids[]=null`,
      `${week}&user_ids[]=${someUser}`,
      `${week}&time_zone=Australia/Adelaide`,
      `${week}&total=true`,
    ]),
    ...list('/users', [
      '',
      'include[]=contact_methods',
      'include[]=notification_rules',
      `team_ids[]=${team}`,
      'query=example',
      'total=true',
      'time_zone=Europe/Berlin',
    ]),
    ...byId('/users/{id}', ids.users, ['', 'include[]=contact_methods']),
    ...list('/teams', ['', 'query=team', 'total=true']),
    ...list('/incidents', [
      '',
      'date_range=all',
      `since=${iso(NOW.getTime() - 90 * DAY)}&until=${iso(NOW.getTime())}`,
      ...['triggered', 'acknowledged', 'resolved'].map(
        s => `date_range=all&statuses[]=${s}`,
      ),
      'date_range=all&statuses[]=triggered&statuses[]=acknowledged',
      `date_range=all&service_ids[]=${fleet.services[0].id}`,
      'date_range=all&urgencies[]=high',
      'date_range=all&urgencies[]=low',
      `date_range=all&team_ids[]=${team}`,
      `date_range=all&user_ids[]=${someUser}`,
      `date_range=all&incident_key=${firstIncident.incidentKey}`,
      'date_range=all&sort_by=created_at:desc',
      'date_range=all&sort_by=urgency:desc,incident_number:asc',
      'date_range=all&sort_by=resolved_at',
      'date_range=all&total=true',
      'date_range=all&time_zone=America/Los_Angeles',
    ]),
    ...list('/change_events', [
      '',
      `since=${iso(NOW.getTime() - 90 * DAY)}&until=${iso(NOW.getTime())}`,
      `team_ids[]=${team}`,
      'total=true',
      'limit=100',
    ]),
    ...list('/log_entries', [
      '',
      `since=${iso(NOW.getTime() - 90 * DAY)}&until=${iso(NOW.getTime())}`,
      'is_overview=true',
      'is_overview=false',
      'include[]=incidents',
      'is_overview=true&include[]=incidents',
      `team_ids[]=${team}`,
      'total=true',
      'time_zone=Asia/Tokyo',
    ]),
    ...byId('/incidents/{id}', ids.incidents.slice(0, 5), [
      '',
      'time_zone=Asia/Tokyo',
    ]),
    ...byId('/incidents/{id}/log_entries', ids.incidents, [
      '',
      'include[]=incidents&is_overview=true&time_zone=Europe/London',
    ]),
  ];
}

/** Fetches every page of every case and returns the schema errors found, by request. */
async function crawl(
  simulator: PagerDutySimulator,
  cases: Case[],
  limit: number,
) {
  const validator = sharedPagerDutyValidator();
  const problems: string[] = [];
  let pagesValidated = 0;
  for (const c of cases) {
    const path = c.query ? `${c.path}?${c.query}` : c.path;
    const pages: SimulatorResponse[] = c.template.endsWith('{id}')
      ? [await pagerDutyGet(simulator.url, path)]
      : await pagerDutyGetAllPages(simulator.url, path, {
          limit,
          maxPages: 500,
        });
    for (const [i, page] of pages.entries()) {
      if (page.status !== 200) {
        problems.push(`${path} page ${i}: status ${page.status} ${page.text}`);
        continue;
      }
      const errors = validator.validate('GET', c.template, page.body, {
        include: includesOf(c.query),
      });
      pagesValidated++;
      if (errors.length) {
        problems.push(
          `${path} page ${i}:\n${formatValidationErrors(errors.slice(0, 10))}`,
        );
      }
    }
  }
  return { problems, pagesValidated };
}

describe('simulator responses match PagerDuty’s OpenAPI schema', () => {
  let simulator: PagerDutySimulator;
  const fleet = demoFleet(NOW);

  beforeAll(async () => {
    simulator = await startPagerDutySimulator({
      fleet,
      now: NOW,
      rateLimitPerMinute: 1_000_000,
    });
  });
  afterAll(() => simulator.close());

  it('for every endpoint, parameter combination and page, on the demo fleet', async () => {
    const ids = {
      services: fleet.services.map(s => s.id),
      policies: fleet.escalationPolicies.map(p => p.id),
      // The recent ones: older incidents (a year of report history) render
      // the same way, and crawling each would only slow the test.
      incidents: fleet
        .incidents()
        .filter(i => i.createdAtMs > NOW.getTime() - 90 * 86_400_000)
        .map(i => i.id),
      users: fleet.users.map(u => u.id),
    };
    // PagerDuty's default page size, so every list spans several pages.
    const { problems, pagesValidated } = await crawl(
      simulator,
      casesFor(fleet, ids),
      25,
    );
    expect(problems).toEqual([]);
    // Every simulated operation was exercised, multi-page lists included.
    const operations = Object.keys(
      simulator.control.stats().byOperation,
    ).sort();
    expect(operations).toEqual(
      SIMULATED_ROUTES.map(r => `${r.method} ${r.template}`).sort(),
    );
    expect(simulator.control.stats().byPath['/log_entries']).toBeGreaterThan(
      9 * 5,
    );
    expect(pagesValidated).toBeGreaterThan(250);
    // A year of report history makes the unfiltered incident and log lists
    // several times longer than the 90 days they used to hold.
  }, 180_000);

  it('on a generated fleet with services that never had an incident', async () => {
    const generated = generatedFleet({
      services: 60,
      now: NOW,
      meanIncidentsPerService: 1.5,
    });
    const other = await startPagerDutySimulator({
      fleet: generated,
      now: NOW,
      rateLimitPerMinute: 1_000_000,
    });
    try {
      const services = await pagerDutyGetAllPages(other.url, '/services');
      const quiet = services
        .flatMap(p => p.body.services)
        .filter((s: any) => s.last_incident_timestamp === null);
      expect(quiet.length).toBeGreaterThan(0);
      const ids = {
        services: generated.services.slice(0, 5).map(s => s.id),
        policies: generated.escalationPolicies.slice(0, 5).map(p => p.id),
        incidents: generated
          .incidents()
          .slice(-5)
          .map(i => i.id),
        users: generated.users.slice(0, 5).map(u => u.id),
      };
      const { problems } = await crawl(other, casesFor(generated, ids), 100);
      expect(problems).toEqual([]);
    } finally {
      await other.close();
    }
  }, 60_000);

  describe('error bodies', () => {
    const validator = sharedPagerDutyValidator();
    const componentFor: Record<number, string> = {
      400: 'ArgumentError',
      401: 'Unauthorized',
      404: 'NotFound',
      429: 'TooManyRequests',
    };
    const sample: Record<string, string> = {
      '/services/{id}': '/services/PCHKOUT',
      '/escalation_policies/{id}': '/escalation_policies/PEPAY01',
      '/users/{id}': `/users/${fleet.users[0].id}`,
      '/incidents/{id}': `/incidents/${fleet.incidents()[0].id}`,
      '/incidents/{id}/log_entries': `/incidents/${
        fleet.incidents()[0].id
      }/log_entries`,
    };
    const concrete = (template: string) => sample[template] ?? template;
    const definedFor: string[] = [];

    /**
     * What is wrong with an error response: its status, or its body against
     * the operation's response for that status, or (where the operation
     * lists none) the schema's shared response for it.
     */
    function errorProblems(
      template: string,
      status: number,
      res: SimulatorResponse,
    ): string[] {
      if (res.status !== status) {
        return [`status ${res.status}, expected ${status}`];
      }
      let errors;
      if (validator.hasResponseSchema('GET', template, status)) {
        definedFor.push(`${status} ${template}`);
        errors = validator.validate('GET', template, res.body, { status });
      } else {
        errors = validator.validateComponentResponse(
          componentFor[status],
          res.body,
        );
      }
      const problems = errors.length ? [formatValidationErrors(errors)] : [];
      if (
        typeof res.body?.error?.message !== 'string' ||
        typeof res.body?.error?.code !== 'number'
      ) {
        problems.push(`not PagerDuty's error envelope: ${res.text}`);
      }
      return problems;
    }

    it.each(SIMULATED_ROUTES.map(r => [r.template]))(
      '401 on %s',
      async template => {
        expect(
          errorProblems(
            template,
            401,
            await pagerDutyGet(simulator.url, concrete(template), {
              token: 'wrong',
            }),
          ),
        ).toEqual([]);
      },
    );

    it.each(
      SIMULATED_ROUTES.filter(r => r.template.includes('{id}')).map(r => [
        r.template,
      ]),
    )('404 on %s', async template => {
      expect(
        errorProblems(
          template,
          404,
          await pagerDutyGet(
            simulator.url,
            template.replace('{id}', 'PNOSUCH'),
          ),
        ),
      ).toEqual([]);
    });

    it.each(SIMULATED_ROUTES.map(r => [r.template]))(
      '400 on %s',
      async template => {
        // Lists: beyond the 10,000 offset cap; single objects: an include[] PagerDuty does not know.
        const query = template.includes('{id}')
          ? 'include[]=bogus'
          : 'offset=10000';
        expect(
          errorProblems(
            template,
            400,
            await pagerDutyGet(simulator.url, `${concrete(template)}?${query}`),
          ),
        ).toEqual([]);
      },
    );

    it.each(SIMULATED_ROUTES.map(r => [r.template]))(
      '429 on %s',
      async template => {
        const limited = await startPagerDutySimulator({
          fleet,
          now: NOW,
          rateLimitPerMinute: 1,
        });
        try {
          expect(
            (await pagerDutyGet(limited.url, concrete(template))).status,
          ).toBe(200);
          expect(
            errorProblems(
              template,
              429,
              await pagerDutyGet(limited.url, concrete(template)),
            ),
          ).toEqual([]);
        } finally {
          await limited.close();
        }
      },
    );

    it('checked most error bodies against the operation’s own error responses', () => {
      // Runs after the cases above; the rest were checked against the shared error responses.
      expect(definedFor.length).toBeGreaterThan(20);
    });
  });
});
