/*
 * A synthetic fleet for the scorecard benchmark: catalog entities (a
 * department, teams with sub-teams, users, components) and the stored
 * observations the checks read (PagerDuty services, policies with shifts,
 * incident statistics, SLO declarations and statuses). Deterministic, so two
 * runs measure the same work.
 */
import type { Entity } from '@backstage/catalog-model';
import {
  BURN_RATE_WINDOWS,
  type EscalationPolicyRecord,
  evaluateSloBudget,
  type IncidentStats,
  type OnCallServiceRecord,
  type OnCallShift,
} from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';

/** Options of {@link generateScorecardFleet}. */
export interface ScorecardFleetOptions {
  /** Components in the fleet. */
  components: number;
  /** Components owned by `team-large` and its two sub-teams. */
  largeTeamComponents: number;
  /** Other teams, sharing the rest of the components. */
  teams: number;
  now: Date;
}

const TIERS = ['tier-1', 'tier-2', 'tier-3'];
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A small deterministic PRNG (mulberry32), so runs are repeatable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function group(
  name: string,
  parent: string | undefined,
  children: string[],
  members: string[],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'team',
      profile: { displayName: name },
      ...(parent ? { parent } : {}),
      children,
      members,
    },
    relations: [
      ...members.map(member => ({
        type: 'hasMember',
        targetRef: `user:default/${member}`,
      })),
      ...(parent
        ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
        : []),
      ...children.map(child => ({
        type: 'parentOf',
        targetRef: `group:default/${child}`,
      })),
    ],
  };
}

function user(name: string, team: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: { displayName: name, email: `${name}@bench.example.com` },
      memberOf: [team],
    },
    relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
  };
}

function serviceId(index: number): string {
  return `PS${String(index).padStart(6, '0')}`;
}

/** Weekly level-1 rotation of the team's three people over the next 14 days. */
function weeklyShifts(team: string, now: Date): OnCallShift[] {
  const start = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const shifts: OnCallShift[] = [];
  for (let week = -1; week < 2; week += 1) {
    const person = `${team}-u${(week + 3) % 3}`;
    shifts.push({
      level: 1,
      user: {
        id: `PU${team.replace(/[^a-z0-9]/gi, '').toUpperCase()}${
          (week + 3) % 3
        }`,
        name: person,
        email: `${person}@bench.example.com`,
        contactMethods: [],
      },
      start: new Date(start + week * 7 * DAY_MS).toISOString(),
      end: new Date(start + (week + 1) * 7 * DAY_MS).toISOString(),
      schedule: { id: `SCH-${team}`, name: `${team} primary` },
    });
  }
  return shifts;
}

function policyFor(team: string, now: Date): EscalationPolicyRecord {
  const lead = `${team}-u0`;
  return {
    id: `PE${team.replace(/[^a-z0-9]/gi, '').toUpperCase()}`,
    name: `${team} escalation`,
    numLoops: 1,
    levels: [
      {
        level: 1,
        delayMinutes: 30,
        targets: [
          { type: 'schedule', id: `SCH-${team}`, name: `${team} primary` },
        ],
      },
      {
        level: 2,
        delayMinutes: 30,
        targets: [{ type: 'user', id: `PULEAD-${team}`, name: lead }],
      },
    ],
    shifts: [
      ...weeklyShifts(team, now),
      {
        level: 2,
        user: {
          id: `PULEAD-${team}`,
          name: lead,
          email: `${lead}@bench.example.com`,
          contactMethods: [],
        },
        start: null,
        end: null,
      },
    ],
  };
}

function sloFor(entityRef: string, name: string): SloDefinition {
  return {
    id: `${name}-availability`,
    name: `${name}-availability`,
    displayName: `${name} availability`,
    service: name,
    entityRef,
    file: `slos/${name}.yaml`,
    indicatorName: `${name}-requests`,
    indicator: {
      kind: 'ratio-bad',
      counter: true,
      badQuery: `http_requests_total{service="${name}",code=~"5.."}`,
      totalQuery: `http_requests_total{service="${name}"}`,
    },
    window: '28d',
    windowSeconds: (28 * DAY_MS) / 1000,
    rolling: true,
    budgetingMethod: 'Occurrences',
    objectiveIndex: 0,
    target: 0.999,
  };
}

/** Everything the benchmark loads into the catalog mock and the stores. */
export interface ScorecardFleet {
  entities: Entity[];
  componentRefs: string[];
  services: OnCallServiceRecord[];
  policies: EscalationPolicyRecord[];
  incidentStats: IncidentStats[];
  slos: Array<{ definition: SloDefinition; errorRatio: number }>;
}

