import type {
  LevelTrendPoint,
  ScorecardHistoryPoint,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';
import { Knex } from 'knex';
import { storedTimestamp } from '../database/storedTimestamp';
import { NO_LEVEL_KEY } from './countLevels';
import type {
  EntityPageSnapshot,
  GroupAncestry,
  ScorecardStore,
  StoredCheckState,
  StoredInputMark,
  StoredScorecard,
  TeamSummary,
} from './ScorecardStore';
import { chunks } from '../lib/chunks';
import {
  bumpDataVersion,
  DATA_SCOPES,
  readDataVersion,
} from '../database/dataVersions';
import {
  CheckPresentationOfVersion,
  checkPresentation,
  isCompact,
  joinScorecard,
  StoredScorecardJson,
  toStoredForm,
} from './compactScorecard';
import type { TeamScorecardQuery } from './parseTeamScorecardQuery';
import {
  TEAM_ROW_COLUMN_TYPES,
  TEAM_ROW_COLUMNS_VERSION,
  teamRowColumns,
} from './teamRowColumns';
import { bulkInsert, BulkColumn } from '../lib/bulkInsert';
import {
  checkStatesOf,
  checkStatesSignature,
  decodeCheckStates,
  encodeCheckStates,
  failingCheckIdNeedle,
  failingCheckIdsColumn,
} from './storedCheckStates';

// Scope of the fleet-wide rows of `scorecard_daily_levels`.
const FLEET_SCOPE = '*';

/** The SQL expression of each sortable column (results aliased `r`). */
const SORT_COLUMNS: Record<TeamScorecardQuery['sort'], string> = {
  entity: 'r.name_sort',
  level: '', // by the rubric's level order, built per query
  score: 'r.score',
  failingChecks: 'r.failing_checks',
  slo: 'r.slo_margin',
  budget: 'r.slo_budget',
  sloAlert: 'r.slo_alert_rank',
  onCall: 'r.on_call_covered',
  mttr: 'r.mttr_seconds',
  openIncidents: 'r.open_incidents',
  owner: 'LOWER(r.owner_ref)',
};

/**
 * SQL true when `column` contains the bound text, exactly (case-sensitive,
 * no wildcards): `instr` on SQLite and MySQL, `strpos` on PostgreSQL.
 */
function containsText(db: Knex, column: string): string {
  const fn = String(db.client.config.client) === 'pg' ? 'strpos' : 'instr';
  return `${fn}(${column}, ?) > 0`;
}

/** Orders ids by code unit, as a binary collation does. */
function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** A LIKE pattern matching `text` anywhere, with its wildcards escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

// Rows (or refs of a WHERE IN) per statement: at ten columns a row this stays
// far below SQLite's (32766) and PostgreSQL's (65535) bind-parameter limits.
const CHUNK_SIZE = 500;

// Rubric versions whose check presentations a store keeps in memory: a
// version's presentations never change, and only the current one or two are
// read.
const PRESENTATION_VERSIONS_CACHED = 8;

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
  check_states: string;
  failing_check_ids: string;
}

/** A result row as written: the stored row and the team view's columns. */
type WrittenResultRow = ResultRow & ReturnType<typeof teamRowColumns>;

/** What each column of a result row holds, for the bulk insert. */
const RESULT_COLUMN_TYPES: Record<keyof WrittenResultRow, BulkColumn['type']> =
  {
    entity_ref: 'text',
    owner_ref: 'text',
    kind: 'text',
    level_id: 'text',
    score: 'integer',
    fingerprint: 'text',
    evaluated_at: 'timestamp',
    rubric_version: 'text',
    row_json: 'text',
    scorecard_json: 'text',
    check_states: 'text',
    failing_check_ids: 'text',
    ...TEAM_ROW_COLUMN_TYPES,
  };

/** Bulk-insert columns, named and typed as `types` says. */
function columnsOf(types: Record<string, BulkColumn['type']>): BulkColumn[] {
  return Object.entries(types).map(([name, type]) => ({ name, type }));
}

