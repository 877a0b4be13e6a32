import type {
  OnCallChangeEvent,
  OnCallReportIncident,
  OnCallReportShift,
} from '@preflight/plugin-reliability-node';
import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import type {
  PeriodFigures,
  ServicePeriodSums,
} from '../metrics/periodFigures';
import type {
  RotationDailyRow,
  ServiceDailyRow,
} from '../metrics/dailyRowTypes';

/** How far one source's report data reaches. */
export interface ReportSyncState {
  sourceId: string;
  /** The first instant report data was read from. */
  historyStartMs: number;
  /** Report data is complete up to this instant (the last read's end). */
  syncedUntilMs: number;
  syncedAt: Date;
  /** Warnings of the last report read. */
  warnings: string[];
}

/** A catalog entity whose annotations name an on-call service. */
export interface ReportEntity {
  entityRef: string;
  sourceId: string;
  serviceId: string;
  ownerRef: string | null;
  title: string;
}

/** What folding a source's days needs, read from the stored raw data. */
export interface ReportFoldInputs {
  incidents: OnCallReportIncident[];
  changeEvents: OnCallChangeEvent[];
  shifts: OnCallReportShift[];
}

/** A service or rotation of a source, as daily rows are keyed. */
export interface SourceKey {
  sourceId: string;
  id: string;
}

/**
 * Digests of the daily rows of a window, by source then service or rotation
 * id: equal rows give an equal digest. Ids without rows are absent.
 */
export interface ReportDayDigests {
  services: Map<string, Map<string, string>>;
  rotations: Map<string, Map<string, string>>;
}

/**
 * Persistence of report data: the raw facts a report sync reads, the daily
 * rows folded from them, and the entity-to-service map reports scope by.
 * Reads serve the report routes and never reach upstream.
 */
export interface ReportStore {
  /** Inserts or overwrites incidents, change events and shifts by their ids. */
  upsertReportData(sourceId: string, data: ReportFoldInputs): Promise<void>;

  /**
   * What folding `[fromMs, toMs)` needs: incidents created in it or open at
   * its start, change events from its start to `changesUntilMs`, shifts
   * overlapping it.
   */
  readFoldInputs(
    sourceId: string,
    window: { fromMs: number; toMs: number; changesUntilMs: number },
  ): Promise<ReportFoldInputs>;

  /** When the oldest incident still open was created; undefined when none is. */
  oldestOpenIncidentMs(sourceId: string): Promise<number | undefined>;

  /**
   * Replaces a source's daily rows of the days `fromDay..toDay` (inclusive)
   * in `timeZone` with the given ones, in one transaction.
   */
  replaceDailyRows(options: {
    sourceId: string;
    timeZone: string;
    fromDay: string;
    toDay: string;
    serviceRows: ServiceDailyRow[];
    rotationRows: RotationDailyRow[];
  }): Promise<void>;

  /**
   * Digests of every service's and rotation's rows of the days
   * `[fromDay, toDay)`, read without the rows themselves.
   */
  readDayDigests(window: {
    timeZone: string;
    fromDay: string;
    toDay: string;
  }): Promise<ReportDayDigests>;

  /** Service rows of the days `[fromDay, toDay)` of the given services. */
  readServiceDays(options: {
    timeZone: string;
    fromDay: string;
    toDay: string;
    services: SourceKey[];
  }): Promise<ServiceDailyRow[]>;

  /**
   * Each service's sums over the period (services without rows left out),
   * by id: the period figures without histograms or the longest incident,
   * for a list of every service.
   */
  readServiceSums(options: {
    period: ReportPeriod;
    services: SourceKey[];
  }): Promise<ServicePeriodSums[]>;

  /**
   * The period's service rows of the given services added up by the
   * database (see `periodFiguresOf`, which it equals): per-service sums, the
   * merged duration histograms of the rows with durations, the longest
   * incident. Reads no row JSON.
   */
  readPeriodFigures(options: {
    period: ReportPeriod;
    services: SourceKey[];
  }): Promise<PeriodFigures>;

  /**
   * The given services' rows of the days `[fromDay, toDay)` added up per
   * calendar month (`YYYY-MM`), over all the services together; months
   * without rows are absent. `openAtEnd` is not summed (0).
   */
  readMonthTotals(options: {
    timeZone: string;
    fromDay: string;
    toDay: string;
    services: SourceKey[];
  }): Promise<Map<string, ServicePeriodSums>>;

  /** Rotation rows of the days `[fromDay, toDay)` of the given rotations. */
  readRotationDays(options: {
    timeZone: string;
    fromDay: string;
    toDay: string;
    rotations: SourceKey[];
  }): Promise<RotationDailyRow[]>;

  /**
   * The names the sources gave the people with the given ids on their
   * shifts; people without a stored name are absent.
   */
  readPersonNames(personIds: string[]): Promise<Map<string, string>>;

  getReportSyncState(sourceId: string): Promise<ReportSyncState | undefined>;
  listReportSyncStates(): Promise<ReportSyncState[]>;
  recordReportSync(state: ReportSyncState): Promise<void>;

  /** Replaces the entities mapped to a source's services. */
  replaceReportEntities(
    sourceId: string,
    entities: ReportEntity[],
  ): Promise<void>;

  /** Mapped entities owned by the given groups, or all of them. */
  listReportEntities(filter?: { ownerRefs: string[] }): Promise<ReportEntity[]>;

  /**
   * Records that the digest of `groupRef` for `month` (`YYYY-MM`) is being
   * sent; false when it already was (by this or another replica).
   */
  claimDigest(groupRef: string, month: string, at: Date): Promise<boolean>;

  /** Forgets a claim whose send failed, so the next run tries again. */
  releaseDigest(groupRef: string, month: string): Promise<void>;
}