/** Builds the fleet. About a third of the components declare an SLO. */
export function generateScorecardFleet(
  options: ScorecardFleetOptions,
): ScorecardFleet {
  const { now } = options;
  const next = random(42);
  const entities: Entity[] = [];
  const teamNames: string[] = [];

  const largeSubTeams = ['team-large-api', 'team-large-data'];
  const otherTeams = Array.from(
    { length: options.teams },
    (_, index) => `team-${String(index).padStart(3, '0')}`,
  );
  entities.push(
    group('engineering', undefined, ['team-large', ...otherTeams], []),
  );
  for (const team of ['team-large', ...largeSubTeams, ...otherTeams]) {
    const members = [0, 1, 2].map(index => `${team}-u${index}`);
    const parent = team.startsWith('team-large-')
      ? 'team-large'
      : 'engineering';
    const children = team === 'team-large' ? largeSubTeams : [];
    entities.push(group(team, parent, children, members));
    members.forEach(member => entities.push(user(member, team)));
    teamNames.push(team);
  }

  const policies = teamNames.map(team => policyFor(team, now));
  const services: OnCallServiceRecord[] = [];
  const incidentStats: IncidentStats[] = [];
  const slos: ScorecardFleet['slos'] = [];
  const componentRefs: string[] = [];

  for (let index = 0; index < options.components; index += 1) {
    const team =
      index < options.largeTeamComponents
        ? ['team-large', ...largeSubTeams][index % 3]
        : otherTeams[index % otherTeams.length];
    const name = `svc-${String(index).padStart(5, '0')}`;
    const entityRef = `component:default/${name}`;
    const id = serviceId(index);
    const hasSlo = index % 3 === 0;
    const annotations: Record<string, string> = {
      'pagerduty.com/service-id': id,
      'preflight.dev/tier': TIERS[index % TIERS.length],
    };
    if (index % 2 === 0) {
      annotations['backstage.io/techdocs-ref'] = 'dir:.';
    }
    if (hasSlo) {
      annotations['preflight.dev/openslo'] = `slos/${name}.yaml`;
    }
    if (index % 50 === 0) {
      annotations['preflight.dev/scorecard-exemptions'] = [
        '- check: techdocs-annotation',
        '  reason: docs migration',
        '  approver: user:default/bench-lead',
        `  expires: ${index % 100 === 0 ? '2099-01-01' : '2020-01-01'}`,
      ].join('\n');
    }
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations,
        links:
          index % 5 === 0
            ? []
            : [
                {
                  title: 'Runbook',
                  url: `https://runbooks.example.com/${name}`,
                  type: 'runbook',
                },
              ],
      },
      spec: {
        type: 'service',
        lifecycle: index % 10 === 0 ? 'experimental' : 'production',
        owner: team,
        system: `system-${index % 25}`,
      },
      relations: [{ type: 'ownedBy', targetRef: `group:default/${team}` }],
    });
    componentRefs.push(entityRef);

    const policy = policies[teamNames.indexOf(team)];
    services.push({
      id,
      name,
      status: 'active',
      escalationPolicyId: policy.id,
      teams: [{ id: `PT-${team}`, name: team }],
    });
    const openAgeHours = index % 40 === 0 ? 30 : 2;
    incidentStats.push({
      serviceId: id,
      windowDays: 90,
      total: 4 + Math.floor(next() * 10),
      highUrgency: 2,
      mttaSeconds: Math.round(60 + next() * 3600),
      mttrSeconds: Math.round(600 + next() * 6 * 3600),
      pagesPerShift: next() * 3,
      open:
        index % 20 === 0
          ? [
              {
                id: `Q${id}`,
                title: `${name} is degraded`,
                status: 'triggered',
                urgency: 'high',
                createdAt: new Date(
                  now.getTime() - openAgeHours * HOUR_MS,
                ).toISOString(),
              },
            ]
          : [],
    });
    if (hasSlo) {
      slos.push({
        definition: sloFor(entityRef, name),
        errorRatio: next() * 0.002,
      });
    }
  }
  // The catalog gives every entity a uid and an etag (which changes with the
  // entity); the in-memory catalog does not, so the fleet carries them.
  entities.forEach((item, index) => {
    item.metadata.uid = `bench-${String(index).padStart(6, '0')}`;
    item.metadata.etag = `etag-${index}-1`;
  });
  return { entities, componentRefs, services, policies, incidentStats, slos };
}

/** A stored-shape SLO evaluation with the same error ratio in every window. */
export function uniformSloEvaluation(
  definition: SloDefinition,
  errorRatio: number,
) {
  const counts = { good: 1_000_000 * (1 - errorRatio), total: 1_000_000 };
  const windows = Object.fromEntries(
    BURN_RATE_WINDOWS.map(window => [window.id, counts]),
  );
  return evaluateSloBudget({
    objective: definition.target,
    periodSeconds: definition.windowSeconds,
    period: counts,
    windows,
  });
}