const RESULT_COLUMNS = columnsOf(RESULT_COLUMN_TYPES);

const HISTORY_COLUMNS = columnsOf({
  entity_ref: 'text',
  day: 'text',
  reason: 'text',
  level_id: 'text',
  score: 'integer',
  recorded_at: 'timestamp',
  last_of_day: 'boolean',
} satisfies Record<keyof HistoryRow, BulkColumn['type']>);

const INPUT_MARK_COLUMNS = columnsOf({
  entity_ref: 'text',
  mark: 'text',
  hourly: 'boolean',
  scored: 'boolean',
  owner_ref: 'text',
  oncall_source_id: 'text',
  oncall_service_id: 'text',
});

const SNAPSHOT_COLUMNS = columnsOf({
  entity_ref: 'text',
  mark: 'text',
  entity_json: 'text',
  owner_json: 'text',
  captured_at: 'timestamp',
});

interface PresentationRow {
  rubric_version: string;
  check_id: string;
  presentation_json: string;
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

/**
 * Upserts input marks. Only the evaluation reads them: no data version to
 * bump.
 */
async function upsertInputMarks(
  tx: Knex.Transaction,
  marks: StoredInputMark[],
): Promise<void> {
  await bulkInsert(
    tx,
    'scorecard_input_marks',
    INPUT_MARK_COLUMNS,
    marks.map(m => ({
      entity_ref: m.entityRef,
      mark: m.mark,
      hourly: m.hourly,
      scored: m.scored,
      owner_ref: m.ownerRef,
      oncall_source_id: m.onCall?.sourceId ?? null,
      oncall_service_id: m.onCall?.serviceId ?? null,
    })),
    { mergeOn: ['entity_ref'] },
  );
}

/** `YYYY-MM-DD` of a moment, in UTC. */
function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const levelKey = (levelId: string | null) => levelId ?? NO_LEVEL_KEY;

/**
 * {@link ScorecardStore} on the plugin database (SQLite, PostgreSQL).
 *
 * Team trends come from `scorecard_daily_levels`, which every run's
 * {@link DatabaseScorecardStore.recordDailySnapshots} rewrites for its day:
 * each day counts the team as the day's last run saw it (an entity that
 * moved teams later stays in its old team's past). Days no run recorded are
 * absent here; the read route carries the day before forward and marks it.
 * The fleet trend of the overview still aggregates the history: each entity
 * once per day at its last point, following its current owner.
 *
 * Every write the reads depend on bumps a data version in the same
 * transaction ({@link DatabaseScorecardStore.getDataVersion}).
 */
export class DatabaseScorecardStore implements ScorecardStore {
  /**
   * On the plugin database, already migrated (`openReliabilityDatabase`);
   * derives the columns rows of an older version lack.
   */
  static async create(db: Knex): Promise<DatabaseScorecardStore> {
    const store = new DatabaseScorecardStore(db);
    await store.refreshTeamColumns();
    return store;
  }

  private readonly presentationCache = new Map<
    string,
    Map<string, CheckPresentationOfVersion>
  >();

  private constructor(private readonly db: Knex) {}

  /**
   * Derives the sort and filter columns of rows stored by an older version
   * (they are otherwise written with every result), so the team view sorts
   * them right before the next evaluation rewrites them.
   */
  private async refreshTeamColumns(): Promise<void> {
    for (;;) {
      const rows: Array<{ entity_ref: string; row_json: string }> =
        await this.db('scorecard_results')
          .select('entity_ref', 'row_json')
          .where('columns_version', '<', TEAM_ROW_COLUMNS_VERSION)
          .limit(CHUNK_SIZE);
      if (rows.length === 0) {
        return;
      }
      await this.db.transaction(async tx => {
        for (const row of rows) {
          await tx('scorecard_results')
            .where('entity_ref', row.entity_ref)
            .update(teamRowColumns(JSON.parse(row.row_json)));
        }
        await this.bumpDataVersion(tx);
      });
    }
  }

