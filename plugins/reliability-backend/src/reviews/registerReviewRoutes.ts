import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { checkApplies } from '../scorecards/engine';
import {
  EntityReviewsResponse,
  OPEN_REVIEW_STATES,
  reliabilityReviewCancelPermission,
  reliabilityReviewCreatePermission,
  reliabilityReviewSignoffPermission,
  reliabilityReviewUpdatePermission,
  Review,
  ReviewListResponse,
  ReviewResponse,
  ReviewState,
  ReviewTemplateSection,
  ReviewTemplatesResponse,
} from '@preflight/plugin-reliability-common';
import type { NextFunction, Request, Response, Router } from 'express';
import { randomUUID } from 'node:crypto';
import { entityTier } from '../lib/entityTier';
import { errorMessage } from '../lib/errorMessage';
import type { ScorecardStore } from '../scorecards/ScorecardStore';
import { entityParamsOf } from '../service/entityParams';
import { parseOwnerRef } from '../service/parseOwnerRef';
import { reviewSectionsOf, toReview, toReviewSummary } from './buildReviewView';
import type { ReviewConfig } from './readReviewConfig';
import {
  answerItem,
  cancelReview,
  reaffirmItem,
  requestChanges,
  ReviewActionContext,
  ReviewActionResult,
  signSection,
  submitReview,
  waiveItem,
} from './reviewActions';
import { ReviewerMembership } from './ReviewerMembership';
import type { ReviewNotifier } from './ReviewNotifier';
import { ReviewBoardCache } from './ReviewBoardCache';
import { CatalogVisibility } from './CatalogVisibility';
import { liveCheckStates } from './reviewItemStatus';
import { applicableSections, findItem } from './reviewSections';
import type { ReviewStore } from './ReviewStore';
import type { StoredReview } from './reviewTypes';
import {
  readAction,
  readAnswer,
  readCommentedAction,
  readCreateReview,
  readExportQuery,
  readReviewListQuery,
  parseReviewParams,
  readWaive,
  reviewParamsOf,
} from './parseReviewRequests';
import { renderReviewMarkdown } from './renderReviewMarkdown';
import {
  reviewerEligibility,
  SignoffCaller,
  signoffEligibility,
} from './signoffEligibility';

/** Dependencies of the readiness review routes. */
export interface ReviewRoutesOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  /** The plugin's own credentials, for reading reviewer group membership. */
  auth: AuthService;
  store: ReviewStore;
  /** Live check states (stored scorecards) and the team hierarchy. */
  scorecardStore: Pick<ScorecardStore, 'getScorecard' | 'getGroupDescendants'>;
  config: ReviewConfig;
  now: () => Date;
  /**
   * Called (not awaited) after a review was opened or changed state, e.g.
   * to re-evaluate scorecards so `readiness-review-approved` follows.
   */
  onStateChange?: () => void;
  /**
   * Told of every write, after it is stored; sends notifications in the
   * background (a failure to notify never fails the write).
   */
  notifier?: Pick<ReviewNotifier, 'notify'>;
}

/**
 * A 409 that carries the review as it stands, so the client can show it and
 * let the user redo their change on top.
 */
class ReviewConflictError extends ConflictError {
  constructor(message: string, readonly review: Review) {
    super(message);
  }
}

/**
 * Every review operation but the template list and an entity's reviews:
 * their routes check the caller first (and writes audit refused attempts),
 * so they raise the spec's refusal of their input themselves, where they
 * read it, after their own checks, which keep their messages.
 */
export const REVIEW_OPERATIONS_CHECKING_INPUT = [
  'openReview',
  'listReviews',
  'getReview',
  'exportReview',
  'answerReviewItem',
  'reaffirmReviewItem',
  'waiveReviewItem',
  'submitReview',
  'signReviewSection',
  'requestReviewChanges',
  'cancelReview',
];

function userRefOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

function entityTitle(entity: Entity): string {
  return entity.metadata.title ?? entity.metadata.name;
}

const asError = (error: unknown) =>
  error instanceof Error ? error : new Error(errorMessage(error));

/**
 * Adds the readiness review routes to the reliability router (see
 * openapi.yaml): templates, an entity's reviews, the board, one review,
 * its export, and the write actions. Reads follow the catalog (the review's
 * entity must be visible to the caller); writes need user credentials, a
 * review permission on the entity (a policy may use catalog conditions),
 * the version the caller read, and are audited whether they succeed or not.
 */
