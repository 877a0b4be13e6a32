import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  ANNOTATION_PAGERDUTY_ACCOUNT,
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  type OnCallSnapshot,
  readPagerDutyLocation,
} from '@preflight/plugin-reliability-common';
import type {
  OnCallProvider,
  OnCallReportData,
  OnCallReportSyncOptions,
  OnCallServiceLocation,
  OnCallSourceInfo,
  OnCallSyncOptions,
} from '@preflight/plugin-reliability-node';
import { type Clock, systemClock } from '../client/Clock';
import { PagerDutyClient } from '../client/PagerDutyClient';
import { RateLimiterRegistry } from '../client/RateLimiterRegistry';
import type { RetryPolicyOptions } from '../client/RetryPolicy';
import type {
  PagerDutyAccountConfig,
  PagerDutyModuleConfig,
} from '../config/PagerDutyModuleConfig';
import {
  createPagerDutySync,
  type PagerDutySync,
} from '../sync/createPagerDutySync';
import { pagerDutyAnnotationHints } from './pagerDutyAnnotationHints';
import { toOnCallSourceError } from './toOnCallSourceError';

/** Provider type and source id prefix. */
export const PAGERDUTY_PROVIDER_TYPE = 'pagerduty';

/** Options of {@link PagerDutyOnCallProvider}. */
export interface PagerDutyOnCallProviderOptions {
  config: PagerDutyModuleConfig;
  logger: LoggerService;
  /** For tests: time and sleeping. */
  clock?: Clock;
  /** For tests: retry and backoff tuning. */
  retry?: RetryPolicyOptions;
  /** For tests: page bound per list query. */
  maxPages?: number;
  fetch?: typeof fetch;
}

/**
 * The PagerDuty {@link @preflight/plugin-reliability-node#OnCallProvider}:
 * one source per configured account (`pagerduty:<account id>`), entities
 * mapped by the `pagerduty.com/service-id` and `pagerduty.com/account`
 * annotations, bulk sync per account.
 */
export class PagerDutyOnCallProvider implements OnCallProvider {
  readonly type = PAGERDUTY_PROVIDER_TYPE;
  readonly annotationHints = pagerDutyAnnotationHints;
  /** PagerDuty's REST API limits each token's requests per minute. */
  readonly rateLimitWindowSeconds = 60;
  private readonly config: PagerDutyModuleConfig;
  private readonly syncs = new Map<
    string,
    { client: PagerDutyClient; sync: PagerDutySync }
  >();

  constructor(options: PagerDutyOnCallProviderOptions) {
    this.config = options.config;
    const clock = options.clock ?? systemClock;
    // One registry for all accounts: two accounts configured with the same
    // token share one rate budget, as PagerDuty counts it.
    const rateLimiters = new RateLimiterRegistry({ clock });
    for (const account of options.config.accounts) {
      const logger = options.logger.child({ pagerdutyAccount: account.id });
      const client = new PagerDutyClient({
        accountId: account.id,
        baseUrl: account.baseUrl,
        token: account.token,
        tokenType: account.tokenType,
        requestsPerMinute: account.requestsPerMinute,
        requestTimeoutMs: account.requestTimeoutMs,
        maxPages: options.maxPages,
        retry: options.retry,
        rateLimiters,
        clock,
        fetch: options.fetch,
        logger,
      });
      const sync = createPagerDutySync({
        client,
        settings: options.config.sync,
        logger,
        clock,
      });
      this.syncs.set(sourceIdOf(account), { client, sync });
    }
  }

  listSources(): OnCallSourceInfo[] {
    return this.config.accounts.map(account => ({
      id: sourceIdOf(account),
      type: PAGERDUTY_PROVIDER_TYPE,
      displayName: account.displayName,
    }));
  }

  locateService(entity: Entity): OnCallServiceLocation | undefined {
    const location = readPagerDutyLocation(entity);
    if (location.kind === 'absent') {
      return undefined;
    }
    if (location.kind === 'problem') {
      return { problem: location.problem };
    }
    const configured = this.config.accounts.map(account => account.id);
    const accountId = location.value.account ?? this.config.defaultAccount;
    if (accountId === undefined) {
      return {
        problem: {
          entityRef: stringifyEntityRef(entity),
          field: `metadata.annotations["${ANNOTATION_PAGERDUTY_SERVICE_ID}"]`,
          message:
            'no PagerDuty account is configured, so this service cannot be looked up',
          fix: 'Add an account under reliability.pagerduty.accounts in app-config.',
        },
      };
    }
    if (!configured.includes(accountId)) {
      return {
        problem: {
          entityRef: stringifyEntityRef(entity),
          field: `metadata.annotations["${ANNOTATION_PAGERDUTY_ACCOUNT}"]`,
          message: `"${accountId}" is not a configured PagerDuty account (configured: ${configured
            .map(id => `"${id}"`)
            .join(', ')})`,
          fix: `Use one of the configured account ids, or remove "${ANNOTATION_PAGERDUTY_ACCOUNT}" to use the default account "${this.config.defaultAccount}".`,
        },
      };
    }
    return {
      sourceId: `${PAGERDUTY_PROVIDER_TYPE}:${accountId}`,
      serviceId: location.value.serviceId,
    };
  }

  async syncSource(
    sourceId: string,
    options: OnCallSyncOptions,
  ): Promise<OnCallSnapshot> {
    return this.syncOf(sourceId).sync.syncAccount({
      signal: options.signal,
      annotatedServiceIds: options.annotatedServiceIds,
    });
  }

  async syncService(
    sourceId: string,
    serviceId: string,
    options: OnCallSyncOptions,
  ): Promise<OnCallSnapshot> {
    try {
      return await this.syncOf(sourceId).sync.syncService(serviceId, {
        signal: options.signal,
      });
    } catch (error) {
      throw toOnCallSourceError(error, serviceId);
    }
  }

  async syncReportData(
    sourceId: string,
    options: OnCallReportSyncOptions,
  ): Promise<OnCallReportData> {
    return this.syncOf(sourceId).sync.syncReportData({
      since: options.since,
      until: options.until,
      changedSince: options.changedSince,
      signal: options.signal,
    });
  }

  /** Call metrics of the client of one source, e.g. for diagnostics. */
  clientStats(sourceId: string) {
    return this.syncOf(sourceId).client.stats();
  }

  private syncOf(sourceId: string) {
    const entry = this.syncs.get(sourceId);
    if (!entry) {
      throw new NotFoundError(
        `No PagerDuty source "${sourceId}"; configured: ${
          [...this.syncs.keys()].join(', ') || 'none'
        }`,
      );
    }
    return entry;
  }
}

function sourceIdOf(account: PagerDutyAccountConfig): string {
  return `${PAGERDUTY_PROVIDER_TYPE}:${account.id}`;
}