  /** Marks the scorecard data as changed, inside the writing transaction. */
  private async bumpDataVersion(tx: Knex.Transaction): Promise<void> {
    await bumpDataVersion(tx, DATA_SCOPES.scorecards);
  }

  async getDataVersion(): Promise<number> {
    return readDataVersion(this.db, [DATA_SCOPES.scorecards]);
  }

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
    alongside: {
      snapshots?: EntityPageSnapshot[];
      marks?: StoredInputMark[];
    } = {},
  ): Promise<void> {
    const { snapshots = [], marks = [] } = alongside;
    if (scorecards.length === 0) {
      await this.db.transaction(async tx => {
        await this.upsertEntityPageSnapshots(tx, snapshots);
        await upsertInputMarks(tx, marks);
      });
      return;
    }
    // The last write of an entity wins, as it would with separate calls.
    const byRef = new Map(scorecards.map(s => [s.scorecard.entityRef, s]));
    const refs = [...byRef.keys()];
    const day = dayOf(now);

    await this.db.transaction(async tx => {
      // Each commit is a disk sync: the batch's snapshots and marks go in
      // with it.
      await this.upsertEntityPageSnapshots(tx, snapshots);
      await upsertInputMarks(tx, marks);
      const previous = new Map<
        string,
        { level: string | null; score: number; checks: string }
      >();
      const pointToday = new Set<string>();
      for (const chunk of chunks(refs, CHUNK_SIZE)) {
        // One connection serves the transaction: these run one after another.
        const results = await tx<ResultRow>('scorecard_results')
          .select('entity_ref', 'level_id', 'score', 'check_states')
          .whereIn('entity_ref', chunk);
        const todays = await tx<HistoryRow>('scorecard_history')
          .distinct('entity_ref')
          .whereIn('entity_ref', chunk)
          .andWhere('day', day);
        for (const r of results) {
          previous.set(r.entity_ref, {
            level: r.level_id,
            score: Number(r.score),
            checks: checkStatesSignature(decodeCheckStates(r.check_states)),
          });
        }
        for (const t of todays) {
          pointToday.add(t.entity_ref);
        }
      }

      const resultRows: WrittenResultRow[] = [];
      const presentationRows: PresentationRow[] = [];
      const presentationsSeen = new Map<string, Set<string>>();
      const historyRows: HistoryRow[] = [];
      for (const [ref, stored] of byRef) {
        const { scorecard, row, fingerprint } = stored;
        const level = scorecard.level?.id ?? null;
        const seen =
          presentationsSeen.get(scorecard.rubricVersion) ?? new Set<string>();
        presentationsSeen.set(scorecard.rubricVersion, seen);
        for (const check of scorecard.checks) {
          if (!seen.has(check.checkId)) {
            seen.add(check.checkId);
            presentationRows.push({
              rubric_version: scorecard.rubricVersion,
              check_id: check.checkId,
              presentation_json: JSON.stringify(checkPresentation(check)),
            });
          }
        }
        const states = checkStatesOf(scorecard.checks);
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
          scorecard_json: JSON.stringify(toStoredForm(scorecard)),
          check_states: encodeCheckStates(states),
          failing_check_ids: failingCheckIdsColumn(states),
          ...teamRowColumns(row),
        });

        const before = previous.get(ref);
        const changed =
          !before ||
          before.level !== level ||
          before.score !== scorecard.score ||
          before.checks !== checkStatesSignature(states);
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

      // In the results' transaction: a committed compact scorecard always
      // finds its presentations.
      for (const chunk of chunks(presentationRows, CHUNK_SIZE)) {
        await tx('scorecard_rubric_checks')
          .insert(chunk)
          .onConflict(['rubric_version', 'check_id'])
          .ignore();
      }
      await bulkInsert(
        tx,
        'scorecard_results',
        RESULT_COLUMNS,
        resultRows as unknown as Array<Record<string, unknown>>,
        { mergeOn: ['entity_ref'] },
      );
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
      await bulkInsert(
        tx,
        'scorecard_history',
        HISTORY_COLUMNS,
        historyRows as unknown as Array<Record<string, unknown>>,
      );
      await this.bumpDataVersion(tx);
    });
  }

  async getInputMarks(): Promise<Map<string, StoredInputMark>> {
    const rows: Array<{
      entity_ref: string;
      mark: string;
      hourly: boolean | number;
      scored: boolean | number;
      owner_ref: string | null;
      oncall_source_id: string | null;
      oncall_service_id: string | null;
    }> = await this.db('scorecard_input_marks').select(
      'entity_ref',
      'mark',
      'hourly',
      'scored',
      'owner_ref',
      'oncall_source_id',
      'oncall_service_id',
    );
    return new Map(
      rows.map(row => [
        row.entity_ref,
        {
          entityRef: row.entity_ref,
          mark: row.mark,
          hourly: !!row.hourly,
          scored: !!row.scored,
          ownerRef: row.owner_ref,
          onCall:
            row.oncall_source_id !== null && row.oncall_service_id !== null
              ? {
                  sourceId: row.oncall_source_id,
                  serviceId: row.oncall_service_id,
                }
              : null,
        },
      ]),
    );
  }

  async deleteInputMarks(entityRefs: string[]): Promise<void> {
    for (const chunk of chunks(entityRefs, CHUNK_SIZE)) {
      await this.db('scorecard_input_marks')
        .whereIn('entity_ref', chunk)
        .delete();
    }
  }

  async deleteScorecards(entityRefs: string[]): Promise<void> {
    if (entityRefs.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const chunk of chunks(entityRefs, CHUNK_SIZE)) {
        for (const table of ['scorecard_results', 'scorecard_history']) {
          await tx(table).whereIn('entity_ref', chunk).delete();
        }
      }
      await this.bumpDataVersion(tx);
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
      // Presentations of rubric versions no stored scorecard is judged by.
      await tx('scorecard_rubric_checks')
        .whereNotIn(
          'rubric_version',
          tx('scorecard_results').distinct('rubric_version'),
        )
        .delete();
      // Today's counts per group and for the fleet, from the results as they
      // stand: the trend reads these instead of aggregating the history.
      await tx('scorecard_daily_levels').where('day', day).delete();
      await tx.raw(
        `INSERT INTO scorecard_daily_levels (scope_ref, day, level_key, entities)
         SELECT a.ancestor_ref, ?, COALESCE(r.level_id, 'none'), COUNT(*)
         FROM scorecard_results r
         JOIN scorecard_group_ancestry a ON a.group_ref = r.owner_ref
         GROUP BY a.ancestor_ref, COALESCE(r.level_id, 'none')`,
        [day],
      );
      await tx.raw(
        `INSERT INTO scorecard_daily_levels (scope_ref, day, level_key, entities)
         SELECT ?, ?, COALESCE(r.level_id, 'none'), COUNT(*)
         FROM scorecard_results r
         GROUP BY COALESCE(r.level_id, 'none')`,
        [FLEET_SCOPE, day],
      );
      await tx('scorecard_daily_levels')
        .where('day', '<', dayOf(retainFrom))
        .delete();
      await this.bumpDataVersion(tx);
    });
  }

  async hasDailySnapshots(now: Date): Promise<boolean> {
    const row = await this.db('scorecard_daily_levels')
      .select('day')
      .where({ scope_ref: FLEET_SCOPE, day: dayOf(now) })
      .first();
    return row !== undefined;
  }

  async replaceGroupAncestry(pairs: GroupAncestry[]): Promise<boolean> {
    const unique = new Map(
      pairs.map(p => [JSON.stringify([p.groupRef, p.ancestorRef]), p]),
    );
    const stored = await this.listGroupAncestry();
    if (
      stored.length === unique.size &&
      stored.every(p => unique.has(JSON.stringify([p.groupRef, p.ancestorRef])))
    ) {
      // Unchanged: leave the data version (and every replica's cache) alone.
      return false;
    }
    await this.db.transaction(async tx => {
      await this.bumpDataVersion(tx);
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
    return true;
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
      // The team view shows when the last run completed.
      await this.bumpDataVersion(tx);
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
    return (await this.toStoredScorecards([row]))[0];
  }

  async getScorecards(
    entityRefs: string[],
  ): Promise<Map<string, StoredScorecard>> {
    const found = new Map<string, StoredScorecard>();
    for (const chunk of chunks([...new Set(entityRefs)], CHUNK_SIZE)) {
      const rows = await this.db<ResultRow>('scorecard_results')
        .select('entity_ref', 'row_json', 'scorecard_json', 'fingerprint')
        .whereIn('entity_ref', chunk);
      const stored = await this.toStoredScorecards(rows);
      rows.forEach((row, i) => found.set(row.entity_ref, stored[i]));
    }
    return found;
  }

  private async toStoredScorecards(
    rows: Array<Pick<ResultRow, 'row_json' | 'scorecard_json' | 'fingerprint'>>,
  ): Promise<StoredScorecard[]> {
    const parsed = rows.map(
      row => JSON.parse(row.scorecard_json) as StoredScorecardJson,
    );
    const versions = new Set(
      parsed.filter(isCompact).map(scorecard => scorecard.rubricVersion),
    );
    const presentations = await this.presentationsOf(versions);
    return rows.map((row, i) => ({
      row: JSON.parse(row.row_json),
      scorecard: joinScorecard(
        parsed[i],
        presentations.get(parsed[i].rubricVersion),
      ),
      fingerprint: row.fingerprint,
    }));
  }

  /** The check presentations of rubric versions, kept once read. */
  private async presentationsOf(
    versions: Set<string>,
  ): Promise<Map<string, Map<string, CheckPresentationOfVersion>>> {
    const found = new Map<string, Map<string, CheckPresentationOfVersion>>();
    const missing = [...versions].filter(version => {
      const cached = this.presentationCache.get(version);
      if (cached) {
        found.set(version, cached);
      }
      return !cached;
    });
    if (missing.length === 0) {
      return found;
    }
    const rows: PresentationRow[] = await this.db('scorecard_rubric_checks')
      .select('rubric_version', 'check_id', 'presentation_json')
      .whereIn('rubric_version', missing);
    for (const row of rows) {
      const map = found.get(row.rubric_version) ?? new Map();
      map.set(row.check_id, JSON.parse(row.presentation_json));
      found.set(row.rubric_version, map);
    }
    for (const version of missing) {
      const map = found.get(version);
      if (map) {
        if (this.presentationCache.size >= PRESENTATION_VERSIONS_CACHED) {
          const oldest = this.presentationCache.keys().next().value;
          this.presentationCache.delete(oldest!);
        }
        this.presentationCache.set(version, map);
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

  /** The team's rows (owned by the group or a sub-group) with the query's filters. */
  private teamQuery(groupRef: string, query: TeamScorecardQuery) {
    const q = this.db('scorecard_group_ancestry as a')
      .join('scorecard_results as r', 'r.owner_ref', 'a.group_ref')
      .where('a.ancestor_ref', groupRef);
    if (query.search) {
      q.andWhereRaw(`r.search_text LIKE ? ESCAPE '\\'`, [
        containsPattern(query.search.toLocaleLowerCase('en-US')),
      ]);
    }
    if (query.level === NO_LEVEL_KEY) {
      q.whereNull('r.level_id');
    } else if (query.level) {
      q.andWhere('r.level_id', query.level);
    }
    if (query.owner) {
      q.andWhereRaw('LOWER(r.owner_ref) = ?', [query.owner]);
    }
    if (query.failing) {
      q.andWhere('r.failing_checks', '>', 0);
    }
    if (query.check) {
      // The check failing as the overview counts it (`isFailingCheck`).
      q.andWhereRaw(
        containsText(this.db, 'r.failing_check_ids'),
        failingCheckIdNeedle(query.check),
      );
    }
    if (query.tier) {
      q.andWhere('r.tier', query.tier);
    }
    if (query.lifecycle) {
      q.andWhere('r.lifecycle', query.lifecycle);
    }
    return q;
  }

  async queryTeamRows(
    groupRef: string,
    query: TeamScorecardQuery,
    levelIds: string[],
  ): Promise<TeamScorecardRow[]> {
    let sortBy = SORT_COLUMNS[query.sort];
    const bindings: string[] = [];
    if (query.sort === 'level') {
      // Below the first level sorts lowest; a level no longer in the rubric
      // sorts with it.
      // Positions are integers of our own making; only the ids are bound.
      sortBy = `CASE ${levelIds
        .map((_, i) => `WHEN r.level_id = ? THEN ${i}`)
        .join(' ')} ELSE -1 END`;
      bindings.push(...levelIds);
      if (levelIds.length === 0) {
        sortBy = '-1';
      }
    }
    const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
    // Rows without a figure stay at the bottom in both directions; ties by
    // the displayed name, then the ref, so pages never overlap.
    const rows = await this.teamQuery(groupRef, query)
      .select('r.row_json')
      .orderByRaw(
        `CASE WHEN ${sortBy} IS NULL THEN 1 ELSE 0 END, ${sortBy} ${direction}, r.name_sort ASC, r.entity_ref ASC`,
        [...bindings, ...bindings],
      )
      .offset(query.offset)
      .limit(query.limit);
    return rows.map(r => JSON.parse(r.row_json));
  }

  async countTeamRows(
    groupRef: string,
    query: TeamScorecardQuery,
  ): Promise<number> {
    const row = await this.teamQuery(groupRef, query).count({ n: '*' }).first();
    return Number(row?.n ?? 0);
  }

  async getTeamSummary(groupRef: string): Promise<TeamSummary> {
    const team = () =>
      this.db('scorecard_group_ancestry as a')
        .join('scorecard_results as r', 'r.owner_ref', 'a.group_ref')
        .where('a.ancestor_ref', groupRef);
    const [levels, owners, tiers, lifecycles] = await Promise.all([
      team()
        .groupBy('r.level_id')
        .select(
          'r.level_id',
          this.db.raw('COUNT(*) AS n'),
          this.db.raw('SUM(r.score) AS score_sum'),
          this.db.raw(
            'SUM(CASE WHEN r.stale = ? THEN 1 ELSE 0 END) AS stale_n',
            [true],
          ),
        ),
      team().distinct('r.owner_ref').orderBy('r.owner_ref'),
      team().distinct('r.tier').whereNotNull('r.tier').orderBy('r.tier'),
      team()
        .distinct('r.lifecycle')
        .whereNotNull('r.lifecycle')
        .orderBy('r.lifecycle'),
    ]);
    return {
      entities: levels.reduce((sum, l) => sum + Number(l.n), 0),
      scoreSum: levels.reduce((sum, l) => sum + Number(l.score_sum), 0),
      staleEntities: levels.reduce((sum, l) => sum + Number(l.stale_n), 0),
      levels: levels.map(l => ({
        levelId: l.level_id,
        entities: Number(l.n),
      })),
      ownerRefs: owners.map(o => o.owner_ref),
      tiers: tiers.map(t => t.tier),
      lifecycles: lifecycles.map(l => l.lifecycle),
    };
  }

  async getDailyLevels(
    scopeRef: string,
    sinceDay: string,
  ): Promise<LevelTrendPoint[]> {
    const rows: Array<{ day: string; level_key: string; entities: unknown }> =
      await this.db('scorecard_daily_levels')
        .select('day', 'level_key', 'entities')
        .where('scope_ref', scopeRef)
        .andWhere('day', '>=', sinceDay)
        .orderBy(['day', 'level_key']);
    const points = new Map<string, LevelTrendPoint>();
    for (const row of rows) {
      const point = points.get(row.day) ?? { day: row.day, counts: {} };
      point.counts[row.level_key] = Number(row.entities);
      points.set(row.day, point);
    }
    return [...points.values()];
  }

  async getEntityPageMarks(): Promise<Map<string, string>> {
    const rows: Array<{ entity_ref: string; mark: string }> = await this.db(
      'entity_page_snapshots',
    ).select('entity_ref', 'mark');
    return new Map(rows.map(r => [r.entity_ref, r.mark]));
  }

  async writeEntityPageSnapshots(
    snapshots: EntityPageSnapshot[],
  ): Promise<void> {
    if (snapshots.length === 0) {
      return;
    }
    await this.db.transaction(tx =>
      this.upsertEntityPageSnapshots(tx, snapshots),
    );
  }

  private async upsertEntityPageSnapshots(
    tx: Knex.Transaction,
    snapshots: EntityPageSnapshot[],
  ): Promise<void> {
    if (snapshots.length === 0) {
      return;
    }
    const capturedAt = new Date();
    await bulkInsert(
      tx,
      'entity_page_snapshots',
      SNAPSHOT_COLUMNS,
      snapshots.map(s => ({
        entity_ref: s.entityRef,
        mark: s.mark,
        entity_json: JSON.stringify(s.entity),
        owner_json: s.owner ? JSON.stringify(s.owner) : null,
        captured_at: capturedAt,
      })),
      { mergeOn: ['entity_ref'] },
    );
    // Entity summaries are cached per version of these rows.
    await bumpDataVersion(tx, DATA_SCOPES.entityPages);
  }

  async deleteEntityPageSnapshots(entityRefs: string[]): Promise<void> {
    if (entityRefs.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const chunk of chunks(entityRefs, CHUNK_SIZE)) {
        await tx('entity_page_snapshots').whereIn('entity_ref', chunk).delete();
      }
      await bumpDataVersion(tx, DATA_SCOPES.entityPages);
    });
  }

  async getEntityPageSnapshot(
    entityRef: string,
  ): Promise<EntityPageSnapshot | undefined> {
    const row = await this.db('entity_page_snapshots')
      .where('entity_ref', entityRef)
      .first('entity_ref', 'mark', 'entity_json', 'owner_json');
    return row
      ? {
          entityRef: row.entity_ref,
          mark: row.mark,
          entity: JSON.parse(row.entity_json),
          owner: row.owner_json ? JSON.parse(row.owner_json) : null,
        }
      : undefined;
  }

  async getFailingCheckIds(
    entityRefs: string[],
  ): Promise<Map<string, string[]>> {
    const failing = new Map<string, string[]>();
    for (const chunk of chunks(entityRefs, CHUNK_SIZE)) {
      const rows: Array<Pick<ResultRow, 'entity_ref' | 'check_states'>> =
        await this.db('scorecard_results')
          .select('entity_ref', 'check_states')
          .whereIn('entity_ref', chunk);
      for (const row of rows) {
        const ids = decodeCheckStates(row.check_states)
          .filter(s => !s.passing && s.state !== 'not-applicable')
          .map(s => s.checkId)
          .sort();
        if (ids.length > 0) {
          failing.set(row.entity_ref, ids);
        }
      }
    }
    return failing;
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
    const rows: Array<
      Pick<ResultRow, 'entity_ref' | 'owner_ref' | 'check_states'>
    > = await this.db('scorecard_results')
      .select('entity_ref', 'owner_ref', 'check_states')
      .orderBy('entity_ref');
    return rows.flatMap(r =>
      decodeCheckStates(r.check_states)
        .sort((a, b) => compareText(a.checkId, b.checkId))
        .map(s => ({ entityRef: r.entity_ref, ownerRef: r.owner_ref, ...s })),
    );
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
