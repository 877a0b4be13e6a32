import { parseEntityRef } from '@backstage/catalog-model';
import type {
  CheckContext,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';
import {
  catalogFact,
  formatDuration,
  formatInstant,
  numberParam,
  outcome,
  SERVICE_KINDS,
  sourceFact,
} from './checkSupport';
import { onCallProblem, trustedOnCall } from './onCallGuard';

const PAGERDUTY_DOCS =
  'https://support.pagerduty.com/main/docs/escalation-policies';
const ANNOTATION_PAGERDUTY_TEAM_ID = 'pagerduty.com/team-id';

/** A PagerDuty service is linked and known to PagerDuty. */
export const pagerDutyServiceLinkedCheck: ScorecardCheck = {
  id: 'pagerduty-service-linked',
  defaults: {
    title: 'PagerDuty service linked',
    category: 'on-call',
    description:
      'The entity names its PagerDuty service (pagerduty.com/service-id) and PagerDuty knows that service, so alerts page someone.',
    fix: {
      text: 'Add the annotation "pagerduty.com/service-id: <id>" with the id from the service\'s PagerDuty URL (…/service-directory/<id>).',
      url: 'https://support.pagerduty.com/main/docs/services-and-integrations',
    },
    appliesTo: { kinds: SERVICE_KINDS },
  },
  evaluate({ facts }) {
    const problem = onCallProblem(facts, 'paging');
    if (problem) {
      return problem;
    }
    const { service, freshness } = trustedOnCall(facts);
    return outcome(
      'pass',
      `Linked to PagerDuty service ${service?.name ?? facts.onCall.serviceId}`,
      [
        sourceFact(
          'PagerDuty service',
          service?.name ?? facts.onCall.serviceId ?? null,
          freshness,
        ),
      ],
    );
  },
};

/** The escalation policy has enough levels. */
export const escalationPolicyLevelsCheck: ScorecardCheck = {
  id: 'escalation-policy-levels',
  defaults: {
    title: 'Escalation policy with backup',
    category: 'on-call',
    description:
      "The service's escalation policy has at least two levels, so an unanswered page reaches a second person.",
    fix: {
      text: "Add a second level (a secondary schedule or a lead) to the service's escalation policy in PagerDuty.",
      url: PAGERDUTY_DOCS,
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { minLevels: 2 },
  },
  evaluate({ facts, params }) {
    const problem = onCallProblem(facts, 'the escalation policy');
    if (problem) {
      return problem;
    }
    const { escalationPolicy, freshness } = trustedOnCall(facts);
    const minLevels = numberParam(params, 'minLevels');
    if (!escalationPolicy) {
      return outcome('fail', 'The PagerDuty service has no escalation policy', [
        sourceFact('Escalation levels', 0, freshness),
      ]);
    }
    const levels = escalationPolicy.levelCount;
    const used = [
      sourceFact('Escalation policy', escalationPolicy.name, freshness),
      sourceFact('Escalation levels', levels, freshness),
      sourceFact('Required levels', minLevels, freshness),
    ];
    return levels >= minLevels
      ? outcome(
          'pass',
          `${escalationPolicy.name} has ${levels} levels (at least ${minLevels} required)`,
          used,
        )
      : outcome(
          'fail',
          `${escalationPolicy.name} has ${levels} level${
            levels === 1 ? '' : 's'
          }; at least ${minLevels} are required`,
          used,
        );
  },
};

/** Level 1 is held at all times in the look-ahead window. */
export const level1AlwaysCoveredCheck: ScorecardCheck = {
  id: 'level1-always-covered',
  defaults: {
    title: 'First level always on call',
    category: 'on-call',
    description:
      'Somebody holds the first escalation level at every moment of the next 7 days: no schedule gaps.',
    fix: {
      text: 'Fill the gaps in the level-1 schedule (add a layer or restrictions that cover nights and weekends), or add overrides.',
      url: 'https://support.pagerduty.com/main/docs/schedule-basics',
    },
    appliesTo: { kinds: SERVICE_KINDS },
  },
  evaluate({ facts }) {
    const problem = onCallProblem(facts, 'level-1 coverage');
    if (problem) {
      return problem;
    }
    const { escalationPolicy, freshness } = trustedOnCall(facts);
    if (!escalationPolicy) {
      return outcome(
        'fail',
        'The PagerDuty service has no escalation policy, so nobody is on call',
        [sourceFact('Escalation policy', null, freshness)],
      );
    }
    const gaps = escalationPolicy.level1Gaps;
    if (gaps.length === 0) {
      return outcome(
        'pass',
        'Level 1 is covered at all times over the next 7 days',
        [sourceFact('Gaps in the next 7 days', 0, freshness)],
      );
    }
    const uncoveredSeconds = gaps.reduce(
      (total, gap) =>
        total + (Date.parse(gap.end) - Date.parse(gap.start)) / 1000,
      0,
    );
    const first = gaps[0];
    return outcome(
      'fail',
      `Nobody holds level 1 for ${formatDuration(
        uncoveredSeconds,
      )} over the next 7 days, first from ${formatInstant(
        first.start,
      )} to ${formatInstant(first.end)}`,
      [
        sourceFact('Gaps in the next 7 days', gaps.length, freshness),
        sourceFact(
          'Uncovered time',
          formatDuration(uncoveredSeconds),
          freshness,
        ),
        sourceFact('First gap starts', formatInstant(first.start), freshness),
      ],
    );
  },
};

/** Level 1 rotates between several people. */
export const rotationHasMultiplePeopleCheck: ScorecardCheck = {
  id: 'rotation-has-multiple-people',
  defaults: {
    title: 'Rotation shared by several people',
    category: 'on-call',
    description:
      'The first level rotates between at least two people in the next 7 days, so nobody is on call alone all the time.',
    fix: {
      text: 'Replace a single person at level 1 with a schedule rotating between at least two people.',
      url: 'https://support.pagerduty.com/main/docs/schedule-examples',
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { minPeople: 2 },
  },
  evaluate({ facts, params }) {
    const problem = onCallProblem(facts, 'the rotation');
    if (problem) {
      return problem;
    }
    const { escalationPolicy, freshness } = trustedOnCall(facts);
    const minPeople = numberParam(params, 'minPeople');
    const people = escalationPolicy?.level1People ?? [];
    const names = people.map(person => person.name).join(', ') || 'nobody';
    const used = [
      sourceFact('Level-1 people in the next 7 days', people.length, freshness),
      sourceFact('Who', names, freshness),
    ];
    return people.length >= minPeople
      ? outcome(
          'pass',
          `${people.length} people share level 1 (${names})`,
          used,
        )
      : outcome(
          'fail',
          `Level 1 is held by ${
            people.length === 0 ? 'nobody' : names
          } over the next 7 days; at least ${minPeople} people should rotate`,
          used,
        );
  },
};

function ownerName(ownerRef: string): string {
  try {
    return parseEntityRef(ownerRef).name;
  } catch {
    return ownerRef;
  }
}

/** Whether the service's PagerDuty team is the catalog owner. */
function matchTeam(context: CheckContext) {
  const { facts } = context;
  const owner = facts.owner!;
  const teams = facts.onCall.service?.teams ?? [];
  const teamId = owner.annotations[ANNOTATION_PAGERDUTY_TEAM_ID]?.trim();
  if (teamId) {
    return {
      how: `team id ${teamId} (${ANNOTATION_PAGERDUTY_TEAM_ID} of ${owner.ref})`,
      team: teams.find(team => team.id === teamId),
    };
  }
  const name = ownerName(owner.ref).toLocaleLowerCase('en-US');
  return {
    how: `team name "${ownerName(owner.ref)}"`,
    team: teams.find(team => team.name.toLocaleLowerCase('en-US') === name),
  };
}

/** The team PagerDuty pages is the team the catalog says owns the entity. */
export const pagingTeamMatchesOwnerCheck: ScorecardCheck = {
  id: 'paging-team-matches-owner',
  defaults: {
    title: 'Paged team is the owner',
    category: 'on-call',
    description:
      'The PagerDuty service belongs to the team that owns the entity in the catalog, and the people paged first are members of it.',
    fix: {
      text: `Move the PagerDuty service to the owning team, or set "${ANNOTATION_PAGERDUTY_TEAM_ID}" on the owning Group when its PagerDuty team has another name; add the on-call people to the Group's members.`,
      url: 'https://support.pagerduty.com/main/docs/teams',
    },
    appliesTo: { kinds: SERVICE_KINDS },
  },
  evaluate(context) {
    const { facts } = context;
    const problem = onCallProblem(facts, 'the paged team');
    if (problem) {
      return problem;
    }
    const { service, escalationPolicy, freshness } = trustedOnCall(facts);
    if (!facts.owner || !facts.owner.exists) {
      return outcome(
        'fail',
        'The entity has no owner in the catalog to compare the paged team with',
        [catalogFact('Owner', facts.owner?.ref ?? null)],
      );
    }
    const teams = service?.teams ?? [];
    const teamNames = teams.map(team => team.name).join(', ') || 'none';
    const used = [
      sourceFact('PagerDuty teams of the service', teamNames, freshness),
    ];
    const { how, team } = matchTeam(context);
    if (!team) {
      return outcome(
        'fail',
        `The PagerDuty service belongs to ${
          teams.length === 0 ? 'no team' : teamNames
        }, not the owner ${facts.owner.ref} (matched by ${how})`,
        used,
      );
    }
    const members = new Set(
      facts.owner.memberEmails.map(email => email.toLocaleLowerCase('en-US')),
    );
    const outsiders = (escalationPolicy?.level1People ?? []).filter(
      person =>
        person.email && !members.has(person.email.toLocaleLowerCase('en-US')),
    );
    if (outsiders.length > 0) {
      return outcome(
        'warning',
        `Paged as ${
          team.name
        }, but level 1 includes people who are not members of ${
          facts.owner.ref
        }: ${outsiders.map(person => person.name).join(', ')}`,
        [
          ...used,
          sourceFact(
            'Level-1 people outside the team',
            outsiders.length,
            freshness,
          ),
        ],
      );
    }
    return outcome(
      'pass',
      `PagerDuty pages ${team.name}, the owner ${facts.owner.ref}`,
      used,
    );
  },
};

/** On-call checks. */
export const onCallChecks = [
  pagerDutyServiceLinkedCheck,
  escalationPolicyLevelsCheck,
  level1AlwaysCoveredCheck,
  rotationHasMultiplePeopleCheck,
  pagingTeamMatchesOwnerCheck,
];
