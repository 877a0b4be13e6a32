import { ReactElement } from 'react';
import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { ApiRef } from '@backstage/core-plugin-api';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ReliabilityClient, reliabilityApiRef } from '../api';

/** Where tests pretend the reliability backend lives; msw answers there. */
export const BASE_URL = 'http://localhost:7007/api/reliability';

/** The real client, pointed at msw. */
export function testClient(): ReliabilityClient {
  return new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

/**
 * Renders an element on an entity page as an app would: with the real
 * reliability client (answered by msw) and catalog entity routes mounted.
 * `apis` adds others, e.g. an entity presentation API; `url` is the
 * address the page opens at.
 */
export async function renderWithBackend(
  element: ReactElement,
  entity: Entity,
  apis: ReadonlyArray<readonly [ApiRef<any>, any]> = [],
  url?: string,
) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, testClient()], ...apis]}>
      <EntityProvider entity={entity}>{element}</EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      ...(url ? { routeEntries: [url] } : {}),
    },
  );
}
