import type {
  BurnDownPoint,
  SloBudgetEvaluation,
  SloProblem,
  SloStatusState,
} from '@preflight/plugin-reliability-common';
import type {
  SloDefinition,
  SloSourceInfo,
} from '@preflight/plugin-reliability-node';

/** One declared SLO of an entity and the source it was located on. */
export interface StoredSloDefinition {
  definition: SloDefinition;
  /** Absent when no source could be located (the entity's problems say why). */
  sourceId?: string;
}

/** What the catalog says about one entity's SLOs. */
export interface EntitySloDeclarations {
  entityRef: string;
  slos: StoredSloDefinition[];
  problems: SloProblem[];
}

/**
 * The outcome of one measurement of an SLO. With `evaluation` set it is a
 * good evaluation and replaces the stored one; without it only the state,
 * errors and warnings change and the last good evaluation is kept.
 */
export interface SloStatusUpdate {
  entityRef: string;
  sloId: string;
  state: Exclude<SloStatusState, 'awaiting-sync'>;
  evaluation?: SloBudgetEvaluation;
  burnDown?: BurnDownPoint[];
  errors: string[];
  warnings: string[];
}

/** The stored status of one SLO. */
export interface StoredSloStatus {
  entityRef: string;
  sloId: string;
  sourceId: string;
  state: Exclude<SloStatusState, 'awaiting-sync'>;
  evaluation: SloBudgetEvaluation | null;
  burnDown: BurnDownPoint[];
  /** When `evaluation` was measured (ISO-8601). */
  evaluatedAt: string | null;
  /** When the SLO was last measured, successfully or not (ISO-8601). */
  attemptedAt: string;
  errors: string[];
  warnings: string[];
}

/** A stored status without its burn-down, as the scorecard facts read it. */
export type StoredSloStatusSummary = Omit<StoredSloStatus, 'burnDown'>;

/**
 * Persistence of SLO declarations and measurements. Reads never reach the
 * catalog or a metrics source.
 */
export interface SloStore {
  /**
   * Replaces every stored declaration with what the catalog says now, in one
   * transaction. Statuses of SLOs that are no longer declared are removed.
   */
  replaceDeclarations(declarations: EntitySloDeclarations[]): Promise<void>;

  /**
   * Records one successful measurement run of a source: updates the status
   * of its SLOs, drops its statuses of SLOs it no longer measures, and marks
   * the source healthy, in one transaction. Other sources' rows are untouched.
   */
  recordSourceMeasurement(options: {
    source: SloSourceInfo;
    measuredAt: Date;
    statuses: SloStatusUpdate[];
    warnings: string[];
  }): Promise<void>;

  /** Declarations of one entity; empty when it declares no SLOs. */
  getDeclarations(entityRef: string): Promise<EntitySloDeclarations>;

  /** Stored statuses of one entity's SLOs. */
  getStatuses(entityRef: string): Promise<StoredSloStatus[]>;

  /**
   * Declarations of many entities in a few reads (for the scorecard
   * evaluation): one entry per requested ref, in the order given, empty for
   * entities that declare no SLOs.
   */
  getDeclarationsForEntities(
    entityRefs: string[],
  ): Promise<EntitySloDeclarations[]>;

  /**
   * Per entity with SLO declarations, problems or statuses: a digest of them
   * that changes whenever any of them does (a status with each measurement
   * attempt), and the ids of the sources measuring its SLOs. For the
   * scorecard evaluation's change detection; documents are not parsed.
   */
  listEntityDigests(): Promise<
    Map<string, { digest: string; sourceIds: string[] }>
  >;

  /**
   * Stored statuses of many entities' SLOs in a few reads, ordered by entity
   * ref and SLO id, without their burn-downs (no check reads them; they are
   * most of a status's bytes).
   */
  getStatusSummariesForEntities(
    entityRefs: string[],
  ): Promise<StoredSloStatusSummary[]>;
}
