import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DEFAULT_SCORECARD_KINDS,
  resolveScorecardRubric,
  ScorecardConfigError,
} from './engine';
import { ScorecardCheck } from '@preflight/plugin-reliability-node';
import { ScorecardRubric } from '@preflight/plugin-reliability-common';
import { errorMessage } from '../lib/errorMessage';

/** `reliability.scorecards`, validated, with defaults applied. */
export interface ScorecardConfig {
  rubric: ScorecardRubric;
  /** Kinds in scope, lower case. */
  kinds: string[];
  /** Schedule of the global evaluation task; its timeout aborts a run. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Days of history kept (state changes and daily snapshots). */
  retentionDays: number;
}

const PATH = 'reliability.scorecards';
const DEFAULT_RETENTION_DAYS = 400;

/**
 * Every 10 minutes: catalog changes show within minutes, and every on-call
 * and SLO sync triggers a run on top, so facts never wait for the schedule.
 * The initial delay lets the first syncs land before the first run.
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 30 },
};

function readKinds(config: Config | undefined, problems: string[]): string[] {
  if (!config?.has('kinds')) {
    return [...DEFAULT_SCORECARD_KINDS];
  }
  let kinds: string[];
  try {
    kinds = config.getStringArray('kinds');
  } catch (error) {
    problems.push(`${PATH}.kinds: ${errorMessage(error)}`);
    return [];
  }
  if (kinds.length === 0) {
    problems.push(`${PATH}.kinds: list at least one kind`);
  }
  kinds.forEach((kind, index) => {
    if (kind.trim() === '') {
      problems.push(`${PATH}.kinds[${index}]: a kind cannot be empty`);
    }
  });
  return [
    ...new Set(kinds.map(kind => kind.trim().toLocaleLowerCase('en-US'))),
  ];
}

function readSchedule(
  config: Config | undefined,
  problems: string[],
): SchedulerServiceTaskScheduleDefinition {
  if (!config?.has('schedule')) {
    return DEFAULT_SCHEDULE;
  }
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(
      config.getConfig('schedule'),
    );
  } catch (error) {
    problems.push(`${PATH}.schedule: ${errorMessage(error)}`);
    return DEFAULT_SCHEDULE;
  }
}

function readRetentionDays(
  config: Config | undefined,
  problems: string[],
): number {
  const key = 'history.retentionDays';
  if (!config?.has(key)) {
    return DEFAULT_RETENTION_DAYS;
  }
  let days: number | undefined;
  try {
    days = config.getNumber(key);
  } catch (error) {
    problems.push(`${PATH}.${key}: ${errorMessage(error)}`);
    return DEFAULT_RETENTION_DAYS;
  }
  if (!Number.isInteger(days) || days < 1) {
    problems.push(`${PATH}.${key}: must be a whole number of days, at least 1`);
  }
  return days;
}

/**
 * Reads `reliability.scorecards` (which may come from its own file through
 * `$include`): the rubric (checks and levels, resolved against the built-in
 * and module checks), the kinds in scope, the evaluation schedule and the
 * history retention. Throws one error listing every problem with its config
 * path, so a bad rubric stops the backend at startup rather than producing
 * wrong scorecards.
 */
export function readScorecardConfig(
  root: Config,
  checks: ScorecardCheck[],
): ScorecardConfig {
  const config = root.getOptionalConfig(PATH);
  const problems: string[] = [];
  const kinds = readKinds(config, problems);
  const schedule = readSchedule(config, problems);
  const retentionDays = readRetentionDays(config, problems);
  let rubric: ScorecardRubric | undefined;
  try {
    rubric = resolveScorecardRubric({ config: config?.get(), checks });
  } catch (error) {
    if (error instanceof ScorecardConfigError) {
      problems.push(
        ...error.problems.map(problem => `${problem.path}: ${problem.message}`),
      );
    } else {
      problems.push(`${PATH}: ${errorMessage(error)}`);
    }
  }
  if (problems.length > 0 || !rubric) {
    throw new Error(
      `Invalid scorecard configuration:\n${problems
        .map(problem => `  - ${problem}`)
        .join('\n')}`,
    );
  }
  return {
    rubric,
    kinds,
    schedule,
    retentionDays,
  };
}
