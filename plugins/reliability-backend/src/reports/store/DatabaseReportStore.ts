import type {
  OnCallReportIncident,
  OnCallReportShift,
} from '@preflight/plugin-reliability-node';
import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import type { Knex } from 'knex';
import { chunks } from '../../lib/chunks';
import { digest } from '../../lib/digest';
import type {
  RotationDailyRow,
  ServiceDailyRow,
} from '../metrics/dailyRowTypes';
import {
  type DurationHistogram,
  mergeHistograms,
} from '../metrics/durationHistogram';
import { longestOf } from '../metrics/longestIncident';
import { lastDayOf } from '../metrics/selectDailyRows';
import {
  emptyServiceSums,
  type PeriodFigures,
  type ServicePeriodSums,
  totalOf,
} from '../metrics/periodFigures';
import type {
  ReportDayDigests,
  ReportEntity,
  ReportFoldInputs,
  ReportStore,
  ReportSyncState,
  SourceKey,
} from './ReportStore';

// Rows per statement: far below both databases' bind-parameter limits
// (service days have 22 columns: 500 rows, 11,000 parameters).
const CHUNK = 500;
// Service days carry their figures as columns too: fewer rows a statement
// keep SQLite's default limit of 32,766 parameters out of reach.
const SERVICE_DAY_CHUNK = 250;

type Millis = number | string | null;

interface IncidentRow {
  source_id: string;
  incident_id: string;
  service_id: string;
  urgency: string;
  created_ms: Millis;
  acknowledged_ms: Millis;
  resolved_ms: Millis;
  auto_resolved: boolean | number | null;
}

interface ShiftRow {
  source_id: string;
  policy_id: string;
  shift_key: string;
  user_id: string;
  user_name: string | null;
  user_time_zone: string | null;
  start_ms: Millis;
  end_ms: Millis;
}

// PostgreSQL returns bigint as a string; SQLite as a number.
function millis(value: Millis): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function iso(value: Millis): string | null {
  const ms = millis(value);
  return ms === null ? null : new Date(ms).toISOString();
}

function parseMs(value: string | null): number | null {
  if (value === null) {
    return null;
  }
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function toIncidentRow(
  sourceId: string,
  incident: OnCallReportIncident,
): IncidentRow | undefined {
  const created = parseMs(incident.createdAt);
  if (created === null) {
    return undefined;
  }
  return {
    source_id: sourceId,
    incident_id: incident.id,
    service_id: incident.serviceId,
    urgency: incident.urgency === 'low' ? 'low' : 'high',
    created_ms: created,
    acknowledged_ms: parseMs(incident.firstAcknowledgedAt),
    resolved_ms:
      incident.status === 'resolved' ? parseMs(incident.resolvedAt) : null,
    auto_resolved:
      incident.autoResolved === undefined ? null : incident.autoResolved,
  };
}

function fromIncidentRow(row: IncidentRow): OnCallReportIncident {
  const resolvedAt = iso(row.resolved_ms);
  const acknowledgedAt = iso(row.acknowledged_ms);
  let status: OnCallReportIncident['status'] = 'triggered';
  if (resolvedAt) status = 'resolved';
  else if (acknowledgedAt) status = 'acknowledged';
  const incident: OnCallReportIncident = {
    id: row.incident_id,
    title: row.incident_id,
    serviceId: row.service_id,
    status,
    urgency: row.urgency === 'low' ? 'low' : 'high',
    createdAt: iso(row.created_ms)!,
    firstAcknowledgedAt: acknowledgedAt,
    resolvedAt,
  };
  if (row.auto_resolved !== null && row.auto_resolved !== undefined) {
    incident.autoResolved = Boolean(row.auto_resolved);
  }
  return incident;
}

function shiftKey(shift: OnCallReportShift): string {
  return `${shift.user.id}|${shift.start ?? ''}|${shift.end ?? ''}`.slice(
    0,
    512,
  );
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) byKey.set(key(item), item);
  return [...byKey.values()];
}

/**
 * A service day's figures as the numeric columns reports add up in SQL
 * (see the migration `20261205_report_service_day_figures`).
 */
