import { findInvalidDefaults } from './findInvalidDefaults';
import { loadPagerDutyOpenApi } from './loadPagerDutyOpenApi';
import { PagerDutyResponseValidator } from './PagerDutyResponseValidator';
import { applySchemaPatches, SCHEMA_PATCHES } from './schemaPatches';

// Bodies shaped as the live API sends them, each exercising one schema defect.
const api = 'https://api.pagerduty.com';
const web = 'https://acme.pagerduty.com';
const ref = (type: string, id: string, path: string, summary = id) => ({
  id,
  type,
  summary,
  self: `${api}/${path}/${id}`,
  html_url: `${web}/${path}/${id}`,
});
const page = { limit: 25, offset: 0, more: false, total: null };

const permanentOnCall = {
  escalation_policy: ref(
    'escalation_policy_reference',
    'PEMSH01',
    'escalation_policies',
  ),
  escalation_level: 1,
  schedule: null,
  user: ref('user_reference', 'PUFRANK', 'users'),
  start: null,
  end: null,
};

const service = (overrides: object = {}) => ({
  ...ref('service', 'PNEW001', 'services', 'brand-new'),
  name: 'brand-new',
  status: 'active',
  created_at: '2026-01-01T00:00:00Z',
  last_incident_timestamp: '2026-02-01T10:00:00Z',
  escalation_policy: ref(
    'escalation_policy_reference',
    'PEPAY01',
    'escalation_policies',
  ),
  teams: [],
  ...overrides,
});

const incident = (overrides: object = {}) => ({
  ...ref('incident', 'Q1AAAAAAAAAAAA', 'incidents', '[#1] Down'),
  incident_number: 1,
  title: 'Down',
  created_at: '2026-03-01T10:00:00Z',
  status: 'resolved',
  service: ref('service_reference', 'PCHKOUT', 'services'),
  resolved_at: '2026-03-01T11:00:00Z',
  urgency: 'high',
  ...overrides,
});

const logEntry = (overrides: object = {}) => ({
  ...ref('resolve_log_entry', 'R1AAAAAAAAAAAAR', 'log_entries'),
  created_at: '2026-03-01T11:00:00Z',
  agent: ref('user_reference', 'PUALICE', 'users'),
  channel: { type: 'website' },
  incident: ref('incident_reference', 'Q1AAAAAAAAAAAA', 'incidents'),
  ...overrides,
});

/** For each patch: how its defect shows, and a check that fails without the patch. */
const defectChecks: Record<
  string,
  (v: PagerDutyResponseValidator) => unknown[]
> = {
  'oncall-permanent-start-end-null': v =>
    v.validate('GET', '/oncalls', {
      oncalls: [
        {
          ...permanentOnCall,
          schedule: ref('schedule_reference', 'PS1', 'schedules'),
        },
      ],
      ...page,
    }),
  'oncall-permanent-schedule-null': v =>
    v.validate('GET', '/oncalls', {
      oncalls: [
        {
          ...permanentOnCall,
          start: '2026-03-01T00:00:00Z',
          end: '2026-03-02T00:00:00Z',
        },
      ],
      ...page,
    }),
  'service-last-incident-timestamp-null': v =>
    v.validate('GET', '/services/{id}', {
      service: service({ last_incident_timestamp: null }),
    }),
  'incident-resolved-at-null': v =>
    v.validate('GET', '/incidents', {
      incidents: [incident({ status: 'triggered', resolved_at: null })],
      ...page,
    }),
  'incident-priority-null': v =>
    v.validate('GET', '/incidents', {
      incidents: [incident({ priority: null })],
      ...page,
    }),
  'log-entry-channel-oneof-as-anyof': v =>
    v.validate('GET', '/log_entries', { log_entries: [logEntry()], ...page }),
  'acknowledge-log-entry-type': v =>
    v.validate('GET', '/log_entries', {
      log_entries: [
        logEntry({
          ...ref('acknowledge_log_entry', 'R1AAAAAAAAAAAAA', 'log_entries'),
          channel: { type: 'website' },
        }),
      ],
      ...page,
    }),
  'sre-memories-limit-default': v => findInvalidDefaults(v.document),
};

