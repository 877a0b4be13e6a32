import type { Entity } from '@backstage/catalog-model';
import type {
  SloDefinition,
  SloProvider,
  SloSourceInfo,
  SloSourceLocation,
} from '@preflight/plugin-reliability-node';

/** An SLO source together with the provider that measures it. */
export interface RegisteredSloSource {
  provider: SloProvider;
  source: SloSourceInfo;
}

/**
 * The SLO providers added by modules, and their sources. Sources are listed
 * once when the plugin starts.
 */
export class SloProviderRegistry {
  readonly #providers: SloProvider[] = [];
  #sources: Map<string, RegisteredSloSource> | undefined;

  /** Adds a provider; only possible before the plugin starts. */
  add(provider: SloProvider): void {
    if (this.#sources) {
      throw new Error(
        `Cannot add SLO provider "${provider.type}" after the reliability plugin has started`,
      );
    }
    this.#providers.push(provider);
  }

  /**
   * Lists every provider's sources and freezes the registry. Throws when two
   * sources share an id, since their data would overwrite each other.
   */
  start(): RegisteredSloSource[] {
    if (!this.#sources) {
      const sources = new Map<string, RegisteredSloSource>();
      for (const provider of this.#providers) {
        for (const source of provider.listSources()) {
          const existing = sources.get(source.id);
          if (existing) {
            throw new Error(
              `SLO source id "${source.id}" is declared by both the "${existing.provider.type}" and the "${provider.type}" provider; source ids must be unique`,
            );
          }
          sources.set(source.id, { provider, source: { ...source } });
        }
      }
      this.#sources = sources;
    }
    return [...this.#sources.values()];
  }

  /** The source with this id, once the registry has started. */
  get(sourceId: string): RegisteredSloSource | undefined {
    return this.#sources?.get(sourceId);
  }

  /**
   * Where an SLO is measured: the first provider that places it on one of
   * its sources wins; otherwise the first provider's problem is reported.
   * Pure: providers locate from the SLO and the entity's annotations.
   */
  locate(entity: Entity, slo: SloDefinition): SloSourceLocation {
    let firstProblem: SloSourceLocation | undefined;
    for (const provider of this.#providers) {
      const location = provider.locateSlo(entity, slo);
      if ('sourceId' in location && this.get(location.sourceId)) {
        return location;
      }
      firstProblem ??= 'problem' in location ? location : undefined;
    }
    return (
      firstProblem ?? {
        problem: {
          entityRef: slo.entityRef,
          field: 'spec.indicator',
          message: `${slo.entityRef}: SLO "${slo.id}" cannot be measured: no SLO source is configured`,
          fix: 'Install an SLO source module (e.g. Prometheus) and configure an instance.',
        },
      }
    );
  }
}
