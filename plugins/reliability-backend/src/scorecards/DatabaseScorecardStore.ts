import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  LevelTrendPoint,
  ScorecardHistoryPoint,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';
import { Knex } from 'knex';
import { storedTimestamp } from '../slo/storedTimestamp';
import { NO_LEVEL_KEY } from './countLevels';
import type {
  GroupAncestry,
  ScorecardStore,
  StoredCheckState,
  StoredScorecard,
} from './ScorecardStore';
import { chunks } from '../lib/chunks';

// The same directory as the other stores: knex records every migration it
// ran, so whichever store is created first applies them all and the others
// find nothing pending.
const migrationsDir = resolvePackagePath(
  '@preflight/plugin-reliability-backend',
  'migrations',
);

// Rows (or refs of a WHERE IN) per statement: at ten columns a row this stays
// far below SQLite's (32766) and PostgreSQL's (65535) bind-parameter limits.
const CHUNK_SIZE = 500;

// Completed runs kept in the log; only the latest is read.
const RUNS_KEPT = 20;

interface ResultRow {
  entity_ref: string;
  owner_ref: string;
  kind: string;
  level_id: string | null;
  score: number;
  fingerprint: string;
  evaluated_at: Date | string | number;
  rubric_version: string;
  row_json: string;
  scorecard_json: string;
}

interface CheckStateRow {
  entity_ref: string;
  check_id: string;
  state: string;
  passing: boolean | number;
  exempt: boolean | number;
}

interface HistoryRow {
  entity_ref: string;
  day: string;
  reason: 'change' | 'daily';
  level_id: string | null;
  score: number;
  recorded_at: Date;
  last_of_day: boolean;
}

/** `YYYY-MM-DD` of a moment, in UTC. */
function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const levelKey = (levelId: string | null) => levelId ?? NO_LEVEL_KEY;

function checkSignature(rows: Array<Omit<CheckStateRow, 'entity_ref'>>) {
  return rows
    .map(
      r =>
        `${r.check_id}\u0000${r.state}\u0000${!!r.passing}\u0000${!!r.exempt}`,
    )
    .sort()
    .join('\u0001');
}

/**
 * {@link ScorecardStore} on the plugin database (SQLite, PostgreSQL).
 *
 * Trends count each entity once per day, at its last point that day. Levels
 * are not carried over days without a point: every evaluation run gives each
 * stored entity a point for its day (a change or the daily snapshot), so an
 * entity only lacks a point on days no run happened at all, and those days
 * are left out of the trend altogether. History follows the entity's current
 * owner: a service that moved teams brings its past along, and an entity that
 * left the catalog leaves the past trend too.
 * @public
 */
