/** One SLO's figures for the local day of a measurement. */
export interface SloDayWrite {
  entityRef: string;
  sloId: string;
  /** Owner of the entity (a group ref), for team reports. */
  ownerRef: string | null;
  sloName: string;
  objective: number;
  day: string;
  attainment: number | null;
  budgetRemaining: number | null;
  /** Consumed by the day's bad events so far; null without events in the window. */
  budgetConsumed: number | null;
  /** Seconds this measurement adds to the day's page-level alert time. */
  pageAlertSeconds: number;
  measuredAtMs: number;
}

/**
 * What the first measurement after an earlier day adds to that day's row:
 * the rest of its alert time and its complete consumption (when the
 * measurement's buckets covered the whole day).
 */
export interface SloDayClose {
  entityRef: string;
  sloId: string;
  day: string;
  pageAlertSeconds: number;
  budgetConsumed?: number | null;
}

/** The latest stored measurement of one SLO. */
export interface SloLastMeasurement {
  day: string;
  measuredAtMs: number;
}

/** One SLO over a run of days: sums of the days, the last day's state. */
export interface SloPeriodRow {
  entityRef: string;
  sloId: string;
  sloName: string;
  objective: number;
  /** Days with a row in the range. */
  days: number;
  firstDay: string;
  lastDay: string;
  attainment: number | null;
  budgetRemaining: number | null;
  /** Sum of the days' consumption; null when no day had events. */
  budgetConsumed: number | null;
  pageAlertSeconds: number;
  demo: boolean;
}

/** The SLOs of a scope in one calendar month, added up in the database. */
export interface SloMonthRow {
  /** `YYYY-MM`. */
  month: string;
  slos: number;
  meetingObjective: number;
  attainmentSum: number;
  attainmentCount: number;
  attainmentMin: number | null;
  budgetConsumedSum: number;
  budgetConsumedCount: number;
  pageAlertSeconds: number;
}

/** A range of local days `[fromDay, toDay)` of one zone, for some entities. */
export interface SloDayRange {
  timeZone: string;
  fromDay: string;
  toDay: string;
  entityRefs: string[];
}

/**
 * The daily SLO history behind the report's SLO section. Writes are
 * upserts keyed by SLO, zone and day, guarded so that recording the same
 * measurement twice (a retry, a second replica) adds nothing twice.
 */
export interface SloHistoryStore {
  /** The latest row of each SLO (by entity ref and SLO id) in `timeZone`. */
  lastMeasurements(
    timeZone: string,
    slos: Array<{ entityRef: string; sloId: string }>,
  ): Promise<Map<string, SloLastMeasurement>>;

  /** Upserts the measurement day's rows and completes earlier days, in one transaction. */
  recordMeasurement(options: {
    timeZone: string;
    days: SloDayWrite[];
    closes: SloDayClose[];
  }): Promise<void>;

  /** Moves whenever a row is written: the report cache's version. */
  version(): Promise<number>;

  /** Entities with rows in the range, owned by `ownerRefs` when given. */
  listEntityRefs(options: {
    timeZone: string;
    fromDay: string;
    toDay: string;
    ownerRefs?: string[];
  }): Promise<string[]>;

  /** The first day of history in `timeZone`; null without any. */
  firstDay(timeZone: string): Promise<string | null>;

  /** One row per SLO with rows in the range, added up in the database. */
  summarizeSlos(range: SloDayRange): Promise<SloPeriodRow[]>;

  /** One row per calendar month of the range with rows, added up in the database. */
  summarizeMonths(range: SloDayRange): Promise<SloMonthRow[]>;
}

/** The key {@link SloHistoryStore.lastMeasurements} answers by. */
export const sloKey = (entityRef: string, sloId: string) =>
  JSON.stringify([entityRef, sloId]);