export function registerReviewRoutes(
  router: Router,
  options: ReviewRoutesOptions,
): void {
  const {
    httpAuth,
    permissions,
    auditor,
    catalog,
    store,
    scorecardStore,
    config,
    now,
  } = options;
  const { templates } = config;
  const membership = new ReviewerMembership(catalog, options.auth);
  const board = new ReviewBoardCache(store, templates);
  const visibility = new CatalogVisibility(catalog);

  async function allowed(
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  async function visibleEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    // With the caller's credentials: an entity they may not see is missing.
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  async function visibleReview(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<StoredReview> {
    const review = await store.getReview(id);
    if (
      !review ||
      !(await catalog.getEntityByRef(review.entityRef, { credentials }))
    ) {
      throw new NotFoundError(`No review ${id}`);
    }
    return review;
  }

  async function callerOf(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<SignoffCaller> {
    const userRef = userRefOf(credentials);
    if (!userRef) {
      return {
        userRef: '',
        groups: new Set(),
        permitted: false,
        allowDriSignoff: config.allowDriSignoff,
      };
    }
    const [groups, permitted] = await Promise.all([
      membership.groupsOf(userRef),
      allowed(reliabilityReviewSignoffPermission, entityRef, credentials),
    ]);
    return {
      userRef,
      groups,
      permitted,
      allowDriSignoff: config.allowDriSignoff,
    };
  }

  async function contextOf(
    review: StoredReview,
    actor: string,
  ): Promise<ReviewActionContext> {
    const stored = await scorecardStore.getScorecard(review.entityRef);
    return {
      sections: reviewSectionsOf(review, templates).sections,
      live: liveCheckStates(stored?.scorecard),
      actor,
      now: now(),
    };
  }

  async function viewOf(
    review: StoredReview,
    credentials: BackstageCredentials,
  ): Promise<Review> {
    const [context, caller] = await Promise.all([
      contextOf(review, userRefOf(credentials) ?? ''),
      callerOf(credentials, review.entityRef),
    ]);
    return toReview({
      review,
      templates,
      live: context.live,
      eligibility: section => signoffEligibility(review, section, caller),
      now: context.now,
    });
  }

  async function respond(
    res: Response,
    review: StoredReview,
    credentials: BackstageCredentials,
    status = 200,
  ) {
    const [view, events] = await Promise.all([
      viewOf(review, credentials),
      store.listEvents(review.id),
    ]);
    const body: ReviewResponse = {
      review: view,
      events,
      generatedAt: now().toISOString(),
    };
    res.status(status).json(body);
  }

  /** The section whose reviewers act (sign-off, request changes, waive). */
  type ReviewerTarget = (
    sections: ReviewTemplateSection[],
  ) => ReviewTemplateSection;

  /**
   * One audited write: parse, load, authorize, compare versions, check the
   * reviewer rules, apply the pure action, write conditionally, answer with
   * the review as stored.
   */
  async function write<B extends { version: number }>(
    req: Request,
    res: Response,
    spec: {
      action: string;
      permission: ResourcePermission<'catalog-entity'>;
      verb: string;
      /** Reads the body, raising what the spec or the route refuses in it. */
      read: (req: Request) => B;
      reviewer?: (
        params: ReturnType<typeof parseReviewParams>,
      ) => ReviewerTarget;
      act: (
        review: StoredReview,
        input: B,
        context: ReviewActionContext,
        params: ReturnType<typeof parseReviewParams>,
      ) => ReviewActionResult;
    },
  ) {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const actor = credentials.principal.userEntityRef;
    const auditEvent = await auditor.createEvent({
      eventId: 'review-write',
      severityLevel: 'medium',
      request: req,
      meta: { action: spec.action, reviewId: req.params.id, actorRef: actor },
    });
    let current: StoredReview | undefined;
    try {
      const params = reviewParamsOf(req);
      const input = spec.read(req);
      current = await visibleReview(params.id, credentials);
      const review = current;
      if (!(await allowed(spec.permission, review.entityRef, credentials))) {
        throw new NotAllowedError(
          `You are not allowed to ${spec.verb} reviews of ${review.entityRef}`,
        );
      }
      if (input.version !== review.version) {
        throw new ConflictError(
          `Review ${review.id} changed since you read it: you sent version ${input.version}, it is at version ${review.version}`,
        );
      }
      const context = await contextOf(review, actor);
      if (spec.reviewer) {
        const section = spec.reviewer(params)(context.sections);
        const eligibility = reviewerEligibility(review, section, {
          userRef: actor,
          groups: await membership.groupsOf(actor),
          permitted: true,
          allowDriSignoff: config.allowDriSignoff,
        });
        if (!eligibility.allowed) {
          throw new NotAllowedError(eligibility.reason);
        }
      }
      const result = spec.act(review, input, context, params);
      const stored = await store.updateReview(
        { ...result.review, updatedAt: context.now.toISOString() },
        review.version,
        result.events,
      );
      if (!stored) {
        current = await store.getReview(review.id);
        throw new ConflictError(
          `Review ${review.id} was changed by someone else while your change was being saved; nothing was saved`,
        );
      }
      if (stored.state !== review.state) {
        options.onStateChange?.();
      }
      options.notifier?.notify({
        review: stored,
        events: result.events,
        sections: context.sections,
        actor,
      });
      await auditEvent.success({
        meta: {
          action: spec.action,
          reviewId: stored.id,
          entityRef: stored.entityRef,
          actorRef: actor,
          stateBefore: review.state,
          stateAfter: stored.state,
          version: stored.version,
        },
      });
      await respond(res, stored, credentials);
    } catch (error) {
      await auditEvent.fail({
        error: asError(error),
        meta: {
          action: spec.action,
          reviewId: req.params.id,
          entityRef: current?.entityRef,
          actorRef: actor,
        },
      });
      if (error instanceof ConflictError && current) {
        throw new ReviewConflictError(
          error.message,
          await viewOf(current, credentials),
        );
      }
      throw error;
    }
  }

  const sectionTarget =
    (params: ReturnType<typeof parseReviewParams>): ReviewerTarget =>
    sections => {
      const section = sections.find(s => s.id === params.sectionId);
      if (!section) {
        throw new NotFoundError(
          `No section "${params.sectionId}" in this review`,
        );
      }
      return section;
    };

  const itemTarget =
    (params: ReturnType<typeof parseReviewParams>): ReviewerTarget =>
    sections => {
      const found = findItem(sections, params.itemId ?? '');
      if (!found) {
        throw new NotFoundError(`No item "${params.itemId}" in this review`);
      }
      return found.section;
    };

  router.get('/review-templates', async (req, res) => {
    await httpAuth.credentials(req);
    const body: ReviewTemplatesResponse = { templates };
    res.json(body);
  });

  router.get('/entities/:kind/:namespace/:name/reviews', async (req, res) => {
    const entityRef = stringifyEntityRef(entityParamsOf(req));
    const credentials = await httpAuth.credentials(req);
    const entity = await visibleEntity(entityRef, credentials);
    const at = now();
    const reviews = await store.listReviewHeads({ entityRefs: [entityRef] });
    const openStages = new Set(
      reviews
        .filter(r => OPEN_REVIEW_STATES.includes(r.state))
        .map(r => r.stage),
    );
    const tier = entityTier(entity);
    const canCreate =
      !!userRefOf(credentials) &&
      (await allowed(
        reliabilityReviewCreatePermission,
        entityRef,
        credentials,
      ));
    const body: EntityReviewsResponse = {
      entityRef,
      reviews: reviews.map(r => toReviewSummary(r, templates, at)),
      templates: templates
        .filter(t => checkApplies(t, entity, tier ?? undefined))
        .map(t => ({
          templateId: t.id,
          title: t.title,
          openableStages: t.stages.filter(
            stage =>
              !openStages.has(stage) &&
              applicableSections(t, stage, tier).length > 0,
          ),
        })),
      canCreate,
      generatedAt: at.toISOString(),
    };
    res.json(body);
  });

  router.post('/entities/:kind/:namespace/:name/reviews', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const actor = credentials.principal.userEntityRef;
    const auditEvent = await auditor.createEvent({
      eventId: 'review-write',
      severityLevel: 'medium',
      request: req,
      meta: { action: 'create', actorRef: actor },
    });
    let existing: StoredReview | undefined;
    try {
      const entityRef = stringifyEntityRef(entityParamsOf(req));
      const input = readCreateReview(req);
      if (
        !(await allowed(
          reliabilityReviewCreatePermission,
          entityRef,
          credentials,
        ))
      ) {
        throw new NotAllowedError(
          `You are not allowed to open reviews of ${entityRef}`,
        );
      }
      const entity = await visibleEntity(entityRef, credentials);
      const template = templates.find(t => t.id === input.templateId);
      if (!template) {
        throw new InputError(
          `templateId: unknown template "${input.templateId}"; templates: ${
            templates.map(t => t.id).join(', ') || 'none configured'
          }`,
        );
      }
      const tier = entityTier(entity);
      if (!checkApplies(template, entity, tier ?? undefined)) {
        throw new InputError(
          `templateId: template "${template.id}" does not apply to ${entityRef}`,
        );
      }
      if (!template.stages.includes(input.stage)) {
        throw new InputError(
          `stage: "${input.stage}" is not a stage of template "${
            template.id
          }" (${template.stages.join(', ')})`,
        );
      }
      if (applicableSections(template, input.stage, tier).length === 0) {
        throw new InputError(
          `stage: no item of template "${template.id}" applies to ${entityRef} at stage "${input.stage}"`,
        );
      }
      const at = now().toISOString();
      const review: StoredReview = {
        id: randomUUID(),
        entityRef,
        stage: input.stage,
        templateId: template.id,
        templateVersion: template.version,
        state: 'draft',
        dri: actor,
        targetDate: input.targetDate ?? null,
        tier,
        ownerRef: parseOwnerRef(entity).ref ?? null,
        entityTitle: entityTitle(entity),
        version: 1,
        createdAt: at,
        updatedAt: at,
        body: {
          template,
          currentTier: tier,
          answers: {},
          waivers: {},
          signoffs: {},
          snapshots: {},
          drift: [],
        },
      };
      const outcome = await store.createReview(review, {
        at,
        actor,
        action: 'created',
        stateAfter: 'draft',
        details: {
          templateId: template.id,
          templateVersion: template.version,
          stage: input.stage,
          ...(input.targetDate ? { targetDate: input.targetDate } : {}),
        },
      });
      if (!outcome.created) {
        existing = outcome.existing;
        throw new ConflictError(
          `${entityRef} already has an open review for stage "${input.stage}" (${existing.id}, ${existing.state})`,
        );
      }
      options.onStateChange?.();
      await auditEvent.success({
        meta: {
          action: 'create',
          reviewId: review.id,
          entityRef,
          actorRef: actor,
          stage: review.stage,
          templateId: review.templateId,
        },
      });
      await respond(res, review, credentials, 201);
    } catch (error) {
      await auditEvent.fail({
        error: asError(error),
        meta: { action: 'create', actorRef: actor },
      });
      if (error instanceof ConflictError && existing) {
        throw new ReviewConflictError(
          error.message,
          await viewOf(existing, credentials),
        );
      }
      throw error;
    }
  });

  router.get('/reviews', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = readReviewListQuery(req);
    const at = now();
    let owners: Set<string> | undefined;
    if (query.team) {
      const team = query.team.toLocaleLowerCase('en-US');
      const descendants = await scorecardStore.getGroupDescendants(team);
      owners = new Set(descendants.length > 0 ? descendants : [team]);
    }
    const all = await board.entries(at);
    // Reads follow the catalog: reviews of entities the caller may not see
    // are left out (see CatalogVisibility).
    const visible = await visibility.visible(
      board.entityRefs(all),
      credentials,
    );
    const entries = all.filter(
      ({ summary }) =>
        (!query.stage || summary.stage === query.stage) &&
        (!owners || (!!summary.ownerRef && owners.has(summary.ownerRef))),
    );
    const userRef = userRefOf(credentials);
    const myGroups =
      query.waitingOnMe && userRef
        ? await membership.groupsOf(userRef)
        : new Set<string>();
    const reviewerGroup = query.reviewerGroup?.toLocaleLowerCase('en-US');
    const text = query.q?.trim().toLocaleLowerCase('en-US');
    const filtered = entries
      .filter(({ summary }) => visible.has(summary.entityRef))
      .filter(
        ({ reviewerGroups }) =>
          !reviewerGroup || reviewerGroups.includes(reviewerGroup),
      )
      .map(({ summary }) => summary)
      .filter(
        summary =>
          !query.waitingOnMe ||
          (summary.state === 'in-review' &&
            (config.allowDriSignoff || summary.dri !== userRef) &&
            summary.pendingReviewerGroups.some(g => myGroups.has(g))),
      )
      .filter(
        summary =>
          query.overdue === undefined || summary.overdue === query.overdue,
      )
      .filter(
        summary =>
          !text ||
          summary.entityRef.toLocaleLowerCase('en-US').includes(text) ||
          (summary.entityTitle ?? '').toLocaleLowerCase('en-US').includes(text),
      );
    const countsByState: Partial<Record<ReviewState, number>> = {};
    for (const summary of filtered) {
      countsByState[summary.state] = (countsByState[summary.state] ?? 0) + 1;
    }
    const states = query.state ?? [];
    const items =
      states.length > 0
        ? filtered.filter(s => states.includes(s.state))
        : filtered;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const body: ReviewListResponse = {
      items: items.slice((page - 1) * pageSize, page * pageSize),
      total: items.length,
      page,
      pageSize,
      countsByState,
      generatedAt: at.toISOString(),
    };
    res.json(body);
  });

  router.get('/reviews/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { id } = reviewParamsOf(req);
    await respond(res, await visibleReview(id, credentials), credentials);
  });

  router.get('/reviews/:id/export', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { id } = reviewParamsOf(req);
    const { format } = readExportQuery(req);
    const review = await visibleReview(id, credentials);
    const [view, events] = await Promise.all([
      viewOf(review, credentials),
      store.listEvents(review.id),
    ]);
    const generatedAt = now().toISOString();
    const filename = `review-${review.entityRef.replace(
      /[^a-z0-9._-]+/gi,
      '_',
    )}-${review.stage}`;
    if (format === 'markdown') {
      res
        .type('text/markdown; charset=utf-8')
        .setHeader(
          'Content-Disposition',
          `attachment; filename="${filename}.md"`,
        )
        .send(renderReviewMarkdown(view, events, generatedAt));
      return;
    }
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${filename}.json"`,
    );
    res.json({
      review: view,
      events,
      template: review.body.template,
      generatedAt,
    });
  });

  router.put('/reviews/:id/items/:itemId/answer', (req, res) =>
    write(req, res, {
      action: 'answer',
      permission: reliabilityReviewUpdatePermission,
      verb: 'answer',
      read: readAnswer,
      act: (review, input, context, params) =>
        answerItem(
          review,
          params.itemId!,
          {
            value: input.value,
            reason: input.reason,
            evidence: input.evidence ?? [],
            note: input.note,
          },
          context,
        ),
    }),
  );

  router.post('/reviews/:id/items/:itemId/reaffirm', (req, res) =>
    write(req, res, {
      action: 'reaffirm',
      permission: reliabilityReviewUpdatePermission,
      verb: 're-affirm answers of',
      read: readAction,
      act: (review, _input, context, params) =>
        reaffirmItem(review, params.itemId!, context),
    }),
  );

  router.post('/reviews/:id/items/:itemId/waive', (req, res) =>
    write(req, res, {
      action: 'waive',
      permission: reliabilityReviewSignoffPermission,
      verb: 'waive items of',
      read: readWaive,
      reviewer: itemTarget,
      act: (review, input, context, params) =>
        waiveItem(review, params.itemId!, input.reason, context),
    }),
  );

  router.post('/reviews/:id/submit', (req, res) =>
    write(req, res, {
      action: 'submit',
      permission: reliabilityReviewUpdatePermission,
      verb: 'submit',
      read: readAction,
      act: (review, _input, context) => submitReview(review, context),
    }),
  );

  router.post('/reviews/:id/sections/:sectionId/signoff', (req, res) =>
    write(req, res, {
      action: 'signoff',
      permission: reliabilityReviewSignoffPermission,
      verb: 'sign off',
      read: readAction,
      reviewer: sectionTarget,
      act: (review, input, context, params) =>
        signSection(review, params.sectionId!, input.comment, context),
    }),
  );

  router.post('/reviews/:id/sections/:sectionId/request-changes', (req, res) =>
    write(req, res, {
      action: 'request-changes',
      permission: reliabilityReviewSignoffPermission,
      verb: 'request changes on',
      read: readCommentedAction,
      reviewer: sectionTarget,
      act: (review, input, context, params) =>
        requestChanges(review, params.sectionId!, input.comment, context),
    }),
  );

  router.post('/reviews/:id/cancel', (req, res) =>
    write(req, res, {
      action: 'cancel',
      permission: reliabilityReviewCancelPermission,
      verb: 'cancel',
      read: readCommentedAction,
      act: (review, input, context) =>
        cancelReview(review, input.comment, context),
    }),
  );

  // A stale write answers 409 with the review as it now stands, next to
  // the usual error body; every other error goes to the default handler.
  router.use(
    (error: unknown, req: Request, res: Response, next: NextFunction) => {
      if (!(error instanceof ReviewConflictError)) {
        next(error);
        return;
      }
      res.status(409).json({
        error: { name: 'ConflictError', message: error.message },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode: 409 },
        review: error.review,
      });
    },
  );
}
