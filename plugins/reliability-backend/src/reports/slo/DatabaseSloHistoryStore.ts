import type { Knex } from 'knex';
import { chunks } from '../../lib/chunks';
import {
  sloKey,
  type SloDayClose,
  type SloDayRange,
  type SloDayWrite,
  type SloHistoryStore,
  type SloLastMeasurement,
  type SloMonthRow,
  type SloPeriodRow,
} from './SloHistoryStore';

const TABLE = 'slo_report_days';
// 14 columns a row: 50 rows stay under SQLite's 999 bind parameters.
const INSERT_CHUNK_SIZE = 50;
// Entity refs per IN list of a read.
const READ_CHUNK_SIZE = 500;

/** A stored row as the demo backfill writes it (see the demo backend). */
export interface SloHistoryRow {
  entity_ref: string;
  slo_id: string;
  time_zone: string;
  day: string;
  owner_ref: string | null;
  slo_name: string;
  objective: number;
  attainment: number | null;
  budget_remaining: number | null;
  budget_consumed: number | null;
  page_alert_seconds: number;
  measured_at_ms: number;
  closed: boolean;
  demo: boolean;
}

const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * {@link SloHistoryStore} on the plugin database (SQLite, PostgreSQL).
 */
export class DatabaseSloHistoryStore implements SloHistoryStore {
  constructor(private readonly db: Knex) {}

  async lastMeasurements(
    timeZone: string,
    slos: Array<{ entityRef: string; sloId: string }>,
  ): Promise<Map<string, SloLastMeasurement>> {
    const result = new Map<string, SloLastMeasurement>();
    const entityRefs = [...new Set(slos.map(slo => slo.entityRef))];
    for (const refs of chunks(entityRefs, READ_CHUNK_SIZE)) {
      const rows = await this.db(`${TABLE} as d`)
        .join(
          this.db(TABLE)
            .select('entity_ref', 'slo_id')
            .max({ day: 'day' })
            .where('time_zone', timeZone)
            .whereIn('entity_ref', refs)
            .groupBy('entity_ref', 'slo_id')
            .as('l'),
          function on() {
            this.on('l.entity_ref', 'd.entity_ref')
              .andOn('l.slo_id', 'd.slo_id')
              .andOn('l.day', 'd.day');
          },
        )
        .where('d.time_zone', timeZone)
        .select('d.entity_ref', 'd.slo_id', 'd.day', 'd.measured_at_ms');
      for (const row of rows) {
        result.set(sloKey(row.entity_ref, row.slo_id), {
          day: row.day,
          measuredAtMs: Number(row.measured_at_ms),
        });
      }
    }
    return result;
  }

  async recordMeasurement(options: {
    timeZone: string;
    days: SloDayWrite[];
    closes: SloDayClose[];
  }): Promise<void> {
    const { timeZone } = options;
    await this.db.transaction(async tx => {
      for (const batch of chunks(options.days, INSERT_CHUNK_SIZE)) {
        await tx(TABLE)
          .insert(
            batch.map(day => ({
              entity_ref: day.entityRef,
              slo_id: day.sloId,
              time_zone: timeZone,
              day: day.day,
              owner_ref: day.ownerRef,
              slo_name: day.sloName,
              objective: day.objective,
              attainment: day.attainment,
              budget_remaining: day.budgetRemaining,
              budget_consumed: day.budgetConsumed,
              page_alert_seconds: day.pageAlertSeconds,
              measured_at_ms: day.measuredAtMs,
              closed: false,
              demo: false,
            })),
          )
          .onConflict(['entity_ref', 'slo_id', 'time_zone', 'day'])
          .merge({
            owner_ref: tx.ref('excluded.owner_ref'),
            slo_name: tx.ref('excluded.slo_name'),
            objective: tx.ref('excluded.objective'),
            attainment: tx.ref('excluded.attainment'),
            budget_remaining: tx.ref('excluded.budget_remaining'),
            budget_consumed: tx.ref('excluded.budget_consumed'),
            page_alert_seconds: tx.raw(
              `${TABLE}.page_alert_seconds + excluded.page_alert_seconds`,
            ),
            measured_at_ms: tx.ref('excluded.measured_at_ms'),
            demo: false,
          })
          // Only a later measurement moves the day: the same one recorded
          // again (a retry, another replica) adds no alert time twice.
          .where(
            `${TABLE}.measured_at_ms`,
            '<',
            tx.ref('excluded.measured_at_ms'),
          );
      }
      for (const close of options.closes) {
        await tx(TABLE)
          .where({
            entity_ref: close.entityRef,
            slo_id: close.sloId,
            time_zone: timeZone,
            day: close.day,
            closed: false,
          })
          .update({
            closed: true,
            page_alert_seconds: tx.raw('page_alert_seconds + ?', [
              close.pageAlertSeconds,
            ]),
            ...(close.budgetConsumed !== undefined
              ? { budget_consumed: close.budgetConsumed }
              : {}),
          });
      }
    });
  }