function serviceDayColumns(row: ServiceDailyRow) {
  return {
    high: row.high,
    low: row.low,
    unacknowledged: row.unacknowledged,
    unresolved: row.unresolved,
    open_at_day_end: row.openAtDayEnd,
    noise: row.noise,
    changes: row.changes,
    failed_changes: row.failedChanges,
    ack_count: row.ack.count,
    ack_sum_ms: row.ack.sumMs,
    ack_histogram: JSON.stringify(row.ack.histogram),
    resolve_count: row.resolve.count,
    resolve_sum_ms: row.resolve.sumMs,
    resolve_histogram: JSON.stringify(row.resolve.histogram),
    longest_ms: row.longest?.durationMs ?? null,
    longest_incident_id: row.longest?.incidentId ?? null,
  };
}

// SUM of bigint is numeric (a string) on PostgreSQL, a number on SQLite.
function num(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** The summed columns, as `SUM(column) AS alias`, in ServicePeriodSums order. */
const SUMMED: Array<[Exclude<keyof ServicePeriodSums, 'serviceId'>, string]> = [
  ['high', 'high'],
  ['low', 'low'],
  ['unacknowledged', 'unacknowledged'],
  ['unresolved', 'unresolved'],
  ['noise', 'noise'],
  ['changes', 'changes'],
  ['failedChanges', 'failed_changes'],
  ['ackCount', 'ack_count'],
  ['ackSumMs', 'ack_sum_ms'],
  ['resolveCount', 'resolve_count'],
  ['resolveSumMs', 'resolve_sum_ms'],
];

function sumsOf(serviceId: string, row: Record<string, unknown>) {
  const sums = emptyServiceSums(serviceId);
  for (const [field] of SUMMED) {
    sums[field] = num(row[field]);
  }
  sums.openAtEnd = num(row.openAtEnd);
  return sums;
}

function withDigest(rowJson: string) {
  return { row_json: rowJson, row_digest: digest(rowJson) };
}

/** Groups keys by source, for `source_id = ? AND id IN (...)` reads. */
function bySource(keys: SourceKey[]): Map<string, string[]> {
  const grouped = new Map<string, Set<string>>();
  for (const key of keys) {
    const ids = grouped.get(key.sourceId) ?? new Set<string>();
    ids.add(key.id);
    grouped.set(key.sourceId, ids);
  }
  return new Map([...grouped].map(([source, ids]) => [source, [...ids]]));
}

/**
 * {@link ReportStore} on the plugin's database (SQLite or PostgreSQL).
 */
export class DatabaseReportStore implements ReportStore {
  /** On the plugin database, already migrated (`openReliabilityDatabase`). */
  constructor(private readonly db: Knex) {}

  async upsertReportData(
    sourceId: string,
    data: ReportFoldInputs,
  ): Promise<void> {
    const incidents = uniqueBy(data.incidents, i => i.id).flatMap(
      incident => toIncidentRow(sourceId, incident) ?? [],
    );
    const events = uniqueBy(data.changeEvents, e => e.id).flatMap(event => {
      const at = parseMs(event.timestamp);
      return at === null
        ? []
        : [
            {
              source_id: sourceId,
              event_id: event.id,
              service_id: event.serviceId,
              at_ms: at,
            },
          ];
    });
    const shifts: ShiftRow[] = uniqueBy(
      data.shifts,
      shift => `${shift.policyId}\u0000${shiftKey(shift)}`,
    ).map(shift => ({
      source_id: sourceId,
      policy_id: shift.policyId,
      shift_key: shiftKey(shift),
      user_id: shift.user.id,
      // The source's name when it differs from the id (a provider without
      // names repeats the id).
      user_name:
        shift.user.name && shift.user.name !== shift.user.id
          ? shift.user.name.slice(0, 255)
          : null,
      user_time_zone: shift.user.timeZone ?? null,
      start_ms: parseMs(shift.start),
      end_ms: parseMs(shift.end),
    }));
    await this.db.transaction(async tx => {
      for (const chunk of chunks(incidents, CHUNK)) {
        await tx('report_incidents')
          .insert(chunk)
          .onConflict(['source_id', 'incident_id'])
          .merge({
            service_id: tx.raw('excluded.service_id'),
            urgency: tx.raw('excluded.urgency'),
            created_ms: tx.raw('excluded.created_ms'),
            // An acknowledgement, once known, never goes away: a later read
            // of an old incident may not reach back to its acknowledge
            // log entry.
            acknowledged_ms: tx.raw(
              'COALESCE(excluded.acknowledged_ms, report_incidents.acknowledged_ms)',
            ),
            resolved_ms: tx.raw('excluded.resolved_ms'),
            auto_resolved: tx.raw('excluded.auto_resolved'),
          });
      }
      for (const chunk of chunks(events, CHUNK)) {
        await tx('report_change_events')
          .insert(chunk)
          .onConflict(['source_id', 'event_id'])
          .merge();
      }
      for (const chunk of chunks(shifts, CHUNK)) {
        await tx('report_shifts')
          .insert(chunk)
          .onConflict(['source_id', 'policy_id', 'shift_key'])
          .merge();
      }
    });
  }

  async readFoldInputs(
    sourceId: string,
    window: { fromMs: number; toMs: number; changesUntilMs: number },
  ): Promise<ReportFoldInputs> {
    const { fromMs, toMs, changesUntilMs } = window;
    const [created, open, events, shifts] = await Promise.all([
      this.db<IncidentRow>('report_incidents')
        .where('source_id', sourceId)
        .andWhere('created_ms', '>=', fromMs)
        .andWhere('created_ms', '<', Math.max(toMs, changesUntilMs)),
      // Older incidents still open at the window's start shape its days'
      // open-at-end counts.
      this.db<IncidentRow>('report_incidents')
        .where('source_id', sourceId)
        .andWhere('created_ms', '<', fromMs)
        .andWhere(q =>
          q.whereNull('resolved_ms').orWhere('resolved_ms', '>', fromMs),
        ),
      this.db('report_change_events')
        .where('source_id', sourceId)
        .andWhere('at_ms', '>=', fromMs)
        .andWhere('at_ms', '<', changesUntilMs),
      this.db<ShiftRow>('report_shifts')
        .where('source_id', sourceId)
        .andWhere(q => q.whereNull('end_ms').orWhere('end_ms', '>', fromMs))
        .andWhere(q => q.whereNull('start_ms').orWhere('start_ms', '<', toMs)),
    ]);
    return {
      incidents: [...open, ...created].map(fromIncidentRow),
      changeEvents: events.map(row => ({
        id: row.event_id,
        serviceId: row.service_id,
        timestamp: iso(row.at_ms)!,
      })),
      shifts: shifts.map(row => ({
        policyId: row.policy_id,
        user: {
          id: row.user_id,
          name: row.user_name ?? row.user_id,
          ...(row.user_time_zone ? { timeZone: row.user_time_zone } : {}),
        },
        start: iso(row.start_ms),
        end: iso(row.end_ms),
      })),
    };
  }

  async oldestOpenIncidentMs(sourceId: string): Promise<number | undefined> {
    const row = await this.db('report_incidents')
      .where('source_id', sourceId)
      .whereNull('resolved_ms')
      .min({ oldest: 'created_ms' })
      .first();
    return millis(row?.oldest ?? null) ?? undefined;
  }

  async replaceDailyRows(options: {
    sourceId: string;
    timeZone: string;
    fromDay: string;
    toDay: string;
    serviceRows: ServiceDailyRow[];
    rotationRows: RotationDailyRow[];
  }): Promise<void> {
    const { sourceId, timeZone, fromDay, toDay } = options;
    const inRange = <T extends { day: string; timeZone: string }>(rows: T[]) =>
      rows.filter(
        row =>
          row.timeZone === timeZone && row.day >= fromDay && row.day <= toDay,
      );
    await this.db.transaction(async tx => {
      for (const table of ['report_service_days', 'report_rotation_days']) {
        await tx(table)
          .where({ source_id: sourceId, time_zone: timeZone })
          .andWhere('day', '>=', fromDay)
          .andWhere('day', '<=', toDay)
          .delete();
      }
      const services = inRange(options.serviceRows).map(row => ({
        source_id: sourceId,
        time_zone: timeZone,
        day: row.day,
        service_id: row.serviceId,
        ...withDigest(JSON.stringify(row)),
        ...serviceDayColumns(row),
      }));
      for (const chunk of chunks(services, SERVICE_DAY_CHUNK)) {
        await tx('report_service_days').insert(chunk);
      }
      const rotations = inRange(options.rotationRows).map(row => ({
        source_id: sourceId,
        time_zone: timeZone,
        day: row.day,
        rotation_id: row.rotationId,
        ...withDigest(JSON.stringify(row)),
      }));
      for (const chunk of chunks(rotations, CHUNK)) {
        await tx('report_rotation_days').insert(chunk);
      }
      await this.#addUpMonths(tx, { sourceId, timeZone, fromDay, toDay });
    });
  }

  /**
   * Re-adds the month rows of every month the days `fromDay`..`toDay`
   * (inclusive) touch from that source's daily rows, in the transaction
   * that replaced them: months outside the window keep their rows.
   */
  async #addUpMonths(
    tx: Knex.Transaction,
    window: {
      sourceId: string;
      timeZone: string;
      fromDay: string;
      toDay: string;
    },
  ) {
    const { sourceId, timeZone } = window;
    const fromMonth = window.fromDay.slice(0, 7);
    const toMonth = window.toDay.slice(0, 7);
    await tx('report_service_months')
      .where({ source_id: sourceId, time_zone: timeZone })
      .andWhere('month', '>=', fromMonth)
      .andWhere('month', '<=', toMonth)
      .delete();
    const month = tx.raw('substr(day, 1, 7)');
    const sums = tx('report_service_days')
      .select('source_id', 'time_zone', 'service_id', { month })
      .select(SUMMED.map(([, column]) => tx.raw('SUM(??)', [column])))
      .where({ source_id: sourceId, time_zone: timeZone })
      // Whole months: from the first day of the first to the last day of
      // the last (days are `YYYY-MM-DD`, so `YYYY-MM-32` bounds the month).
      .andWhere('day', '>=', `${fromMonth}-01`)
      .andWhere('day', '<', `${toMonth}-32`)
      .groupBy('source_id', 'time_zone', 'service_id', month)
      .toSQL();
    const columns = [
      'source_id',
      'time_zone',
      'service_id',
      'month',
      ...SUMMED.map(([, column]) => column),
    ];
    await tx.raw(
      `INSERT INTO ?? (${columns.map(() => '??').join(', ')}) ${sums.sql}`,
      ['report_service_months', ...columns, ...sums.bindings],
    );
  }

  private async readDays<T>(
    table: string,
    idColumn: string,
    options: {
      timeZone: string;
      fromDay: string;
      toDay: string;
      keys: SourceKey[];
    },
  ): Promise<T[]> {
    const rows: T[] = [];
    for (const [sourceId, ids] of bySource(options.keys)) {
      for (const chunk of chunks(ids, CHUNK)) {
        const found: Array<{ row_json: string }> = await this.db(table)
          .select('row_json')
          .where({ source_id: sourceId, time_zone: options.timeZone })
          .andWhere('day', '>=', options.fromDay)
          .andWhere('day', '<', options.toDay)
          .whereIn(idColumn, chunk);
        for (const row of found) rows.push(JSON.parse(row.row_json));
      }
    }
    return rows;
  }

  async readDayDigests(window: {
    timeZone: string;
    fromDay: string;
    toDay: string;
  }): Promise<ReportDayDigests> {
    const read = async (table: string, idColumn: string) => {
      // Only the short digests, ordered so equal rows give an equal
      // combined digest on both databases.
      const found: Array<{
        source_id: string;
        id: string;
        day: string;
        row_digest: string | null;
      }> = await this.db(table)
        .select('source_id', { id: idColumn }, 'day', 'row_digest')
        .where('time_zone', window.timeZone)
        .andWhere('day', '>=', window.fromDay)
        .andWhere('day', '<', window.toDay)
        .orderBy(['source_id', idColumn, 'day']);
      const parts = new Map<string, Map<string, string[]>>();
      for (const row of found) {
        const ofSource = parts.get(row.source_id) ?? new Map();
        parts.set(row.source_id, ofSource);
        const list = ofSource.get(row.id) ?? [];
        ofSource.set(row.id, list);
        // A row written before digests were stored stands as its day alone.
        list.push(`${row.day}:${row.row_digest ?? ''}`);
      }
      return new Map(
        [...parts].map(([sourceId, ids]) => [
          sourceId,
          new Map([...ids].map(([id, list]) => [id, digest(list.join(','))])),
        ]),
      );
    };
    const [services, rotations] = await Promise.all([
      read('report_service_days', 'service_id'),
      read('report_rotation_days', 'rotation_id'),
    ]);
    return { services, rotations };
  }

  readServiceDays(options: {
    timeZone: string;
    fromDay: string;
    toDay: string;
    services: SourceKey[];
  }): Promise<ServiceDailyRow[]> {
    return this.readDays('report_service_days', 'service_id', {
      ...options,
      keys: options.services,
    });
  }

  /** Each service's sums of the rows `query` selects, in one statement. */
  #summed(query: Knex.QueryBuilder, lastDay: string) {
    return query
      .select('service_id')
      .select(
        SUMMED.map(([field, column]) =>
          this.db.raw('SUM(??) AS ??', [column, field]),
        ),
      )
      .select(
        this.db.raw(
          'SUM(CASE WHEN day = ? THEN open_at_day_end ELSE 0 END) AS ??',
          [lastDay, 'openAtEnd'],
        ),
      )
      .groupBy('service_id');
  }

  async readServiceSums(options: {
    period: ReportPeriod;
    services: SourceKey[];
  }): Promise<ServicePeriodSums[]> {
    const { timeZone, startDate: fromDay, endDate: toDay } = options.period;
    const lastDay = lastDayOf(options.period);
    const byService = new Map<string, ServicePeriodSums>();
    for (const [sourceId, ids] of bySource(options.services)) {
      for (const chunk of chunks(ids, CHUNK)) {
        const rows = await this.#summed(
          this.db('report_service_days')
            .where({ source_id: sourceId, time_zone: timeZone })
            .andWhere('day', '>=', fromDay)
            .andWhere('day', '<', toDay)
            .whereIn('service_id', chunk),
          lastDay,
        );
        for (const row of rows) {
          const own = sumsOf(row.service_id, row);
          const known = byService.get(row.service_id);
          byService.set(
            row.service_id,
            known ? totalOf([known, own], row.service_id) : own,
          );
        }
      }
    }
    return [...byService.values()].sort((a, b) =>
      a.serviceId < b.serviceId ? -1 : Number(a.serviceId > b.serviceId),
    );
  }

  async readPeriodFigures(options: {
    period: ReportPeriod;
    services: SourceKey[];
  }): Promise<PeriodFigures> {
    const { timeZone, startDate: fromDay, endDate: toDay } = options.period;
    const lastDay = lastDayOf(options.period);
    const byService = new Map<string, ServicePeriodSums>();
    const ackHistograms: DurationHistogram[] = [];
    const resolveHistograms: DurationHistogram[] = [];
    let longest: PeriodFigures['longest'] = null;
    for (const [sourceId, ids] of bySource(options.services)) {
      for (const chunk of chunks(ids, CHUNK)) {
        const inPeriod = () =>
          this.db('report_service_days')
            .where({ source_id: sourceId, time_zone: timeZone })
            .andWhere('day', '>=', fromDay)
            .andWhere('day', '<', toDay)
            .whereIn('service_id', chunk);
        const [sums, histograms, maxima] = await Promise.all([
          this.#summed(inPeriod(), lastDay),
          // Only the rows with durations carry histogram pairs.
          inPeriod()
            .select('ack_histogram', 'resolve_histogram')
            .andWhere(q =>
              q.where('ack_count', '>', 0).orWhere('resolve_count', '>', 0),
            ),
          inPeriod().max({ longest: 'longest_ms' }).first(),
        ]);
        for (const row of sums) {
          // A service's rows can span sources only under distinct keys.
          const own = sumsOf(row.service_id, row);
          const known = byService.get(row.service_id);
          byService.set(
            row.service_id,
            known ? totalOf([known, own], row.service_id) : own,
          );
        }
        for (const row of histograms) {
          if (row.ack_histogram)
            ackHistograms.push(JSON.parse(row.ack_histogram));
          if (row.resolve_histogram) {
            resolveHistograms.push(JSON.parse(row.resolve_histogram));
          }
        }
        const maximum = maxima?.longest;
        if (
          maximum !== null &&
          maximum !== undefined &&
          (longest === null || num(maximum) >= longest.durationMs)
        ) {
          // Ties go to the lowest incident id, compared as the process
          // compares strings (not by the database's collation).
          const candidates = await inPeriod()
            .select('service_id', 'longest_incident_id', 'longest_ms')
            .andWhere('longest_ms', maximum);
          for (const row of candidates) {
            longest = longestOf(
              {
                incidentId: row.longest_incident_id,
                serviceId: row.service_id,
                durationMs: num(row.longest_ms),
              },
              longest,
            );
          }
        }
      }
    }
    return {
      services: [...byService.values()].sort((a, b) =>
        a.serviceId < b.serviceId ? -1 : Number(a.serviceId > b.serviceId),
      ),
      ackHistogram: mergeHistograms(ackHistograms),
      resolveHistogram: mergeHistograms(resolveHistograms),
      longest,
    };
  }

  async readMonthTotals(options: {
    timeZone: string;
    fromDay: string;
    toDay: string;
    services: SourceKey[];
  }): Promise<Map<string, ServicePeriodSums>> {
    // Whole months (a report's trend) are read from the month rows the
    // syncs keep; any other span is added up from the daily rows.
    const wholeMonths =
      options.fromDay.endsWith('-01') && options.toDay.endsWith('-01');
    const month = this.db.raw('substr(day, 1, 7)');
    const totals = new Map<string, ServicePeriodSums>();
    for (const [sourceId, ids] of bySource(options.services)) {
      for (const chunk of chunks(ids, CHUNK)) {
        const query = wholeMonths
          ? this.db('report_service_months')
              .where({ source_id: sourceId, time_zone: options.timeZone })
              .andWhere('month', '>=', options.fromDay.slice(0, 7))
              .andWhere('month', '<', options.toDay.slice(0, 7))
              .whereIn('service_id', chunk)
              .select('month')
              .groupBy('month')
          : this.db('report_service_days')
              .where({ source_id: sourceId, time_zone: options.timeZone })
              .andWhere('day', '>=', options.fromDay)
              .andWhere('day', '<', options.toDay)
              .whereIn('service_id', chunk)
              .select({ month })
              .groupBy(month);
        const rows = await query.select(
          SUMMED.map(([field, column]) =>
            this.db.raw('SUM(??) AS ??', [column, field]),
          ),
        );
        for (const row of rows) {
          const own = sumsOf('', row);
          const known = totals.get(row.month);
          totals.set(row.month, known ? totalOf([known, own]) : own);
        }
      }
    }
    return totals;
  }

  readRotationDays(options: {
    timeZone: string;
    fromDay: string;
    toDay: string;
    rotations: SourceKey[];
  }): Promise<RotationDailyRow[]> {
    return this.readDays('report_rotation_days', 'rotation_id', {
      ...options,
      keys: options.rotations,
    });
  }

  async readPersonNames(personIds: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const chunk of chunks([...new Set(personIds)], CHUNK)) {
      // Of several stored names (a person renamed), the greatest: any one
      // is that person's name, and the choice is the same on every replica.
      const rows: Array<{ user_id: string; name: string | null }> =
        await this.db('report_shifts')
          .select('user_id')
          .max({ name: 'user_name' })
          .whereIn('user_id', chunk)
          .whereNotNull('user_name')
          .groupBy('user_id');
      for (const row of rows) {
        if (row.name) names.set(row.user_id, row.name);
      }
    }
    return names;
  }

  private static toState(row: {
    source_id: string;
    history_start_ms: Millis;
    synced_until_ms: Millis;
    synced_at: Date | string | number;
    warnings: string;
  }): ReportSyncState {
    let warnings: string[] = [];
    try {
      const parsed = JSON.parse(row.warnings);
      warnings = Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      // An unreadable list is no warnings rather than a failed report.
    }
    const syncedAt =
      row.synced_at instanceof Date
        ? row.synced_at
        : new Date(
            typeof row.synced_at === 'string' && /^\d+$/.test(row.synced_at)
              ? Number(row.synced_at)
              : row.synced_at,
          );
    return {
      sourceId: row.source_id,
      historyStartMs: millis(row.history_start_ms)!,
      syncedUntilMs: millis(row.synced_until_ms)!,
      syncedAt,
      warnings,
    };
  }

  async getReportSyncState(
    sourceId: string,
  ): Promise<ReportSyncState | undefined> {
    const row = await this.db('report_sync_state')
      .where('source_id', sourceId)
      .first();
    return row ? DatabaseReportStore.toState(row) : undefined;
  }

  async listReportSyncStates(): Promise<ReportSyncState[]> {
    const rows = await this.db('report_sync_state').orderBy('source_id');
    return rows.map(row => DatabaseReportStore.toState(row));
  }

  async recordReportSync(state: ReportSyncState): Promise<void> {
    await this.db('report_sync_state')
      .insert({
        source_id: state.sourceId,
        history_start_ms: state.historyStartMs,
        synced_until_ms: state.syncedUntilMs,
        synced_at: state.syncedAt,
        warnings: JSON.stringify(state.warnings),
      })
      .onConflict('source_id')
      .merge();
  }

  async replaceReportEntities(
    sourceId: string,
    entities: ReportEntity[],
  ): Promise<void> {
    const rows = uniqueBy(entities, e => e.entityRef).map(entity => ({
      entity_ref: entity.entityRef,
      source_id: sourceId,
      service_id: entity.serviceId,
      owner_ref: entity.ownerRef,
      title: entity.title.slice(0, 512),
    }));
    await this.db.transaction(async tx => {
      await tx('report_entities').where('source_id', sourceId).delete();
      for (const chunk of chunks(rows, CHUNK)) {
        // An entity moved from another source keeps one row.
        await tx('report_entities')
          .insert(chunk)
          .onConflict('entity_ref')
          .merge();
      }
    });
  }

  async listReportEntities(filter?: {
    ownerRefs: string[];
  }): Promise<ReportEntity[]> {
    const toEntity = (row: any): ReportEntity => ({
      entityRef: row.entity_ref,
      sourceId: row.source_id,
      serviceId: row.service_id,
      ownerRef: row.owner_ref ?? null,
      title: row.title,
    });
    if (!filter) {
      const rows = await this.db('report_entities').orderBy('entity_ref');
      return rows.map(toEntity);
    }
    const result: ReportEntity[] = [];
    for (const chunk of chunks([...new Set(filter.ownerRefs)], CHUNK)) {
      const rows = await this.db('report_entities').whereIn('owner_ref', chunk);
      result.push(...rows.map(toEntity));
    }
    return result.sort((a, b) => (a.entityRef < b.entityRef ? -1 : 1));
  }

  async claimDigest(
    groupRef: string,
    month: string,
    at: Date,
  ): Promise<boolean> {
    // Insert-or-nothing in one statement: of two replicas claiming at once,
    // exactly one inserts the row.
    const inserted = await this.db('report_digests')
      .insert({ group_ref: groupRef, month, claimed_ms: at.getTime() })
      .onConflict(['group_ref', 'month'])
      .ignore()
      .returning('group_ref');
    return inserted.length > 0;
  }

  async releaseDigest(groupRef: string, month: string): Promise<void> {
    await this.db('report_digests')
      .where({ group_ref: groupRef, month })
      .delete();
  }
}
