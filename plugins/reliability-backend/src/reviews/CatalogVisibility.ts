import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';

// How long a caller's view of an entity is reused: permission changes reach
// the board within this time.
const TTL_MS = 30_000;
// Callers remembered at once; the oldest is forgotten first.
const MAX_CALLERS = 1_000;

interface CallerView {
  expires: number;
  visible: Map<string, boolean>;
  /** The last list asked about and its answer: the board asks with the same list until a review changes. */
  last?: { refs: readonly string[]; answer: Set<string> };
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
    const key = callerKey(credentials);
    const at = this.now();
    let view = this.#callers.get(key);
    if (!view || view.expires <= at) {
      view = { expires: at + TTL_MS, visible: new Map() };
      this.#callers.delete(key);
      this.#callers.set(key, view);
      if (this.#callers.size > MAX_CALLERS) {
        this.#callers.delete(this.#callers.keys().next().value!);
      }
    }
    if (view.last?.refs === refs) {
      return view.last.answer;
    }
    const unknown = [...new Set(refs)].filter(ref => !view!.visible.has(ref));
    if (unknown.length > 0) {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: unknown,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      unknown.forEach((ref, index) => view!.visible.set(ref, !!items[index]));
    }
    const answer = new Set(refs.filter(ref => view!.visible.get(ref)));
    view.last = { refs, answer };
    return answer;
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