  async version(): Promise<number> {
    const row = await this.db(TABLE).max({ v: 'measured_at_ms' }).first();
    return Number(row?.v ?? 0);
  }

  async listEntityRefs(options: {
    timeZone: string;
    fromDay: string;
    toDay: string;
    ownerRefs?: string[];
  }): Promise<string[]> {
    const query = () =>
      this.db(TABLE)
        .distinct('entity_ref')
        .where('time_zone', options.timeZone)
        .where('day', '>=', options.fromDay)
        .where('day', '<', options.toDay);
    if (!options.ownerRefs) {
      return (await query()).map(row => row.entity_ref);
    }
    const refs = new Set<string>();
    for (const owners of chunks(options.ownerRefs, READ_CHUNK_SIZE)) {
      for (const row of await query().whereIn('owner_ref', owners)) {
        refs.add(row.entity_ref);
      }
    }
    return [...refs].sort();
  }

  async firstDay(timeZone: string): Promise<string | null> {
    const row = await this.db(TABLE)
      .min({ d: 'day' })
      .where('time_zone', timeZone)
      .first();
    return row?.d ?? null;
  }

  /** Rows of the range grouped by `groupBy`, with the last day's row joined. */
  private lastDayJoin(
    range: SloDayRange,
    refs: string[],
    groupBy: 'slo' | 'month',
  ) {
    const { db } = this;
    const month = 'substr(day, 1, 7)';
    const grouped = db(TABLE)
      .select('entity_ref', 'slo_id')
      .modify(q => {
        if (groupBy === 'month') {
          q.select(db.raw(`${month} AS month`)).groupBy(db.raw(month));
        }
      })
      .select(
        db.raw('MAX(day) AS last_day'),
        db.raw('MIN(day) AS first_day'),
        db.raw('COUNT(*) AS days'),
        db.raw('SUM(budget_consumed) AS consumed'),
        db.raw('SUM(page_alert_seconds) AS alert_seconds'),
      )
      .where('time_zone', range.timeZone)
      .where('day', '>=', range.fromDay)
      .where('day', '<', range.toDay)
      .whereIn('entity_ref', refs)
      .groupBy('entity_ref', 'slo_id')
      .as('g');
    return db.from(grouped).join(`${TABLE} as d`, function on() {
      this.on('d.entity_ref', 'g.entity_ref')
        .andOn('d.slo_id', 'g.slo_id')
        .andOn('d.day', 'g.last_day')
        .andOn('d.time_zone', db.raw('?', [range.timeZone]));
    });
  }

