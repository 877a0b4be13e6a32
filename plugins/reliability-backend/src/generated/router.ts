// ******************************************************************
// Generated from plugins/reliability-backend/openapi.yaml — do not edit.
// Regenerate with `npm run generate:api` after changing the spec;
// `npm run generate:api -- --check` (run by CI) fails when this file is stale.
// ******************************************************************
/* eslint-disable */

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

/** The OpenAPI document of the reliability API, as a const for typing. */
export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'Preflight reliability API',
    version: '0.1.0',
    description:
      "Reliability data of catalog entities: who is on call, the escalation path,\nrunbooks, incident statistics and the freshness of every source.\n\nEvery route needs Backstage credentials (a user or service token); reads\nare answered from the plugin's database and the catalog only, never from\nan upstream source. Answers are compressed (gzip, deflate or brotli) when\nthe request's `Accept-Encoding` allows. The refresh route is the one per-entity path to an\nupstream source: it needs a user token and the\n`reliability.entity.refresh` permission, and it is rate-limited.\n\nRequests are validated against this document before any route runs; a\nrefused one is answered 400 with a message naming each bad field. The\nbackend serves the document itself at `GET /openapi.json`.\n",
    license: {
      name: 'Apache-2.0',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  security: [
    {
      backstageToken: [],
    },
  ],
  paths: {
    '/health': {
      get: {
        operationId: 'getSourcesHealth',
        summary: 'Health of every on-call source',
        responses: {
          '200': {
            description:
              'Health of every configured source, including sources that never synced.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SourcesHealthResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/summary': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'getEntitySummary',
        summary: 'Reliability summary of one entity',
        description:
          "Owner, on-call (state, escalation levels with who is on call now and\nnext), runbooks, incident statistics, the health of the sources the\nsummary drew from, and every metadata problem of the entity. Makes no\nupstream call. An entity the scorecard evaluation has read is answered\nfrom that stored copy (entity and owner as of the last evaluation run)\nafter checking the caller's `catalog.entity.read` permission for it;\nany other entity is read from the catalog with the caller's\ncredentials. Either way, an entity the caller may not see is a 404.\n",
        responses: {
          '200': {
            description: 'The summary.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityReliabilitySummary',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/groups/{namespace}/{name}/on-call': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          name: 'name',
          in: 'path',
          required: true,
          description: 'Group name, e.g. `team-payments`.',
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
            pattern: '^[a-zA-Z0-9](?:[-_.a-zA-Z0-9]*[a-zA-Z0-9])?$',
          },
        },
      ],
      get: {
        operationId: 'getGroupOnCall',
        summary: "Who is on call for a team's services right now",
        description:
          "Every entity owned by the group or by its sub-groups (followed through\n`parentOf` relations and `spec.children`, at most 8 levels deep and\n200 groups), each with its on-call state (as in the entity summary),\nwho holds level 1 now and until when, the next level-1 handoff, the\nlevels nobody holds right now, its open high-urgency incidents and\nthe freshness of its source. At most 500 entities are listed;\n`truncated` says when the list is incomplete. The catalog is read\nwith the caller's credentials, so entities the caller may not see\nare left out. Makes no upstream call.\n",
        responses: {
          '200': {
            description: "The team's on-call overview.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GroupOnCallResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/refresh': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      post: {
        operationId: 'refreshEntity',
        summary: "Refresh one entity's on-call data from its source now",
        description:
          "Reads the entity's service, escalation policy, on-calls and incidents\nfrom the upstream source, stores them and returns the new summary.\nNeeds a user token and the `reliability.entity.refresh` permission\n(resource type `catalog-entity`). Limited to one refresh per entity\nper 30 seconds and 10 refreshes per user per minute by default.\nNo request body is read. Every attempt that reaches the plugin,\nrefused ones included (a service token: 403; a denied permission:\n403; no credentials when the default auth policy is disabled: 401),\nemits an `entity-refresh` audit event, failed attempts with the\nreason. With Backstage's default auth policy a request without valid\ncredentials is answered 401 by the framework before the plugin runs.\nUpstream failures are answered by cause: a service the source does\nnot have is `422` (fix the annotation), refused source credentials\nor an unusable answer `502`, a source rate limit `429` (with\n`Retry-After` when the wait is known), and only outages and timeouts\n`503`.\n",
        responses: {
          '200': {
            description: 'The entity was refreshed.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RefreshEntityResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '422': {
            description:
              "The entity's annotation names a service the upstream source does\nnot have; the message says which annotation to fix and how.\n",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '429': {
            description:
              "Too many refreshes, or the upstream source is rate limiting this\nbackend; retry after the given number of seconds. Sent whenever\nthe wait is known: always for the backend's own refresh limit;\nfor an upstream limit, when the source or its provider names it.\n",
            headers: {
              'Retry-After': {
                description: 'Seconds to wait before retrying.',
                schema: {
                  type: 'string',
                  pattern: '^[1-9][0-9]*$',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '502': {
            description:
              "The upstream source refused the backend's credentials (the message\nnames the account and what to check) or answered something\nunusable; the stored data is unchanged.\n",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '503': {
            description:
              'The upstream source is down or timed out; the stored data is unchanged.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slos': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'getEntitySlos',
        summary:
          "An entity's SLOs with attainment, error budget, burn rates and burn-down",
        description:
          "The SLOs declared in the entity's OpenSLO files (annotation\n`preflight.dev/openslo`), each with its last evaluation as stored by\nthe scheduled SLO sync, the problems of its files (each naming the\nfile, SLO and field) and the health of the metrics sources. Answered\nfrom the plugin's database; no metrics source is queried.\n",
        responses: {
          '200': {
            description:
              "The entity's SLOs; empty lists when it declares none.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntitySlosResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/deploy-gate': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'getDeployGate',
        summary: 'May this entity deploy now under its error-budget policy?',
        description:
          '`decision` is `block` while any SLO has exhausted its error budget\n(budget remaining ≤ 0) or fires a page-level burn-rate alert (or one\nwhose state is unknown because its metrics stopped, unless\n`reliability.slos.deployGate.unknownPageAlert` is `allow`); every\nreason names the SLO. When `reliability.reviews.gate` is configured,\nentities of the gated tiers are also blocked without an approved,\nnon-drifted readiness review of each gated stage offered to them\n(reasons `review-missing`, `review-not-approved`, `review-drifted`,\nwith the stage). `decision` is `unknown` when nothing blocks but some\nSLO cannot be judged: its last measurement is older than\n`reliability.slos.sync.staleAfter`, it has no usable measurement (its\nsource never answered, e.g. Prometheus unreachable from the start), or\nits declaration cannot be read. `allowed` is derived:\n`reliability.slos.deployGate.onUnknown` (default `block`) says what\n`unknown` means for it. SLOs with no traffic in their window are\njudged (nothing burns) and noted under `unknown`. Accepts user and\nservice tokens, so CI can ask, strictly:\n\n```\ncurl -fsS -H "Authorization: Bearer $BACKSTAGE_TOKEN" \\\n  https://backstage.example.com/api/reliability/entities/component/default/checkout-api/deploy-gate \\\n  | jq -e \'.decision == "allow"\'\n```\n',
        responses: {
          '200': {
            description: 'The decision with its reasons (also when blocked).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeployGateResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/slo-rules': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'getEntitySloRules',
        summary:
          "Prometheus recording and burn-rate alerting rules for an entity's SLOs",
        description:
          "A Prometheus rule file (load it with `rule_files`) with, per SLO,\nrecording rules of the error ratio per window and multi-window,\nmulti-burn-rate alerts labelled with the entity's `spec.owner` and\nannotated with its first runbook link as `runbook_url`. Generated\nfrom the stored declarations; no metrics source is queried.\n\nSLOs that cannot be exported (no source measures them, their source\ncannot export rules, or the generator cannot express them, e.g.\nthreshold SLIs or names that cannot be put in a PromQL matcher) are\nleft out and listed: as `# Left out:` comments at the top of the\nYAML file and in the `Preflight-Slo-Rules-Problems` header (their\ncount), or in `problems` with `Accept: application/json`. When none\ncan be exported the answer is 422 with the problems, never an empty\nrule file.\n",
        responses: {
          '200': {
            description:
              'The rule file (`application/yaml`, the default), or with `Accept: application/json` the file and the SLOs left out.',
            headers: {
              'Preflight-Slo-Rules-Problems': {
                description: 'Number of SLOs left out of the YAML file.',
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/yaml': {
                schema: {
                  type: 'string',
                },
              },
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SloRulesResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            description:
              'The entity does not exist, is not visible to the caller, or declares no SLOs.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Error',
                },
              },
            },
          },
          '422': {
            description:
              "None of the entity's SLOs could be exported; `problems` says why for each.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SloRulesNotExportable',
                },
              },
            },
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/scorecard': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'getEntityScorecard',
        summary:
          "An entity's production-readiness scorecard with 90 days of history",
        description:
          'The stored scorecard (level, score, what the next level needs, every\ncheck with its state, facts, freshness and exemption) as the last\nevaluation left it, with one history point per day over 90 days.\n`state` is `awaiting-evaluation` for an entity whose kind is scored but\nthat no evaluation has reached yet, and `not-in-scope` when no check\napplies to its kind. `stale` is true when the scorecard was evaluated\nunder another rubric version or from a stale source. Nothing is\nevaluated on read.\n',
        responses: {
          '200': {
            description: 'The scorecard, or why there is none.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityScorecardResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/groups/{namespace}/{name}/scorecards': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          name: 'name',
          in: 'path',
          required: true,
          description: 'Group name, e.g. `team-payments`.',
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
            pattern: '^[a-zA-Z0-9](?:[-_.a-zA-Z0-9]*[a-zA-Z0-9])?$',
          },
        },
      ],
      get: {
        operationId: 'getGroupScorecards',
        summary:
          'One page of the scorecards of every entity a team owns, sub-teams included',
        description:
          "The entities owned by the group or any group below it (from the group\nhierarchy the last evaluation stored), filtered, sorted and paged by\nthe database: level, score, failing checks, SLO attainment, budget and\nalert, on-call coverage, MTTR and open incidents. Whatever the filters,\nthe answer carries the whole team's entity count, average score,\nstale count, level distribution, filter values and daily level trend\nover 90 days (pre-aggregated per day; a day without an evaluation\nrepeats the day before and is marked `carried`; `historySince` is the\nfirst recorded day). A group the last evaluation did not know yet is\nanswered with no rows when the catalog has it.\n\nRows without a figure in the sort column come last in both\ndirections; ties are ordered by name. The `ETag` names the stored data\nversion (bumped by every write, whichever replica made it), the day and\nthe query: a request whose `If-None-Match` holds it is answered 304.\n",
        parameters: [
          {
            $ref: '#/components/parameters/teamSearch',
          },
          {
            $ref: '#/components/parameters/teamLevel',
          },
          {
            $ref: '#/components/parameters/teamOwner',
          },
          {
            $ref: '#/components/parameters/teamFailing',
          },
          {
            $ref: '#/components/parameters/teamTier',
          },
          {
            $ref: '#/components/parameters/teamLifecycle',
          },
          {
            $ref: '#/components/parameters/teamCheck',
          },
          {
            $ref: '#/components/parameters/teamSort',
          },
          {
            $ref: '#/components/parameters/teamDirection',
          },
          {
            $ref: '#/components/parameters/ifNoneMatch',
          },
          {
            name: 'offset',
            in: 'query',
            allowReserved: true,
            description:
              'Rows skipped: a whole number up to 1,000,000 (empty or left out: 0). Written as digits only, so it is text to the validator.',
            schema: {
              type: 'string',
              pattern: '^[0-9]*$',
            },
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            description:
              'Rows a page: a whole number from 1 to 100 (empty or left out: 25). Written as digits only, so it is text to the validator.',
            schema: {
              type: 'string',
              pattern: '^[0-9]*$',
            },
          },
        ],
        responses: {
          '200': {
            description: "One page of the team's scorecards.",
            headers: {
              ETag: {
                description:
                  'Names the stored data version, the day and the query.',
                schema: {
                  type: 'string',
                  pattern:
                    '^"[0-9]+-[0-9]{4}-[0-9]{2}-[0-9]{2}-[A-Za-z0-9_-]+"$',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/GroupScorecardResponse',
                },
              },
            },
          },
          '304': {
            $ref: '#/components/responses/NotModified',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/groups/{namespace}/{name}/scorecards/export': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          name: 'name',
          in: 'path',
          required: true,
          description: 'Group name, e.g. `team-payments`.',
          schema: {
            type: 'string',
            minLength: 1,
            maxLength: 63,
            pattern: '^[a-zA-Z0-9](?:[-_.a-zA-Z0-9]*[a-zA-Z0-9])?$',
          },
        },
      ],
      get: {
        operationId: 'exportGroupScorecards',
        summary: 'Every matching row of the team view as CSV',
        description:
          "The rows `GET /groups/{namespace}/{name}/scorecards` would list for\nthe same filters and sort, every page, streamed as CSV (UTF-8 with a\nbyte-order mark, CRLF line ends): entity, title, kind, owner, tier,\nlifecycle, level, score, the number and the titles of the failing\nchecks, SLO attainment, objective, budget left and alert, on-call\ncoverage, MTTR, open incidents, evaluation time, stale. Cells that a\nspreadsheet would run as a formula are prefixed with `'`.\n",
        parameters: [
          {
            $ref: '#/components/parameters/teamSearch',
          },
          {
            $ref: '#/components/parameters/teamLevel',
          },
          {
            $ref: '#/components/parameters/teamOwner',
          },
          {
            $ref: '#/components/parameters/teamFailing',
          },
          {
            $ref: '#/components/parameters/teamTier',
          },
          {
            $ref: '#/components/parameters/teamLifecycle',
          },
          {
            $ref: '#/components/parameters/teamCheck',
          },
          {
            $ref: '#/components/parameters/teamSort',
          },
          {
            $ref: '#/components/parameters/teamDirection',
          },
          {
            $ref: '#/components/parameters/ifNoneMatch',
          },
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            headers: {
              ETag: {
                description:
                  'Names the stored data version, the day and the query.',
                schema: {
                  type: 'string',
                  pattern:
                    '^"[0-9]+-[0-9]{4}-[0-9]{2}-[0-9]{2}-[A-Za-z0-9_-]+"$',
                },
              },
            },
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '304': {
            $ref: '#/components/responses/NotModified',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/scorecards/overview': {
      get: {
        operationId: 'getScorecardOverview',
        summary: "The organization's readiness at a glance",
        description:
          "Every team (a group owning entities directly or through sub-groups)\nranked by the average score of its entities (ties: more entities\nfirst), the fleet's level distribution and 90-day trend, and the\nchecks failing most (fails and errors; exempt results are not\ncounted; `applicable` counts results that are not `not-applicable`).\n",
        responses: {
          '200': {
            description: 'The overview.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardOverviewResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/scorecards/preview': {
      post: {
        operationId: 'previewRubricChange',
        summary: 'What a change of the levels would do to the fleet',
        description:
          'Recomputes every stored entity\'s level from its stored check states\nunder the current levels and under the proposed ones (an added check\njoins the level and leaves any other; a removed check leaves the\nlevel); no check is re-run and nothing is saved. At most 20 changes;\nunknown checks and levels are rejected with the field named, e.g.\n`changes[0].checkId: unknown check "slo-foo"`.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RubricPreviewRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'Levels before and after, and the entities that would move.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RubricPreviewResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/review-templates': {
      get: {
        operationId: 'listReviewTemplates',
        summary: 'The configured readiness review templates',
        description:
          "Every template of `reliability.reviews.templates`, with its sections,\nitems (check items carry the rubric check's title) and version hash.\n",
        responses: {
          '200': {
            description: 'The templates.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewTemplatesResponse',
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/entities/{kind}/{namespace}/{name}/reviews': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'getEntityReviews',
        summary:
          "An entity's readiness reviews and the templates that can be opened",
        description:
          'Every review of the entity (cancelled ones included), newest first;\nthe templates applying to it with the stages without an open review;\nwhether the caller may open one (`reliability.review.create`). The\nentity must be visible to the caller.\n',
        responses: {
          '200': {
            description: "The entity's reviews.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityReviewsResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
      post: {
        operationId: 'openReview',
        summary: 'Open a readiness review of an entity for a stage',
        description:
          'Needs a user token and `reliability.review.create` on the entity. The\ncaller becomes the DRI. At most one open review per entity and stage\n(across replicas): a second one answers 409 with the open review.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CreateReviewRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The new review (draft).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/ReviewConflict',
          },
        },
      },
    },
    '/reviews': {
      get: {
        operationId: 'listReviews',
        summary: 'The readiness review board',
        description:
          'Reviews of entities visible to the caller, newest first, filtered and\npaged. `state` may repeat or be comma-separated; `countsByState`\ncounts under the other filters.\n',
        parameters: [
          {
            name: 'state',
            in: 'query',
            allowReserved: true,
            description: 'Review states, repeated or comma-separated.',
            explode: true,
            schema: {
              anyOf: [
                {
                  type: 'string',
                },
                {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              ],
            },
          },
          {
            name: 'stage',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'team',
            in: 'query',
            allowReserved: true,
            description: 'Owner group ref (sub-groups included).',
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'reviewerGroup',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 512,
            },
          },
          {
            name: 'waitingOnMe',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
          {
            name: 'overdue',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'page',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
            },
          },
          {
            name: 'pageSize',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'One page of the board.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewListResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/reviews/{id}': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
      ],
      get: {
        operationId: 'getReview',
        summary: 'One review with its items, sign-offs, drift and event log',
        description:
          "Check items show the live state from the stored scorecard next to the\nsnapshots; each section says whether the caller may sign it and why\nnot. The review's entity must be visible to the caller.\n",
        responses: {
          '200': {
            description: 'The review.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewResponse',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/reviews/{id}/export': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
      ],
      get: {
        operationId: 'exportReview',
        summary: 'The review record for an auditor',
        description:
          '`format=json` (default): the review, its event log and the template\nas opened. `format=markdown`: the same as a Markdown document.\nBoth are sent as attachments.\n',
        parameters: [
          {
            name: 'format',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['json', 'markdown'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'The record.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewExport',
                },
              },
              'text/markdown': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/reviews/{id}/items/{itemId}/answer': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
        {
          $ref: '#/components/parameters/itemId',
        },
      ],
      put: {
        operationId: 'answerReviewItem',
        summary: 'Answer an attestation',
        description:
          "Needs `reliability.review.update`. A changed answer drops the item's\nwaiver and voids its section's sign-off (an approved review goes back\nin review). Evidence links must be http(s); reason and note at most\n2,000 characters.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/AnswerItemRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ReviewWritten',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/ReviewConflict',
          },
        },
      },
    },
    '/reviews/{id}/items/{itemId}/reaffirm': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
        {
          $ref: '#/components/parameters/itemId',
        },
      ],
      post: {
        operationId: 'reaffirmReviewItem',
        summary: "Re-affirm an attestation's answer (new expiry)",
        description:
          'Needs `reliability.review.update`. The answer is unchanged, so\nsign-offs stand; a drifted review whose causes are gone is approved\nagain.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewActionRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ReviewWritten',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/ReviewConflict',
          },
        },
      },
    },
    '/reviews/{id}/items/{itemId}/waive': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
        {
          $ref: '#/components/parameters/itemId',
        },
      ],
      post: {
        operationId: 'waiveReviewItem',
        summary: 'Waive an item that is not passing',
        description:
          "Needs `reliability.review.signoff`, membership of one of the item's\nsection reviewer groups, and not being the DRI (unless\n`reliability.reviews.allowDriSignoff`).\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/WaiveItemRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ReviewWritten',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/ReviewConflict',
          },
        },
      },
    },
    '/reviews/{id}/submit': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
      ],
      post: {
        operationId: 'submitReview',
        summary: 'Submit a review to its reviewers',
        description:
          'Needs `reliability.review.update`. Every applicable attestation must\nhave a current answer (400 lists the missing ones as\n`sectionId/itemId`). Snapshots every check item.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewActionRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ReviewWritten',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/ReviewConflict',
          },
        },
      },
    },
    '/reviews/{id}/sections/{sectionId}/signoff': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
        {
          $ref: '#/components/parameters/sectionId',
        },
      ],
      post: {
        operationId: 'signReviewSection',
        summary: 'Sign a section off',
        description:
          "Needs `reliability.review.signoff`, membership of one of the\nsection's reviewer groups (catalog, sub-groups included), and not\nbeing the DRI unless allowed (403 says which). Every item must pass,\nbe answered or be waived (400 lists the others). The last section\nsigned approves the review.\n",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewActionRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ReviewWritten',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/ReviewConflict',
          },
        },
      },
    },
    '/reviews/{id}/sections/{sectionId}/request-changes': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
        {
          $ref: '#/components/parameters/sectionId',
        },
      ],
      post: {
        operationId: 'requestReviewChanges',
        summary: 'Send the review back to the DRI',
        description: 'Same rules as sign-off; a comment is required.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewActionRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ReviewWritten',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/ReviewConflict',
          },
        },
      },
    },
    '/reviews/{id}/cancel': {
      parameters: [
        {
          $ref: '#/components/parameters/reviewId',
        },
      ],
      post: {
        operationId: 'cancelReview',
        summary: 'Cancel an open review (final)',
        description:
          'Needs `reliability.review.cancel`; a comment is required.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewActionRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ReviewWritten',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '403': {
            $ref: '#/components/responses/Forbidden',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
          '409': {
            $ref: '#/components/responses/ReviewConflict',
          },
        },
      },
    },
    '/reports/organization': {
      get: {
        operationId: 'getOrganizationReport',
        summary: 'Reliability report of the whole organisation',
        description:
          "Incidents, MTTA/MTTR, change failure rate, on-call load and alert\nquality over a period (default: the last whole calendar month in\n`reliability.reports.timeZone`), compared with the period of the same\nkind and length before, with the twelve-month trend ending with the\nperiod's last month. Covers every catalog entity mapped to an on-call\nservice that the caller may see. Added up from the stored daily rows;\nmakes no upstream call.\n",
        parameters: [
          {
            $ref: '#/components/parameters/reportMonth',
          },
          {
            $ref: '#/components/parameters/reportFrom',
          },
          {
            $ref: '#/components/parameters/reportTo',
          },
          {
            $ref: '#/components/parameters/reportTimeZone',
          },
          {
            $ref: '#/components/parameters/ifNoneMatch',
          },
        ],
        responses: {
          '200': {
            description: 'The report.',
            headers: {
              ETag: {
                description:
                  'A digest of the answer; send it back as If-None-Match.',
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReliabilityReportResponse',
                },
              },
            },
          },
          '304': {
            $ref: '#/components/responses/NotModified',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/reports/groups/{namespace}/{name}': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/groupName',
        },
      ],
      get: {
        operationId: 'getGroupReport',
        summary: 'Reliability report of a team and its sub-teams',
        description:
          'As the organisation report, over the entities owned by the group or\nby any of its sub-groups (the group hierarchy the scorecards store),\nthat the caller may see. 404 when the caller cannot see the group.\n',
        parameters: [
          {
            $ref: '#/components/parameters/reportMonth',
          },
          {
            $ref: '#/components/parameters/reportFrom',
          },
          {
            $ref: '#/components/parameters/reportTo',
          },
          {
            $ref: '#/components/parameters/reportTimeZone',
          },
          {
            $ref: '#/components/parameters/ifNoneMatch',
          },
        ],
        responses: {
          '200': {
            description: 'The report.',
            headers: {
              ETag: {
                description:
                  'A digest of the answer; send it back as If-None-Match.',
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReliabilityReportResponse',
                },
              },
            },
          },
          '304': {
            $ref: '#/components/responses/NotModified',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/reports/organization/services.csv': {
      get: {
        operationId: 'exportOrganizationReportServices',
        summary: 'Every service of the organisation report as CSV',
        description:
          'Every catalog entity mapped to an on-call service that the caller may\nsee, one row each, by entity ref, streamed as CSV (UTF-8 with a\nbyte-order mark, CRLF line ends): entity, title, owner, service,\nincidents (all, high and low urgency, the period before), mean MTTA\nand MTTR in seconds, unacknowledged, unresolved, open at the period\'s\nend, noise incidents and share, changes, failed changes and change\nfailure rate (empty, with the note "no change data", for a service\nwithout change events). The report lists 25 services per section;\nthis lists them all. Cells that a spreadsheet would run as a formula\nare prefixed with `\'`. Added up from the stored daily rows.\n',
        parameters: [
          {
            $ref: '#/components/parameters/reportMonth',
          },
          {
            $ref: '#/components/parameters/reportFrom',
          },
          {
            $ref: '#/components/parameters/reportTo',
          },
          {
            $ref: '#/components/parameters/reportTimeZone',
          },
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
        },
      },
    },
    '/reports/groups/{namespace}/{name}/services.csv': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/groupName',
        },
      ],
      get: {
        operationId: 'exportGroupReportServices',
        summary: 'Every service of a team report as CSV',
        description:
          "As the organisation's services CSV, over the entities owned by the\ngroup or any of its sub-groups that the caller may see. 404 when the\ncaller cannot see the group.\n",
        parameters: [
          {
            $ref: '#/components/parameters/reportMonth',
          },
          {
            $ref: '#/components/parameters/reportFrom',
          },
          {
            $ref: '#/components/parameters/reportTo',
          },
          {
            $ref: '#/components/parameters/reportTimeZone',
          },
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/reports/entities/{kind}/{namespace}/{name}': {
      parameters: [
        {
          $ref: '#/components/parameters/kind',
        },
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/name',
        },
      ],
      get: {
        operationId: 'getEntityReport',
        summary: 'Reliability report of one entity',
        description:
          "As the organisation report, over one entity's on-call service (none\nwhen its annotations name no service: every figure is then empty).\n",
        parameters: [
          {
            $ref: '#/components/parameters/reportMonth',
          },
          {
            $ref: '#/components/parameters/reportFrom',
          },
          {
            $ref: '#/components/parameters/reportTo',
          },
          {
            $ref: '#/components/parameters/reportTimeZone',
          },
          {
            $ref: '#/components/parameters/ifNoneMatch',
          },
        ],
        responses: {
          '200': {
            description: 'The report.',
            headers: {
              ETag: {
                description:
                  'A digest of the answer; send it back as If-None-Match.',
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReliabilityReportResponse',
                },
              },
            },
          },
          '304': {
            $ref: '#/components/responses/NotModified',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
    '/groups/{namespace}/{name}/on-call-health': {
      parameters: [
        {
          $ref: '#/components/parameters/namespace',
        },
        {
          $ref: '#/components/parameters/groupName',
        },
      ],
      get: {
        operationId: 'getGroupOnCallHealth',
        summary: "How sustainable a team's on-call is",
        description:
          "The last 28 whole days ending yesterday (in the reports' zone): each\nrotation (level 1 of an escalation policy) of the services owned by\nthe group or its sub-groups with pages per shift, per person and per\nweek, off-hours and sleep-hours pages and fairness, and the alert\nquality of those services. Makes no upstream call.\n",
        parameters: [
          {
            $ref: '#/components/parameters/ifNoneMatch',
          },
        ],
        responses: {
          '200': {
            description: "The team's on-call health.",
            headers: {
              ETag: {
                description:
                  'A digest of the answer; send it back as If-None-Match.',
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/OnCallHealthResponse',
                },
              },
            },
          },
          '304': {
            $ref: '#/components/responses/NotModified',
          },
          '400': {
            $ref: '#/components/responses/BadRequest',
          },
          '401': {
            $ref: '#/components/responses/Unauthorized',
          },
          '404': {
            $ref: '#/components/responses/NotFound',
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      backstageToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'A Backstage user or service token.',
      },
    },
    parameters: {
      groupName: {
        name: 'name',
        in: 'path',
        required: true,
        description: 'Group name, e.g. `team-payments`.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
          pattern: '^[a-zA-Z0-9](?:[-_.a-zA-Z0-9]*[a-zA-Z0-9])?$',
        },
      },
      reportMonth: {
        name: 'month',
        in: 'query',
        allowReserved: true,
        description: 'A calendar month `YYYY-MM`; not with `from`/`to`.',
        schema: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}$',
        },
      },
      reportFrom: {
        name: 'from',
        in: 'query',
        allowReserved: true,
        description: 'The first day `YYYY-MM-DD` (inclusive); with `to`.',
        schema: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
      },
      reportTo: {
        name: 'to',
        in: 'query',
        allowReserved: true,
        description:
          'The last day `YYYY-MM-DD` (inclusive); with `from`. The period must\nbe over, not inverted, and at most 366 days long.\n',
        schema: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        },
      },
      reportTimeZone: {
        name: 'timeZone',
        in: 'query',
        allowReserved: true,
        description:
          'IANA zone of the day boundaries. Default and, today, the only zone\naccepted: `reliability.reports.timeZone` (UTC unless configured),\nthe zone the daily rows are folded in.\n',
        schema: {
          type: 'string',
          maxLength: 40,
        },
      },
      teamSearch: {
        name: 'search',
        in: 'query',
        allowReserved: true,
        description:
          'Matches the title or name, case-insensitively; at most 200 characters once trimmed.',
        schema: {
          type: 'string',
        },
      },
      teamLevel: {
        name: 'level',
        in: 'query',
        allowReserved: true,
        description:
          'A level id, or `none` for entities below the first level; at most 200 characters once trimmed.',
        schema: {
          type: 'string',
        },
      },
      teamOwner: {
        name: 'owner',
        in: 'query',
        allowReserved: true,
        description:
          'An owning group ref (the team or a sub-team); at most 512 characters once trimmed.',
        schema: {
          type: 'string',
        },
      },
      teamFailing: {
        name: 'failing',
        in: 'query',
        allowReserved: true,
        description:
          '`true`: only entities with failing checks (empty: `false`).',
        schema: {
          type: 'string',
          enum: ['true', 'false', ''],
        },
      },
      teamTier: {
        name: 'tier',
        in: 'query',
        allowReserved: true,
        description: 'At most 200 characters once trimmed.',
        schema: {
          type: 'string',
        },
      },
      teamLifecycle: {
        name: 'lifecycle',
        in: 'query',
        allowReserved: true,
        description: 'At most 200 characters once trimmed.',
        schema: {
          type: 'string',
        },
      },
      teamCheck: {
        name: 'check',
        in: 'query',
        allowReserved: true,
        description:
          'A check id: only entities where that check fails or is in error (exempt results excluded); at most 200 characters once trimmed.',
        schema: {
          type: 'string',
        },
      },
      teamSort: {
        name: 'sort',
        in: 'query',
        allowReserved: true,
        description:
          'The column to sort by (default, also when empty, `score`).',
        schema: {
          type: 'string',
          enum: [
            '',
            'entity',
            'level',
            'score',
            'failingChecks',
            'slo',
            'budget',
            'sloAlert',
            'onCall',
            'mttr',
            'openIncidents',
            'owner',
          ],
        },
      },
      teamDirection: {
        name: 'direction',
        in: 'query',
        allowReserved: true,
        description: 'Default (also when empty) `asc`.',
        schema: {
          type: 'string',
          enum: ['asc', 'desc', ''],
        },
      },
      ifNoneMatch: {
        name: 'If-None-Match',
        in: 'header',
        description:
          'An ETag of an earlier answer; 304 when it is still current.',
        schema: {
          type: 'string',
        },
      },
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        description: 'Entity kind, case-insensitive, e.g. `component`.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
          pattern: '^[a-zA-Z][a-zA-Z0-9]*$',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description:
          'Entity namespace, e.g. `default`. The catalog stores namespaces in lower case and matches them without regard to case, and so does this API.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
          pattern: '^[a-zA-Z0-9\\u212A]+(?:-+[a-zA-Z0-9\\u212A]+)*$',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        description: 'Entity name, e.g. `checkout-api`.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
          pattern: '^[a-zA-Z0-9](?:[-_.a-zA-Z0-9]*[a-zA-Z0-9])?$',
        },
      },
      reviewId: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          format: 'uuid',
          pattern:
            '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
        },
      },
      itemId: {
        name: 'itemId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}$',
        },
      },
      sectionId: {
        name: 'sectionId',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          pattern: '^[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}$',
        },
      },
    },
    responses: {
      NotModified: {
        description:
          "The caller's copy (named by `If-None-Match`) is current; no body.",
      },
      BadRequest: {
        description: 'A parameter is invalid; the message names it.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Unauthorized: {
        description: 'No or invalid credentials.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      Forbidden: {
        description: 'The caller is not allowed to do this.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      NotFound: {
        description:
          'The entity does not exist or is not visible to the caller.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      ReviewWritten: {
        description:
          'The review as stored after the change, with its event log.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ReviewResponse',
            },
          },
        },
      },
      ReviewConflict: {
        description:
          'The review changed since the caller read it (the version sent is not\nthe stored one), the action does not fit its state, or (on open) the\nentity already has an open review for the stage. Nothing was written;\n`review` is the review as it stands.\n',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ReviewConflictError',
            },
          },
        },
      },
    },
    schemas: {
      Timestamp: {
        type: 'string',
        format: 'date-time',
      },
      NullableTimestamp: {
        type: ['string', 'null'],
        format: 'date-time',
      },
      Error: {
        description: "Backstage's error response body.",
        type: 'object',
        required: ['error', 'request', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      SloRulesProblem: {
        type: 'object',
        additionalProperties: false,
        required: ['sloId', 'file', 'field', 'message'],
        properties: {
          sloId: {
            type: 'string',
          },
          file: {
            type: 'string',
          },
          field: {
            description: 'The field at fault, or `(whole SLO)`.',
            type: 'string',
          },
          message: {
            type: 'string',
          },
          fix: {
            type: 'string',
          },
        },
      },
      SloRulesResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'fileName', 'yaml', 'problems'],
        properties: {
          entityRef: {
            type: 'string',
          },
          fileName: {
            type: 'string',
          },
          yaml: {
            type: 'string',
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloRulesProblem',
            },
          },
        },
      },
      SloRulesNotExportable: {
        allOf: [
          {
            $ref: '#/components/schemas/Error',
          },
          {
            type: 'object',
            required: ['problems'],
            properties: {
              problems: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/SloRulesProblem',
                },
              },
            },
          },
        ],
      },
      MetadataProblem: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'field', 'message'],
        properties: {
          entityRef: {
            type: 'string',
          },
          field: {
            description:
              'The offending field, e.g. `metadata.annotations["pagerduty.com/service-id"]`.',
            type: 'string',
          },
          message: {
            type: 'string',
          },
          fix: {
            type: 'string',
          },
        },
      },
      SourceHealth: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'type',
          'displayName',
          'lastAttemptAt',
          'lastSuccessAt',
          'lastError',
          'errorSince',
          'stale',
          'ageSeconds',
          'warnings',
        ],
        properties: {
          id: {
            description: 'e.g. `pagerduty:default`',
            type: 'string',
          },
          type: {
            type: 'string',
          },
          displayName: {
            type: 'string',
          },
          lastAttemptAt: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
          lastSuccessAt: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
          lastError: {
            description: 'The last error message, while the source is failing.',
            type: ['string', 'null'],
          },
          errorSince: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
          stale: {
            description:
              'The last attempt failed, or the last success is older than `reliability.sync.staleAfter`.',
            type: 'boolean',
          },
          ageSeconds: {
            description: 'Seconds since the last success.',
            type: ['integer', 'null'],
            minimum: 0,
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      SourcesHealthResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['sources'],
        properties: {
          sources: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SourceHealth',
            },
          },
        },
      },
      ContactMethod: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'address'],
        properties: {
          type: {
            enum: ['email', 'phone', 'sms', 'push', 'other'],
          },
          address: {
            type: 'string',
          },
          label: {
            type: 'string',
          },
        },
      },
      OnCallPerson: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'contactMethods'],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          email: {
            type: 'string',
          },
          htmlUrl: {
            type: 'string',
          },
          avatarUrl: {
            type: 'string',
          },
          timeZone: {
            type: 'string',
          },
          contactMethods: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ContactMethod',
            },
          },
        },
      },
      ScheduleRef: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          htmlUrl: {
            type: 'string',
          },
        },
      },
      EscalationTarget: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'id', 'name'],
        properties: {
          type: {
            enum: ['user', 'schedule'],
          },
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          htmlUrl: {
            type: 'string',
          },
        },
      },
      OnCallAssignment: {
        type: 'object',
        additionalProperties: false,
        required: ['person', 'start', 'end'],
        properties: {
          person: {
            $ref: '#/components/schemas/OnCallPerson',
          },
          start: {
            description: 'null for a permanent on-call.',
            $ref: '#/components/schemas/NullableTimestamp',
          },
          end: {
            description: 'null for a permanent on-call.',
            $ref: '#/components/schemas/NullableTimestamp',
          },
          schedule: {
            $ref: '#/components/schemas/ScheduleRef',
          },
        },
      },
      ResolvedEscalationLevel: {
        type: 'object',
        additionalProperties: false,
        required: [
          'level',
          'delayMinutes',
          'targets',
          'onCallNow',
          'nextHandoff',
          'gaps',
        ],
        properties: {
          level: {
            type: 'integer',
            minimum: 1,
          },
          delayMinutes: {
            type: 'number',
            minimum: 0,
          },
          targets: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EscalationTarget',
            },
          },
          onCallNow: {
            description:
              'Empty when nobody holds the level now (e.g. a schedule gap).',
            type: 'array',
            items: {
              $ref: '#/components/schemas/OnCallAssignment',
            },
          },
          nextHandoff: {
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                additionalProperties: false,
                required: ['at', 'onCall'],
                properties: {
                  at: {
                    $ref: '#/components/schemas/Timestamp',
                  },
                  onCall: {
                    type: 'array',
                    items: {
                      $ref: '#/components/schemas/OnCallAssignment',
                    },
                  },
                },
              },
            ],
          },
          gaps: {
            description:
              'Times within the next 7 days when nobody holds the level.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['start', 'end'],
              properties: {
                start: {
                  $ref: '#/components/schemas/Timestamp',
                },
                end: {
                  $ref: '#/components/schemas/Timestamp',
                },
              },
            },
          },
        },
      },
      SourceTeam: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name'],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          htmlUrl: {
            type: 'string',
          },
        },
      },
      OnCallServiceRecord: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'teams'],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          htmlUrl: {
            type: 'string',
          },
          status: {
            type: 'string',
          },
          escalationPolicyId: {
            type: 'string',
          },
          teams: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SourceTeam',
            },
          },
        },
      },
      OpenIncident: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'status', 'urgency', 'createdAt'],
        properties: {
          id: {
            type: 'string',
          },
          number: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          status: {
            enum: ['triggered', 'acknowledged'],
          },
          urgency: {
            enum: ['high', 'low'],
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          htmlUrl: {
            type: 'string',
          },
        },
      },
      IncidentStats: {
        type: 'object',
        additionalProperties: false,
        required: [
          'serviceId',
          'windowDays',
          'total',
          'highUrgency',
          'mttaSeconds',
          'mttrSeconds',
          'pagesPerShift',
          'open',
        ],
        properties: {
          serviceId: {
            type: 'string',
          },
          windowDays: {
            type: 'integer',
            minimum: 1,
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          highUrgency: {
            type: 'integer',
            minimum: 0,
          },
          mttaSeconds: {
            type: ['number', 'null'],
            minimum: 0,
          },
          mttrSeconds: {
            type: ['number', 'null'],
            minimum: 0,
          },
          pagesPerShift: {
            type: ['number', 'null'],
            minimum: 0,
            description:
              "High-urgency incidents created during a level-1 shift of the\nservice's escalation policy, divided by the level-1 shifts, both\nover the same `windowDays`; null when no shift is known.\n",
          },
          open: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OpenIncident',
            },
          },
        },
      },
      OnCallState: {
        description:
          "`not-configured`: no on-call annotation. `malformed`: the annotation is\ninvalid (see `problem`). `awaiting-sync`: the source never synced\nsuccessfully yet, or its last sync could not reach this service\n(its service list is longer than the source's API lets a sync read;\nsee `notSyncedReason`). `unknown-service`: the source synced its\nwhole service list, or looked the id up on its own, and does not know\nthe service id. `ok`: service, escalation policy and incidents are\npresent.\n",
        enum: [
          'not-configured',
          'malformed',
          'unknown-service',
          'awaiting-sync',
          'ok',
        ],
      },
      EntityOnCall: {
        type: 'object',
        additionalProperties: false,
        required: ['state'],
        properties: {
          state: {
            $ref: '#/components/schemas/OnCallState',
          },
          sourceId: {
            type: 'string',
          },
          serviceId: {
            type: 'string',
          },
          problem: {
            $ref: '#/components/schemas/MetadataProblem',
          },
          notSyncedReason: {
            type: 'string',
            description:
              'For `awaiting-sync` after a successful sync: why this service was\nnot synced yet.\n',
          },
          service: {
            $ref: '#/components/schemas/OnCallServiceRecord',
          },
          escalationPolicy: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name', 'numLoops', 'levels'],
            properties: {
              id: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
              htmlUrl: {
                type: 'string',
              },
              numLoops: {
                type: 'integer',
                minimum: 0,
              },
              levels: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ResolvedEscalationLevel',
                },
              },
            },
          },
          incidents: {
            $ref: '#/components/schemas/IncidentStats',
          },
        },
      },
      EntityOwner: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'exists'],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          exists: {
            description:
              'False when the owner reference points to no (visible) catalog entity.',
            type: 'boolean',
          },
        },
      },
      Runbook: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'url', 'origin'],
        properties: {
          title: {
            type: 'string',
          },
          url: {
            type: 'string',
            format: 'uri',
          },
          origin: {
            enum: ['entity-link', 'alert-rule'],
          },
          alert: {
            type: 'string',
          },
        },
      },
      EntityReliabilitySummary: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'owner',
          'onCall',
          'runbooks',
          'sources',
          'problems',
          'generatedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          owner: {
            oneOf: [
              {
                type: 'null',
              },
              {
                $ref: '#/components/schemas/EntityOwner',
              },
            ],
          },
          onCall: {
            $ref: '#/components/schemas/EntityOnCall',
          },
          runbooks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Runbook',
            },
          },
          sources: {
            description: 'Health of every source this summary drew from.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/SourceHealth',
            },
          },
          problems: {
            description: 'Every metadata problem found on the entity.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/MetadataProblem',
            },
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      RefreshEntityResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['refreshedAt', 'summary'],
        properties: {
          refreshedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          summary: {
            $ref: '#/components/schemas/EntityReliabilitySummary',
          },
        },
      },
      OnCallHandoff: {
        description:
          'The next change of who holds a level, within the synced horizon.',
        type: 'object',
        additionalProperties: false,
        required: ['at', 'onCall'],
        properties: {
          at: {
            $ref: '#/components/schemas/Timestamp',
          },
          onCall: {
            description: 'Empty when a gap begins.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/OnCallAssignment',
            },
          },
        },
      },
      GroupOnCallEntity: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'ownerRef',
          'state',
          'onCallNow',
          'nextHandoff',
          'uncoveredLevels',
          'openHighUrgencyIncidents',
          'freshness',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            description: "The entity's `metadata.title`.",
            type: 'string',
          },
          ownerRef: {
            description: 'The owning group, the requested one or a sub-group.',
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/OnCallState',
          },
          sourceId: {
            type: 'string',
          },
          serviceId: {
            type: 'string',
          },
          problem: {
            description:
              'Why the on-call cannot be shown (`malformed`, `unknown-service`).',
            $ref: '#/components/schemas/MetadataProblem',
          },
          service: {
            $ref: '#/components/schemas/OnCallServiceRecord',
          },
          escalationPolicy: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name'],
            properties: {
              id: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
              htmlUrl: {
                type: 'string',
              },
            },
          },
          onCallNow: {
            description:
              'Who holds level 1 now; empty when nobody does or the state is not `ok`.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/OnCallAssignment',
            },
          },
          nextHandoff: {
            description: 'The next level-1 handoff.',
            oneOf: [
              {
                type: 'null',
              },
              {
                $ref: '#/components/schemas/OnCallHandoff',
              },
            ],
          },
          uncoveredLevels: {
            description:
              'Levels nobody holds right now, and when that ends (null when nobody is scheduled).',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['level', 'until'],
              properties: {
                level: {
                  type: 'integer',
                  minimum: 1,
                },
                until: {
                  $ref: '#/components/schemas/NullableTimestamp',
                },
              },
            },
          },
          openHighUrgencyIncidents: {
            description:
              'Open high-urgency incidents; null when no incident figures are known.',
            type: ['integer', 'null'],
            minimum: 0,
          },
          freshness: {
            description:
              "When the entity's source last synced successfully and whether that is stale; null without a source.",
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                additionalProperties: false,
                required: ['asOf', 'stale'],
                properties: {
                  asOf: {
                    $ref: '#/components/schemas/NullableTimestamp',
                  },
                  stale: {
                    type: 'boolean',
                  },
                },
              },
            ],
          },
        },
      },
      GroupOnCallResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'groupRef',
          'groupRefs',
          'entities',
          'sources',
          'truncated',
          'generatedAt',
        ],
        properties: {
          groupRef: {
            type: 'string',
          },
          groupRefs: {
            description:
              'The group and the sub-groups whose entities are listed.',
            type: 'array',
            minItems: 1,
            items: {
              type: 'string',
            },
          },
          entities: {
            description:
              'Entities owned by any of `groupRefs`, ordered by entity ref.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/GroupOnCallEntity',
            },
          },
          sources: {
            description: 'Health of every source the entities drew from.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/SourceHealth',
            },
          },
          truncated: {
            description:
              'True when the group owns more entities, or has more sub-groups, than one response covers.',
            type: 'boolean',
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      SloProblem: {
        description:
          "A problem of an entity's OpenSLO files or of locating an SLO's source.",
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'file', 'field', 'message'],
        properties: {
          entityRef: {
            type: 'string',
          },
          file: {
            description:
              'The file as the annotation lists it; empty when the annotation itself is the problem.',
            type: 'string',
          },
          field: {
            description:
              'Path inside the document, e.g. `spec.objectives[0].target`, or the annotation.',
            type: 'string',
          },
          message: {
            type: 'string',
          },
          fix: {
            type: 'string',
          },
          sloName: {
            type: 'string',
          },
          document: {
            type: 'object',
            additionalProperties: false,
            required: ['index'],
            properties: {
              index: {
                type: 'integer',
              },
              item: {
                type: 'integer',
              },
              kind: {
                type: 'string',
              },
              name: {
                type: 'string',
              },
            },
          },
        },
      },
      NullableNumber: {
        type: ['number', 'null'],
      },
      BurnRateWindowId: {
        type: 'string',
        enum: ['5m', '30m', '1h', '2h', '6h', '1d', '3d'],
      },
      SloWindowBurn: {
        type: 'object',
        additionalProperties: false,
        required: [
          'window',
          'seconds',
          'errorRatio',
          'burnRate',
          'budgetConsumed',
        ],
        properties: {
          window: {
            $ref: '#/components/schemas/BurnRateWindowId',
          },
          seconds: {
            type: 'number',
          },
          errorRatio: {
            $ref: '#/components/schemas/NullableNumber',
          },
          burnRate: {
            $ref: '#/components/schemas/NullableNumber',
          },
          budgetConsumed: {
            $ref: '#/components/schemas/NullableNumber',
          },
        },
      },
      BurnRateAlertResult: {
        type: 'object',
        additionalProperties: false,
        required: [
          'severity',
          'longWindow',
          'shortWindow',
          'budgetConsumed',
          'longWindowSeconds',
          'shortWindowSeconds',
          'threshold',
          'longBurnRate',
          'shortBurnRate',
          'hasData',
          'firing',
        ],
        properties: {
          severity: {
            type: 'string',
            enum: ['page', 'ticket'],
          },
          longWindow: {
            $ref: '#/components/schemas/BurnRateWindowId',
          },
          shortWindow: {
            $ref: '#/components/schemas/BurnRateWindowId',
          },
          budgetConsumed: {
            type: 'number',
          },
          longWindowSeconds: {
            type: 'number',
          },
          shortWindowSeconds: {
            type: 'number',
          },
          threshold: {
            type: 'number',
          },
          longBurnRate: {
            $ref: '#/components/schemas/NullableNumber',
          },
          shortBurnRate: {
            $ref: '#/components/schemas/NullableNumber',
          },
          hasData: {
            type: 'boolean',
          },
          firing: {
            type: 'boolean',
          },
          unknown: {
            description:
              'The long window reaches the threshold but the short window has no data at all (the metrics stopped), so whether the alert fires cannot be told. Absent on evaluations stored before this field existed.',
            type: 'boolean',
          },
        },
      },
      SloBudgetEvaluation: {
        type: 'object',
        additionalProperties: false,
        required: [
          'objective',
          'errorBudget',
          'periodSeconds',
          'attainment',
          'errorRatio',
          'budgetRemaining',
          'burnRates',
          'alerts',
          'currentBurnRateWindow',
          'timeToExhaustionSeconds',
        ],
        properties: {
          objective: {
            type: 'number',
          },
          errorBudget: {
            type: 'number',
          },
          periodSeconds: {
            type: 'number',
          },
          attainment: {
            $ref: '#/components/schemas/NullableNumber',
          },
          errorRatio: {
            $ref: '#/components/schemas/NullableNumber',
          },
          budgetRemaining: {
            description: 'May be negative when the budget is overspent.',
            $ref: '#/components/schemas/NullableNumber',
          },
          burnRates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloWindowBurn',
            },
          },
          alerts: {
            type: 'object',
            additionalProperties: false,
            required: ['state', 'rules', 'firing'],
            properties: {
              state: {
                description:
                  "The most severe firing row (page wins over ticket); `unknown` when none fires but a row's long window burns over its threshold while its short window has no data.",
                type: 'string',
                enum: ['page', 'ticket', 'unknown', 'ok', 'no-data'],
              },
              rules: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/BurnRateAlertResult',
                },
              },
              firing: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/BurnRateAlertResult',
                },
              },
              unknown: {
                description: 'The rules whose state is unknown.',
                type: 'array',
                items: {
                  $ref: '#/components/schemas/BurnRateAlertResult',
                },
              },
            },
          },
          currentBurnRateWindow: {
            $ref: '#/components/schemas/BurnRateWindowId',
          },
          timeToExhaustionSeconds: {
            $ref: '#/components/schemas/NullableNumber',
          },
        },
      },
      BurnDownPoint: {
        type: 'object',
        additionalProperties: false,
        required: [
          'timestamp',
          'attainment',
          'budgetRemaining',
          'eventBudgetRemaining',
          'idealBudgetRemaining',
        ],
        properties: {
          timestamp: {
            $ref: '#/components/schemas/Timestamp',
          },
          attainment: {
            $ref: '#/components/schemas/NullableNumber',
          },
          budgetRemaining: {
            $ref: '#/components/schemas/NullableNumber',
          },
          eventBudgetRemaining: {
            $ref: '#/components/schemas/NullableNumber',
          },
          idealBudgetRemaining: {
            $ref: '#/components/schemas/NullableNumber',
          },
        },
      },
      SloStatusView: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'name',
          'displayName',
          'file',
          'indicatorKind',
          'objective',
          'window',
          'windowSeconds',
          'rolling',
          'budgetingMethod',
          'state',
          'burnDown',
          'evaluatedAt',
          'queryLinks',
          'errors',
          'warnings',
        ],
        properties: {
          id: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          displayName: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          file: {
            type: 'string',
          },
          indicatorKind: {
            type: 'string',
            enum: ['ratio', 'threshold'],
          },
          objective: {
            type: 'number',
            exclusiveMinimum: 0,
            exclusiveMaximum: 1,
          },
          window: {
            type: 'string',
          },
          windowSeconds: {
            type: 'number',
          },
          rolling: {
            type: 'boolean',
          },
          windowStart: {
            description:
              'Calendar-aligned windows only: start of the calendar window the SLO was measured in (before its first measurement, the one in force now). Attainment and budget count from here.',
            type: 'string',
            format: 'date-time',
          },
          windowEnd: {
            description:
              'Calendar-aligned windows only: when that calendar window ends and the budget resets.',
            type: 'string',
            format: 'date-time',
          },
          budgetingMethod: {
            type: 'string',
            enum: ['Occurrences', 'Timeslices', 'RatioTimeslices'],
          },
          alertPolicies: {
            description:
              'The OpenSLO alert policies the exported Prometheus alerts follow; absent when the SLO names none and the default multi-window burn-rate policy is in force.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'name',
                'severity',
                'condition',
                'notificationTargets',
              ],
              properties: {
                name: {
                  type: 'string',
                },
                displayName: {
                  type: 'string',
                },
                severity: {
                  type: 'string',
                },
                condition: {
                  description: 'e.g. `burn rate ≥ 14.4 over 1h for 5m`',
                  type: 'string',
                },
                notificationTargets: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
          sourceId: {
            type: 'string',
          },
          state: {
            description:
              '`ok` measured; `no-data` measured with zero traffic; `error` the\nlast measurement failed (`evaluation` is then the last good one,\nif any, measured at `evaluatedAt`), or, without `sourceId`, no\nconfigured source can measure the SLO as declared (`errors` names\nthe configuration problem and its field); `awaiting-sync` not\nmeasured yet.\n',
            type: 'string',
            enum: ['ok', 'no-data', 'error', 'awaiting-sync'],
          },
          evaluation: {
            $ref: '#/components/schemas/SloBudgetEvaluation',
          },
          burnDown: {
            description:
              'The budget burn-down over the window, oldest first, reduced on the server to at most 120 of its own points (the shape kept: the first point, the last, and from each stretch between the point that best keeps the line). The last point shows the headline `evaluation` figures.',
            type: 'array',
            maxItems: 120,
            items: {
              $ref: '#/components/schemas/BurnDownPoint',
            },
          },
          evaluatedAt: {
            description:
              'The instant `evaluation` was measured at (for Prometheus the whole minute its queries were evaluated at), not when the sync ran.',
            $ref: '#/components/schemas/NullableTimestamp',
          },
          queryLinks: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['title', 'url'],
              properties: {
                title: {
                  type: 'string',
                },
                url: {
                  type: 'string',
                },
              },
            },
          },
          errors: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      EntitySlosResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['entityRef', 'slos', 'problems', 'sources', 'generatedAt'],
        properties: {
          entityRef: {
            type: 'string',
          },
          slos: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloStatusView',
            },
          },
          problems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SloProblem',
            },
          },
          sources: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SourceHealth',
            },
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      DeployGateResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'decision',
          'onUnknown',
          'allowed',
          'reasons',
          'unknown',
          'evaluatedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          decision: {
            description:
              '`allow`: nothing stands in the way. `block`: something does (an exhausted budget, a firing or unknown page alert, a readiness review). `unknown`: nothing blocks, but some SLO cannot be judged (reasons `stale-data`, `slo-not-measured`, `slo-invalid`). CI should test `decision == "allow"`.',
            type: 'string',
            enum: ['allow', 'block', 'unknown'],
          },
          onUnknown: {
            description:
              'The policy applied to an `unknown` decision (`reliability.slos.deployGate.onUnknown`, `block` by default).',
            type: 'string',
            enum: ['allow', 'block'],
          },
          allowed: {
            description:
              'Kept for older clients, derived: `decision` is `allow`, or `unknown` while `onUnknown` is `allow`.',
            type: 'boolean',
          },
          reasons: {
            description: 'Why the decision is not `allow`; empty when it is.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'message'],
              properties: {
                sloId: {
                  description:
                    'The SLO concerned; absent for review reasons and unreadable files.',
                  type: 'string',
                },
                kind: {
                  type: 'string',
                  description:
                    "`page-alert-unknown`: a page-level alert's long window burns while its short window has no data (blocks unless `reliability.slos.deployGate.unknownPageAlert` is `allow`). `review-*`: a readiness review gate (`reliability.reviews.gate`). `stale-data` (last measurement older than the staleness limit), `slo-not-measured` (no usable measurement: not measured yet, the source never answered, the measurement fails) and `slo-invalid` (a declaration or file that cannot be read) make the decision `unknown`; the others block.",
                  enum: [
                    'budget-exhausted',
                    'page-alert',
                    'page-alert-unknown',
                    'stale-data',
                    'slo-not-measured',
                    'slo-invalid',
                    'review-missing',
                    'review-not-approved',
                    'review-drifted',
                  ],
                },
                message: {
                  type: 'string',
                },
                stage: {
                  description:
                    'Review reasons (`reliability.reviews.gate`), the gated stage.',
                  type: 'string',
                },
                reviewId: {
                  description: 'Review reasons, the open review concerned.',
                  type: 'string',
                },
              },
            },
          },
          unknown: {
            description:
              'Notes that do not change the decision: SLOs with no traffic in their window, and a page alert of unknown state while `unknownPageAlert` is `allow`.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['sloId', 'message'],
              properties: {
                sloId: {
                  type: 'string',
                },
                message: {
                  type: 'string',
                },
              },
            },
          },
          evaluatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      ScorecardLevelRef: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'index'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          index: {
            description: "0-based position in the rubric's levels.",
            type: 'integer',
            minimum: 0,
          },
        },
      },
      CheckFacts: {
        description: 'The facts a check judged, as evidence.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['label', 'value'],
          properties: {
            label: {
              type: 'string',
            },
            value: {
              type: ['string', 'number', 'boolean', 'null'],
            },
            sourceId: {
              type: 'string',
            },
            asOf: {
              $ref: '#/components/schemas/NullableTimestamp',
            },
            stale: {
              type: 'boolean',
            },
          },
        },
      },
      ScorecardCheckResult: {
        type: 'object',
        additionalProperties: false,
        required: [
          'checkId',
          'title',
          'category',
          'description',
          'fix',
          'levelId',
          'state',
          'message',
          'facts',
          'passing',
        ],
        properties: {
          checkId: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          category: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          fix: {
            type: 'object',
            additionalProperties: false,
            required: ['text'],
            properties: {
              text: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          levelId: {
            description:
              'The level requiring the check; null when informational.',
            type: ['string', 'null'],
          },
          state: {
            type: 'string',
            enum: ['pass', 'fail', 'warning', 'not-applicable', 'error'],
          },
          message: {
            type: 'string',
          },
          facts: {
            $ref: '#/components/schemas/CheckFacts',
          },
          exemption: {
            type: 'object',
            additionalProperties: false,
            required: ['checkId', 'reason', 'approver', 'expires', 'expired'],
            properties: {
              checkId: {
                type: 'string',
              },
              reason: {
                type: 'string',
              },
              approver: {
                type: 'string',
              },
              expires: {
                type: 'string',
                format: 'date',
              },
              expired: {
                type: 'boolean',
              },
            },
          },
          passing: {
            description:
              'Counts as passing (pass, warning, or an unexpired exemption).',
            type: 'boolean',
          },
          blockedBy: {
            description:
              'The id of the failing check in this scorecard that keeps this one from being judged (e.g. every on-call check of an entity whose PagerDuty link is broken points at `pagerduty-service-linked`); fixing that check is the fix for this one.',
            type: 'string',
          },
        },
      },
      EntityScorecard: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'level',
          'score',
          'counts',
          'nextLevel',
          'checks',
          'evaluatedAt',
          'sources',
          'rubricVersion',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          level: {
            oneOf: [
              {
                $ref: '#/components/schemas/ScorecardLevelRef',
              },
              {
                type: 'null',
              },
            ],
          },
          score: {
            type: 'integer',
            minimum: 0,
            maximum: 100,
          },
          counts: {
            type: 'object',
            additionalProperties: false,
            required: [
              'pass',
              'fail',
              'warning',
              'notApplicable',
              'error',
              'exempt',
            ],
            properties: {
              pass: {
                type: 'integer',
              },
              fail: {
                type: 'integer',
              },
              warning: {
                type: 'integer',
              },
              notApplicable: {
                type: 'integer',
              },
              error: {
                type: 'integer',
              },
              exempt: {
                type: 'integer',
              },
            },
          },
          nextLevel: {
            oneOf: [
              {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'title', 'index', 'blockingCheckIds'],
                properties: {
                  id: {
                    type: 'string',
                  },
                  title: {
                    type: 'string',
                  },
                  index: {
                    type: 'integer',
                  },
                  blockingCheckIds: {
                    type: 'array',
                    items: {
                      type: 'string',
                    },
                  },
                },
              },
              {
                type: 'null',
              },
            ],
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorecardCheckResult',
            },
          },
          evaluatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          sources: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['sourceId', 'asOf', 'stale'],
              properties: {
                sourceId: {
                  type: 'string',
                },
                asOf: {
                  $ref: '#/components/schemas/NullableTimestamp',
                },
                stale: {
                  type: 'boolean',
                },
              },
            },
          },
          rubricVersion: {
            type: 'string',
          },
        },
      },
      ScorecardRubricView: {
        type: 'object',
        additionalProperties: false,
        required: ['levels', 'checks', 'version'],
        properties: {
          levels: {
            description: 'Lowest first.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'title', 'checkIds'],
              properties: {
                id: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                checkIds: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
          checks: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'title', 'category', 'description', 'levelId'],
              properties: {
                id: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                category: {
                  type: 'string',
                },
                description: {
                  type: 'string',
                },
                levelId: {
                  type: ['string', 'null'],
                },
              },
            },
          },
          version: {
            type: 'string',
          },
        },
      },
      ScorecardHistoryPoint: {
        type: 'object',
        additionalProperties: false,
        required: ['day', 'levelId', 'score'],
        properties: {
          day: {
            type: 'string',
            format: 'date',
          },
          levelId: {
            type: ['string', 'null'],
          },
          score: {
            type: 'integer',
          },
        },
      },
      TeamStanding: {
        type: 'object',
        additionalProperties: false,
        required: [
          'groupRef',
          'rank',
          'entities',
          'includesSubTeams',
          'averageScore',
          'distribution',
        ],
        properties: {
          groupRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          rank: {
            type: 'integer',
            minimum: 1,
          },
          entities: {
            description:
              "A team's own entities; a department's, including its sub-teams'.",
            type: 'integer',
          },
          includesSubTeams: {
            type: 'boolean',
          },
          averageScore: {
            type: 'number',
          },
          distribution: {
            $ref: '#/components/schemas/LevelDistribution',
          },
        },
      },
      EntityScorecardResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'state',
          'scorecard',
          'lastCheckedAt',
          'lastChangedAt',
          'rubric',
          'history',
          'stale',
          'generatedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          state: {
            type: 'string',
            enum: ['ok', 'awaiting-evaluation', 'not-in-scope'],
          },
          scorecard: {
            oneOf: [
              {
                $ref: '#/components/schemas/EntityScorecard',
              },
              {
                type: 'null',
              },
            ],
          },
          lastCheckedAt: {
            description:
              'When an evaluation run last looked at the entity; runs skip entities whose facts did not change, which confirms the stored result. Null without a stored scorecard.',
            $ref: '#/components/schemas/NullableTimestamp',
          },
          lastChangedAt: {
            description:
              'When the level, score or a check state last changed; null when no change is recorded.',
            $ref: '#/components/schemas/NullableTimestamp',
          },
          rubric: {
            $ref: '#/components/schemas/ScorecardRubricView',
          },
          history: {
            description:
              'Oldest first, at most one point per day, over 90 days.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorecardHistoryPoint',
            },
          },
          stale: {
            type: 'boolean',
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      LevelDistribution: {
        description:
          'Entities per level id; `none` counts entities below the first level.',
        type: 'object',
        additionalProperties: {
          type: 'integer',
          minimum: 0,
        },
      },
      LevelTrendPoint: {
        type: 'object',
        additionalProperties: false,
        required: ['day', 'counts'],
        properties: {
          day: {
            type: 'string',
            format: 'date',
          },
          counts: {
            $ref: '#/components/schemas/LevelDistribution',
          },
          carried: {
            description:
              "No evaluation ran that day; the counts are the day before's.",
            type: 'boolean',
          },
        },
      },
      TeamScorecardRow: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'kind',
          'ownerRef',
          'levelId',
          'score',
          'failingChecks',
          'sloAttainment',
          'sloObjective',
          'sloBudgetRemaining',
          'onCallCovered',
          'mttrSeconds',
          'openIncidents',
          'evaluatedAt',
          'stale',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          kind: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          lifecycle: {
            type: 'string',
          },
          tier: {
            type: 'string',
          },
          ownerRef: {
            type: 'string',
          },
          levelId: {
            type: ['string', 'null'],
          },
          score: {
            type: 'integer',
          },
          failingChecks: {
            type: 'integer',
          },
          sloAttainment: {
            type: ['number', 'null'],
          },
          sloObjective: {
            type: ['number', 'null'],
          },
          sloBudgetRemaining: {
            type: ['number', 'null'],
          },
          onCallCovered: {
            type: ['boolean', 'null'],
          },
          mttrSeconds: {
            type: ['number', 'null'],
          },
          openIncidents: {
            type: ['integer', 'null'],
          },
          sloAlert: {
            description:
              'The most severe burn-rate alert among the SLOs (`page` over\n`ticket` over `unknown` over `no-data` over `ok`); null without\nSLOs.\n',
            type: ['string', 'null'],
            enum: ['ok', 'ticket', 'page', 'unknown', 'no-data', null],
          },
          evaluatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          stale: {
            type: 'boolean',
          },
        },
      },
      GroupScorecardResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'groupRef',
          'groupRefs',
          'rubric',
          'rows',
          'total',
          'offset',
          'limit',
          'entities',
          'averageScore',
          'staleEntities',
          'distribution',
          'facets',
          'trend',
          'historySince',
          'lastEvaluatedAt',
          'generatedAt',
        ],
        properties: {
          groupRef: {
            type: 'string',
          },
          groupRefs: {
            description: 'The group and every group below it.',
            type: 'array',
            items: {
              type: 'string',
            },
          },
          rubric: {
            $ref: '#/components/schemas/ScorecardRubricView',
          },
          rows: {
            description:
              'One page of the rows matching the query, in its order.',
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/TeamScorecardRow',
            },
          },
          total: {
            description: 'Rows matching the query, every page.',
            type: 'integer',
            minimum: 0,
          },
          offset: {
            type: 'integer',
            minimum: 0,
          },
          limit: {
            type: 'integer',
            minimum: 1,
            maximum: 100,
          },
          entities: {
            description: 'Every entity of the team, whatever the query.',
            type: 'integer',
            minimum: 0,
          },
          averageScore: {
            description:
              'Average score of every entity of the team; null without entities.',
            type: ['number', 'null'],
          },
          staleEntities: {
            description: 'Entities of the team evaluated with stale facts.',
            type: 'integer',
            minimum: 0,
          },
          distribution: {
            $ref: '#/components/schemas/LevelDistribution',
          },
          facets: {
            description: 'The values the filters can take.',
            type: 'object',
            additionalProperties: false,
            required: ['ownerRefs', 'tiers', 'lifecycles'],
            properties: {
              ownerRefs: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              tiers: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              lifecycles: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          trend: {
            description: 'One point per day from `historySince` to today.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/LevelTrendPoint',
            },
          },
          historySince: {
            description: 'First day with recorded history; null when none.',
            type: ['string', 'null'],
            format: 'date',
          },
          lastEvaluatedAt: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      ScorecardOverviewResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'rubric',
          'totalEntities',
          'distribution',
          'teams',
          'departments',
          'failingChecks',
          'trend',
          'lastEvaluatedAt',
          'generatedAt',
        ],
        properties: {
          rubric: {
            $ref: '#/components/schemas/ScorecardRubricView',
          },
          totalEntities: {
            type: 'integer',
          },
          distribution: {
            $ref: '#/components/schemas/LevelDistribution',
          },
          teams: {
            description:
              'Groups owning entities directly, best average score first. Each counts only what it owns itself, so every entity counts once.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/TeamStanding',
            },
          },
          departments: {
            description:
              'Groups with sub-teams owning entities, best average score first; each counts everything it and the groups below it own.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/TeamStanding',
            },
          },
          failingChecks: {
            description: 'Most failing (fails + errors) first.',
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'checkId',
                'title',
                'category',
                'levelId',
                'failing',
                'errors',
                'applicable',
                'teams',
              ],
              properties: {
                checkId: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                category: {
                  type: 'string',
                },
                levelId: {
                  type: ['string', 'null'],
                },
                failing: {
                  type: 'integer',
                },
                errors: {
                  type: 'integer',
                },
                applicable: {
                  type: 'integer',
                },
                teams: {
                  description:
                    'Groups owning entities directly where the check fails or is in error, most first.',
                  type: 'array',
                  items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['groupRef', 'failing', 'errors'],
                    properties: {
                      groupRef: {
                        type: 'string',
                      },
                      failing: {
                        type: 'integer',
                      },
                      errors: {
                        type: 'integer',
                      },
                    },
                  },
                },
              },
            },
          },
          trend: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LevelTrendPoint',
            },
          },
          lastEvaluatedAt: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      RubricChange: {
        type: 'object',
        additionalProperties: false,
        required: ['op', 'checkId', 'levelId'],
        properties: {
          op: {
            type: 'string',
            enum: ['add', 'remove'],
          },
          checkId: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          levelId: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      RubricPreviewRequest: {
        type: 'object',
        required: ['changes'],
        properties: {
          changes: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              $ref: '#/components/schemas/RubricChange',
            },
          },
        },
      },
      RubricPreviewResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'changes',
          'before',
          'after',
          'droppedCount',
          'raisedCount',
          'moves',
          'summary',
          'generatedAt',
        ],
        properties: {
          changes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RubricChange',
            },
          },
          before: {
            $ref: '#/components/schemas/LevelDistribution',
          },
          after: {
            $ref: '#/components/schemas/LevelDistribution',
          },
          droppedCount: {
            type: 'integer',
          },
          raisedCount: {
            type: 'integer',
          },
          moves: {
            description: 'Dropped first, at most 500.',
            type: 'array',
            maxItems: 500,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['entityRef', 'ownerRef', 'from', 'to'],
              properties: {
                entityRef: {
                  type: 'string',
                },
                ownerRef: {
                  type: 'string',
                },
                from: {
                  type: ['string', 'null'],
                },
                to: {
                  type: ['string', 'null'],
                },
              },
            },
          },
          summary: {
            description:
              'e.g. `Adding “SLOs defined” to Silver drops 12 of 140 entities below Silver; none rises.`',
            type: 'string',
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      ReviewState: {
        type: 'string',
        enum: [
          'draft',
          'in-review',
          'changes-requested',
          'approved',
          'drifted',
          'cancelled',
        ],
      },
      ReviewTemplateItem: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'title'],
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['check', 'attestation'],
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          checkId: {
            type: 'string',
          },
          evidence: {
            type: 'string',
            enum: ['required', 'optional', 'none'],
          },
          reaffirmEveryDays: {
            type: 'integer',
            minimum: 1,
          },
          stages: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          tiers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      ReviewTemplate: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'appliesTo', 'stages', 'sections', 'version'],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          appliesTo: {
            type: 'object',
            additionalProperties: false,
            properties: {
              kinds: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              types: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              lifecycles: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              tiers: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
          stages: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          sections: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'title', 'reviewerGroups', 'items'],
              properties: {
                id: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                description: {
                  type: 'string',
                },
                reviewerGroups: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
                items: {
                  type: 'array',
                  items: {
                    $ref: '#/components/schemas/ReviewTemplateItem',
                  },
                },
              },
            },
          },
          version: {
            type: 'string',
          },
        },
      },
      ReviewTemplatesResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['templates'],
        properties: {
          templates: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReviewTemplate',
            },
          },
        },
      },
      ReviewCheckState: {
        type: 'object',
        required: ['state', 'passing', 'message', 'facts', 'evaluatedAt'],
        properties: {
          state: {
            type: 'string',
            enum: ['pass', 'fail', 'warning', 'not-applicable', 'error'],
          },
          passing: {
            description:
              'Pass, warning, an active exemption, or not applicable.',
            type: 'boolean',
          },
          message: {
            type: 'string',
          },
          facts: {
            $ref: '#/components/schemas/CheckFacts',
          },
          fix: {
            type: 'object',
            additionalProperties: false,
            required: ['text'],
            properties: {
              text: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          evaluatedAt: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
          capturedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          reason: {
            type: 'string',
            enum: ['submit', 'signoff'],
          },
        },
      },
      ReviewCheckSnapshot: {
        description:
          "The check's state frozen when the item was submitted or signed off: a check state that always says when and why it was captured.",
        allOf: [
          {
            $ref: '#/components/schemas/ReviewCheckState',
          },
          {
            type: 'object',
            required: ['capturedAt', 'reason'],
            properties: {
              capturedAt: {
                $ref: '#/components/schemas/Timestamp',
              },
              reason: {
                type: 'string',
                enum: ['submit', 'signoff'],
              },
            },
          },
        ],
      },
      EvidenceLink: {
        type: 'object',
        additionalProperties: false,
        required: ['url'],
        properties: {
          url: {
            description:
              "An http(s) URL, as a URL parser reads it (the backend checks\nthis; the scheme's case and surrounding blanks do not matter).\n",
            type: 'string',
            maxLength: 2048,
          },
          title: {
            type: 'string',
            maxLength: 200,
          },
        },
      },
      AttestationAnswer: {
        type: 'object',
        additionalProperties: false,
        required: [
          'value',
          'evidence',
          'answeredBy',
          'answeredAt',
          'expiresAt',
        ],
        properties: {
          value: {
            type: 'string',
            enum: ['yes', 'no', 'not-applicable'],
          },
          reason: {
            type: 'string',
            maxLength: 2000,
          },
          evidence: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EvidenceLink',
            },
          },
          note: {
            type: 'string',
            maxLength: 2000,
          },
          answeredBy: {
            type: 'string',
          },
          answeredAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          expiresAt: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
        },
      },
      ItemWaiver: {
        type: 'object',
        additionalProperties: false,
        required: ['reason', 'by', 'at'],
        properties: {
          reason: {
            type: 'string',
          },
          by: {
            type: 'string',
          },
          at: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      ReviewItem: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'title', 'status'],
        properties: {
          id: {
            type: 'string',
          },
          kind: {
            type: 'string',
            enum: ['check', 'attestation'],
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          checkId: {
            type: 'string',
          },
          evidence: {
            type: 'string',
            enum: ['required', 'optional', 'none'],
          },
          reaffirmEveryDays: {
            type: 'integer',
            minimum: 1,
          },
          stages: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          tiers: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          status: {
            type: 'string',
            enum: ['passing', 'failing', 'unanswered', 'expired', 'waived'],
          },
          live: {
            oneOf: [
              {
                type: 'null',
              },
              {
                $ref: '#/components/schemas/ReviewCheckState',
              },
            ],
          },
          snapshot: {
            oneOf: [
              {
                type: 'null',
              },
              {
                $ref: '#/components/schemas/ReviewCheckSnapshot',
              },
            ],
          },
          answer: {
            oneOf: [
              {
                type: 'null',
              },
              {
                $ref: '#/components/schemas/AttestationAnswer',
              },
            ],
          },
          waiver: {
            oneOf: [
              {
                type: 'null',
              },
              {
                $ref: '#/components/schemas/ItemWaiver',
              },
            ],
          },
        },
      },
      ReviewSection: {
        type: 'object',
        additionalProperties: false,
        required: [
          'id',
          'title',
          'reviewerGroups',
          'items',
          'signoff',
          'eligibility',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          reviewerGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReviewItem',
            },
          },
          signoff: {
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                additionalProperties: false,
                required: ['by', 'at'],
                properties: {
                  by: {
                    type: 'string',
                  },
                  at: {
                    $ref: '#/components/schemas/Timestamp',
                  },
                  comment: {
                    type: 'string',
                  },
                },
              },
            ],
          },
          eligibility: {
            type: 'object',
            additionalProperties: false,
            required: ['allowed'],
            properties: {
              allowed: {
                type: 'boolean',
              },
              reason: {
                type: 'string',
              },
            },
          },
        },
      },
      ReviewDriftCause: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'message', 'since'],
        properties: {
          kind: {
            type: 'string',
            enum: ['check-failing', 'attestation-expired', 'new-items'],
          },
          itemId: {
            type: 'string',
          },
          sectionId: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
          since: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      ReviewSummary: {
        type: 'object',
        required: [
          'id',
          'entityRef',
          'stage',
          'templateId',
          'templateTitle',
          'state',
          'dri',
          'targetDate',
          'overdue',
          'pendingReviewerGroups',
          'sectionsSigned',
          'sectionsTotal',
          'driftCount',
          'createdAt',
          'updatedAt',
          'version',
        ],
        properties: {
          id: {
            type: 'string',
            format: 'uuid',
          },
          entityRef: {
            type: 'string',
          },
          entityTitle: {
            type: 'string',
          },
          ownerRef: {
            type: 'string',
          },
          stage: {
            type: 'string',
          },
          templateId: {
            type: 'string',
          },
          templateTitle: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/ReviewState',
          },
          dri: {
            type: 'string',
          },
          targetDate: {
            type: ['string', 'null'],
            format: 'date',
          },
          overdue: {
            type: 'boolean',
          },
          pendingReviewerGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          sectionsSigned: {
            type: 'integer',
            minimum: 0,
          },
          sectionsTotal: {
            type: 'integer',
            minimum: 0,
          },
          driftCount: {
            type: 'integer',
            minimum: 0,
          },
          createdAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          updatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          version: {
            description: 'Send it with every write.',
            type: 'integer',
            minimum: 1,
          },
        },
      },
      Review: {
        allOf: [
          {
            $ref: '#/components/schemas/ReviewSummary',
          },
          {
            type: 'object',
            required: [
              'templateVersion',
              'sections',
              'drift',
              'warnings',
              'blockers',
            ],
            properties: {
              templateVersion: {
                type: 'string',
              },
              tier: {
                type: 'string',
              },
              tierAtOpen: {
                type: 'string',
              },
              sections: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ReviewSection',
                },
              },
              drift: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ReviewDriftCause',
                },
              },
              warnings: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              blockers: {
                description:
                  'Items neither passing, answered nor waived, as `sectionId/itemId`.',
                type: 'array',
                items: {
                  type: 'string',
                },
              },
            },
          },
        ],
      },
      ReviewEvent: {
        type: 'object',
        additionalProperties: false,
        required: ['seq', 'at', 'actor', 'action'],
        properties: {
          seq: {
            type: 'integer',
            minimum: 1,
          },
          at: {
            $ref: '#/components/schemas/Timestamp',
          },
          actor: {
            description: 'A user ref, or `system` for drift detection.',
            type: 'string',
          },
          action: {
            type: 'string',
          },
          stateBefore: {
            $ref: '#/components/schemas/ReviewState',
          },
          stateAfter: {
            $ref: '#/components/schemas/ReviewState',
          },
          sectionId: {
            type: 'string',
          },
          itemId: {
            type: 'string',
          },
          details: {
            description:
              'Action details, e.g. the answer, the reason, the drift causes.',
            type: 'object',
            additionalProperties: true,
          },
        },
      },
      ReviewResponse: {
        type: 'object',
        additionalProperties: false,
        required: ['review', 'events', 'generatedAt'],
        properties: {
          review: {
            $ref: '#/components/schemas/Review',
          },
          events: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReviewEvent',
            },
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      ReviewExport: {
        type: 'object',
        additionalProperties: false,
        required: ['review', 'events', 'template', 'generatedAt'],
        properties: {
          review: {
            $ref: '#/components/schemas/Review',
          },
          events: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReviewEvent',
            },
          },
          template: {
            $ref: '#/components/schemas/ReviewTemplate',
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      ReviewConflictError: {
        allOf: [
          {
            $ref: '#/components/schemas/Error',
          },
          {
            type: 'object',
            required: ['review'],
            properties: {
              review: {
                $ref: '#/components/schemas/Review',
              },
            },
          },
        ],
      },
      EntityReviewsResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'reviews',
          'templates',
          'canCreate',
          'generatedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          reviews: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReviewSummary',
            },
          },
          templates: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['templateId', 'title', 'openableStages'],
              properties: {
                templateId: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                openableStages: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                },
              },
            },
          },
          canCreate: {
            type: 'boolean',
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      ReviewListResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'items',
          'total',
          'page',
          'pageSize',
          'countsByState',
          'generatedAt',
        ],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReviewSummary',
            },
          },
          total: {
            type: 'integer',
            minimum: 0,
          },
          page: {
            type: 'integer',
            minimum: 1,
          },
          pageSize: {
            type: 'integer',
            minimum: 1,
            maximum: 100,
          },
          countsByState: {
            type: 'object',
            propertyNames: {
              $ref: '#/components/schemas/ReviewState',
            },
            additionalProperties: {
              type: 'integer',
              minimum: 0,
            },
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      CreateReviewRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['templateId', 'stage'],
        properties: {
          templateId: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          stage: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          targetDate: {
            type: 'string',
            format: 'date',
          },
        },
      },
      AnswerItemRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'value'],
        properties: {
          version: {
            type: 'integer',
            minimum: 1,
          },
          value: {
            type: 'string',
            enum: ['yes', 'no', 'not-applicable'],
          },
          reason: {
            description: 'Required with `no` and `not-applicable`.',
            type: 'string',
            maxLength: 2000,
          },
          evidence: {
            type: 'array',
            maxItems: 20,
            items: {
              $ref: '#/components/schemas/EvidenceLink',
            },
          },
          note: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      ReviewActionRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['version'],
        properties: {
          version: {
            type: 'integer',
            minimum: 1,
          },
          comment: {
            description: 'Required for request-changes and cancel.',
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      WaiveItemRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'reason'],
        properties: {
          version: {
            type: 'integer',
            minimum: 1,
          },
          reason: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      ReportPeriod: {
        description:
          'Whole local days `[startDate, endDate)` in `timeZone`, the instants `[start, end)`.',
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'timeZone', 'startDate', 'endDate', 'start', 'end'],
        properties: {
          kind: {
            type: 'string',
            enum: ['month', 'days'],
          },
          timeZone: {
            type: 'string',
          },
          startDate: {
            type: 'string',
            format: 'date',
          },
          endDate: {
            description: 'The day after the last one (exclusive).',
            type: 'string',
            format: 'date',
          },
          start: {
            $ref: '#/components/schemas/Timestamp',
          },
          end: {
            $ref: '#/components/schemas/Timestamp',
          },
        },
      },
      DurationMeasure: {
        type: 'object',
        additionalProperties: false,
        required: ['count', 'meanSeconds', 'p90Seconds', 'p90Approximate'],
        properties: {
          count: {
            type: 'integer',
            minimum: 0,
          },
          meanSeconds: {
            $ref: '#/components/schemas/NullableNumber',
          },
          p90Seconds: {
            $ref: '#/components/schemas/NullableNumber',
          },
          p90Approximate: {
            type: 'boolean',
          },
        },
      },
      IncidentMeasures: {
        type: 'object',
        additionalProperties: false,
        required: [
          'total',
          'byUrgency',
          'mtta',
          'unacknowledged',
          'mttr',
          'unresolved',
          'openAtPeriodEnd',
          'longest',
        ],
        properties: {
          total: {
            type: 'integer',
            minimum: 0,
          },
          byUrgency: {
            type: 'object',
            additionalProperties: false,
            required: ['high', 'low'],
            properties: {
              high: {
                type: 'integer',
                minimum: 0,
              },
              low: {
                type: 'integer',
                minimum: 0,
              },
            },
          },
          mtta: {
            $ref: '#/components/schemas/DurationMeasure',
          },
          unacknowledged: {
            type: 'integer',
            minimum: 0,
          },
          mttr: {
            $ref: '#/components/schemas/DurationMeasure',
          },
          unresolved: {
            type: 'integer',
            minimum: 0,
          },
          openAtPeriodEnd: {
            type: 'integer',
            minimum: 0,
          },
          longest: {
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                additionalProperties: false,
                required: ['incidentId', 'serviceId', 'durationSeconds'],
                properties: {
                  incidentId: {
                    type: 'string',
                  },
                  serviceId: {
                    type: 'string',
                  },
                  durationSeconds: {
                    type: 'number',
                    minimum: 0,
                  },
                },
              },
            ],
          },
        },
      },
      ChangeFailureRate: {
        description:
          '`no-change-data` (rate null) when no change event was recorded, never 0 %.',
        type: 'object',
        required: ['status', 'changes', 'failedChanges', 'rate'],
        properties: {
          status: {
            type: 'string',
            enum: ['measured', 'no-change-data'],
          },
          changes: {
            type: 'integer',
            minimum: 0,
          },
          failedChanges: {
            type: 'integer',
            minimum: 0,
          },
          rate: {
            type: ['number', 'null'],
            minimum: 0,
            maximum: 1,
          },
        },
      },
      ServiceChangeFailureRate: {
        allOf: [
          {
            $ref: '#/components/schemas/ChangeFailureRate',
          },
          {
            type: 'object',
            required: ['serviceId'],
            properties: {
              serviceId: {
                type: 'string',
              },
            },
          },
        ],
      },
      ReportChangeFailure: {
        description:
          'The change failure rate over every service in scope, listing at most 25 services (most failed changes first, then those without change data); the counts say how many there are.',
        type: 'object',
        additionalProperties: false,
        required: [
          'windowMinutes',
          'overall',
          'services',
          'serviceCount',
          'measuredServiceCount',
        ],
        properties: {
          windowMinutes: {
            type: 'number',
            minimum: 0,
          },
          overall: {
            $ref: '#/components/schemas/ChangeFailureRate',
          },
          services: {
            type: 'array',
            maxItems: 25,
            items: {
              $ref: '#/components/schemas/ServiceChangeFailureRate',
            },
          },
          serviceCount: {
            type: 'integer',
            minimum: 0,
          },
          measuredServiceCount: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      OnCallPersonLoad: {
        type: 'object',
        additionalProperties: false,
        required: [
          'personId',
          'shifts',
          'onCallHours',
          'pages',
          'offHoursPages',
          'sleepHoursPages',
          'pagesPerShift',
          'pagesPerWeek',
        ],
        properties: {
          personId: {
            type: 'string',
          },
          personName: {
            description:
              'The name the on-call source gives the person; absent when unknown (show personId).',
            type: 'string',
          },
          shifts: {
            type: 'number',
            minimum: 0,
          },
          onCallHours: {
            type: 'number',
            minimum: 0,
          },
          pages: {
            type: 'integer',
            minimum: 0,
          },
          offHoursPages: {
            type: 'integer',
            minimum: 0,
          },
          sleepHoursPages: {
            type: 'integer',
            minimum: 0,
          },
          pagesPerShift: {
            $ref: '#/components/schemas/NullableNumber',
          },
          pagesPerWeek: {
            type: 'number',
            minimum: 0,
          },
        },
      },
      OnCallLoadMeasure: {
        type: 'object',
        additionalProperties: false,
        required: [
          'rotationId',
          'shifts',
          'pages',
          'pagesPerShift',
          'offHoursPages',
          'sleepHoursPages',
          'pagesPerPersonPerWeek',
          'people',
          'fairness',
        ],
        properties: {
          rotationId: {
            type: 'string',
          },
          rotationName: {
            description:
              "The escalation policy's name; absent when unknown (show rotationId).",
            type: 'string',
          },
          shifts: {
            type: 'number',
            minimum: 0,
          },
          pages: {
            type: 'integer',
            minimum: 0,
          },
          pagesPerShift: {
            $ref: '#/components/schemas/NullableNumber',
          },
          offHoursPages: {
            type: 'integer',
            minimum: 0,
          },
          sleepHoursPages: {
            type: 'integer',
            minimum: 0,
          },
          pagesPerPersonPerWeek: {
            $ref: '#/components/schemas/NullableNumber',
          },
          people: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OnCallPersonLoad',
            },
          },
          fairness: {
            type: 'object',
            additionalProperties: false,
            required: ['gini', 'reason'],
            properties: {
              gini: {
                type: ['number', 'null'],
                minimum: 0,
                maximum: 1,
              },
              reason: {
                type: ['string', 'null'],
                enum: ['fewer-than-two-people', 'no-pages', null],
              },
            },
          },
        },
      },
      AlertQualityMeasure: {
        type: 'object',
        additionalProperties: false,
        required: [
          'total',
          'actionable',
          'noise',
          'actionableShare',
          'noisiestServices',
        ],
        properties: {
          total: {
            type: 'integer',
            minimum: 0,
          },
          actionable: {
            type: 'integer',
            minimum: 0,
          },
          noise: {
            type: 'integer',
            minimum: 0,
          },
          actionableShare: {
            type: ['number', 'null'],
            minimum: 0,
            maximum: 1,
          },
          noisiestServices: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['serviceId', 'total', 'noise', 'noiseShare'],
              properties: {
                serviceId: {
                  type: 'string',
                },
                total: {
                  type: 'integer',
                  minimum: 0,
                },
                noise: {
                  type: 'integer',
                  minimum: 0,
                },
                noiseShare: {
                  type: 'number',
                  minimum: 0,
                  maximum: 1,
                },
              },
            },
          },
        },
      },
      MetricDelta: {
        type: 'object',
        additionalProperties: false,
        required: [
          'current',
          'previous',
          'change',
          'relativeChange',
          'direction',
        ],
        properties: {
          current: {
            $ref: '#/components/schemas/NullableNumber',
          },
          previous: {
            $ref: '#/components/schemas/NullableNumber',
          },
          change: {
            $ref: '#/components/schemas/NullableNumber',
          },
          relativeChange: {
            $ref: '#/components/schemas/NullableNumber',
          },
          direction: {
            type: ['string', 'null'],
            enum: ['improved', 'worsened', 'unchanged', null],
          },
        },
      },
      ServiceMovement: {
        type: 'object',
        additionalProperties: false,
        required: ['serviceId', 'delta'],
        properties: {
          serviceId: {
            type: 'string',
          },
          delta: {
            $ref: '#/components/schemas/MetricDelta',
          },
        },
      },
      ReportServiceRef: {
        type: 'object',
        additionalProperties: false,
        required: ['serviceId', 'entityRef', 'title'],
        properties: {
          serviceId: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
        },
      },
      ReportSloMeasure: {
        description:
          'One SLO over the period, from the daily SLO history: the state of the last day of the period with a measurement and the sums of its days.',
        type: 'object',
        additionalProperties: false,
        required: [
          'entityRef',
          'sloId',
          'sloName',
          'objective',
          'attainment',
          'meetsObjective',
          'budgetLeft',
          'budgetConsumed',
          'pageAlertSeconds',
          'daysWithData',
          'firstDay',
          'lastDay',
          'previousAttainment',
          'previousBudgetLeft',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          sloId: {
            type: 'string',
          },
          sloName: {
            type: 'string',
          },
          objective: {
            type: 'number',
            minimum: 0,
            maximum: 1,
          },
          attainment: {
            $ref: '#/components/schemas/NullableNumber',
          },
          meetsObjective: {
            type: ['boolean', 'null'],
          },
          budgetLeft: {
            $ref: '#/components/schemas/NullableNumber',
          },
          budgetConsumed: {
            description:
              "Share of one SLO window's error budget the period's bad events consumed.",
            $ref: '#/components/schemas/NullableNumber',
          },
          pageAlertSeconds: {
            type: 'number',
            minimum: 0,
          },
          daysWithData: {
            type: 'integer',
            minimum: 1,
          },
          firstDay: {
            type: 'string',
            format: 'date',
          },
          lastDay: {
            type: 'string',
            format: 'date',
          },
          previousAttainment: {
            $ref: '#/components/schemas/NullableNumber',
          },
          previousBudgetLeft: {
            $ref: '#/components/schemas/NullableNumber',
          },
        },
      },
      ReportSloFigures: {
        description:
          'SLO figures of a scope over one period; null figures mean no SLO data (never zero).',
        type: 'object',
        additionalProperties: false,
        required: [
          'slos',
          'meetingObjective',
          'meanAttainment',
          'minAttainment',
          'meanBudgetConsumed',
          'pageAlertSeconds',
        ],
        properties: {
          slos: {
            type: 'integer',
            minimum: 0,
          },
          meetingObjective: {
            type: 'integer',
            minimum: 0,
          },
          meanAttainment: {
            $ref: '#/components/schemas/NullableNumber',
          },
          minAttainment: {
            $ref: '#/components/schemas/NullableNumber',
          },
          meanBudgetConsumed: {
            $ref: '#/components/schemas/NullableNumber',
          },
          pageAlertSeconds: {
            type: ['number', 'null'],
            minimum: 0,
          },
        },
      },
      ReportSloTrendPoint: {
        type: 'object',
        additionalProperties: false,
        required: [
          'month',
          'slos',
          'meetingObjective',
          'meanAttainment',
          'minAttainment',
          'meanBudgetConsumed',
          'pageAlertSeconds',
        ],
        properties: {
          month: {
            type: 'string',
            pattern: '^[0-9]{4}-[0-9]{2}$',
          },
          slos: {
            type: 'integer',
            minimum: 0,
          },
          meetingObjective: {
            type: 'integer',
            minimum: 0,
          },
          meanAttainment: {
            $ref: '#/components/schemas/NullableNumber',
          },
          minAttainment: {
            $ref: '#/components/schemas/NullableNumber',
          },
          meanBudgetConsumed: {
            $ref: '#/components/schemas/NullableNumber',
          },
          pageAlertSeconds: {
            type: ['number', 'null'],
            minimum: 0,
          },
        },
      },
      ReportSloSummary: {
        type: 'object',
        additionalProperties: false,
        required: [
          'total',
          'meetingObjective',
          'budgetExhausted',
          'pageAlertSeconds',
          'period',
          'previousPeriod',
          'deltas',
          'trend',
          'historyStartsOn',
          'demoData',
          'slos',
          'listLimit',
        ],
        properties: {
          total: {
            type: 'integer',
            minimum: 0,
          },
          meetingObjective: {
            type: 'integer',
            minimum: 0,
          },
          budgetExhausted: {
            type: 'integer',
            minimum: 0,
          },
          pageAlertSeconds: {
            type: 'number',
            minimum: 0,
          },
          period: {
            $ref: '#/components/schemas/ReportSloFigures',
          },
          previousPeriod: {
            $ref: '#/components/schemas/ReportSloFigures',
          },
          deltas: {
            type: 'object',
            additionalProperties: false,
            required: [
              'meetingObjective',
              'meanAttainment',
              'minAttainment',
              'meanBudgetConsumed',
              'pageAlertSeconds',
            ],
            properties: {
              meetingObjective: {
                $ref: '#/components/schemas/MetricDelta',
              },
              meanAttainment: {
                $ref: '#/components/schemas/MetricDelta',
              },
              minAttainment: {
                $ref: '#/components/schemas/MetricDelta',
              },
              meanBudgetConsumed: {
                $ref: '#/components/schemas/MetricDelta',
              },
              pageAlertSeconds: {
                $ref: '#/components/schemas/MetricDelta',
              },
            },
          },
          trend: {
            description:
              "The twelve calendar months ending with the period's last month, oldest first (empty without SLO history in scope).",
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReportSloTrendPoint',
            },
          },
          historyStartsOn: {
            type: ['string', 'null'],
            format: 'date',
          },
          demoData: {
            description: 'True when the figures include generated demo data.',
            type: 'boolean',
          },
          slos: {
            description:
              'SLOs in scope, least budget left first, at most listLimit.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReportSloMeasure',
            },
          },
          listLimit: {
            type: 'integer',
            minimum: 1,
          },
        },
      },
      ReportTrendPoint: {
        type: 'object',
        additionalProperties: false,
        required: [
          'month',
          'incidents',
          'highUrgency',
          'mttaMeanSeconds',
          'mttrMeanSeconds',
          'changeFailureRate',
          'actionableShare',
          'pages',
          'offHoursPages',
        ],
        properties: {
          month: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}$',
          },
          incidents: {
            type: 'integer',
            minimum: 0,
          },
          highUrgency: {
            type: 'integer',
            minimum: 0,
          },
          mttaMeanSeconds: {
            $ref: '#/components/schemas/NullableNumber',
          },
          mttrMeanSeconds: {
            $ref: '#/components/schemas/NullableNumber',
          },
          changeFailureRate: {
            $ref: '#/components/schemas/NullableNumber',
          },
          actionableShare: {
            $ref: '#/components/schemas/NullableNumber',
          },
          pages: {
            type: 'integer',
            minimum: 0,
          },
          offHoursPages: {
            type: 'integer',
            minimum: 0,
          },
        },
      },
      ReliabilityReportResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'scope',
          'period',
          'previousPeriod',
          'generatedAt',
          'dataAsOf',
          'historyStartsOn',
          'warnings',
          'services',
          'incidents',
          'previousIncidents',
          'changeFailure',
          'onCall',
          'alertQuality',
          'slos',
          'deltas',
          'movers',
          'trend',
        ],
        properties: {
          scope: {
            type: 'object',
            additionalProperties: false,
            required: [
              'kind',
              'ref',
              'title',
              'includesSubgroups',
              'entityCount',
              'serviceCount',
              'rotationCount',
            ],
            properties: {
              kind: {
                type: 'string',
                enum: ['entity', 'group', 'organization'],
              },
              ref: {
                type: ['string', 'null'],
              },
              title: {
                type: 'string',
              },
              includesSubgroups: {
                type: 'boolean',
              },
              entityCount: {
                description:
                  'Entities in scope (for a group or the organisation, those mapped to an on-call service).',
                type: 'integer',
                minimum: 0,
              },
              serviceCount: {
                type: 'integer',
                minimum: 0,
              },
              rotationCount: {
                description:
                  'Rotations of those services; onCall lists the 25 most paged.',
                type: 'integer',
                minimum: 0,
              },
            },
          },
          period: {
            $ref: '#/components/schemas/ReportPeriod',
          },
          previousPeriod: {
            $ref: '#/components/schemas/ReportPeriod',
          },
          generatedAt: {
            $ref: '#/components/schemas/Timestamp',
          },
          dataAsOf: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
          historyStartsOn: {
            type: ['string', 'null'],
            format: 'date',
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          services: {
            description:
              'The entities of the services this answer names, not every service in scope.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReportServiceRef',
            },
          },
          incidents: {
            $ref: '#/components/schemas/IncidentMeasures',
          },
          previousIncidents: {
            $ref: '#/components/schemas/IncidentMeasures',
          },
          changeFailure: {
            $ref: '#/components/schemas/ReportChangeFailure',
          },
          onCall: {
            type: 'array',
            maxItems: 25,
            items: {
              $ref: '#/components/schemas/OnCallLoadMeasure',
            },
          },
          alertQuality: {
            $ref: '#/components/schemas/AlertQualityMeasure',
          },
          slos: {
            $ref: '#/components/schemas/ReportSloSummary',
          },
          deltas: {
            type: 'object',
            additionalProperties: false,
            required: [
              'incidents',
              'highUrgency',
              'mttaMeanSeconds',
              'mttrMeanSeconds',
              'mttrP90Seconds',
              'openAtPeriodEnd',
              'changeFailureRate',
              'actionableShare',
              'pages',
              'offHoursPages',
              'sleepHoursPages',
              'pagesPerShift',
            ],
            properties: {
              incidents: {
                $ref: '#/components/schemas/MetricDelta',
              },
              highUrgency: {
                $ref: '#/components/schemas/MetricDelta',
              },
              mttaMeanSeconds: {
                $ref: '#/components/schemas/MetricDelta',
              },
              mttrMeanSeconds: {
                $ref: '#/components/schemas/MetricDelta',
              },
              mttrP90Seconds: {
                $ref: '#/components/schemas/MetricDelta',
              },
              openAtPeriodEnd: {
                $ref: '#/components/schemas/MetricDelta',
              },
              changeFailureRate: {
                $ref: '#/components/schemas/MetricDelta',
              },
              actionableShare: {
                $ref: '#/components/schemas/MetricDelta',
              },
              pages: {
                $ref: '#/components/schemas/MetricDelta',
              },
              offHoursPages: {
                $ref: '#/components/schemas/MetricDelta',
              },
              sleepHoursPages: {
                $ref: '#/components/schemas/MetricDelta',
              },
              pagesPerShift: {
                $ref: '#/components/schemas/MetricDelta',
              },
            },
          },
          movers: {
            type: 'object',
            additionalProperties: false,
            required: ['incidents', 'mttrMeanSeconds', 'noise'],
            properties: {
              incidents: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ServiceMovement',
                },
              },
              mttrMeanSeconds: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ServiceMovement',
                },
              },
              noise: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/ServiceMovement',
                },
              },
            },
          },
          trend: {
            type: 'array',
            minItems: 12,
            maxItems: 12,
            items: {
              $ref: '#/components/schemas/ReportTrendPoint',
            },
          },
        },
      },
      OnCallHealthResponse: {
        type: 'object',
        additionalProperties: false,
        required: [
          'group',
          'period',
          'dataAsOf',
          'warnings',
          'services',
          'rotations',
          'alertQuality',
        ],
        properties: {
          group: {
            type: 'string',
          },
          period: {
            $ref: '#/components/schemas/ReportPeriod',
          },
          dataAsOf: {
            $ref: '#/components/schemas/NullableTimestamp',
          },
          warnings: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          services: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReportServiceRef',
            },
          },
          rotations: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/OnCallLoadMeasure',
            },
          },
          alertQuality: {
            $ref: '#/components/schemas/AlertQualityMeasure',
          },
        },
      },
    },
  },
} as const;

/** A router that validates requests against {@link spec} before the handlers. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>[1],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
