import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { OnCallSnapshot } from '@preflight/plugin-reliability-common';
import { onCallProviderTestModule } from './onCallProviderTestModule';
import {
  type OnCallAnnotationHints,
  type OnCallProvider,
  type OnCallServiceLocation,
  type OnCallSourceInfo,
} from '@preflight/plugin-reliability-node';

/** The annotations of the minimal provider: nothing the backend knows of. */
export const MINIMAL_SERVICE_ANNOTATION = 'rota.example.com/service';
export const MINIMAL_SOURCE_ANNOTATION = 'rota.example.com/source';

const minimalHints: OnCallAnnotationHints = {
  serviceIdAnnotation: MINIMAL_SERVICE_ANNOTATION,
  sourceAnnotation: MINIMAL_SOURCE_ANNOTATION,
  unknownServiceFix:
    'Copy the service key from the Rota console (Settings → Services).',
};

/**
 * A second on-call provider, as small as the contract allows: one source,
 * entities mapped by its own annotations, a fixed list of services. It shows
 * the generic backend serves any provider with that provider's own wording.
 */
class MinimalOnCallProvider implements OnCallProvider {
  readonly type = 'rota';
  readonly annotationHints: OnCallAnnotationHints | undefined;
  readonly source: OnCallSourceInfo = {
    id: 'rota:main',
    type: 'rota',
    displayName: 'Rota',
  };

  constructor(private readonly snapshot: OnCallSnapshot, withHints: boolean) {
    this.annotationHints = withHints ? minimalHints : undefined;
  }

  listSources(): OnCallSourceInfo[] {
    return [this.source];
  }

  locateService(entity: Entity): OnCallServiceLocation | undefined {
    const annotations = entity.metadata.annotations ?? {};
    const serviceId = annotations[MINIMAL_SERVICE_ANNOTATION];
    if (serviceId === undefined) {
      return undefined;
    }
    if (serviceId.trim() === '') {
      return {
        problem: {
          entityRef: stringifyEntityRef(entity),
          field: `metadata.annotations["${MINIMAL_SERVICE_ANNOTATION}"]`,
          message: 'the service key is empty',
        },
      };
    }
    const source = annotations[MINIMAL_SOURCE_ANNOTATION] ?? 'main';
    return { sourceId: `rota:${source}`, serviceId };
  }

  async syncSource(): Promise<OnCallSnapshot> {
    return structuredClone(this.snapshot);
  }

  async syncService(_sourceId: string, serviceId: string) {
    const snapshot = structuredClone(this.snapshot);
    snapshot.services = snapshot.services.filter(s => s.id === serviceId);
    return snapshot;
  }
}

/**
 * A backend module adding {@link MinimalOnCallProvider} through the
 * extension point, as a provider package would. `syncNow` runs its source's
 * scheduled sync (the test backend's scheduler only runs triggered tasks).
 */
export function createMinimalOnCallModule(options: {
  snapshot: OnCallSnapshot;
  /** False: a provider that names no annotations and no fix. */
  withHints?: boolean;
}) {
  const provider = new MinimalOnCallProvider(
    options.snapshot,
    options.withHints ?? true,
  );
  return onCallProviderTestModule(provider, 'rota-provider');
}
