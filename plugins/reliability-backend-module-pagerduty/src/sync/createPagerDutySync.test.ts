import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { createTestClock } from '../__testUtils__/createTestClock';
import {
  type FixtureAccount,
  fixtureHandlers,
} from '../__testUtils__/fixtureHandlers';
import {
  generatedServices,
  generatedTeam,
} from '../__testUtils__/generatedEntities';
import * as fixture from '../__testUtils__/smallAccountFixture';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { isPagerDutyError } from '../client/PagerDutyError';
import { createPagerDutySync } from './createPagerDutySync';

const BASE = 'https://api.pagerduty.test';
const TOKEN = 'fixture-token-0123';

const server = setupServer();
registerMswTestHooks(server);

const account: FixtureAccount = {
  teams: fixture.teams,
  services: fixture.services,
  escalationPolicies: fixture.escalationPolicies,
  users: fixture.users,
  onCalls: fixture.onCalls,
  incidents: fixture.incidents,
  logEntries: fixture.logEntries,
};

function setup(data: FixtureAccount = account) {
  const requests: URL[] = [];
  server.use(
    ...fixtureHandlers({ baseUrl: BASE, token: TOKEN, data, requests }),
  );
  const time = createTestClock(fixture.FIXTURE_NOW);
  const client = new PagerDutyClient({
    accountId: 'default',
    baseUrl: BASE,
    token: TOKEN,
    clock: time.clock,
  });
  const sync = createPagerDutySync({ client, clock: time.clock });
  return { sync, client, requests };
}

