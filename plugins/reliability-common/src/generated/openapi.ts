// ******************************************************************
// Generated from plugins/reliability-backend/openapi.yaml — do not edit.
// Regenerate with `npm run generate:api` after changing the spec;
// `npm run generate:api -- --check` (run by CI) fails when this file is stale.
// ******************************************************************
/* eslint-disable */

/** The spec's `paths`, generated. @public */
export interface paths {
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Health of every on-call source */
    get: operations['getSourcesHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/summary': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /**
     * Reliability summary of one entity
     * Owner, on-call (state, escalation levels with who is on call now and
     * next), runbooks, incident statistics, the health of the sources the
     * summary drew from, and every metadata problem of the entity. Makes no
     * upstream call. An entity the scorecard evaluation has read is answered
     * from that stored copy (entity and owner as of the last evaluation run)
     * after checking the caller's `catalog.entity.read` permission for it;
     * any other entity is read from the catalog with the caller's
     * credentials. Either way, an entity the caller may not see is a 404.
     */
    get: operations['getEntitySummary'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{namespace}/{name}/on-call': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: string;
      };
      cookie?: never;
    };
    /**
     * Who is on call for a team's services right now
     * Every entity owned by the group or by its sub-groups (followed through
     * `parentOf` relations and `spec.children`, at most 8 levels deep and
     * 200 groups), each with its on-call state (as in the entity summary),
     * who holds level 1 now and until when, the next level-1 handoff, the
     * levels nobody holds right now, its open high-urgency incidents and
     * the freshness of its source. At most 500 entities are listed;
     * `truncated` says when the list is incomplete. The catalog is read
     * with the caller's credentials, so entities the caller may not see
     * are left out. Makes no upstream call.
     */
    get: operations['getGroupOnCall'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Refresh one entity's on-call data from its source now
     * Reads the entity's service, escalation policy, on-calls and incidents
     * from the upstream source, stores them and returns the new summary.
     * Needs a user token and the `reliability.entity.refresh` permission
     * (resource type `catalog-entity`). Limited to one refresh per entity
     * per 30 seconds and 10 refreshes per user per minute by default.
     * No request body is read. Every attempt that reaches the plugin,
     * refused ones included (a service token: 403; a denied permission:
     * 403; no credentials when the default auth policy is disabled: 401),
     * emits an `entity-refresh` audit event, failed attempts with the
     * reason. With Backstage's default auth policy a request without valid
     * credentials is answered 401 by the framework before the plugin runs.
     * Upstream failures are answered by cause: a service the source does
     * not have is `422` (fix the annotation), refused source credentials
     * or an unusable answer `502`, a source rate limit `429` (with
     * `Retry-After` when the wait is known), and only outages and timeouts
     * `503`.
     */
    post: operations['refreshEntity'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/slos': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /**
     * An entity's SLOs with attainment, error budget, burn rates and burn-down
     * The SLOs declared in the entity's OpenSLO files (annotation
     * `preflight.dev/openslo`), each with its last evaluation as stored by
     * the scheduled SLO sync, the problems of its files (each naming the
     * file, SLO and field) and the health of the metrics sources. Answered
     * from the plugin's database; no metrics source is queried.
     */
    get: operations['getEntitySlos'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/deploy-gate': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /**
     * May this entity deploy now under its error-budget policy?
     * `decision` is `block` while any SLO has exhausted its error budget
     * (budget remaining ≤ 0) or fires a page-level burn-rate alert (or one
     * whose state is unknown because its metrics stopped, unless
     * `reliability.slos.deployGate.unknownPageAlert` is `allow`); every
     * reason names the SLO. When `reliability.reviews.gate` is configured,
     * entities of the gated tiers are also blocked without an approved,
     * non-drifted readiness review of each gated stage offered to them
     * (reasons `review-missing`, `review-not-approved`, `review-drifted`,
     * with the stage). `decision` is `unknown` when nothing blocks but some
     * SLO cannot be judged: its last measurement is older than
     * `reliability.slos.sync.staleAfter`, it has no usable measurement (its
     * source never answered, e.g. Prometheus unreachable from the start), or
     * its declaration cannot be read. `allowed` is derived:
     * `reliability.slos.deployGate.onUnknown` (default `block`) says what
     * `unknown` means for it. SLOs with no traffic in their window are
     * judged (nothing burns) and noted under `unknown`. Accepts user and
     * service tokens, so CI can ask, strictly:
     *
     * ```
     * curl -fsS -H "Authorization: Bearer $BACKSTAGE_TOKEN" \
     *   https://backstage.example.com/api/reliability/entities/component/default/checkout-api/deploy-gate \
     *   | jq -e '.decision == "allow"'
     * ```
     */
    get: operations['getDeployGate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/slo-rules': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /**
     * Prometheus recording and burn-rate alerting rules for an entity's SLOs
     * A Prometheus rule file (load it with `rule_files`) with, per SLO,
     * recording rules of the error ratio per window and multi-window,
     * multi-burn-rate alerts labelled with the entity's `spec.owner` and
     * annotated with its first runbook link as `runbook_url`. Generated
     * from the stored declarations; no metrics source is queried.
     *
     * SLOs that cannot be exported (no source measures them, their source
     * cannot export rules, or the generator cannot express them, e.g.
     * threshold SLIs or names that cannot be put in a PromQL matcher) are
     * left out and listed: as `# Left out:` comments at the top of the
     * YAML file and in the `Preflight-Slo-Rules-Problems` header (their
     * count), or in `problems` with `Accept: application/json`. When none
     * can be exported the answer is 422 with the problems, never an empty
     * rule file.
     */
    get: operations['getEntitySloRules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/scorecard': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /**
     * An entity's production-readiness scorecard with 90 days of history
     * The stored scorecard (level, score, what the next level needs, every
     * check with its state, facts, freshness and exemption) as the last
     * evaluation left it, with one history point per day over 90 days.
     * `state` is `awaiting-evaluation` for an entity whose kind is scored but
     * that no evaluation has reached yet, and `not-in-scope` when no check
     * applies to its kind. `stale` is true when the scorecard was evaluated
     * under another rubric version or from a stale source. Nothing is
     * evaluated on read.
     */
    get: operations['getEntityScorecard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{namespace}/{name}/scorecards': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: string;
      };
      cookie?: never;
    };
    /**
     * One page of the scorecards of every entity a team owns, sub-teams included
     * The entities owned by the group or any group below it (from the group
     * hierarchy the last evaluation stored), filtered, sorted and paged by
     * the database: level, score, failing checks, SLO attainment, budget and
     * alert, on-call coverage, MTTR and open incidents. Whatever the filters,
     * the answer carries the whole team's entity count, average score,
     * stale count, level distribution, filter values and daily level trend
     * over 90 days (pre-aggregated per day; a day without an evaluation
     * repeats the day before and is marked `carried`; `historySince` is the
     * first recorded day). A group the last evaluation did not know yet is
     * answered with no rows when the catalog has it.
     *
     * Rows without a figure in the sort column come last in both
     * directions; ties are ordered by name. The `ETag` names the stored data
     * version (bumped by every write, whichever replica made it), the day and
     * the query: a request whose `If-None-Match` holds it is answered 304.
     */
    get: operations['getGroupScorecards'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{namespace}/{name}/scorecards/export': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: string;
      };
      cookie?: never;
    };
    /**
     * Every matching row of the team view as CSV
     * The rows `GET /groups/{namespace}/{name}/scorecards` would list for
     * the same filters and sort, every page, streamed as CSV (UTF-8 with a
     * byte-order mark, CRLF line ends): entity, title, kind, owner, tier,
     * lifecycle, level, score, the number and the titles of the failing
     * checks, SLO attainment, objective, budget left and alert, on-call
     * coverage, MTTR, open incidents, evaluation time, stale. Cells that a
     * spreadsheet would run as a formula are prefixed with `'`.
     */
    get: operations['exportGroupScorecards'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scorecards/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organization's readiness at a glance
     * Every team (a group owning entities directly or through sub-groups)
     * ranked by the average score of its entities (ties: more entities
     * first), the fleet's level distribution and 90-day trend, and the
     * checks failing most (fails and errors; exempt results are not
     * counted; `applicable` counts results that are not `not-applicable`).
     */
    get: operations['getScorecardOverview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/scorecards/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * What a change of the levels would do to the fleet
     * Recomputes every stored entity's level from its stored check states
     * under the current levels and under the proposed ones (an added check
     * joins the level and leaves any other; a removed check leaves the
     * level); no check is re-run and nothing is saved. At most 20 changes;
     * unknown checks and levels are rejected with the field named, e.g.
     * `changes[0].checkId: unknown check "slo-foo"`.
     */
    post: operations['previewRubricChange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/review-templates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The configured readiness review templates
     * Every template of `reliability.reviews.templates`, with its sections,
     * items (check items carry the rubric check's title) and version hash.
     */
    get: operations['listReviewTemplates'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/entities/{kind}/{namespace}/{name}/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /**
     * An entity's readiness reviews and the templates that can be opened
     * Every review of the entity (cancelled ones included), newest first;
     * the templates applying to it with the stages without an open review;
     * whether the caller may open one (`reliability.review.create`). The
     * entity must be visible to the caller.
     */
    get: operations['getEntityReviews'];
    put?: never;
    /**
     * Open a readiness review of an entity for a stage
     * Needs a user token and `reliability.review.create` on the entity. The
     * caller becomes the DRI. At most one open review per entity and stage
     * (across replicas): a second one answers 409 with the open review.
     */
    post: operations['openReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The readiness review board
     * Reviews of entities visible to the caller, newest first, filtered and
     * paged. `state` may repeat or be comma-separated; `countsByState`
     * counts under the other filters.
     */
    get: operations['listReviews'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    /**
     * One review with its items, sign-offs, drift and event log
     * Check items show the live state from the stored scorecard next to the
     * snapshots; each section says whether the caller may sign it and why
     * not. The review's entity must be visible to the caller.
     */
    get: operations['getReview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    /**
     * The review record for an auditor
     * `format=json` (default): the review, its event log and the template
     * as opened. `format=markdown`: the same as a Markdown document.
     * Both are sent as attachments.
     */
    get: operations['exportReview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}/items/{itemId}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        itemId: components['parameters']['itemId'];
      };
      cookie?: never;
    };
    get?: never;
    /**
     * Answer an attestation
     * Needs `reliability.review.update`. A changed answer drops the item's
     * waiver and voids its section's sign-off (an approved review goes back
     * in review). Evidence links must be http(s); reason and note at most
     * 2,000 characters.
     */
    put: operations['answerReviewItem'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}/items/{itemId}/reaffirm': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        itemId: components['parameters']['itemId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Re-affirm an attestation's answer (new expiry)
     * Needs `reliability.review.update`. The answer is unchanged, so
     * sign-offs stand; a drifted review whose causes are gone is approved
     * again.
     */
    post: operations['reaffirmReviewItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}/items/{itemId}/waive': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        itemId: components['parameters']['itemId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Waive an item that is not passing
     * Needs `reliability.review.signoff`, membership of one of the item's
     * section reviewer groups, and not being the DRI (unless
     * `reliability.reviews.allowDriSignoff`).
     */
    post: operations['waiveReviewItem'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit a review to its reviewers
     * Needs `reliability.review.update`. Every applicable attestation must
     * have a current answer (400 lists the missing ones as
     * `sectionId/itemId`). Snapshots every check item.
     */
    post: operations['submitReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}/sections/{sectionId}/signoff': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        sectionId: components['parameters']['sectionId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Sign a section off
     * Needs `reliability.review.signoff`, membership of one of the
     * section's reviewer groups (catalog, sub-groups included), and not
     * being the DRI unless allowed (403 says which). Every item must pass,
     * be answered or be waived (400 lists the others). The last section
     * signed approves the review.
     */
    post: operations['signReviewSection'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}/sections/{sectionId}/request-changes': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        sectionId: components['parameters']['sectionId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send the review back to the DRI
     * Same rules as sign-off; a comment is required.
     */
    post: operations['requestReviewChanges'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reviews/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel an open review (final)
     * Needs `reliability.review.cancel`; a comment is required.
     */
    post: operations['cancelReview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/organization': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Reliability report of the whole organisation
     * Incidents, MTTA/MTTR, change failure rate, on-call load and alert
     * quality over a period (default: the last whole calendar month in
     * `reliability.reports.timeZone`), compared with the period of the same
     * kind and length before, with the twelve-month trend ending with the
     * period's last month. Covers every catalog entity mapped to an on-call
     * service that the caller may see. Added up from the stored daily rows;
     * makes no upstream call.
     */
    get: operations['getOrganizationReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/groups/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: components['parameters']['groupName'];
      };
      cookie?: never;
    };
    /**
     * Reliability report of a team and its sub-teams
     * As the organisation report, over the entities owned by the group or
     * by any of its sub-groups (the group hierarchy the scorecards store),
     * that the caller may see. 404 when the caller cannot see the group.
     */
    get: operations['getGroupReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/organization/services.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every service of the organisation report as CSV
     * Every catalog entity mapped to an on-call service that the caller may
     * see, one row each, by entity ref, streamed as CSV (UTF-8 with a
     * byte-order mark, CRLF line ends): entity, title, owner, service,
     * incidents (all, high and low urgency, the period before), mean MTTA
     * and MTTR in seconds, unacknowledged, unresolved, open at the period's
     * end, noise incidents and share, changes, failed changes and change
     * failure rate (empty, with the note "no change data", for a service
     * without change events). The report lists 25 services per section;
     * this lists them all. Cells that a spreadsheet would run as a formula
     * are prefixed with `'`. Added up from the stored daily rows.
     */
    get: operations['exportOrganizationReportServices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/groups/{namespace}/{name}/services.csv': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: components['parameters']['groupName'];
      };
      cookie?: never;
    };
    /**
     * Every service of a team report as CSV
     * As the organisation's services CSV, over the entities owned by the
     * group or any of its sub-groups that the caller may see. 404 when the
     * caller cannot see the group.
     */
    get: operations['exportGroupReportServices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/reports/entities/{kind}/{namespace}/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    /**
     * Reliability report of one entity
     * As the organisation report, over one entity's on-call service (none
     * when its annotations name no service: every figure is then empty).
     */
    get: operations['getEntityReport'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/groups/{namespace}/{name}/on-call-health': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: components['parameters']['groupName'];
      };
      cookie?: never;
    };
    /**
     * How sustainable a team's on-call is
     * The last 28 whole days ending yesterday (in the reports' zone): each
     * rotation (level 1 of an escalation policy) of the services owned by
     * the group or its sub-groups with pages per shift, per person and per
     * week, off-hours and sleep-hours pages and fairness, and the alert
     * quality of those services. Makes no upstream call.
     */
    get: operations['getGroupOnCallHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
/** The spec's `webhooks`, generated. @public */
export type webhooks = Record<string, never>;
/** The spec's `components`, generated. @public */
export interface components {
  schemas: {
    /** Format: date-time */
    Timestamp: string;
    /** Format: date-time */
    NullableTimestamp: string | null;
    /** Backstage's error response body. */
    Error: {
      error: {
        name: string;
        message: string;
      };
      request: {
        method?: string;
        url?: string;
      };
      response: {
        statusCode: number;
      };
    };
    SloRulesProblem: {
      sloId: string;
      file: string;
      /** The field at fault, or `(whole SLO)`. */
      field: string;
      message: string;
      fix?: string;
    };
    SloRulesResponse: {
      entityRef: string;
      fileName: string;
      yaml: string;
      problems: components['schemas']['SloRulesProblem'][];
    };
    SloRulesNotExportable: components['schemas']['Error'] & {
      problems: components['schemas']['SloRulesProblem'][];
    };
    MetadataProblem: {
      entityRef: string;
      /** The offending field, e.g. `metadata.annotations["pagerduty.com/service-id"]`. */
      field: string;
      message: string;
      fix?: string;
    };
    SourceHealth: {
      /** e.g. `pagerduty:default` */
      id: string;
      type: string;
      displayName: string;
      lastAttemptAt: components['schemas']['NullableTimestamp'];
      lastSuccessAt: components['schemas']['NullableTimestamp'];
      /** The last error message, while the source is failing. */
      lastError: string | null;
      errorSince: components['schemas']['NullableTimestamp'];
      /** The last attempt failed, or the last success is older than `reliability.sync.staleAfter`. */
      stale: boolean;
      /** Seconds since the last success. */
      ageSeconds: number | null;
      warnings: string[];
    };
    SourcesHealthResponse: {
      sources: components['schemas']['SourceHealth'][];
    };
    ContactMethod: {
      type: 'email' | 'phone' | 'sms' | 'push' | 'other';
      address: string;
      label?: string;
    };
    OnCallPerson: {
      id: string;
      name: string;
      email?: string;
      htmlUrl?: string;
      avatarUrl?: string;
      timeZone?: string;
      contactMethods: components['schemas']['ContactMethod'][];
    };
    ScheduleRef: {
      id: string;
      name: string;
      htmlUrl?: string;
    };
    EscalationTarget: {
      type: 'user' | 'schedule';
      id: string;
      name: string;
      htmlUrl?: string;
    };
    OnCallAssignment: {
      person: components['schemas']['OnCallPerson'];
      /** null for a permanent on-call. */
      start: components['schemas']['NullableTimestamp'];
      /** null for a permanent on-call. */
      end: components['schemas']['NullableTimestamp'];
      schedule?: components['schemas']['ScheduleRef'];
    };
    ResolvedEscalationLevel: {
      level: number;
      delayMinutes: number;
      targets: components['schemas']['EscalationTarget'][];
      /** Empty when nobody holds the level now (e.g. a schedule gap). */
      onCallNow: components['schemas']['OnCallAssignment'][];
      nextHandoff: null | {
        at: components['schemas']['Timestamp'];
        onCall: components['schemas']['OnCallAssignment'][];
      };
      /** Times within the next 7 days when nobody holds the level. */
      gaps: {
        start: components['schemas']['Timestamp'];
        end: components['schemas']['Timestamp'];
      }[];
    };
    SourceTeam: {
      id: string;
      name: string;
      htmlUrl?: string;
    };
    OnCallServiceRecord: {
      id: string;
      name: string;
      htmlUrl?: string;
      status?: string;
      escalationPolicyId?: string;
      teams: components['schemas']['SourceTeam'][];
    };
    OpenIncident: {
      id: string;
      number?: number;
      title: string;
      status: 'triggered' | 'acknowledged';
      urgency: 'high' | 'low';
      createdAt: components['schemas']['Timestamp'];
      htmlUrl?: string;
    };
    IncidentStats: {
      serviceId: string;
      windowDays: number;
      total: number;
      highUrgency: number;
      mttaSeconds: number | null;
      mttrSeconds: number | null;
      /**
       * High-urgency incidents created during a level-1 shift of the
       * service's escalation policy, divided by the level-1 shifts, both
       * over the same `windowDays`; null when no shift is known.
       */
      pagesPerShift: number | null;
      open: components['schemas']['OpenIncident'][];
    };
    /**
     * `not-configured`: no on-call annotation. `malformed`: the annotation is
     * invalid (see `problem`). `awaiting-sync`: the source never synced
     * successfully yet, or its last sync could not reach this service
     * (its service list is longer than the source's API lets a sync read;
     * see `notSyncedReason`). `unknown-service`: the source synced its
     * whole service list, or looked the id up on its own, and does not know
     * the service id. `ok`: service, escalation policy and incidents are
     * present.
     */
    OnCallState:
      | 'not-configured'
      | 'malformed'
      | 'unknown-service'
      | 'awaiting-sync'
      | 'ok';
    EntityOnCall: {
      state: components['schemas']['OnCallState'];
      sourceId?: string;
      serviceId?: string;
      problem?: components['schemas']['MetadataProblem'];
      /**
       * For `awaiting-sync` after a successful sync: why this service was
       * not synced yet.
       */
      notSyncedReason?: string;
      service?: components['schemas']['OnCallServiceRecord'];
      escalationPolicy?: {
        id: string;
        name: string;
        htmlUrl?: string;
        numLoops: number;
        levels: components['schemas']['ResolvedEscalationLevel'][];
      };
      incidents?: components['schemas']['IncidentStats'];
    };
    EntityOwner: {
      entityRef: string;
      title?: string;
      /** False when the owner reference points to no (visible) catalog entity. */
      exists: boolean;
    };
    Runbook: {
      title: string;
      /** Format: uri */
      url: string;
      origin: 'entity-link' | 'alert-rule';
      alert?: string;
    };
    EntityReliabilitySummary: {
      entityRef: string;
      owner: null | components['schemas']['EntityOwner'];
      onCall: components['schemas']['EntityOnCall'];
      runbooks: components['schemas']['Runbook'][];
      /** Health of every source this summary drew from. */
      sources: components['schemas']['SourceHealth'][];
      /** Every metadata problem found on the entity. */
      problems: components['schemas']['MetadataProblem'][];
      generatedAt: components['schemas']['Timestamp'];
    };
    RefreshEntityResponse: {
      refreshedAt: components['schemas']['Timestamp'];
      summary: components['schemas']['EntityReliabilitySummary'];
    };
    /** The next change of who holds a level, within the synced horizon. */
    OnCallHandoff: {
      at: components['schemas']['Timestamp'];
      /** Empty when a gap begins. */
      onCall: components['schemas']['OnCallAssignment'][];
    };
    GroupOnCallEntity: {
      entityRef: string;
      /** The entity's `metadata.title`. */
      title?: string;
      /** The owning group, the requested one or a sub-group. */
      ownerRef: string;
      state: components['schemas']['OnCallState'];
      sourceId?: string;
      serviceId?: string;
      /** Why the on-call cannot be shown (`malformed`, `unknown-service`). */
      problem?: components['schemas']['MetadataProblem'];
      service?: components['schemas']['OnCallServiceRecord'];
      escalationPolicy?: {
        id: string;
        name: string;
        htmlUrl?: string;
      };
      /** Who holds level 1 now; empty when nobody does or the state is not `ok`. */
      onCallNow: components['schemas']['OnCallAssignment'][];
      /** The next level-1 handoff. */
      nextHandoff: null | components['schemas']['OnCallHandoff'];
      /** Levels nobody holds right now, and when that ends (null when nobody is scheduled). */
      uncoveredLevels: {
        level: number;
        until: components['schemas']['NullableTimestamp'];
      }[];
      /** Open high-urgency incidents; null when no incident figures are known. */
      openHighUrgencyIncidents: number | null;
      /** When the entity's source last synced successfully and whether that is stale; null without a source. */
      freshness: null | {
        asOf: components['schemas']['NullableTimestamp'];
        stale: boolean;
      };
    };
    GroupOnCallResponse: {
      groupRef: string;
      /** The group and the sub-groups whose entities are listed. */
      groupRefs: string[];
      /** Entities owned by any of `groupRefs`, ordered by entity ref. */
      entities: components['schemas']['GroupOnCallEntity'][];
      /** Health of every source the entities drew from. */
      sources: components['schemas']['SourceHealth'][];
      /** True when the group owns more entities, or has more sub-groups, than one response covers. */
      truncated: boolean;
      generatedAt: components['schemas']['Timestamp'];
    };
    /** A problem of an entity's OpenSLO files or of locating an SLO's source. */
    SloProblem: {
      entityRef: string;
      /** The file as the annotation lists it; empty when the annotation itself is the problem. */
      file: string;
      /** Path inside the document, e.g. `spec.objectives[0].target`, or the annotation. */
      field: string;
      message: string;
      fix?: string;
      sloName?: string;
      document?: {
        index: number;
        item?: number;
        kind?: string;
        name?: string;
      };
    };
    NullableNumber: number | null;
    BurnRateWindowId: '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';
    SloWindowBurn: {
      window: components['schemas']['BurnRateWindowId'];
      seconds: number;
      errorRatio: components['schemas']['NullableNumber'];
      burnRate: components['schemas']['NullableNumber'];
      budgetConsumed: components['schemas']['NullableNumber'];
    };
    BurnRateAlertResult: {
      severity: 'page' | 'ticket';
      longWindow: components['schemas']['BurnRateWindowId'];
      shortWindow: components['schemas']['BurnRateWindowId'];
      budgetConsumed: number;
      longWindowSeconds: number;
      shortWindowSeconds: number;
      threshold: number;
      longBurnRate: components['schemas']['NullableNumber'];
      shortBurnRate: components['schemas']['NullableNumber'];
      hasData: boolean;
      firing: boolean;
      /** The long window reaches the threshold but the short window has no data at all (the metrics stopped), so whether the alert fires cannot be told. Absent on evaluations stored before this field existed. */
      unknown?: boolean;
    };
    SloBudgetEvaluation: {
      objective: number;
      errorBudget: number;
      periodSeconds: number;
      attainment: components['schemas']['NullableNumber'];
      errorRatio: components['schemas']['NullableNumber'];
      /** May be negative when the budget is overspent. */
      budgetRemaining: components['schemas']['NullableNumber'];
      burnRates: components['schemas']['SloWindowBurn'][];
      alerts: {
        /**
         * The most severe firing row (page wins over ticket); `unknown` when none fires but a row's long window burns over its threshold while its short window has no data.
         */
        state: 'page' | 'ticket' | 'unknown' | 'ok' | 'no-data';
        rules: components['schemas']['BurnRateAlertResult'][];
        firing: components['schemas']['BurnRateAlertResult'][];
        /** The rules whose state is unknown. */
        unknown?: components['schemas']['BurnRateAlertResult'][];
      };
      currentBurnRateWindow: components['schemas']['BurnRateWindowId'];
      timeToExhaustionSeconds: components['schemas']['NullableNumber'];
    };
    BurnDownPoint: {
      timestamp: components['schemas']['Timestamp'];
      attainment: components['schemas']['NullableNumber'];
      budgetRemaining: components['schemas']['NullableNumber'];
      eventBudgetRemaining: components['schemas']['NullableNumber'];
      idealBudgetRemaining: components['schemas']['NullableNumber'];
    };
    SloStatusView: {
      id: string;
      name: string;
      displayName: string;
      description?: string;
      file: string;
      indicatorKind: 'ratio' | 'threshold';
      objective: number;
      window: string;
      windowSeconds: number;
      rolling: boolean;
      /**
       * Format: date-time
       * Calendar-aligned windows only: start of the calendar window the SLO was measured in (before its first measurement, the one in force now). Attainment and budget count from here.
       */
      windowStart?: string;
      /**
       * Format: date-time
       * Calendar-aligned windows only: when that calendar window ends and the budget resets.
       */
      windowEnd?: string;
      budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
      /** The OpenSLO alert policies the exported Prometheus alerts follow; absent when the SLO names none and the default multi-window burn-rate policy is in force. */
      alertPolicies?: {
        name: string;
        displayName?: string;
        severity: string;
        /** e.g. `burn rate ≥ 14.4 over 1h for 5m` */
        condition: string;
        notificationTargets: string[];
      }[];
      sourceId?: string;
      /**
       * `ok` measured; `no-data` measured with zero traffic; `error` the
       * last measurement failed (`evaluation` is then the last good one,
       * if any, measured at `evaluatedAt`), or, without `sourceId`, no
       * configured source can measure the SLO as declared (`errors` names
       * the configuration problem and its field); `awaiting-sync` not
       * measured yet.
       */
      state: 'ok' | 'no-data' | 'error' | 'awaiting-sync';
      evaluation?: components['schemas']['SloBudgetEvaluation'];
      /** The budget burn-down over the window, oldest first, reduced on the server to at most 120 of its own points (the shape kept: the first point, the last, and from each stretch between the point that best keeps the line). The last point shows the headline `evaluation` figures. */
      burnDown: components['schemas']['BurnDownPoint'][];
      /** The instant `evaluation` was measured at (for Prometheus the whole minute its queries were evaluated at), not when the sync ran. */
      evaluatedAt: components['schemas']['NullableTimestamp'];
      queryLinks: {
        title: string;
        url: string;
      }[];
      errors: string[];
      warnings: string[];
    };
    EntitySlosResponse: {
      entityRef: string;
      slos: components['schemas']['SloStatusView'][];
      problems: components['schemas']['SloProblem'][];
      sources: components['schemas']['SourceHealth'][];
      generatedAt: components['schemas']['Timestamp'];
    };
    DeployGateResponse: {
      entityRef: string;
      /**
       * `allow`: nothing stands in the way. `block`: something does (an exhausted budget, a firing or unknown page alert, a readiness review). `unknown`: nothing blocks, but some SLO cannot be judged (reasons `stale-data`, `slo-not-measured`, `slo-invalid`). CI should test `decision == "allow"`.
       */
      decision: 'allow' | 'block' | 'unknown';
      /**
       * The policy applied to an `unknown` decision (`reliability.slos.deployGate.onUnknown`, `block` by default).
       */
      onUnknown: 'allow' | 'block';
      /** Kept for older clients, derived: `decision` is `allow`, or `unknown` while `onUnknown` is `allow`. */
      allowed: boolean;
      /** Why the decision is not `allow`; empty when it is. */
      reasons: {
        /** The SLO concerned; absent for review reasons and unreadable files. */
        sloId?: string;
        /**
         * `page-alert-unknown`: a page-level alert's long window burns while its short window has no data (blocks unless `reliability.slos.deployGate.unknownPageAlert` is `allow`). `review-*`: a readiness review gate (`reliability.reviews.gate`). `stale-data` (last measurement older than the staleness limit), `slo-not-measured` (no usable measurement: not measured yet, the source never answered, the measurement fails) and `slo-invalid` (a declaration or file that cannot be read) make the decision `unknown`; the others block.
         */
        kind:
          | 'budget-exhausted'
          | 'page-alert'
          | 'page-alert-unknown'
          | 'stale-data'
          | 'slo-not-measured'
          | 'slo-invalid'
          | 'review-missing'
          | 'review-not-approved'
          | 'review-drifted';
        message: string;
        /** Review reasons (`reliability.reviews.gate`), the gated stage. */
        stage?: string;
        /** Review reasons, the open review concerned. */
        reviewId?: string;
      }[];
      /** Notes that do not change the decision: SLOs with no traffic in their window, and a page alert of unknown state while `unknownPageAlert` is `allow`. */
      unknown: {
        sloId: string;
        message: string;
      }[];
      evaluatedAt: components['schemas']['Timestamp'];
    };
    ScorecardLevelRef: {
      id: string;
      title: string;
      /** 0-based position in the rubric's levels. */
      index: number;
    };
    /** The facts a check judged, as evidence. */
    CheckFacts: {
      label: string;
      value: string | number | boolean | null;
      sourceId?: string;
      asOf?: components['schemas']['NullableTimestamp'];
      stale?: boolean;
    }[];
    ScorecardCheckResult: {
      checkId: string;
      title: string;
      category: string;
      description: string;
      fix: {
        text: string;
        url?: string;
      };
      /** The level requiring the check; null when informational. */
      levelId: string | null;
      state: 'pass' | 'fail' | 'warning' | 'not-applicable' | 'error';
      message: string;
      facts: components['schemas']['CheckFacts'];
      exemption?: {
        checkId: string;
        reason: string;
        approver: string;
        /** Format: date */
        expires: string;
        expired: boolean;
      };
      /** Counts as passing (pass, warning, or an unexpired exemption). */
      passing: boolean;
      /** The id of the failing check in this scorecard that keeps this one from being judged (e.g. every on-call check of an entity whose PagerDuty link is broken points at `pagerduty-service-linked`); fixing that check is the fix for this one. */
      blockedBy?: string;
    };
    EntityScorecard: {
      entityRef: string;
      level: components['schemas']['ScorecardLevelRef'] | null;
      score: number;
      counts: {
        pass: number;
        fail: number;
        warning: number;
        notApplicable: number;
        error: number;
        exempt: number;
      };
      nextLevel: {
        id: string;
        title: string;
        index: number;
        blockingCheckIds: string[];
      } | null;
      checks: components['schemas']['ScorecardCheckResult'][];
      evaluatedAt: components['schemas']['Timestamp'];
      sources: {
        sourceId: string;
        asOf: components['schemas']['NullableTimestamp'];
        stale: boolean;
      }[];
      rubricVersion: string;
    };
    ScorecardRubricView: {
      /** Lowest first. */
      levels: {
        id: string;
        title: string;
        checkIds: string[];
      }[];
      checks: {
        id: string;
        title: string;
        category: string;
        description: string;
        levelId: string | null;
      }[];
      version: string;
    };
    ScorecardHistoryPoint: {
      /** Format: date */
      day: string;
      levelId: string | null;
      score: number;
    };
    TeamStanding: {
      groupRef: string;
      title?: string;
      rank: number;
      /** A team's own entities; a department's, including its sub-teams'. */
      entities: number;
      includesSubTeams: boolean;
      averageScore: number;
      distribution: components['schemas']['LevelDistribution'];
    };
    EntityScorecardResponse: {
      entityRef: string;
      state: 'ok' | 'awaiting-evaluation' | 'not-in-scope';
      scorecard: components['schemas']['EntityScorecard'] | null;
      /** When an evaluation run last looked at the entity; runs skip entities whose facts did not change, which confirms the stored result. Null without a stored scorecard. */
      lastCheckedAt: components['schemas']['NullableTimestamp'];
      /** When the level, score or a check state last changed; null when no change is recorded. */
      lastChangedAt: components['schemas']['NullableTimestamp'];
      rubric: components['schemas']['ScorecardRubricView'];
      /** Oldest first, at most one point per day, over 90 days. */
      history: components['schemas']['ScorecardHistoryPoint'][];
      stale: boolean;
      generatedAt: components['schemas']['Timestamp'];
    };
    /** Entities per level id; `none` counts entities below the first level. */
    LevelDistribution: {
      [key: string]: number;
    };
    LevelTrendPoint: {
      /** Format: date */
      day: string;
      counts: components['schemas']['LevelDistribution'];
      /** No evaluation ran that day; the counts are the day before's. */
      carried?: boolean;
    };
    TeamScorecardRow: {
      entityRef: string;
      title?: string;
      kind: string;
      type?: string;
      lifecycle?: string;
      tier?: string;
      ownerRef: string;
      levelId: string | null;
      score: number;
      failingChecks: number;
      sloAttainment: number | null;
      sloObjective: number | null;
      sloBudgetRemaining: number | null;
      onCallCovered: boolean | null;
      mttrSeconds: number | null;
      openIncidents: number | null;
      /**
       * The most severe burn-rate alert among the SLOs (`page` over
       * `ticket` over `unknown` over `no-data` over `ok`); null without
       * SLOs.
       */
      sloAlert?: 'ok' | 'ticket' | 'page' | 'unknown' | 'no-data' | null;
      evaluatedAt: components['schemas']['Timestamp'];
      stale: boolean;
    };
    GroupScorecardResponse: {
      groupRef: string;
      /** The group and every group below it. */
      groupRefs: string[];
      rubric: components['schemas']['ScorecardRubricView'];
      /** One page of the rows matching the query, in its order. */
      rows: components['schemas']['TeamScorecardRow'][];
      /** Rows matching the query, every page. */
      total: number;
      offset: number;
      limit: number;
      /** Every entity of the team, whatever the query. */
      entities: number;
      /** Average score of every entity of the team; null without entities. */
      averageScore: number | null;
      /** Entities of the team evaluated with stale facts. */
      staleEntities: number;
      distribution: components['schemas']['LevelDistribution'];
      /** The values the filters can take. */
      facets: {
        ownerRefs: string[];
        tiers: string[];
        lifecycles: string[];
      };
      /** One point per day from `historySince` to today. */
      trend: components['schemas']['LevelTrendPoint'][];
      /**
       * Format: date
       * First day with recorded history; null when none.
       */
      historySince: string | null;
      lastEvaluatedAt: components['schemas']['NullableTimestamp'];
      generatedAt: components['schemas']['Timestamp'];
    };
    ScorecardOverviewResponse: {
      rubric: components['schemas']['ScorecardRubricView'];
      totalEntities: number;
      distribution: components['schemas']['LevelDistribution'];
      /** Groups owning entities directly, best average score first. Each counts only what it owns itself, so every entity counts once. */
      teams: components['schemas']['TeamStanding'][];
      /** Groups with sub-teams owning entities, best average score first; each counts everything it and the groups below it own. */
      departments: components['schemas']['TeamStanding'][];
      /** Most failing (fails + errors) first. */
      failingChecks: {
        checkId: string;
        title: string;
        category: string;
        levelId: string | null;
        failing: number;
        errors: number;
        applicable: number;
        /** Groups owning entities directly where the check fails or is in error, most first. */
        teams: {
          groupRef: string;
          failing: number;
          errors: number;
        }[];
      }[];
      trend: components['schemas']['LevelTrendPoint'][];
      lastEvaluatedAt: components['schemas']['NullableTimestamp'];
      generatedAt: components['schemas']['Timestamp'];
    };
    RubricChange: {
      op: 'add' | 'remove';
      checkId: string;
      levelId: string;
    };
    RubricPreviewRequest: {
      changes: components['schemas']['RubricChange'][];
    };
    RubricPreviewResponse: {
      changes: components['schemas']['RubricChange'][];
      before: components['schemas']['LevelDistribution'];
      after: components['schemas']['LevelDistribution'];
      droppedCount: number;
      raisedCount: number;
      /** Dropped first, at most 500. */
      moves: {
        entityRef: string;
        ownerRef: string;
        from: string | null;
        to: string | null;
      }[];
      /** e.g. `Adding “SLOs defined” to Silver drops 12 of 140 entities below Silver; none rises.` */
      summary: string;
      generatedAt: components['schemas']['Timestamp'];
    };
    ReviewState:
      | 'draft'
      | 'in-review'
      | 'changes-requested'
      | 'approved'
      | 'drifted'
      | 'cancelled';
    ReviewTemplateItem: {
      id: string;
      kind: 'check' | 'attestation';
      title: string;
      description?: string;
      checkId?: string;
      evidence?: 'required' | 'optional' | 'none';
      reaffirmEveryDays?: number;
      stages?: string[];
      tiers?: string[];
    };
    ReviewTemplate: {
      id: string;
      title: string;
      description?: string;
      appliesTo: {
        kinds?: string[];
        types?: string[];
        lifecycles?: string[];
        tiers?: string[];
      };
      stages: string[];
      sections: {
        id: string;
        title: string;
        description?: string;
        reviewerGroups: string[];
        items: components['schemas']['ReviewTemplateItem'][];
      }[];
      version: string;
    };
    ReviewTemplatesResponse: {
      templates: components['schemas']['ReviewTemplate'][];
    };
    ReviewCheckState: {
      state: 'pass' | 'fail' | 'warning' | 'not-applicable' | 'error';
      /** Pass, warning, an active exemption, or not applicable. */
      passing: boolean;
      message: string;
      facts: components['schemas']['CheckFacts'];
      fix?: {
        text: string;
        url?: string;
      };
      evaluatedAt: components['schemas']['NullableTimestamp'];
      capturedAt?: components['schemas']['Timestamp'];
      reason?: 'submit' | 'signoff';
    };
    /** The check's state frozen when the item was submitted or signed off: a check state that always says when and why it was captured. */
    ReviewCheckSnapshot: components['schemas']['ReviewCheckState'] & {
      capturedAt: components['schemas']['Timestamp'];
      reason: 'submit' | 'signoff';
    };
    EvidenceLink: {
      /**
       * An http(s) URL, as a URL parser reads it (the backend checks
       * this; the scheme's case and surrounding blanks do not matter).
       */
      url: string;
      title?: string;
    };
    AttestationAnswer: {
      value: 'yes' | 'no' | 'not-applicable';
      reason?: string;
      evidence: components['schemas']['EvidenceLink'][];
      note?: string;
      answeredBy: string;
      answeredAt: components['schemas']['Timestamp'];
      expiresAt: components['schemas']['NullableTimestamp'];
    };
    ItemWaiver: {
      reason: string;
      by: string;
      at: components['schemas']['Timestamp'];
    };
    ReviewItem: {
      id: string;
      kind: 'check' | 'attestation';
      title: string;
      description?: string;
      checkId?: string;
      evidence?: 'required' | 'optional' | 'none';
      reaffirmEveryDays?: number;
      stages?: string[];
      tiers?: string[];
      status: 'passing' | 'failing' | 'unanswered' | 'expired' | 'waived';
      live?: null | components['schemas']['ReviewCheckState'];
      snapshot?: null | components['schemas']['ReviewCheckSnapshot'];
      answer?: null | components['schemas']['AttestationAnswer'];
      waiver?: null | components['schemas']['ItemWaiver'];
    };
    ReviewSection: {
      id: string;
      title: string;
      description?: string;
      reviewerGroups: string[];
      items: components['schemas']['ReviewItem'][];
      signoff: null | {
        by: string;
        at: components['schemas']['Timestamp'];
        comment?: string;
      };
      eligibility: {
        allowed: boolean;
        reason?: string;
      };
    };
    ReviewDriftCause: {
      kind: 'check-failing' | 'attestation-expired' | 'new-items';
      itemId?: string;
      sectionId?: string;
      message: string;
      since: components['schemas']['Timestamp'];
    };
    ReviewSummary: {
      /** Format: uuid */
      id: string;
      entityRef: string;
      entityTitle?: string;
      ownerRef?: string;
      stage: string;
      templateId: string;
      templateTitle: string;
      state: components['schemas']['ReviewState'];
      dri: string;
      /** Format: date */
      targetDate: string | null;
      overdue: boolean;
      pendingReviewerGroups: string[];
      sectionsSigned: number;
      sectionsTotal: number;
      driftCount: number;
      createdAt: components['schemas']['Timestamp'];
      updatedAt: components['schemas']['Timestamp'];
      /** Send it with every write. */
      version: number;
    };
    Review: components['schemas']['ReviewSummary'] & {
      templateVersion: string;
      tier?: string;
      tierAtOpen?: string;
      sections: components['schemas']['ReviewSection'][];
      drift: components['schemas']['ReviewDriftCause'][];
      warnings: string[];
      /** Items neither passing, answered nor waived, as `sectionId/itemId`. */
      blockers: string[];
    };
    ReviewEvent: {
      seq: number;
      at: components['schemas']['Timestamp'];
      /** A user ref, or `system` for drift detection. */
      actor: string;
      action: string;
      stateBefore?: components['schemas']['ReviewState'];
      stateAfter?: components['schemas']['ReviewState'];
      sectionId?: string;
      itemId?: string;
      /** Action details, e.g. the answer, the reason, the drift causes. */
      details?: {
        [key: string]: unknown;
      };
    };
    ReviewResponse: {
      review: components['schemas']['Review'];
      events: components['schemas']['ReviewEvent'][];
      generatedAt: components['schemas']['Timestamp'];
    };
    ReviewExport: {
      review: components['schemas']['Review'];
      events: components['schemas']['ReviewEvent'][];
      template: components['schemas']['ReviewTemplate'];
      generatedAt: components['schemas']['Timestamp'];
    };
    ReviewConflictError: components['schemas']['Error'] & {
      review: components['schemas']['Review'];
    };
    EntityReviewsResponse: {
      entityRef: string;
      reviews: components['schemas']['ReviewSummary'][];
      templates: {
        templateId: string;
        title: string;
        openableStages: string[];
      }[];
      canCreate: boolean;
      generatedAt: components['schemas']['Timestamp'];
    };
    ReviewListResponse: {
      items: components['schemas']['ReviewSummary'][];
      total: number;
      page: number;
      pageSize: number;
      countsByState: {
        [key: string]: number;
      };
      generatedAt: components['schemas']['Timestamp'];
    };
    CreateReviewRequest: {
      templateId: string;
      stage: string;
      /** Format: date */
      targetDate?: string;
    };
    AnswerItemRequest: {
      version: number;
      value: 'yes' | 'no' | 'not-applicable';
      /** Required with `no` and `not-applicable`. */
      reason?: string;
      evidence?: components['schemas']['EvidenceLink'][];
      note?: string;
    };
    ReviewActionRequest: {
      version: number;
      /** Required for request-changes and cancel. */
      comment?: string;
    };
    WaiveItemRequest: {
      version: number;
      reason: string;
    };
    /** Whole local days `[startDate, endDate)` in `timeZone`, the instants `[start, end)`. */
    ReportPeriod: {
      kind: 'month' | 'days';
      timeZone: string;
      /** Format: date */
      startDate: string;
      /**
       * Format: date
       * The day after the last one (exclusive).
       */
      endDate: string;
      start: components['schemas']['Timestamp'];
      end: components['schemas']['Timestamp'];
    };
    DurationMeasure: {
      count: number;
      meanSeconds: components['schemas']['NullableNumber'];
      p90Seconds: components['schemas']['NullableNumber'];
      p90Approximate: boolean;
    };
    IncidentMeasures: {
      total: number;
      byUrgency: {
        high: number;
        low: number;
      };
      mtta: components['schemas']['DurationMeasure'];
      unacknowledged: number;
      mttr: components['schemas']['DurationMeasure'];
      unresolved: number;
      openAtPeriodEnd: number;
      longest: null | {
        incidentId: string;
        serviceId: string;
        durationSeconds: number;
      };
    };
    /** `no-change-data` (rate null) when no change event was recorded, never 0 %. */
    ChangeFailureRate: {
      status: 'measured' | 'no-change-data';
      changes: number;
      failedChanges: number;
      rate: number | null;
    };
    ServiceChangeFailureRate: components['schemas']['ChangeFailureRate'] & {
      serviceId: string;
    };
    /** The change failure rate over every service in scope, listing at most 25 services (most failed changes first, then those without change data); the counts say how many there are. */
    ReportChangeFailure: {
      windowMinutes: number;
      overall: components['schemas']['ChangeFailureRate'];
      services: components['schemas']['ServiceChangeFailureRate'][];
      serviceCount: number;
      measuredServiceCount: number;
    };
    OnCallPersonLoad: {
      personId: string;
      /** The name the on-call source gives the person; absent when unknown (show personId). */
      personName?: string;
      shifts: number;
      onCallHours: number;
      pages: number;
      offHoursPages: number;
      sleepHoursPages: number;
      pagesPerShift: components['schemas']['NullableNumber'];
      pagesPerWeek: number;
    };
    OnCallLoadMeasure: {
      rotationId: string;
      /** The escalation policy's name; absent when unknown (show rotationId). */
      rotationName?: string;
      shifts: number;
      pages: number;
      pagesPerShift: components['schemas']['NullableNumber'];
      offHoursPages: number;
      sleepHoursPages: number;
      pagesPerPersonPerWeek: components['schemas']['NullableNumber'];
      people: components['schemas']['OnCallPersonLoad'][];
      fairness: {
        gini: number | null;
        reason: 'fewer-than-two-people' | 'no-pages' | null;
      };
    };
    AlertQualityMeasure: {
      total: number;
      actionable: number;
      noise: number;
      actionableShare: number | null;
      noisiestServices: {
        serviceId: string;
        total: number;
        noise: number;
        noiseShare: number;
      }[];
    };
    MetricDelta: {
      current: components['schemas']['NullableNumber'];
      previous: components['schemas']['NullableNumber'];
      change: components['schemas']['NullableNumber'];
      relativeChange: components['schemas']['NullableNumber'];
      direction: 'improved' | 'worsened' | 'unchanged' | null;
    };
    ServiceMovement: {
      serviceId: string;
      delta: components['schemas']['MetricDelta'];
    };
    ReportServiceRef: {
      serviceId: string;
      entityRef: string;
      title: string;
    };
    /** One SLO over the period, from the daily SLO history: the state of the last day of the period with a measurement and the sums of its days. */
    ReportSloMeasure: {
      entityRef: string;
      sloId: string;
      sloName: string;
      objective: number;
      attainment: components['schemas']['NullableNumber'];
      meetsObjective: boolean | null;
      budgetLeft: components['schemas']['NullableNumber'];
      /** Share of one SLO window's error budget the period's bad events consumed. */
      budgetConsumed: components['schemas']['NullableNumber'];
      pageAlertSeconds: number;
      daysWithData: number;
      /** Format: date */
      firstDay: string;
      /** Format: date */
      lastDay: string;
      previousAttainment: components['schemas']['NullableNumber'];
      previousBudgetLeft: components['schemas']['NullableNumber'];
    };
    /** SLO figures of a scope over one period; null figures mean no SLO data (never zero). */
    ReportSloFigures: {
      slos: number;
      meetingObjective: number;
      meanAttainment: components['schemas']['NullableNumber'];
      minAttainment: components['schemas']['NullableNumber'];
      meanBudgetConsumed: components['schemas']['NullableNumber'];
      pageAlertSeconds: number | null;
    };
    ReportSloTrendPoint: {
      month: string;
      slos: number;
      meetingObjective: number;
      meanAttainment: components['schemas']['NullableNumber'];
      minAttainment: components['schemas']['NullableNumber'];
      meanBudgetConsumed: components['schemas']['NullableNumber'];
      pageAlertSeconds: number | null;
    };
    ReportSloSummary: {
      total: number;
      meetingObjective: number;
      budgetExhausted: number;
      pageAlertSeconds: number;
      period: components['schemas']['ReportSloFigures'];
      previousPeriod: components['schemas']['ReportSloFigures'];
      deltas: {
        meetingObjective: components['schemas']['MetricDelta'];
        meanAttainment: components['schemas']['MetricDelta'];
        minAttainment: components['schemas']['MetricDelta'];
        meanBudgetConsumed: components['schemas']['MetricDelta'];
        pageAlertSeconds: components['schemas']['MetricDelta'];
      };
      /** The twelve calendar months ending with the period's last month, oldest first (empty without SLO history in scope). */
      trend: components['schemas']['ReportSloTrendPoint'][];
      /** Format: date */
      historyStartsOn: string | null;
      /** True when the figures include generated demo data. */
      demoData: boolean;
      /** SLOs in scope, least budget left first, at most listLimit. */
      slos: components['schemas']['ReportSloMeasure'][];
      listLimit: number;
    };
    ReportTrendPoint: {
      month: string;
      incidents: number;
      highUrgency: number;
      mttaMeanSeconds: components['schemas']['NullableNumber'];
      mttrMeanSeconds: components['schemas']['NullableNumber'];
      changeFailureRate: components['schemas']['NullableNumber'];
      actionableShare: components['schemas']['NullableNumber'];
      pages: number;
      offHoursPages: number;
    };
    ReliabilityReportResponse: {
      scope: {
        kind: 'entity' | 'group' | 'organization';
        ref: string | null;
        title: string;
        includesSubgroups: boolean;
        /** Entities in scope (for a group or the organisation, those mapped to an on-call service). */
        entityCount: number;
        serviceCount: number;
        /** Rotations of those services; onCall lists the 25 most paged. */
        rotationCount: number;
      };
      period: components['schemas']['ReportPeriod'];
      previousPeriod: components['schemas']['ReportPeriod'];
      generatedAt: components['schemas']['Timestamp'];
      dataAsOf: components['schemas']['NullableTimestamp'];
      /** Format: date */
      historyStartsOn: string | null;
      warnings: string[];
      /** The entities of the services this answer names, not every service in scope. */
      services: components['schemas']['ReportServiceRef'][];
      incidents: components['schemas']['IncidentMeasures'];
      previousIncidents: components['schemas']['IncidentMeasures'];
      changeFailure: components['schemas']['ReportChangeFailure'];
      onCall: components['schemas']['OnCallLoadMeasure'][];
      alertQuality: components['schemas']['AlertQualityMeasure'];
      slos: components['schemas']['ReportSloSummary'];
      deltas: {
        incidents: components['schemas']['MetricDelta'];
        highUrgency: components['schemas']['MetricDelta'];
        mttaMeanSeconds: components['schemas']['MetricDelta'];
        mttrMeanSeconds: components['schemas']['MetricDelta'];
        mttrP90Seconds: components['schemas']['MetricDelta'];
        openAtPeriodEnd: components['schemas']['MetricDelta'];
        changeFailureRate: components['schemas']['MetricDelta'];
        actionableShare: components['schemas']['MetricDelta'];
        pages: components['schemas']['MetricDelta'];
        offHoursPages: components['schemas']['MetricDelta'];
        sleepHoursPages: components['schemas']['MetricDelta'];
        pagesPerShift: components['schemas']['MetricDelta'];
      };
      movers: {
        incidents: components['schemas']['ServiceMovement'][];
        mttrMeanSeconds: components['schemas']['ServiceMovement'][];
        noise: components['schemas']['ServiceMovement'][];
      };
      trend: components['schemas']['ReportTrendPoint'][];
    };
    OnCallHealthResponse: {
      group: string;
      period: components['schemas']['ReportPeriod'];
      dataAsOf: components['schemas']['NullableTimestamp'];
      warnings: string[];
      services: components['schemas']['ReportServiceRef'][];
      rotations: components['schemas']['OnCallLoadMeasure'][];
      alertQuality: components['schemas']['AlertQualityMeasure'];
    };
  };
  responses: {
    /** The caller's copy (named by `If-None-Match`) is current; no body. */
    NotModified: {
      headers: {
        [name: string]: unknown;
      };
      content?: never;
    };
    /** A parameter is invalid; the message names it. */
    BadRequest: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** No or invalid credentials. */
    Unauthorized: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** The caller is not allowed to do this. */
    Forbidden: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** The entity does not exist or is not visible to the caller. */
    NotFound: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['Error'];
      };
    };
    /** The review as stored after the change, with its event log. */
    ReviewWritten: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ReviewResponse'];
      };
    };
    /**
     * The review changed since the caller read it (the version sent is not
     * the stored one), the action does not fit its state, or (on open) the
     * entity already has an open review for the stage. Nothing was written;
     * `review` is the review as it stands.
     */
    ReviewConflict: {
      headers: {
        [name: string]: unknown;
      };
      content: {
        'application/json': components['schemas']['ReviewConflictError'];
      };
    };
  };
  parameters: {
    /** Group name, e.g. `team-payments`. */
    groupName: string;
    /** A calendar month `YYYY-MM`; not with `from`/`to`. */
    reportMonth: string;
    /** The first day `YYYY-MM-DD` (inclusive); with `to`. */
    reportFrom: string;
    /**
     * The last day `YYYY-MM-DD` (inclusive); with `from`. The period must
     * be over, not inverted, and at most 366 days long.
     */
    reportTo: string;
    /**
     * IANA zone of the day boundaries. Default and, today, the only zone
     * accepted: `reliability.reports.timeZone` (UTC unless configured),
     * the zone the daily rows are folded in.
     */
    reportTimeZone: string;
    /** Matches the title or name, case-insensitively; at most 200 characters once trimmed. */
    teamSearch: string;
    /** A level id, or `none` for entities below the first level; at most 200 characters once trimmed. */
    teamLevel: string;
    /** An owning group ref (the team or a sub-team); at most 512 characters once trimmed. */
    teamOwner: string;
    /** `true`: only entities with failing checks (empty: `false`). */
    teamFailing: 'true' | 'false' | '';
    /** At most 200 characters once trimmed. */
    teamTier: string;
    /** At most 200 characters once trimmed. */
    teamLifecycle: string;
    /** A check id: only entities where that check fails or is in error (exempt results excluded); at most 200 characters once trimmed. */
    teamCheck: string;
    /** The column to sort by (default, also when empty, `score`). */
    teamSort:
      | ''
      | 'entity'
      | 'level'
      | 'score'
      | 'failingChecks'
      | 'slo'
      | 'budget'
      | 'sloAlert'
      | 'onCall'
      | 'mttr'
      | 'openIncidents'
      | 'owner';
    /** Default (also when empty) `asc`. */
    teamDirection: 'asc' | 'desc' | '';
    /** An ETag of an earlier answer; 304 when it is still current. */
    ifNoneMatch: string;
    /** Entity kind, case-insensitive, e.g. `component`. */
    kind: string;
    /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
    namespace: string;
    /** Entity name, e.g. `checkout-api`. */
    name: string;
    reviewId: string;
    itemId: string;
    sectionId: string;
  };
  requestBodies: never;
  headers: never;
  pathItems: never;
}
/** The spec's `$defs`, generated. @public */
export type $defs = Record<string, never>;
/** The spec's `operations`, generated. @public */
export interface operations {
  getSourcesHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** Health of every configured source, including sources that never synced. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SourcesHealthResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  getEntitySummary: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The summary. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityReliabilitySummary'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getGroupOnCall: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The team's on-call overview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupOnCallResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  refreshEntity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The entity was refreshed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RefreshEntityResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      /**
       * The entity's annotation names a service the upstream source does
       * not have; the message says which annotation to fix and how.
       */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /**
       * Too many refreshes, or the upstream source is rate limiting this
       * backend; retry after the given number of seconds. Sent whenever
       * the wait is known: always for the backend's own refresh limit;
       * for an upstream limit, when the source or its provider names it.
       */
      429: {
        headers: {
          /** Seconds to wait before retrying. */
          'Retry-After'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /**
       * The upstream source refused the backend's credentials (the message
       * names the account and what to check) or answered something
       * unusable; the stored data is unchanged.
       */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** The upstream source is down or timed out; the stored data is unchanged. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  getEntitySlos: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The entity's SLOs; empty lists when it declares none. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntitySlosResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getDeployGate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The decision with its reasons (also when blocked). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeployGateResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getEntitySloRules: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The rule file (`application/yaml`, the default), or with `Accept: application/json` the file and the SLOs left out. */
      200: {
        headers: {
          /** Number of SLOs left out of the YAML file. */
          'Preflight-Slo-Rules-Problems'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/yaml': string;
          'application/json': components['schemas']['SloRulesResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      /** The entity does not exist, is not visible to the caller, or declares no SLOs. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** None of the entity's SLOs could be exported; `problems` says why for each. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SloRulesNotExportable'];
        };
      };
    };
  };
  getEntityScorecard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The scorecard, or why there is none. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityScorecardResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getGroupScorecards: {
    parameters: {
      query?: {
        /** Matches the title or name, case-insensitively; at most 200 characters once trimmed. */
        search?: components['parameters']['teamSearch'];
        /** A level id, or `none` for entities below the first level; at most 200 characters once trimmed. */
        level?: components['parameters']['teamLevel'];
        /** An owning group ref (the team or a sub-team); at most 512 characters once trimmed. */
        owner?: components['parameters']['teamOwner'];
        /** `true`: only entities with failing checks (empty: `false`). */
        failing?: components['parameters']['teamFailing'];
        /** At most 200 characters once trimmed. */
        tier?: components['parameters']['teamTier'];
        /** At most 200 characters once trimmed. */
        lifecycle?: components['parameters']['teamLifecycle'];
        /** A check id: only entities where that check fails or is in error (exempt results excluded); at most 200 characters once trimmed. */
        check?: components['parameters']['teamCheck'];
        /** The column to sort by (default, also when empty, `score`). */
        sort?: components['parameters']['teamSort'];
        /** Default (also when empty) `asc`. */
        direction?: components['parameters']['teamDirection'];
        /** Rows skipped: a whole number up to 1,000,000 (empty or left out: 0). Written as digits only, so it is text to the validator. */
        offset?: string;
        /** Rows a page: a whole number from 1 to 100 (empty or left out: 25). Written as digits only, so it is text to the validator. */
        limit?: string;
      };
      header?: {
        /** An ETag of an earlier answer; 304 when it is still current. */
        'If-None-Match'?: components['parameters']['ifNoneMatch'];
      };
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** One page of the team's scorecards. */
      200: {
        headers: {
          /** Names the stored data version, the day and the query. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['GroupScorecardResponse'];
        };
      };
      304: components['responses']['NotModified'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  exportGroupScorecards: {
    parameters: {
      query?: {
        /** Matches the title or name, case-insensitively; at most 200 characters once trimmed. */
        search?: components['parameters']['teamSearch'];
        /** A level id, or `none` for entities below the first level; at most 200 characters once trimmed. */
        level?: components['parameters']['teamLevel'];
        /** An owning group ref (the team or a sub-team); at most 512 characters once trimmed. */
        owner?: components['parameters']['teamOwner'];
        /** `true`: only entities with failing checks (empty: `false`). */
        failing?: components['parameters']['teamFailing'];
        /** At most 200 characters once trimmed. */
        tier?: components['parameters']['teamTier'];
        /** At most 200 characters once trimmed. */
        lifecycle?: components['parameters']['teamLifecycle'];
        /** A check id: only entities where that check fails or is in error (exempt results excluded); at most 200 characters once trimmed. */
        check?: components['parameters']['teamCheck'];
        /** The column to sort by (default, also when empty, `score`). */
        sort?: components['parameters']['teamSort'];
        /** Default (also when empty) `asc`. */
        direction?: components['parameters']['teamDirection'];
      };
      header?: {
        /** An ETag of an earlier answer; 304 when it is still current. */
        'If-None-Match'?: components['parameters']['ifNoneMatch'];
      };
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The CSV file. */
      200: {
        headers: {
          /** Names the stored data version, the day and the query. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      304: components['responses']['NotModified'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getScorecardOverview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The overview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScorecardOverviewResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  previewRubricChange: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RubricPreviewRequest'];
      };
    };
    responses: {
      /** Levels before and after, and the entities that would move. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RubricPreviewResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  listReviewTemplates: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The templates. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewTemplatesResponse'];
        };
      };
      401: components['responses']['Unauthorized'];
    };
  };
  getEntityReviews: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The entity's reviews. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EntityReviewsResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  openReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateReviewRequest'];
      };
    };
    responses: {
      /** The new review (draft). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['ReviewConflict'];
    };
  };
  listReviews: {
    parameters: {
      query?: {
        /** Review states, repeated or comma-separated. */
        state?: string | string[];
        stage?: string;
        /** Owner group ref (sub-groups included). */
        team?: string;
        reviewerGroup?: string;
        waitingOnMe?: 'true' | 'false';
        overdue?: 'true' | 'false';
        q?: string;
        page?: number;
        pageSize?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** One page of the board. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewListResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  getReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The review. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewResponse'];
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  exportReview: {
    parameters: {
      query?: {
        format?: 'json' | 'markdown';
      };
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The record. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewExport'];
          'text/markdown': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  answerReviewItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        itemId: components['parameters']['itemId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnswerItemRequest'];
      };
    };
    responses: {
      200: components['responses']['ReviewWritten'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['ReviewConflict'];
    };
  };
  reaffirmReviewItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        itemId: components['parameters']['itemId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewActionRequest'];
      };
    };
    responses: {
      200: components['responses']['ReviewWritten'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['ReviewConflict'];
    };
  };
  waiveReviewItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        itemId: components['parameters']['itemId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WaiveItemRequest'];
      };
    };
    responses: {
      200: components['responses']['ReviewWritten'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['ReviewConflict'];
    };
  };
  submitReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewActionRequest'];
      };
    };
    responses: {
      200: components['responses']['ReviewWritten'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['ReviewConflict'];
    };
  };
  signReviewSection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        sectionId: components['parameters']['sectionId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewActionRequest'];
      };
    };
    responses: {
      200: components['responses']['ReviewWritten'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['ReviewConflict'];
    };
  };
  requestReviewChanges: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
        sectionId: components['parameters']['sectionId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewActionRequest'];
      };
    };
    responses: {
      200: components['responses']['ReviewWritten'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['ReviewConflict'];
    };
  };
  cancelReview: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: components['parameters']['reviewId'];
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewActionRequest'];
      };
    };
    responses: {
      200: components['responses']['ReviewWritten'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      403: components['responses']['Forbidden'];
      404: components['responses']['NotFound'];
      409: components['responses']['ReviewConflict'];
    };
  };
  getOrganizationReport: {
    parameters: {
      query?: {
        /** A calendar month `YYYY-MM`; not with `from`/`to`. */
        month?: components['parameters']['reportMonth'];
        /** The first day `YYYY-MM-DD` (inclusive); with `to`. */
        from?: components['parameters']['reportFrom'];
        /**
         * The last day `YYYY-MM-DD` (inclusive); with `from`. The period must
         * be over, not inverted, and at most 366 days long.
         */
        to?: components['parameters']['reportTo'];
        /**
         * IANA zone of the day boundaries. Default and, today, the only zone
         * accepted: `reliability.reports.timeZone` (UTC unless configured),
         * the zone the daily rows are folded in.
         */
        timeZone?: components['parameters']['reportTimeZone'];
      };
      header?: {
        /** An ETag of an earlier answer; 304 when it is still current. */
        'If-None-Match'?: components['parameters']['ifNoneMatch'];
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The report. */
      200: {
        headers: {
          /** A digest of the answer; send it back as If-None-Match. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReliabilityReportResponse'];
        };
      };
      304: components['responses']['NotModified'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  getGroupReport: {
    parameters: {
      query?: {
        /** A calendar month `YYYY-MM`; not with `from`/`to`. */
        month?: components['parameters']['reportMonth'];
        /** The first day `YYYY-MM-DD` (inclusive); with `to`. */
        from?: components['parameters']['reportFrom'];
        /**
         * The last day `YYYY-MM-DD` (inclusive); with `from`. The period must
         * be over, not inverted, and at most 366 days long.
         */
        to?: components['parameters']['reportTo'];
        /**
         * IANA zone of the day boundaries. Default and, today, the only zone
         * accepted: `reliability.reports.timeZone` (UTC unless configured),
         * the zone the daily rows are folded in.
         */
        timeZone?: components['parameters']['reportTimeZone'];
      };
      header?: {
        /** An ETag of an earlier answer; 304 when it is still current. */
        'If-None-Match'?: components['parameters']['ifNoneMatch'];
      };
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: components['parameters']['groupName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The report. */
      200: {
        headers: {
          /** A digest of the answer; send it back as If-None-Match. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReliabilityReportResponse'];
        };
      };
      304: components['responses']['NotModified'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  exportOrganizationReportServices: {
    parameters: {
      query?: {
        /** A calendar month `YYYY-MM`; not with `from`/`to`. */
        month?: components['parameters']['reportMonth'];
        /** The first day `YYYY-MM-DD` (inclusive); with `to`. */
        from?: components['parameters']['reportFrom'];
        /**
         * The last day `YYYY-MM-DD` (inclusive); with `from`. The period must
         * be over, not inverted, and at most 366 days long.
         */
        to?: components['parameters']['reportTo'];
        /**
         * IANA zone of the day boundaries. Default and, today, the only zone
         * accepted: `reliability.reports.timeZone` (UTC unless configured),
         * the zone the daily rows are folded in.
         */
        timeZone?: components['parameters']['reportTimeZone'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The CSV file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
    };
  };
  exportGroupReportServices: {
    parameters: {
      query?: {
        /** A calendar month `YYYY-MM`; not with `from`/`to`. */
        month?: components['parameters']['reportMonth'];
        /** The first day `YYYY-MM-DD` (inclusive); with `to`. */
        from?: components['parameters']['reportFrom'];
        /**
         * The last day `YYYY-MM-DD` (inclusive); with `from`. The period must
         * be over, not inverted, and at most 366 days long.
         */
        to?: components['parameters']['reportTo'];
        /**
         * IANA zone of the day boundaries. Default and, today, the only zone
         * accepted: `reliability.reports.timeZone` (UTC unless configured),
         * the zone the daily rows are folded in.
         */
        timeZone?: components['parameters']['reportTimeZone'];
      };
      header?: never;
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: components['parameters']['groupName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The CSV file. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getEntityReport: {
    parameters: {
      query?: {
        /** A calendar month `YYYY-MM`; not with `from`/`to`. */
        month?: components['parameters']['reportMonth'];
        /** The first day `YYYY-MM-DD` (inclusive); with `to`. */
        from?: components['parameters']['reportFrom'];
        /**
         * The last day `YYYY-MM-DD` (inclusive); with `from`. The period must
         * be over, not inverted, and at most 366 days long.
         */
        to?: components['parameters']['reportTo'];
        /**
         * IANA zone of the day boundaries. Default and, today, the only zone
         * accepted: `reliability.reports.timeZone` (UTC unless configured),
         * the zone the daily rows are folded in.
         */
        timeZone?: components['parameters']['reportTimeZone'];
      };
      header?: {
        /** An ETag of an earlier answer; 304 when it is still current. */
        'If-None-Match'?: components['parameters']['ifNoneMatch'];
      };
      path: {
        /** Entity kind, case-insensitive, e.g. `component`. */
        kind: components['parameters']['kind'];
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Entity name, e.g. `checkout-api`. */
        name: components['parameters']['name'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The report. */
      200: {
        headers: {
          /** A digest of the answer; send it back as If-None-Match. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReliabilityReportResponse'];
        };
      };
      304: components['responses']['NotModified'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
  getGroupOnCallHealth: {
    parameters: {
      query?: never;
      header?: {
        /** An ETag of an earlier answer; 304 when it is still current. */
        'If-None-Match'?: components['parameters']['ifNoneMatch'];
      };
      path: {
        /** Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API. */
        namespace: components['parameters']['namespace'];
        /** Group name, e.g. `team-payments`. */
        name: components['parameters']['groupName'];
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** The team's on-call health. */
      200: {
        headers: {
          /** A digest of the answer; send it back as If-None-Match. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OnCallHealthResponse'];
        };
      };
      304: components['responses']['NotModified'];
      400: components['responses']['BadRequest'];
      401: components['responses']['Unauthorized'];
      404: components['responses']['NotFound'];
    };
  };
}
