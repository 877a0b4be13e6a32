import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import {
  formatValidationErrors,
  PagerDutyResponseValidator,
} from '@internal/preflight-test/schema/PagerDutyResponseValidator';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { createPagerDutySync } from '../sync/createPagerDutySync';
import { createTestClock } from './createTestClock';
import { fixtureHandlers } from './fixtureHandlers';
import {
  generatedIncidents,
  generatedOnCalls,
  generatedServices,
  generatedTeam,
} from './generatedEntities';
import * as fixture from './smallAccountFixture';

const BASE = 'https://api.pagerduty.test';
const TOKEN = 'fixture-token-0123';

const server = setupServer();
registerMswTestHooks(server);

/** `/services/PCHKOUT` → `/services/{id}`, as the OpenAPI document names paths. */
function template(pathname: string): string {
  return pathname
    .replace(
      /^\/(services|escalation_policies|users|incidents)\/[A-Z0-9]+(?=\/|$)/,
      '/$1/{id}',
    )
    .replace(
      /^\/incidents\/\{id\}\/log_entries$/,
      '/incidents/{id}/log_entries',
    );
}

describe('small account fixture', () => {
  it('answers every request the sync makes with bodies valid under PagerDuty’s OpenAPI schema', async () => {
    const validator = PagerDutyResponseValidator.load();
    const responses: Array<{ url: URL; status: number; body: unknown }> = [];
    server.use(
      ...fixtureHandlers({
        baseUrl: BASE,
        token: TOKEN,
        data: {
          teams: fixture.teams,
          services: fixture.services,
          escalationPolicies: fixture.escalationPolicies,
          users: fixture.users,
          onCalls: fixture.onCalls,
          incidents: fixture.incidents,
          logEntries: fixture.logEntries,
        },
      }),
    );
    const pending: Promise<void>[] = [];
    server.events.on('response:mocked', ({ request, response }) => {
      pending.push(
        response
          .clone()
          .json()
          .then(body => {
            responses.push({
              url: new URL(request.url),
              status: response.status,
              body,
            });
          }),
      );
    });
    const time = createTestClock(fixture.FIXTURE_NOW);
    const client = new PagerDutyClient({
      accountId: 'default',
      baseUrl: BASE,
      token: TOKEN,
      clock: time.clock,
    });
    const sync = createPagerDutySync({ client, clock: time.clock });

    await sync.syncAccount();
    await sync.syncService('PCHKOUT');
    await sync.syncService('PNOSUCH').catch(() => undefined);
    await Promise.all(pending);

    const operations = new Set(
      responses.map(r => `${r.status} ${template(r.url.pathname)}`),
    );
    expect(operations).toEqual(
      new Set([
        '200 /services',
        '200 /escalation_policies',
        '200 /users',
        '200 /oncalls',
        '200 /incidents',
        '200 /log_entries',
        '200 /services/{id}',
        '200 /escalation_policies/{id}',
        '200 /users/{id}',
        '200 /incidents/{id}/log_entries',
        '404 /services/{id}',
      ]),
    );
    const problems = responses.flatMap(({ url, status, body }) => {
      const include = url.searchParams.getAll('include[]');
      // The validator models `include[]=contact_methods` for GET /users
      // only; GET /users/{id} returns the same User, so validate it as a
      // one-user list with the same include.
      const errors =
        template(url.pathname) === '/users/{id}' && status === 200
          ? validator.validate(
              'GET',
              '/users',
              { users: [(body as { user: unknown }).user] },
              { include },
            )
          : validator.validate('GET', template(url.pathname), body, {
              status,
              include,
            });
      return errors.length
        ? [
            `${status} ${url.pathname}${url.search}\n${formatValidationErrors(
              errors,
            )}`,
          ]
        : [];
    });
    expect(problems).toEqual([]);
  });

  it('generates bulk objects valid under PagerDuty’s OpenAPI schema', () => {
    const validator = PagerDutyResponseValidator.load();
    const page = (key: string, items: unknown[]) => ({
      [key]: items,
      limit: 100,
      offset: 0,
      more: false,
      total: null,
    });
    const checks = [
      validator.validate(
        'GET',
        '/teams',
        page('teams', [generatedTeam('PTA0001')]),
      ),
      validator.validate(
        'GET',
        '/services',
        page('services', generatedServices(2, ['PTA0001'])),
      ),
      validator.validate(
        'GET',
        '/incidents',
        page(
          'incidents',
          generatedIncidents(2, i => Date.UTC(2025, 5, 1) + i),
        ),
      ),
      validator.validate(
        'GET',
        '/oncalls',
        page('oncalls', generatedOnCalls('PEP0001', 2, Date.UTC(2025, 5, 1))),
        {
          include: ['users'],
        },
      ),
    ];
    expect(checks.map(formatValidationErrors)).toEqual(['', '', '', '']);
  });
});
