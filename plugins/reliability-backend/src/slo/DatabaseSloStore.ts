import type { SloSourceInfo } from '@preflight/plugin-reliability-node';
import { Knex } from 'knex';
import type {
  EntitySloDeclarations,
  SloStatusUpdate,
  SloStore,
  StoredSloStatus,
  StoredSloStatusSummary,
} from './SloStore';
import { storedTimestamp } from '../database/storedTimestamp';
import { chunks } from '../lib/chunks';
import { digest, timestampText } from '../lib/digest';

// Rows per INSERT: far below SQLite's and PostgreSQL's bind-parameter limits
// at the widest row (ten columns).
const INSERT_CHUNK_SIZE = 200;

interface DefinitionRow {
  entity_ref: string;
  slo_id: string;
  position: number;
  source_id: string | null;
  definition: string;
}

interface ProblemsRow {
  entity_ref: string;
  problems: string;
}

interface StatusRow {
  entity_ref: string;
  slo_id: string;
  source_id: string;
  state: string;
  evaluation: string | null;
  burn_down: string;
  evaluated_at: Date | string | number | null;
  attempted_at: Date | string | number;
  errors: string;
  warnings: string;
}

/** A status row without its burn-down. */
type SummaryRow = Omit<StatusRow, 'burn_down'>;

/** Every column of a status but its burn-down. */
const SUMMARY_COLUMNS: Array<keyof SummaryRow> = [
  'entity_ref',
  'slo_id',
  'source_id',
  'state',
  'evaluation',
  'evaluated_at',
  'attempted_at',
  'errors',
  'warnings',
];

function toStatusSummary(row: SummaryRow): StoredSloStatusSummary {
  return {
    entityRef: row.entity_ref,
    sloId: row.slo_id,
    sourceId: row.source_id,
    state: row.state as StoredSloStatus['state'],
    evaluation: parseJson(row.evaluation, null),
    evaluatedAt: storedTimestamp(row.evaluated_at),
    attemptedAt: storedTimestamp(row.attempted_at) ?? '',
    errors: parseJson(row.errors, []),
    warnings: parseJson(row.warnings, []),
  };
}