describe('PagerDutyResponseValidator', () => {
  const validator = PagerDutyResponseValidator.load();

  it('has a check for every patch, and every patch only for a defect listed in conventions.md', () => {
    expect(Object.keys(defectChecks).sort()).toEqual(
      SCHEMA_PATCHES.map(p => p.id).sort(),
    );
  });

  it.each(SCHEMA_PATCHES.map(p => [p.id]))(
    'needs patch %s: without it the live API’s data is rejected',
    id => {
      const without = PagerDutyResponseValidator.load({
        patches: SCHEMA_PATCHES.filter(p => p.id !== id),
      });
      expect(defectChecks[id](without).length).toBeGreaterThan(0);
      expect(defectChecks[id](validator)).toEqual([]);
    },
  );

  it('finds exactly one invalid default in the published schema, none once patched', () => {
    expect(findInvalidDefaults(loadPagerDutyOpenApi())).toEqual([
      '#/components/parameters/sre_memories_limit/schema',
    ]);
    expect(findInvalidDefaults(validator.document)).toEqual([]);
  });

  it('refuses to patch a schema that no longer has the defect', () => {
    const patched = applySchemaPatches(loadPagerDutyOpenApi());
    for (const patch of SCHEMA_PATCHES) {
      expect(() => patch.apply(patched)).toThrow(/changed|review/);
    }
  });

  it.each([
    [
      'a null escalation level',
      { oncalls: [{ ...permanentOnCall, escalation_level: null }], ...page },
      '/oncalls',
    ],
    [
      'a null user',
      { oncalls: [{ ...permanentOnCall, user: null }], ...page },
      '/oncalls',
    ],
    [
      'a start that is not a date-time',
      { oncalls: [{ ...permanentOnCall, start: 'soon' }], ...page },
      '/oncalls',
    ],
    [
      'an unknown incident status',
      { incidents: [incident({ status: 'open' })], ...page },
      '/incidents',
    ],
    [
      'a resolved_at that is a number',
      { incidents: [incident({ resolved_at: 1 })], ...page },
      '/incidents',
    ],
    [
      'a priority that is a string',
      { incidents: [incident({ priority: 'P1' })], ...page },
      '/incidents',
    ],
    [
      'the schema’s own acknowledgement_log_entry',
      {
        log_entries: [logEntry({ type: 'acknowledgement_log_entry' })],
        ...page,
      },
      '/log_entries',
    ],
    [
      'a channel that is not an object',
      { log_entries: [logEntry({ channel: 'web' })], ...page },
      '/log_entries',
    ],
    [
      'a service without its type',
      { services: [service({ type: undefined })], ...page },
      '/services',
    ],
    [
      'a service with an invalid last_incident_timestamp',
      {
        services: [service({ last_incident_timestamp: 'yesterday' })],
        ...page,
      },
      '/services',
    ],
    ['a page without its list', { ...page }, '/teams'],
  ])('still rejects %s', (_, body, path) => {
    expect(
      validator.validate('GET', path, JSON.parse(JSON.stringify(body))).length,
    ).toBeGreaterThan(0);
  });

  describe('include[] expansions', () => {
    const fullUser = {
      ...ref('user', 'PUFRANK', 'users', 'Frank Fischer'),
      name: 'Frank Fischer',
      email: 'frank@example.com',
      time_zone: 'Europe/Berlin',
    };
    const body = { oncalls: [{ ...permanentOnCall, user: fullUser }], ...page };

    it('rejects a full object where the request did not ask for it', () => {
      expect(
        validator.validate('GET', '/oncalls', body).length,
      ).toBeGreaterThan(0);
    });

    it('accepts it, validated as the full object, when the request included it', () => {
      expect(
        validator.validate('GET', '/oncalls', body, { include: ['users'] }),
      ).toEqual([]);
      const reference = { oncalls: [permanentOnCall], ...page };
      expect(
        validator.validate('GET', '/oncalls', reference, { include: ['users'] })
          .length,
      ).toBeGreaterThan(0);
      const badZone = {
        oncalls: [
          {
            ...permanentOnCall,
            user: { ...fullUser, time_zone: 'Mars/Olympus' },
          },
        ],
        ...page,
      };
      expect(
        validator.validate('GET', '/oncalls', badZone, { include: ['users'] })
          .length,
      ).toBeGreaterThan(0);
    });
  });

  describe('error responses', () => {
    const error = { error: { message: 'Not Found', code: 2100 } };

    it('validates error bodies against the responses an operation defines', () => {
      expect(
        validator.validate('GET', '/services/{id}', error, { status: 404 }),
      ).toEqual([]);
      expect(
        validator.validate(
          'GET',
          '/services/{id}',
          { error: { code: 'x' } },
          { status: 404 },
        ).length,
      ).toBeGreaterThan(0);
      expect(
        validator.validateComponentResponse('TooManyRequests', {
          error: { message: 'Rate Limit Exceeded', code: 2020 },
        }),
      ).toEqual([]);
    });

    it('says which statuses an operation does not define', () => {
      expect(validator.hasResponseSchema('GET', '/oncalls', 429)).toBe(true);
      expect(validator.hasResponseSchema('GET', '/services', 429)).toBe(false);
      expect(() =>
        validator.validate('GET', '/services', error, { status: 429 }),
      ).toThrow(/defines no JSON response 429/);
      expect(() => validator.validate('GET', '/nowhere', {})).toThrow(
        /no operation/,
      );
    });
  });
});
