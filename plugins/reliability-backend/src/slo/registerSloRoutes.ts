import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OPEN_REVIEW_STATES,
  readRunbooks,
  ReviewTemplate,
  type SloRulesProblemView,
  type SloRulesResponse,
} from '@preflight/plugin-reliability-common';
import type { Router } from 'express';
import type { ReliabilityStore } from '../oncall/ReliabilityStore';
import { type EntityParams, entityParamsOf } from '../service/entityParams';
import { buildEntitySlos } from './buildEntitySlos';
import { evaluateDeployGate, gateAnswer } from './evaluateDeployGate';
import { exportEntitySloRules } from './exportEntitySloRules';
import type { SloProviderRegistry } from './SloProviderRegistry';
import type { DeployGatePolicy } from './readSloSyncConfig';
import type { SloStore } from './SloStore';
import { entityTier } from '../lib/entityTier';
import { evaluateReviewGate } from '../reviews/evaluateReviewGate';
import type { ReviewGateConfig } from '../reviews/readReviewConfig';
import type { ReviewStore } from '../reviews/ReviewStore';

/** Dependencies of the SLO routes. */
export interface SloRoutesOptions {
  httpAuth: HttpAuthService;
  catalog: CatalogService;
  store: ReliabilityStore;
  sloStore: SloStore;
  registry: SloProviderRegistry;
  /** SLO evaluations older than this are stale. */
  staleAfterMs: number;
  /** How the deploy gate treats what it cannot judge; blocks on unknown page alerts by default. */
  deployGate?: DeployGatePolicy;
  now: () => Date;
  /**
   * `reliability.reviews.gate`: the deploy gate also blocks entities of the
   * gated tiers without an approved, non-drifted review of the gated stages.
   */
  reviewGate?: {
    gate: ReviewGateConfig;
    templates: ReviewTemplate[];
    store: Pick<ReviewStore, 'listReviewHeads'>;
  };
}

/**
 * Adds the SLO routes to the reliability router:
 * `GET /entities/:kind/:namespace/:name/slos`, `.../deploy-gate` (also for
 * service tokens, so CI can ask) and `.../slo-rules`. Answers come from the
 * store and the catalog; no metrics source is queried.
 */
export function registerSloRoutes(
  router: Router,
  options: SloRoutesOptions,
): void {
  const {
    httpAuth,
    catalog,
    store,
    sloStore,
    registry,
    staleAfterMs,
    deployGate,
    now,
    reviewGate,
  } = options;

  // Read with the caller's credentials, so catalog permissions apply: an
  // entity the caller may not see is indistinguishable from a missing one.
  async function requireEntity(
    params: EntityParams,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entityRef = stringifyEntityRef(params);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  const slosOf = (entity: Entity, at: Date) =>
    buildEntitySlos({
      entityRef: stringifyEntityRef(entity),
      sloStore,
      store,
      registry,
      staleAfterMs,
      now: at,
    });

  router.get('/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const params = entityParamsOf(req);
    const credentials = await httpAuth.credentials(req);
    const entity = await requireEntity(params, credentials);
    res.json(await slosOf(entity, now()));
  });

  router.get(
    '/entities/:kind/:namespace/:name/deploy-gate',
    async (req, res) => {
      const params = entityParamsOf(req);
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      const entity = await requireEntity(params, credentials);
      const at = now();
      const sloGate = evaluateDeployGate(await slosOf(entity, at), {
        now: at,
        staleAfterMs,
        policy: deployGate,
      });
      if (!reviewGate) {
        res.json(sloGate);
        return;
      }
      const reviewReasons = evaluateReviewGate({
        entity,
        tier: entityTier(entity),
        gate: reviewGate.gate,
        templates: reviewGate.templates,
        reviews: await reviewGate.store.listReviewHeads({
          entityRefs: [stringifyEntityRef(entity)],
          states: [...OPEN_REVIEW_STATES],
        }),
      });
      // Review reasons block; the decision is recomputed over both lists.
      res.json(
        gateAnswer(
          sloGate.entityRef,
          [...sloGate.reasons, ...reviewReasons],
          sloGate.unknown,
          at,
          sloGate.onUnknown,
        ),
      );
    },
  );

  router.get('/entities/:kind/:namespace/:name/slo-rules', async (req, res) => {
    const params = entityParamsOf(req);
    const credentials = await httpAuth.credentials(req);
    const entity = await requireEntity(params, credentials);
    const entityRef = stringifyEntityRef(entity);
    const declarations = await sloStore.getDeclarations(entityRef);
    const owner =
      typeof entity.spec?.owner === 'string' ? entity.spec.owner : undefined;
    const exported = exportEntitySloRules({
      entityRef,
      declarations,
      registry,
      owner,
      runbookUrl: readRunbooks(entity).runbooks[0]?.url,
    });
    const fileName = `${entity.metadata.name}.slo-rules.yaml`;
    if (exported.exportedSlos === 0) {
      // An empty rule file would load fine and alert on nothing: say why.
      res.status(422).json({
        error: {
          name: 'SloRulesNotExportableError',
          message: `None of the ${declarations.slos.length} SLOs of ${entityRef} could be exported as Prometheus rules`,
        },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 422 },
        problems: exported.problems,
      });
      return;
    }
    res.setHeader(
      'Preflight-Slo-Rules-Problems',
      String(exported.problems.length),
    );
    if (
      req.accepts(['application/yaml', 'application/json']) ===
      'application/json'
    ) {
      const body: SloRulesResponse = {
        entityRef,
        fileName,
        yaml: exported.yaml,
        problems: exported.problems,
      };
      res.json(body);
      return;
    }
    res
      .type('application/yaml')
      .setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(`${leftOutComment(exported.problems)}${exported.yaml}`);
  });
}

// Who reads the file should see what is missing from it.
function leftOutComment(problems: SloRulesProblemView[]): string {
  return problems
    .map(problem => {
      const line = `# Left out: SLO "${problem.sloId}" (${problem.file}, ${problem.field}): ${problem.message}`;
      // A line break would end the comment and corrupt the YAML.
      return `${line.replace(/[\r\n]+/g, ' ')}\n`;
    })
    .join('');
}