function parseJson<T>(raw: string | null | undefined, fallback: T): T {
  if (!raw) {
    return fallback;
  }
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

const statusKey = (entityRef: string, sloId: string) =>
  JSON.stringify([entityRef, sloId]);

/**
 * {@link SloStore} on the plugin database (SQLite, PostgreSQL, MySQL).
 */
export class DatabaseSloStore implements SloStore {
  /** On the plugin database, already migrated (`openReliabilityDatabase`). */
  constructor(private readonly db: Knex) {}

  async replaceDeclarations(
    declarations: EntitySloDeclarations[],
  ): Promise<void> {
    const definitionRows: DefinitionRow[] = [];
    const problemRows: ProblemsRow[] = [];
    for (const entity of declarations) {
      const seen = new Set<string>();
      entity.slos.forEach(({ definition, sourceId }, position) => {
        // The parser keeps ids unique per entity; guard the primary key anyway.
        if (seen.has(definition.id)) {
          return;
        }
        seen.add(definition.id);
        definitionRows.push({
          entity_ref: entity.entityRef,
          slo_id: definition.id,
          position,
          source_id: sourceId ?? null,
          definition: JSON.stringify(definition),
        });
      });
      if (entity.problems.length > 0) {
        problemRows.push({
          entity_ref: entity.entityRef,
          problems: JSON.stringify(entity.problems),
        });
      }
    }
    await this.db.transaction(async tx => {
      await tx('slo_definitions').delete();
      await tx('slo_entity_problems').delete();
      for (const chunk of chunks(definitionRows, INSERT_CHUNK_SIZE)) {
        await tx('slo_definitions').insert(chunk);
      }
      for (const chunk of chunks(problemRows, INSERT_CHUNK_SIZE)) {
        await tx('slo_entity_problems').insert(chunk);
      }
      // Statuses of SLOs that are no longer declared would never be read
      // again; drop them so a re-added SLO starts from "awaiting sync".
      await tx('slo_status')
        .whereNotExists(
          tx('slo_definitions')
            .select(tx.raw('1'))
            .whereRaw('slo_definitions.entity_ref = slo_status.entity_ref')
            .andWhereRaw('slo_definitions.slo_id = slo_status.slo_id'),
        )
        .delete();
    });
  }

  async recordSourceMeasurement(options: {
    source: SloSourceInfo;
    measuredAt: Date;
    statuses: SloStatusUpdate[];
    warnings: string[];
  }): Promise<void> {
    const { source, measuredAt, statuses, warnings } = options;
    await this.db.transaction(async tx => {
      const existing = await tx<StatusRow>('slo_status').where({
        source_id: source.id,
      });
      const previous = new Map(
        existing.map(row => [statusKey(row.entity_ref, row.slo_id), row]),
      );
      const rows: StatusRow[] = statuses.map(update => {
        const before = previous.get(statusKey(update.entityRef, update.sloId));
        const good = update.evaluation !== undefined;
        return {
          entity_ref: update.entityRef,
          slo_id: update.sloId,
          source_id: source.id,
          state: update.state,
          evaluation: good
            ? JSON.stringify(update.evaluation)
            : before?.evaluation ?? null,
          burn_down: good
            ? JSON.stringify(update.burnDown ?? [])
            : before?.burn_down ?? '[]',
          evaluated_at: good ? measuredAt : before?.evaluated_at ?? null,
          attempted_at: measuredAt,
          errors: JSON.stringify(update.errors),
          warnings: JSON.stringify(update.warnings),
        };
      });
      // Only this source's rows are replaced; an SLO that moved to another
      // source keeps that source's row.
      await tx('slo_status').where({ source_id: source.id }).delete();
      for (const chunk of chunks(rows, INSERT_CHUNK_SIZE)) {
        await tx('slo_status')
          .insert(chunk)
          .onConflict(['entity_ref', 'slo_id'])
          .merge();
      }
      await tx('sources')
        .insert({
          source_id: source.id,
          type: source.type,
          display_name: source.displayName,
          last_attempt_at: measuredAt,
          last_success_at: measuredAt,
          last_error: null,
          error_since: null,
          warnings: JSON.stringify(warnings),
        })
        .onConflict('source_id')
        .merge();
    });
  }

  async getDeclarations(entityRef: string): Promise<EntitySloDeclarations> {
    const [definitions, problems] = await Promise.all([
      this.db<DefinitionRow>('slo_definitions')
        .where({ entity_ref: entityRef })
        .orderBy('position'),
      this.db<ProblemsRow>('slo_entity_problems')
        .where({ entity_ref: entityRef })
        .first(),
    ]);
    return {
      entityRef,
      slos: definitions.map(row => ({
        definition: JSON.parse(row.definition),
        ...(row.source_id ? { sourceId: row.source_id } : {}),
      })),
      problems: parseJson(problems?.problems, []),
    };
  }

  async getStatuses(entityRef: string): Promise<StoredSloStatus[]> {
    const rows = await this.db<StatusRow>('slo_status')
      .where({ entity_ref: entityRef })
      .orderBy('slo_id');
    return rows.map(toStoredStatus);
  }

  async getDeclarationsForEntities(
    entityRefs: string[],
  ): Promise<EntitySloDeclarations[]> {
    const refs = [...new Set(entityRefs)];
    const definitions: DefinitionRow[] = [];
    const problems: ProblemsRow[] = [];
    for (const chunk of chunks(refs, INSERT_CHUNK_SIZE)) {
      const [definitionRows, problemRows] = await Promise.all([
        this.db<DefinitionRow>('slo_definitions')
          .whereIn('entity_ref', chunk)
          .orderBy(['entity_ref', 'position']),
        this.db<ProblemsRow>('slo_entity_problems').whereIn(
          'entity_ref',
          chunk,
        ),
      ]);
      definitions.push(...definitionRows);
      problems.push(...problemRows);
    }
    const slosByRef = new Map<string, EntitySloDeclarations['slos']>();
    for (const row of definitions) {
      const slos = slosByRef.get(row.entity_ref) ?? [];
      slos.push({
        definition: JSON.parse(row.definition),
        ...(row.source_id ? { sourceId: row.source_id } : {}),
      });
      slosByRef.set(row.entity_ref, slos);
    }
    const problemsByRef = new Map(
      problems.map(row => [row.entity_ref, parseJson(row.problems, [])]),
    );
    return entityRefs.map(entityRef => ({
      entityRef,
      slos: slosByRef.get(entityRef) ?? [],
      problems: problemsByRef.get(entityRef) ?? [],
    }));
  }

  async listEntityDigests(): Promise<
    Map<string, { digest: string; sourceIds: string[] }>
  > {
    const [definitions, problems, statuses] = await Promise.all([
      this.db<DefinitionRow>('slo_definitions')
        .select('entity_ref', 'slo_id', 'position', 'source_id', 'definition')
        .orderBy(['entity_ref', 'position', 'slo_id']),
      this.db<ProblemsRow>('slo_entity_problems')
        .select('entity_ref', 'problems')
        .orderBy('entity_ref'),
      // The evaluation and burn-down change only with `evaluated_at`, and
      // every write sets `attempted_at`: the timestamps stand for them.
      this.db<StatusRow>('slo_status')
        .select(
          'entity_ref',
          'slo_id',
          'source_id',
          'state',
          'evaluated_at',
          'attempted_at',
          'errors',
          'warnings',
        )
        .orderBy(['entity_ref', 'slo_id']),
    ]);
    const parts = new Map<string, { text: string[]; sourceIds: Set<string> }>();
    const partsOf = (entityRef: string) => {
      let found = parts.get(entityRef);
      if (!found) {
        found = { text: [], sourceIds: new Set() };
        parts.set(entityRef, found);
      }
      return found;
    };
    for (const row of definitions) {
      const entry = partsOf(row.entity_ref);
      entry.text.push(
        JSON.stringify([
          'd',
          row.slo_id,
          row.position,
          row.source_id,
          row.definition,
        ]),
      );
      if (row.source_id) {
        entry.sourceIds.add(row.source_id);
      }
    }
    for (const row of problems) {
      partsOf(row.entity_ref).text.push(JSON.stringify(['p', row.problems]));
    }
    for (const row of statuses) {
      const entry = partsOf(row.entity_ref);
      entry.text.push(
        JSON.stringify([
          's',
          row.slo_id,
          row.source_id,
          row.state,
          timestampText(row.evaluated_at),
          timestampText(row.attempted_at),
          row.errors,
          row.warnings,
        ]),
      );
      entry.sourceIds.add(row.source_id);
    }
    return new Map(
      [...parts].map(([entityRef, entry]) => [
        entityRef,
        {
          digest: digest(entry.text.join('\n')),
          sourceIds: [...entry.sourceIds].sort(),
        },
      ]),
    );
  }

  async getStatusSummariesForEntities(
    entityRefs: string[],
  ): Promise<StoredSloStatusSummary[]> {
    const rows: SummaryRow[] = [];
    for (const chunk of chunks([...new Set(entityRefs)], INSERT_CHUNK_SIZE)) {
      rows.push(
        ...((await this.db('slo_status')
          .select(SUMMARY_COLUMNS)
          .whereIn('entity_ref', chunk)) as SummaryRow[]),
      );
    }
    return rows
      .sort(
        (a, b) =>
          a.entity_ref.localeCompare(b.entity_ref, 'en') ||
          a.slo_id.localeCompare(b.slo_id, 'en'),
      )
      .map(toStatusSummary);
  }
}

function toStoredStatus(row: StatusRow): StoredSloStatus {
  return { ...toStatusSummary(row), burnDown: parseJson(row.burn_down, []) };
}
