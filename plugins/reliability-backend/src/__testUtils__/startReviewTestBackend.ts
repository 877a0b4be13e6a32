import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import { readReliabilityConfig } from '../config/readReliabilityConfig';
import { DatabaseReliabilityStore } from '../oncall/DatabaseReliabilityStore';
import { OnCallProviderRegistry } from '../oncall/OnCallProviderRegistry';
import { DatabaseReviewStore } from '../reviews/DatabaseReviewStore';
import type { ReviewConfig } from '../reviews/readReviewConfig';
import { ReviewNotifier } from '../reviews/ReviewNotifier';
import { DatabaseScorecardStore } from '../scorecards/DatabaseScorecardStore';
import { createRouter } from '../service/createRouter';
import { DatabaseSloStore } from '../slo/DatabaseSloStore';
import { SloProviderRegistry } from '../slo/SloProviderRegistry';
import { testRubric } from './scorecardFixtures';
import { startPluginTestBackend } from './startPluginTestBackend';
import { openReliabilityDatabase } from '../database/openReliabilityDatabase';

/** A running test backend serving the review routes from a test database. */
export interface ReviewTestBackend {
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  reviewStore: DatabaseReviewStore;
  /** Where the live check states come from; tests write scorecards here. */
  scorecardStore: DatabaseScorecardStore;
  permissions: ReturnType<typeof mockServices.permissions.mock>;
  auditor: ReturnType<typeof mockServices.auditor.mock>;
  /** Permission names denied from now on (all others are allowed). */
  deny: Set<string>;
  /** Called whenever a review is opened or changes state. */
  onStateChange: jest.Mock;
  /** The notification service's `send` (a mock service, as if installed). */
  notificationSend: jest.Mock<Promise<void>, [NotificationSendOptions]>;
  /** Resolves once the notifications of the writes so far were sent. */
  notificationsSent(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Serves the reliability router with scorecards and reviews, behind the
 * real http router (default authentication), with an in-memory catalog and
 * a permission service that allows everything except what `deny` names.
 */
export async function startReviewTestBackend(options: {
  knex: Knex;
  entities: Entity[];
  config: ReviewConfig;
  now?: () => Date;
}): Promise<ReviewTestBackend> {
  let reviewStore: DatabaseReviewStore | undefined;
  let scorecardStore: DatabaseScorecardStore | undefined;
  const deny = new Set<string>();
  const permissions = mockServices.permissions.mock({
    authorize: async (requests: AuthorizePermissionRequest[]) =>
      requests.map(r => ({
        result: deny.has(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      })),
  });
  const auditor = mockServices.auditor.mock();
  const onStateChange = jest.fn();
  const notificationSend = jest.fn(
    async (_options: NotificationSendOptions) => {},
  );
  let notifier: ReviewNotifier | undefined;
  const plugin = reviewTestPlugin({ ...options, onStateChange }, started => {
    reviewStore = started.reviewStore;
    scorecardStore = started.scorecardStore;
    notifier = started.notifier;
  });
  const backend = await startPluginTestBackend({
    features: [
      plugin,
      permissions.factory,
      auditor.factory,
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: notificationSend }),
      }),
    ],
    catalog: catalogServiceMock({ entities: options.entities }),
    knex: options.knex,
  });
  if (!reviewStore || !scorecardStore) {
    throw new Error('the review test plugin did not start');
  }
  return {
    server: backend.server,
    reviewStore,
    scorecardStore,
    permissions,
    auditor,
    deny,
    onStateChange,
    notificationSend,
    notificationsSent: async () => notifier?.idle(),
    stop: () => backend.stop(),
  };
}

/**
 * The reliability router with scorecards and reviews as a plugin, on
 * whatever permission, catalog and database services the test backend
 * provides; `onStart` receives its stores.
 */
export function reviewTestPlugin(
  options: {
    config: ReviewConfig;
    now?: () => Date;
    onStateChange?: () => void;
  },
  onStart: (stores: {
    reviewStore: DatabaseReviewStore;
    scorecardStore: DatabaseScorecardStore;
    notifier: ReviewNotifier;
  }) => void,
) {
  return createBackendPlugin({
    pluginId: 'reliability',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          permissions: coreServices.permissions,
          auditor: coreServices.auditor,
          logger: coreServices.logger,
          auth: coreServices.auth,
          catalog: catalogServiceRef,
          notifications: notificationService,
        },
        async init({ notifications, ...deps }) {
          const db = await openReliabilityDatabase(deps.database);
          const scorecardStore = await DatabaseScorecardStore.create(db);
          const reviewStore = new DatabaseReviewStore(db);
          // Wired as the plugin wires it.
          const notifier = new ReviewNotifier({
            notifications,
            enabled: options.config.notifications,
            logger: deps.logger,
          });
          onStart({ reviewStore, scorecardStore, notifier });
          deps.httpRouter.use(
            await createRouter({
              ...deps,
              store: new DatabaseReliabilityStore(db),
              registry: new OnCallProviderRegistry(),
              config: readReliabilityConfig(new ConfigReader({})),
              slos: {
                sloStore: new DatabaseSloStore(db),
                registry: new SloProviderRegistry(),
                staleAfterMs: 600_000,
              },
              scorecards: { store: scorecardStore, rubric: testRubric },
              reviews: {
                store: reviewStore,
                config: options.config,
                auth: deps.auth,
                onStateChange: options.onStateChange,
                notifier,
              },
              now: options.now,
            }),
          );
        },
      });
    },
  });
}
