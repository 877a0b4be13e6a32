import { NotFoundError } from '@backstage/errors';
import type { SloDefinition } from '@preflight/plugin-reliability-node';
import type { SloRulesProblemView } from '@preflight/plugin-reliability-common';
import type { SloProviderRegistry } from './SloProviderRegistry';
import type { EntitySloDeclarations } from './SloStore';

/** Outcome of {@link exportEntitySloRules}. */
export interface EntitySloRulesExport {
  /** The rule file (one YAML document per provider type). */
  yaml: string;
  /** Rule groups written, one per exported SLO. */
  exportedSlos: number;
  /** Every SLO left out, and why. */
  problems: SloRulesProblemView[];
}

/**
 * The Prometheus rule file of an entity's SLOs, from the providers that
 * can export rules (one YAML document per provider type), with every SLO
 * that could not be exported and why: one no source measures, one whose
 * source cannot export rules, one the generator cannot express. Throws
 * `NotFoundError` when the entity declares no SLOs.
 */
export function exportEntitySloRules(options: {
  entityRef: string;
  declarations: EntitySloDeclarations;
  registry: SloProviderRegistry;
  owner?: string;
  runbookUrl?: string;
}): EntitySloRulesExport {
  const { entityRef, declarations, registry, owner, runbookUrl } = options;
  if (declarations.slos.length === 0) {
    throw new NotFoundError(`${entityRef} declares no SLOs`);
  }
  const problems: SloRulesProblemView[] = [];
  // Grouped by provider, not source: rules name no instance, so SLOs of
  // several instances of one provider share a file.
  const byProvider = new Map<
    string,
    {
      registered: NonNullable<ReturnType<SloProviderRegistry['get']>>;
      slos: SloDefinition[];
    }
  >();
  for (const { definition, sourceId } of declarations.slos) {
    const registered = sourceId ? registry.get(sourceId) : undefined;
    if (!registered) {
      problems.push({
        sloId: definition.id,
        file: definition.file,
        field: '(whole SLO)',
        message: `no configured source measures SLO "${definition.id}"; see the problems of its file`,
      });
      continue;
    }
    if (!registered.provider.exportRules) {
      problems.push({
        sloId: definition.id,
        file: definition.file,
        field: '(whole SLO)',
        message: `its source ${registered.source.displayName} cannot export rules`,
      });
      continue;
    }
    const group = byProvider.get(registered.provider.type) ?? {
      registered,
      slos: [],
    };
    group.slos.push(definition);
    byProvider.set(registered.provider.type, group);
  }
  const files = new Map(
    declarations.slos.map(({ definition }) => [definition.id, definition.file]),
  );
  let exportedSlos = 0;
  const documents: string[] = [];
  for (const { registered, slos } of byProvider.values()) {
    const rules = registered.provider.exportRules!({
      entityRef,
      slos,
      ...(owner ? { owner } : {}),
      ...(runbookUrl ? { runbookUrl } : {}),
    });
    exportedSlos += rules.groups.length;
    for (const problem of rules.problems) {
      problems.push({
        sloId: problem.sloId,
        file: files.get(problem.sloId) ?? '',
        field: problem.field ?? '(whole SLO)',
        message: problem.message,
        ...(problem.fix ? { fix: problem.fix } : {}),
      });
    }
    if (rules.groups.length > 0) {
      documents.push(rules.yaml);
    }
  }
  return { yaml: documents.join('---\n'), exportedSlos, problems };
}
