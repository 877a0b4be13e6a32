import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

// How long a caller's view of an entity is reused: permission changes reach
// the board within this time.
const TTL_MS = 30_000;
// Callers remembered at once; the oldest is forgotten first.
const MAX_CALLERS = 1_000;

interface CallerView {
  expires: number;
  visible: Map<string, boolean>;
  /**
   * Answers per list asked about: a reader asks with the same list object
   * until its data changes (the board's reviews, a report's entities and its
   * SLO entities), so the same Set comes back without a pass over the list.
   */
  answers: WeakMap<readonly string[], Set<string>>;
  /** Entities read whole (a report's group), as the caller may see them. */
  entities: Map<string, Promise<Entity | undefined>>;
}

/**
 * Which entities a caller may see, asked of the catalog with the caller's
 * credentials in one bulk call for the refs not known yet, and remembered
 * for 30 seconds per caller, so the board follows catalog permissions
 * without asking the catalog about every review on every read.
 */
export class CatalogVisibility {
  #callers = new Map<string, CallerView>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly now: () => number = Date.now,
  ) {}

  async visible(
    refs: readonly string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const view = this.#viewOf(credentials);
    const known = view.answers.get(refs);
    if (known) {
      return known;
    }
    const unknown = [...new Set(refs)].filter(ref => !view.visible.has(ref));
    if (unknown.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: unknown,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      unknown.forEach((ref, index) => view.visible.set(ref, !!items[index]));
    }
    const answer = new Set(refs.filter(ref => view.visible.get(ref)));
    view.answers.set(refs, answer);
    return answer;
  }

  /**
   * The entity as the caller may see it (undefined when not), read with the
   * caller's credentials once per 30 seconds: a report page's repeated
   * requests need not each cost the catalog a round trip for their group.
   */
  async entity(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const view = this.#viewOf(credentials);
    let read = view.entities.get(ref);
    if (!read) {
      read = this.catalog.getEntityByRef(ref, { credentials });
      view.entities.set(ref, read);
      // A failed read is not remembered: the next request asks again.
      read.catch(() => view.entities.delete(ref));
    }
    return read;
  }

  #viewOf(credentials: BackstageCredentials): CallerView {
    const key = callerKey(credentials);
    const at = this.now();
    let view = this.#callers.get(key);
    if (!view || view.expires <= at) {
      view = {
        expires: at + TTL_MS,
        visible: new Map(),
        answers: new WeakMap(),
        entities: new Map(),
      };
      this.#callers.delete(key);
      this.#callers.set(key, view);
      if (this.#callers.size > MAX_CALLERS) {
        this.#callers.delete(this.#callers.keys().next().value!);
      }
    }
    return view;
  }
}

function callerKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return `${principal.type}:${
    principal.userEntityRef ?? principal.subject ?? ''
  }`;
}
