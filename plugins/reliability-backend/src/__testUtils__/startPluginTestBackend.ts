import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';

type Feature = Parameters<typeof startTestBackend>[0]['features'] extends
  | Array<infer F>
  | undefined
  ? F
  : never;

/**
 * The setup every plugin test backend shares: the given features with an
 * in-memory catalog, the given config, a scheduler that runs tasks only when
 * triggered and, when `knex` is given, that database for the plugin (so a
 * test can read and seed what the plugin stores). `scheduler: 'database'`
 * puts Backstage's own scheduler in its place, which runs tasks on their
 * schedules and coordinates global tasks through that database, as between
 * production replicas.
 */
export function startPluginTestBackend(options: {
  features: Feature[];
  catalog: CatalogService;
  config?: JsonObject;
  knex?: Knex;
  scheduler?: 'manual' | 'database';
}) {
  const { catalog } = options;
  return startTestBackend({
    features: [
      ...options.features,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      options.scheduler === 'database'
        ? schedulerServiceFactory
        : mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
    ],
  });
}