  async summarizeSlos(range: SloDayRange): Promise<SloPeriodRow[]> {
    const result: SloPeriodRow[] = [];
    for (const refs of chunks(range.entityRefs, READ_CHUNK_SIZE)) {
      const rows = await this.lastDayJoin(range, refs, 'slo').select(
        'g.entity_ref',
        'g.slo_id',
        'g.first_day',
        'g.last_day',
        'g.days',
        'g.consumed',
        'g.alert_seconds',
        'd.slo_name',
        'd.objective',
        'd.attainment',
        'd.budget_remaining',
        'd.demo',
      );
      for (const row of rows) {
        result.push({
          entityRef: row.entity_ref,
          sloId: row.slo_id,
          sloName: row.slo_name,
          objective: Number(row.objective),
          days: Number(row.days),
          firstDay: row.first_day,
          lastDay: row.last_day,
          attainment: num(row.attainment),
          budgetRemaining: num(row.budget_remaining),
          budgetConsumed: num(row.consumed),
          pageAlertSeconds: Number(row.alert_seconds ?? 0),
          demo: Boolean(row.demo),
        });
      }
    }
    return result.sort((a, b) =>
      a.entityRef === b.entityRef
        ? a.sloId.localeCompare(b.sloId)
        : a.entityRef.localeCompare(b.entityRef),
    );
  }

  async summarizeMonths(range: SloDayRange): Promise<SloMonthRow[]> {
    const byMonth = new Map<string, SloMonthRow>();
    const { db } = this;
    for (const refs of chunks(range.entityRefs, READ_CHUNK_SIZE)) {
      const rows = await this.lastDayJoin(range, refs, 'month')
        .select(
          'g.month',
          db.raw('COUNT(*) AS slos'),
          db.raw(
            'SUM(CASE WHEN d.attainment >= d.objective THEN 1 ELSE 0 END) AS met',
          ),
          db.raw('SUM(d.attainment) AS att_sum'),
          db.raw('COUNT(d.attainment) AS att_count'),
          db.raw('MIN(d.attainment) AS att_min'),
          db.raw('SUM(g.consumed) AS consumed_sum'),
          db.raw('COUNT(g.consumed) AS consumed_count'),
          db.raw('SUM(g.alert_seconds) AS alert_seconds'),
        )
        .groupBy('g.month');
      // Chunks split entities, never an SLO: their sums add up.
      for (const row of rows) {
        const known = byMonth.get(row.month);
        const next: SloMonthRow = {
          month: row.month,
          slos: Number(row.slos),
          meetingObjective: Number(row.met ?? 0),
          attainmentSum: Number(row.att_sum ?? 0),
          attainmentCount: Number(row.att_count ?? 0),
          attainmentMin: num(row.att_min),
          budgetConsumedSum: Number(row.consumed_sum ?? 0),
          budgetConsumedCount: Number(row.consumed_count ?? 0),
          pageAlertSeconds: Number(row.alert_seconds ?? 0),
        };
        byMonth.set(row.month, known ? addMonths(known, next) : next);
      }
    }
    return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  }

  /** Writes rows as they are (the demo backfill); upserts by key. */
  async writeRows(rows: SloHistoryRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      for (const batch of chunks(rows, INSERT_CHUNK_SIZE)) {
        await tx(TABLE)
          .insert(batch)
          .onConflict(['entity_ref', 'slo_id', 'time_zone', 'day'])
          .ignore();
      }
    });
  }
}

function addMonths(a: SloMonthRow, b: SloMonthRow): SloMonthRow {
  const mins = [a.attainmentMin, b.attainmentMin].filter(
    (v): v is number => v !== null,
  );
  return {
    month: a.month,
    slos: a.slos + b.slos,
    meetingObjective: a.meetingObjective + b.meetingObjective,
    attainmentSum: a.attainmentSum + b.attainmentSum,
    attainmentCount: a.attainmentCount + b.attainmentCount,
    attainmentMin: mins.length > 0 ? Math.min(...mins) : null,
    budgetConsumedSum: a.budgetConsumedSum + b.budgetConsumedSum,
    budgetConsumedCount: a.budgetConsumedCount + b.budgetConsumedCount,
    pageAlertSeconds: a.pageAlertSeconds + b.pageAlertSeconds,
  };
}