describe('createPagerDutySync', () => {
  describe('syncAccount', () => {
    it('maps services, levels, targets and shifts of every policy', async () => {
      const { sync } = setup();

      const snapshot = await sync.syncAccount();

      expect(snapshot.warnings).toEqual([]);
      expect(snapshot.services).toEqual([
        {
          id: 'PCHKOUT',
          name: 'checkout-api',
          htmlUrl: 'https://acme.pagerduty.com/service-directory/PCHKOUT',
          status: 'critical',
          escalationPolicyId: 'PEPAY01',
          teams: [
            {
              id: 'PTPAY01',
              name: 'team-payments',
              htmlUrl: 'https://acme.pagerduty.com/teams/PTPAY01',
            },
          ],
        },
        expect.objectContaining({
          id: 'PAUTHSV',
          escalationPolicyId: 'PEPLT01',
        }),
      ]);

      const payments = snapshot.policies.find(p => p.id === 'PEPAY01')!;
      expect(payments.name).toBe('Payments escalation');
      expect(payments.numLoops).toBe(1);
      expect(payments.levels).toEqual([
        {
          level: 1,
          delayMinutes: 30,
          targets: [
            {
              type: 'schedule',
              id: 'PSPAY01',
              name: 'Payments primary',
              htmlUrl: 'https://acme.pagerduty.com/schedules/PSPAY01',
            },
          ],
        },
        {
          level: 2,
          delayMinutes: 30,
          targets: [
            expect.objectContaining({ type: 'schedule', id: 'PSPAY02' }),
          ],
        },
        {
          level: 3,
          delayMinutes: 15,
          targets: [
            expect.objectContaining({
              type: 'user',
              id: 'PUDANA1',
              name: 'Dana',
            }),
          ],
        },
      ]);

      const permanent = payments.shifts.filter(s => s.level === 3);
      expect(permanent).toHaveLength(1);
      expect(permanent[0]).toMatchObject({
        start: null,
        end: null,
        user: { name: 'Dana' },
      });
      expect(permanent[0].schedule).toBeUndefined();

      const aliceNow = payments.shifts.find(
        s => s.level === 1 && s.start === '2025-06-02T09:00:00Z',
      )!;
      expect(aliceNow.user.name).toBe('Alice');
      expect(aliceNow.end).toBe('2025-06-09T09:00:00Z');
      expect(aliceNow.schedule).toEqual({
        id: 'PSPAY01',
        name: 'Payments primary',
        htmlUrl: 'https://acme.pagerduty.com/schedules/PSPAY01',
      });
    });

    it('gives on-call people their contact methods', async () => {
      const { sync } = setup();

      const snapshot = await sync.syncAccount();
      const people = snapshot.policies.flatMap(p => p.shifts.map(s => s.user));
      const alice = people.find(p => p.id === 'PUALICE')!;
      const frank = people.find(p => p.id === 'PUFRANK')!;

      expect(alice).toMatchObject({
        name: 'Alice',
        email: 'alice@example.com',
        htmlUrl: 'https://acme.pagerduty.com/users/PUALICE',
        timeZone: 'Europe/London',
      });
      expect(alice.contactMethods).toEqual([
        { type: 'email', address: 'alice@example.com', label: 'Default' },
        { type: 'phone', address: '+1 5550101', label: 'Mobile' },
        { type: 'sms', address: '+1 5550101', label: 'Mobile SMS' },
        { type: 'push', address: 'f3a1c2d4e5b6', label: "Alice's iPhone" },
      ]);
      // Not in the user list: known from the on-call entry, without contact
      // details PagerDuty only gave as references.
      expect(frank).toMatchObject({
        name: 'Frank',
        email: 'frank@example.com',
      });
      expect(frank.contactMethods).toEqual([]);
    });

    it('computes incident statistics per service from incidents and their log', async () => {
      const { sync } = setup();

      const snapshot = await sync.syncAccount();
      const checkout = snapshot.incidentStats.find(
        s => s.serviceId === 'PCHKOUT',
      )!;
      const auth = snapshot.incidentStats.find(s => s.serviceId === 'PAUTHSV')!;

      expect(checkout).toMatchObject({
        windowDays: 90,
        total: 4,
        highUrgency: 3,
        // acknowledged after 5 and 15 minutes
        mttaSeconds: 600,
        // resolved after 60, 120 and 30 minutes
        mttrSeconds: 4200,
        // 3 high-urgency incidents over the 2 level-1 shifts that have run
        pagesPerShift: 1.5,
      });
      expect(checkout.open).toEqual([
        {
          id: 'Q3CHK03',
          number: 103,
          title: 'Checkout 5xx above 5%',
          status: 'triggered',
          urgency: 'high',
          createdAt: '2025-06-04T09:20:00Z',
          htmlUrl: 'https://acme.pagerduty.com/incidents/Q3CHK03',
        },
      ]);
      expect(auth).toMatchObject({
        total: 1,
        highUrgency: 0,
        mttaSeconds: 600,
        mttrSeconds: null,
      });
      // The months-old open incident is outside the window but still open.
      expect(auth.open.map(i => i.id)).toEqual(['Q5AUT05', 'Q6AUT06']);
    });

    it('computes pages per shift over the 90 days it is shown for, not over the last week', async () => {
      const WEEK = 7 * 24 * 3600_000;
      const firstShift = Date.parse('2025-03-10T09:00:00Z');
      const template = fixture.onCalls.find(
        e => e.escalation_policy.id === 'PEPAY01' && e.escalation_level === 1,
      )!;
      // Eleven weekly level-1 shifts before the fixture's two recent ones...
      const olderShifts = Array.from({ length: 11 }, (_, i) => ({
        ...template,
        start: new Date(firstShift + i * WEEK).toISOString(),
        end: new Date(firstShift + (i + 1) * WEEK).toISOString(),
      }));
      // ...and five high-urgency incidents in April, during those shifts.
      const highUrgency = fixture.incidents.find(
        i => i.service.id === 'PCHKOUT' && i.urgency === 'high',
      )!;
      const aprilPages = Array.from({ length: 5 }, (_, i) => ({
        ...highUrgency,
        id: `Q9APR0${i}`,
        incident_number: 900 + i,
        created_at: `2025-04-0${i + 1}T12:00:00Z`,
      }));
      const { sync } = setup({
        ...account,
        onCalls: [...account.onCalls, ...olderShifts],
        incidents: [...account.incidents, ...aprilPages],
      });

      const snapshot = await sync.syncAccount();

      const checkout = snapshot.incidentStats.find(
        s => s.serviceId === 'PCHKOUT',
      )!;
      expect(checkout.windowDays).toBe(90);
      // 3 recent + 5 April pages over 2 recent + 11 older shifts.
      expect(checkout.pagesPerShift).toBeCloseTo(8 / 13, 10);
      // The older shifts served the statistics; the policy keeps the last week.
      expect(
        snapshot.policies
          .find(p => p.id === 'PEPAY01')!
          .shifts.filter(shift => shift.start?.startsWith('2025-04')),
      ).toEqual([]);
    });

    it('reads annotated services a capped listing missed one by one, and says which do not exist', async () => {
      const many = generatedServices(20_100, ['PTA']);
      // PagerDuty lists by name: from both ends, 20,000 of 20,100 are reachable.
      const byName = [...many].sort((a, b) =>
        a.name!.localeCompare(b.name!, 'en'),
      );
      const unreachable = byName[10_050].id;
      const { sync, requests } = setup({
        ...account,
        teams: [generatedTeam('PTA')],
        services: [...account.services, ...many],
        escalationPolicies: [
          ...account.escalationPolicies,
          { ...account.escalationPolicies[0], id: 'PEP0001' },
        ],
      });

      const snapshot = await sync.syncAccount({
        annotatedServiceIds: async () => [unreachable, 'PNOSUCH', 'PCHKOUT'],
      });

      const ids = new Set(snapshot.services.map(s => s.id));
      expect(ids.has(unreachable)).toBe(true);
      expect(ids.has('PCHKOUT')).toBe(true);
      expect(snapshot.incompleteServices).toEqual({
        confirmedMissing: ['PNOSUCH'],
      });
      expect(snapshot.warnings).toContain(
        'services: 2 annotated services were not in the listing: 1 read one by one, 1 do not exist in PagerDuty, 0 wait for a later sync (shown as not synced yet)',
      );
      expect(snapshot.warnings.join(' ')).not.toContain('belong to no team');
      const lookups = requests
        .map(u => u.pathname)
        .filter(p => p.startsWith('/services/'));
      expect(lookups.sort()).toEqual(
        [`/services/${unreachable}`, '/services/PNOSUCH'].sort(),
      );
    });

    it('reads the shift history once, then only the days since the last sync', async () => {
      const { sync, requests } = setup();
      const first = await sync.syncAccount();
      const firstOnCalls = requests.filter(u => u.pathname === '/oncalls');
      requests.length = 0;

      const second = await sync.syncAccount();

      const ranges = requests
        .filter(u => u.pathname === '/oncalls')
        .map(u => [u.searchParams.get('since'), u.searchParams.get('until')]);
      expect(firstOnCalls).toHaveLength(2);
      // The displayed week, and the history since the first sync's end.
      expect(ranges).toHaveLength(2);
      expect(ranges[1][0]).toBe('2025-05-28T10:00:00.000Z');
      expect(
        Date.parse(ranges[1][1]!) - Date.parse(ranges[1][0]!),
      ).toBeLessThan(60_000);
      expect(second.incidentStats).toEqual(first.incidentStats);
    });

    it('reads in bulk: list endpoints only, with the documented filters', async () => {
      const { sync, requests } = setup();

      await sync.syncAccount();

      const paths = requests.map(url => url.pathname);
      expect(new Set(paths)).toEqual(
        new Set([
          '/services',
          '/escalation_policies',
          '/users',
          '/oncalls',
          '/incidents',
          '/log_entries',
        ]),
      );
      for (const url of requests) {
        expect(url.searchParams.get('limit')).toBe('100');
      }
      const param = (path: string, name: string) =>
        requests
          .filter(u => u.pathname === path)
          .map(u => u.searchParams.getAll(name));
      expect(param('/services', 'include[]')).toEqual([['teams']]);
      expect(param('/users', 'include[]')).toEqual([['contact_methods']]);
      // Shifts with their people over the displayed week back and ahead,
      // and, for pages per shift, the older rest of the 90-day incident
      // window without people (only level 1 is kept).
      expect(param('/oncalls', 'escalation_policy_ids[]')).toEqual([
        ['PEPAY01', 'PEPLT01'],
        ['PEPAY01', 'PEPLT01'],
      ]);
      expect(param('/oncalls', 'include[]')).toEqual([['users'], []]);
      expect(
        requests
          .filter(u => u.pathname === '/oncalls')
          .map(u => [u.searchParams.get('since'), u.searchParams.get('until')]),
      ).toEqual([
        ['2025-05-28T10:00:00.000Z', '2025-06-11T10:00:00.000Z'],
        ['2025-03-06T10:00:00.000Z', '2025-05-28T10:00:00.000Z'],
      ]);
      const incidentQueries = requests.filter(u => u.pathname === '/incidents');
      expect(
        incidentQueries.map(u => u.searchParams.getAll('statuses[]')),
      ).toEqual([
        ['triggered', 'acknowledged', 'resolved'],
        ['triggered', 'acknowledged'],
      ]);
      expect(incidentQueries[0].searchParams.get('since')).toBe(
        '2025-03-06T10:00:00.000Z',
      );
      expect(incidentQueries[1].searchParams.get('date_range')).toBe('all');
      const log = requests.find(u => u.pathname === '/log_entries')!;
      expect(log.searchParams.get('is_overview')).toBe('true');
    });

    it('asks for on-calls in batches of at most 50 policies', async () => {
      const policies = [
        ...fixture.escalationPolicies,
        ...Array.from({ length: 118 }, (_, i) => ({
          ...fixture.escalationPolicies[1],
          id: `PEX${String(i).padStart(4, '0')}`,
        })),
      ];
      const { sync, requests } = setup({
        ...account,
        escalationPolicies: policies,
      });

      const snapshot = await sync.syncAccount();

      const batches = requests
        .filter(u => u.pathname === '/oncalls')
        .map(u => u.searchParams.getAll('escalation_policy_ids[]'));
      // Once for the displayed shifts, once for the older history.
      expect(batches.map(b => b.length)).toEqual([50, 50, 20, 50, 50, 20]);
      expect(new Set(batches.flat()).size).toBe(120);
      expect(snapshot.policies).toHaveLength(120);
      expect(snapshot.warnings).toEqual([]);
      expect(
        snapshot.policies.find(p => p.id === 'PEPAY01')!.shifts,
      ).toHaveLength(6);
    });

    it('warns when a service uses a policy that was not listed', async () => {
      const { sync } = setup({
        ...account,
        escalationPolicies: fixture.escalationPolicies.filter(
          p => p.id !== 'PEPAY01',
        ),
      });

      const snapshot = await sync.syncAccount();

      expect(snapshot.warnings).toEqual([
        'service PCHKOUT (checkout-api) uses escalation policy PEPAY01, which was not found; its on-call is unknown',
      ]);
    });

    it('fails with an auth error that names the account when the token is refused', async () => {
      const requests: URL[] = [];
      server.use(
        ...fixtureHandlers({
          baseUrl: BASE,
          token: 'another-token',
          data: account,
          requests,
        }),
      );
      const time = createTestClock(fixture.FIXTURE_NOW);
      const client = new PagerDutyClient({
        accountId: 'default',
        baseUrl: BASE,
        token: TOKEN,
        clock: time.clock,
      });

      const error = await createPagerDutySync({ client, clock: time.clock })
        .syncAccount()
        .catch(e => e);

      expect(isPagerDutyError(error, 'auth')).toBe(true);
      expect(error.message).toContain('PagerDuty account "default"');
      expect(error.message).not.toContain(TOKEN);
      expect(requests).toHaveLength(1);
    });
  });

  describe('syncService', () => {
    it('reads one service with its policy, on-calls, people and incidents', async () => {
      const { sync, requests } = setup();

      const snapshot = await sync.syncService('PCHKOUT');

      expect(snapshot.services.map(s => s.id)).toEqual(['PCHKOUT']);
      expect(snapshot.policies.map(p => p.id)).toEqual(['PEPAY01']);
      expect(snapshot.policies[0].levels).toHaveLength(3);
      const alice = snapshot.policies[0].shifts.find(
        s => s.user.id === 'PUALICE',
      )!.user;
      expect(alice.contactMethods.map(c => c.type)).toEqual([
        'email',
        'phone',
        'sms',
        'push',
      ]);
      expect(snapshot.incidentStats).toEqual([
        expect.objectContaining({
          serviceId: 'PCHKOUT',
          total: 4,
          mttaSeconds: 600,
          mttrSeconds: 4200,
          pagesPerShift: 1.5,
        }),
      ]);
      // No account-wide lists for a single service.
      const paths = requests.map(u => u.pathname);
      expect(paths).not.toContain('/services');
      expect(paths).not.toContain('/users');
      expect(paths).not.toContain('/log_entries');
      expect(paths).toContain('/services/PCHKOUT');
      expect(paths).toContain('/escalation_policies/PEPAY01');
      for (const url of requests.filter(u => u.pathname === '/incidents')) {
        expect(url.searchParams.getAll('service_ids[]')).toEqual(['PCHKOUT']);
      }
    });

    it('keeps going when one on-call user cannot be read, and says whose contact methods are unknown', async () => {
      const { sync } = setup({
        ...account,
        users: account.users.filter(u => u.id !== 'PUBOB01'),
      });

      const snapshot = await sync.syncService('PCHKOUT');

      expect(snapshot.unreadPeople).toEqual(['PUBOB01']);
      const people = new Map(
        snapshot.policies[0].shifts.map(s => [s.user.id, s.user]),
      );
      expect(people.get('PUBOB01')!.contactMethods).toEqual([]);
      expect(people.get('PUALICE')!.contactMethods.length).toBeGreaterThan(0);
      expect(snapshot.warnings).toEqual([
        expect.stringContaining('GET /users/PUBOB01 found nothing'),
      ]);
    });

    it('reports an unknown service as not found', async () => {
      const { sync } = setup();
      const error = await sync.syncService('PNOSUCH').catch(e => e);
      expect(isPagerDutyError(error, 'not-found')).toBe(true);
    });

    it('refuses a malformed id without calling PagerDuty', async () => {
      const { sync, requests } = setup();
      const error = await sync.syncService('../users').catch(e => e);
      expect(isPagerDutyError(error, 'bad-request')).toBe(true);
      expect(requests).toHaveLength(0);
    });
  });
});