export class DatabaseScorecardStore implements ScorecardStore {
  /** Connects to the plugin database and runs pending migrations. */
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScorecardStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseScorecardStore(client);
  }

  private constructor(private readonly db: Knex) {}

  async getFingerprints(): Promise<Map<string, string>> {
    const rows = await this.db<ResultRow>('scorecard_results').select(
      'entity_ref',
      'fingerprint',
    );
    return new Map(rows.map(r => [r.entity_ref, r.fingerprint]));
  }

  async writeScorecards(
    scorecards: StoredScorecard[],
    now: Date,
  ): Promise<void> {
    if (scorecards.length === 0) {
      return;
    }
    // The last write of an entity wins, as it would with separate calls.
    const byRef = new Map(scorecards.map(s => [s.scorecard.entityRef, s]));
    const refs = [...byRef.keys()];
    const day = dayOf(now);

    await this.db.transaction(async tx => {
      const previous = new Map<
        string,
        { level: string | null; score: number; checks: string }
      >();
      const checksBefore = new Map<string, CheckStateRow[]>();
      const pointToday = new Set<string>();
      for (const chunk of chunks(refs, CHUNK_SIZE)) {
        // One connection serves the transaction: these run one after another.
        const results = await tx<ResultRow>('scorecard_results')
          .select('entity_ref', 'level_id', 'score')
          .whereIn('entity_ref', chunk);
        const states = await tx<CheckStateRow>(
          'scorecard_check_states',
        ).whereIn('entity_ref', chunk);
        const todays = await tx<HistoryRow>('scorecard_history')
          .distinct('entity_ref')
          .whereIn('entity_ref', chunk)
          .andWhere('day', day);
        for (const state of states) {
          const list = checksBefore.get(state.entity_ref) ?? [];
          list.push(state);
          checksBefore.set(state.entity_ref, list);
        }
        for (const r of results) {
          previous.set(r.entity_ref, {
            level: r.level_id,
            score: Number(r.score),
            checks: checkSignature(checksBefore.get(r.entity_ref) ?? []),
          });
        }
        for (const t of todays) {
          pointToday.add(t.entity_ref);
        }
      }

      const resultRows: ResultRow[] = [];
      const stateRows: CheckStateRow[] = [];
      const historyRows: HistoryRow[] = [];
      for (const [ref, stored] of byRef) {
        const { scorecard, row, fingerprint } = stored;
        const level = scorecard.level?.id ?? null;
        const states = scorecard.checks.map(check => ({
          entity_ref: ref,
          check_id: check.checkId,
          state: check.state,
          passing: check.passing,
          exempt: !!check.exemption && !check.exemption.expired,
        }));
        resultRows.push({
          entity_ref: ref,
          owner_ref: row.ownerRef,
          kind: row.kind,
          level_id: level,
          score: scorecard.score,
          fingerprint,
          evaluated_at: new Date(scorecard.evaluatedAt),
          rubric_version: scorecard.rubricVersion,
          row_json: JSON.stringify(row),
          scorecard_json: JSON.stringify(scorecard),
        });
        stateRows.push(...states);

        const before = previous.get(ref);
        const changed =
          !before ||
          before.level !== level ||
          before.score !== scorecard.score ||
          before.checks !== checkSignature(states);
        if (changed || !pointToday.has(ref)) {
          historyRows.push({
            entity_ref: ref,
            day,
            reason: changed ? 'change' : 'daily',
            level_id: level,
            score: scorecard.score,
            recorded_at: now,
            last_of_day: true,
          });
        }
      }

      for (const chunk of chunks(resultRows, CHUNK_SIZE)) {
        await tx('scorecard_results')
          .insert(chunk)
          .onConflict('entity_ref')
          .merge();
      }
      for (const chunk of chunks(refs, CHUNK_SIZE)) {
        await tx('scorecard_check_states')
          .whereIn('entity_ref', chunk)
          .delete();
      }
      for (const chunk of chunks(stateRows, CHUNK_SIZE)) {
        await tx('scorecard_check_states').insert(chunk);
      }
      // The new point supersedes the entity's earlier points of the day.
      const superseded = historyRows
        .map(h => h.entity_ref)
        .filter(ref => pointToday.has(ref));
      for (const chunk of chunks(superseded, CHUNK_SIZE)) {
        await tx('scorecard_history')
          .whereIn('entity_ref', chunk)
          .andWhere({ day, last_of_day: true })
          .update({ last_of_day: false });
      }
      for (const chunk of chunks(historyRows, CHUNK_SIZE)) {
        await tx('scorecard_history').insert(chunk);
      }
    });
  }

  async deleteScorecards(entityRefs: string[]): Promise<void> {
    if (entityRefs.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const chunk of chunks(entityRefs, CHUNK_SIZE)) {
        for (const table of [
          'scorecard_results',
          'scorecard_check_states',
          'scorecard_history',
        ]) {
          await tx(table).whereIn('entity_ref', chunk).delete();
        }
      }
    });
  }

  async recordDailySnapshots(now: Date, retainFrom: Date): Promise<void> {
    const day = dayOf(now);
    await this.db.transaction(async tx => {
      // One statement for the whole fleet: entities already holding a point
      // today (a change or an earlier snapshot) are left alone.
      await tx.raw(
        `INSERT INTO scorecard_history (entity_ref, day, reason, level_id, score, recorded_at)
         SELECT r.entity_ref, ?, 'daily', r.level_id, r.score, ?
         FROM scorecard_results r
         WHERE NOT EXISTS (
           SELECT 1 FROM scorecard_history h
           WHERE h.entity_ref = r.entity_ref AND h.day = ?
         )`,
        [day, now, day],
      );
      await tx('scorecard_history')
        .where('day', '<', dayOf(retainFrom))
        .delete();
    });
  }

  async replaceGroupAncestry(pairs: GroupAncestry[]): Promise<void> {
    const unique = new Map(
      pairs.map(p => [JSON.stringify([p.groupRef, p.ancestorRef]), p]),
    );
    await this.db.transaction(async tx => {
      await tx('scorecard_group_ancestry').delete();
      for (const chunk of chunks([...unique.values()], CHUNK_SIZE)) {
        await tx('scorecard_group_ancestry').insert(
          chunk.map(p => ({
            group_ref: p.groupRef,
            ancestor_ref: p.ancestorRef,
          })),
        );
      }
    });
  }

  async recordEvaluationRun(run: {
    completedAt: Date;
    evaluated: number;
    unchanged: number;
    removed: number;
    durationMs: number;
  }): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('scorecard_evaluation_runs').insert({
        completed_at: run.completedAt,
        evaluated: run.evaluated,
        unchanged: run.unchanged,
        removed: run.removed,
        duration_ms: Math.round(run.durationMs),
      });
      const kept = await tx('scorecard_evaluation_runs')
        .select('id')
        .orderBy('id', 'desc')
        .limit(RUNS_KEPT);
      await tx('scorecard_evaluation_runs')
        .whereNotIn(
          'id',
          kept.map(k => k.id),
        )
        .delete();
    });
  }

  async getLastEvaluatedAt(): Promise<string | null> {
    const row = await this.db('scorecard_evaluation_runs')
      .select('completed_at')
      .orderBy('completed_at', 'desc')
      .first();
    return storedTimestamp(row?.completed_at);
  }

  async getLastChangedAt(entityRef: string): Promise<string | null> {
    const row = await this.db<HistoryRow>('scorecard_history')
      .max({ at: 'recorded_at' })
      .where({ entity_ref: entityRef, reason: 'change' })
      .first();
    return storedTimestamp((row as { at?: Date | string } | undefined)?.at);
  }

  async getScorecard(entityRef: string): Promise<StoredScorecard | undefined> {
    const row = await this.db<ResultRow>('scorecard_results')
      .where({ entity_ref: entityRef })
      .first();
    if (!row) {
      return undefined;
    }
    return {
      row: JSON.parse(row.row_json),
      scorecard: JSON.parse(row.scorecard_json),
      fingerprint: row.fingerprint,
    };
  }

  async getScorecards(
    entityRefs: string[],
  ): Promise<Map<string, StoredScorecard>> {
    const found = new Map<string, StoredScorecard>();
    for (const chunk of chunks([...new Set(entityRefs)], CHUNK_SIZE)) {
      const rows = await this.db<ResultRow>('scorecard_results')
        .select('entity_ref', 'row_json', 'scorecard_json', 'fingerprint')
        .whereIn('entity_ref', chunk);
      for (const row of rows) {
        found.set(row.entity_ref, {
          row: JSON.parse(row.row_json),
          scorecard: JSON.parse(row.scorecard_json),
          fingerprint: row.fingerprint,
        });
      }
    }
    return found;
  }

  async getHistory(
    entityRef: string,
    sinceDay: string,
  ): Promise<ScorecardHistoryPoint[]> {
    const rows = await this.db<HistoryRow>('scorecard_history')
      .select('day', 'level_id', 'score')
      .where({ entity_ref: entityRef, last_of_day: true })
      .andWhere('day', '>=', sinceDay)
      .orderBy('day');
    return rows.map(row => ({
      day: row.day,
      levelId: row.level_id,
      score: Number(row.score),
    }));
  }

  async getGroupDescendants(groupRef: string): Promise<string[]> {
    const rows = await this.db('scorecard_group_ancestry')
      .select('group_ref')
      .where('ancestor_ref', groupRef)
      .orderBy('group_ref');
    return rows.map(r => r.group_ref);
  }

  async getTeamRows(groupRef: string): Promise<TeamScorecardRow[]> {
    const rows = await this.db('scorecard_group_ancestry as a')
      .join('scorecard_results as r', 'r.owner_ref', 'a.group_ref')
      .select('r.row_json')
      .where('a.ancestor_ref', groupRef)
      .orderBy('r.entity_ref');
    return rows.map(r => JSON.parse(r.row_json));
  }

  async getTeamTrend(
    groupRef: string,
    sinceDay: string,
  ): Promise<LevelTrendPoint[]> {
    return this.trend(sinceDay, query =>
      query
        .join('scorecard_results as r', 'r.entity_ref', 'h.entity_ref')
        .join('scorecard_group_ancestry as a', 'a.group_ref', 'r.owner_ref')
        .where('a.ancestor_ref', groupRef),
    );
  }

  async getFleetTrend(sinceDay: string): Promise<LevelTrendPoint[]> {
    return this.trend(sinceDay, query => query);
  }

  async listRows(): Promise<TeamScorecardRow[]> {
    const rows = await this.db('scorecard_results')
      .select('row_json')
      .orderBy('entity_ref');
    return rows.map(r => JSON.parse(r.row_json));
  }

  async listCheckStates(): Promise<StoredCheckState[]> {
    const rows = await this.db('scorecard_check_states as c')
      .join('scorecard_results as r', 'r.entity_ref', 'c.entity_ref')
      .select(
        'c.entity_ref',
        'r.owner_ref',
        'c.check_id',
        'c.state',
        'c.passing',
        'c.exempt',
      )
      .orderBy([
        { column: 'c.entity_ref', order: 'asc' },
        { column: 'c.check_id', order: 'asc' },
      ]);
    return rows.map(r => ({
      entityRef: r.entity_ref,
      ownerRef: r.owner_ref,
      checkId: r.check_id,
      state: r.state,
      passing: !!r.passing,
      exempt: !!r.exempt,
    }));
  }

  async listGroupAncestry(): Promise<GroupAncestry[]> {
    const rows = await this.db('scorecard_group_ancestry')
      .select('group_ref', 'ancestor_ref')
      .orderBy(['group_ref', 'ancestor_ref']);
    return rows.map(r => ({
      groupRef: r.group_ref,
      ancestorRef: r.ancestor_ref,
    }));
  }

  /** Daily level counts of the entities `scope` selects (history aliased `h`). */
  private async trend(
    sinceDay: string,
    scope: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<LevelTrendPoint[]> {
    const rows: Array<{ day: string; level_id: string | null; n: unknown }> =
      await scope(this.db('scorecard_history as h'))
        .where('h.last_of_day', true)
        .andWhere('h.day', '>=', sinceDay)
        .groupBy('h.day', 'h.level_id')
        .select('h.day', 'h.level_id', this.db.raw('COUNT(*) AS n'))
        .orderBy('h.day');
    const points = new Map<string, LevelTrendPoint>();
    for (const row of rows) {
      const point = points.get(row.day) ?? { day: row.day, counts: {} };
      point.counts[levelKey(row.level_id)] = Number(row.n);
      points.set(row.day, point);
    }
    return [...points.values()];
  }
}
