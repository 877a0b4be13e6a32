import type {
  OnCallProvider,
  OnCallSourceInfo,
} from '@preflight/plugin-reliability-node';

/** A source together with the provider that syncs it. */
export interface RegisteredOnCallSource {
  provider: OnCallProvider;
  source: OnCallSourceInfo;
}

/**
 * The on-call providers added by modules, and their sources. Sources are
 * listed once when the plugin starts, so request handling never calls back
 * into a provider except to map an entity to a service.
 */
export class OnCallProviderRegistry {
  readonly #providers: OnCallProvider[] = [];
  #sources: Map<string, RegisteredOnCallSource> | undefined;

  /** Adds a provider; only possible before the plugin starts. */
  add(provider: OnCallProvider): void {
    if (this.#sources) {
      throw new Error(
        `Cannot add on-call provider "${provider.type}" after the reliability plugin has started`,
      );
    }
    this.#providers.push(provider);
  }

  /**
   * Lists every provider's sources and freezes the registry. Throws when two
   * sources share an id, since their data would overwrite each other.
   */
  start(): RegisteredOnCallSource[] {
    if (!this.#sources) {
      const sources = new Map<string, RegisteredOnCallSource>();
      for (const provider of this.#providers) {
        for (const source of provider.listSources()) {
          const existing = sources.get(source.id);
          if (existing) {
            throw new Error(
              `On-call source id "${source.id}" is declared by both the "${existing.provider.type}" and the "${provider.type}" provider; source ids must be unique`,
            );
          }
          sources.set(source.id, { provider, source: { ...source } });
        }
      }
      this.#sources = sources;
    }
    return [...this.#sources.values()];
  }

  /** Providers in the order they were added. */
  providers(): readonly OnCallProvider[] {
    return this.#providers;
  }

  /** The source with this id, once the registry has started. */
  findSource(sourceId: string): RegisteredOnCallSource | undefined {
    return this.#sources?.get(sourceId);
  }

  /** All sources, once the registry has started. */
  sources(): RegisteredOnCallSource[] {
    return [...(this.#sources?.values() ?? [])];
  }
}
