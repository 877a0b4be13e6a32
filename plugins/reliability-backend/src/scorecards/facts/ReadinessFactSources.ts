import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ReviewTemplate } from '@preflight/plugin-reliability-common';
import type { AlertRulesReadError } from '@preflight/plugin-reliability-node';
import type {
  AlertRuleStore,
  StoredAlertRule,
} from '../../alertRules/AlertRuleStore';
import type { OnCallProviderRegistry } from '../../oncall/OnCallProviderRegistry';
import type { ReliabilityStore } from '../../oncall/ReliabilityStore';
import type { ReviewStore } from '../../reviews/ReviewStore';
import type { SloProviderRegistry } from '../../slo/SloProviderRegistry';
import type { SloStore } from '../../slo/SloStore';
import type { ReportFactSources } from '../readReportFacts';
import type { ResolvedOwner } from './ownerFacts';

/** Where the readiness facts are read from. */
export interface ReadinessFactSources {
  catalog: CatalogService;
  store: ReliabilityStore;
  onCallRegistry: OnCallProviderRegistry;
  sloStore: SloStore;
  sloRegistry: SloProviderRegistry;
  /** Absent: no alert rules are known (the facts say so with no sources). */
  alertRuleStore?: AlertRuleStore;
  /** On-call data older than this is stale (`reliability.sync.staleAfter`), ms. */
  onCallStaleAfterMs: number;
  /** SLO data older than this is stale (`reliability.slos.sync.staleAfter`), ms. */
  sloStaleAfterMs: number;
  /**
   * Readiness reviews (`reliability.reviews`): the `reviews` fact. Absent,
   * or without templates: entities get no `reviews` fact.
   */
  reviews?: {
    store: Pick<ReviewStore, 'listReviewHeads'>;
    templates: ReviewTemplate[];
  };
  /** Report daily rows: the `reports` fact. Absent: entities get none. */
  reports?: ReportFactSources;
}

/** What one evaluation run reads once and shares between its pages. */
export interface ReadinessRunContext {
  credentials: BackstageCredentials;
  now: Date;
  /** Every stored alert rule, read once per run. */
  alertRules: StoredAlertRule[];
  /** Sources whose last rule read failed, read once per run. */
  alertRuleErrors?: AlertRulesReadError[];
  /** Owners already read in this run, by ref (lower case). */
  owners: Map<string, ResolvedOwner | null>;
}
