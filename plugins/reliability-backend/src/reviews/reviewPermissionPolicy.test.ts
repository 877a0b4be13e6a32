import { setTimeout as sleep } from 'node:timers/promises';
import {
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { testReviewConfig } from '../__testUtils__/reviewFixtures';
import { reviewTestPlugin } from '../__testUtils__/startReviewTestBackend';

jest.setTimeout(120_000);

/**
 * Opening, answering and cancelling reviews is for the entity's owners;
 * signing off is for anyone the review rules admit (group membership).
 */
class OwnersAnswerPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = query;
    if (
      isResourcePermission(permission, 'catalog-entity') &&
      ['create', 'update', 'cancel'].some(
        action => permission.name === `reliability.review.${action}`,
      )
    ) {
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({
          claims: user?.info.ownershipEntityRefs ?? [],
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

const entity = (kind: string, name: string, spec: object): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': 'url:https://example.com/c.yaml',
      'backstage.io/managed-by-origin-location':
        'url:https://example.com/c.yaml',
      'preflight.dev/tier': 'tier-1',
    },
  },
  spec,
});

// The real catalog computes ownedBy from spec.owner and memberOf from
// spec.memberOf: nothing here is a hand-made relation.
const entities: Entity[] = [
  entity('Component', 'checkout-api', {
    type: 'service',
    lifecycle: 'production',
    owner: 'user:default/dana',
  }),
  entity('User', 'dana', { memberOf: [] }),
  entity('User', 'olga', { memberOf: [] }),
  entity('User', 'sam', { memberOf: ['sre'] }),
  entity('Group', 'sre', { type: 'team', children: [] }),
  entity('Group', 'slo-council', { type: 'team', children: [] }),
];

const entityProvider = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'review-test-entities',
  register(env) {
    env.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addEntityProvider({
          getProviderName: () => 'review-test-entities',
          async connect(connection) {
            await connection.applyMutation({
              type: 'full',
              entities: entities.map(e => ({ entity: e, locationKey: 'test' })),
            });
          },
        });
      },
    });
  },
});

const policyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'owners-answer-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new OwnersAnswerPolicy());
      },
    });
  },
});

/**
 * The mock auth service, except that a plugin calling another on a user's
 * behalf sends a user token naming itself as the actor, as real Backstage
 * on-behalf-of tokens do. The permission backend needs that to accept the
 * catalog's own resource-wide checks (the mock sends a bare user token).
 */
const onBehalfOfAuth = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => inner.authenticate(token, options),
      isPrincipal: inner.isPrincipal.bind(inner) as AuthService['isPrincipal'],
      getNoneCredentials: () => inner.getNoneCredentials(),
      getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
      getLimitedUserToken: credentials =>
        inner.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => inner.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        const { principal } = options.onBehalfOf as {
          principal: { type: string; userEntityRef?: string };
        };
        if (principal.type === 'user' && principal.userEntityRef) {
          return {
            token: mockCredentials.user.token(principal.userEntityRef, {
              actor: { subject: `plugin:${plugin.getId()}` },
            }),
          };
        }
        return inner.getPluginRequestToken(options);
      },
    };
  },
});

const api = (p: string) => `/api/reliability${p}`;
const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

describe('review permissions under a real conditional policy', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        entityProvider,
        permissionPlugin,
        policyModule,
        onBehalfOfAuth,
        reviewTestPlugin({ config: testReviewConfig() }, () => {}),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              rules: [{ allow: ['Component', 'User', 'Group', 'Location'] }],
            },
          },
        }),
      ],
    });
    // Wait for the catalog to process and stitch the entities.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await request(backend.server).get(
        '/api/catalog/entities/by-name/user/default/sam',
      );
      const component = await request(backend.server).get(
        '/api/catalog/entities/by-name/component/default/checkout-api',
      );
      if (
        res.status === 200 &&
        res.body.relations?.length > 0 &&
        component.status === 200 &&
        component.body.relations?.length > 0
      ) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `the catalog did not process the test entities: ${
            res.status
          } ${JSON.stringify(res.body).slice(0, 500)} ${component.status}`,
        );
      }
      await sleep(250);
    }
  });

  afterAll(() => backend?.stop());

  const server = () => request(backend.server);

  it('lets the owner open and answer, refuses others, and checks membership from the catalog', async () => {
    const path = api('/entities/component/default/checkout-api/reviews');
    const ga = { templateId: 'ga-readiness', stage: 'ga' };

    // The policy's condition is evaluated by the catalog against the entity.
    const byOutsider = await server()
      .post(path)
      .set('Authorization', as('olga'))
      .send(ga);
    expect(byOutsider.status).toBe(403);
    expect(byOutsider.body.error.message).toBe(
      'You are not allowed to open reviews of component:default/checkout-api',
    );
    expect(
      (await server().get(path).set('Authorization', as('olga'))).body
        .canCreate,
    ).toBe(false);
    expect(
      (await server().get(path).set('Authorization', as('dana'))).body
        .canCreate,
    ).toBe(true);

    const opened = await server()
      .post(path)
      .set('Authorization', as('dana'))
      .send(ga);
    expect(opened.status).toBe(201);
    const id: string = opened.body.review.id;

    const answer = (
      who: string,
      version: number,
      itemId: string,
      body: object,
    ) =>
      server()
        .put(api(`/reviews/${id}/items/${itemId}/answer`))
        .set('Authorization', as(who))
        .send({ version, ...body });
    const drill = {
      value: 'yes',
      evidence: [{ url: 'https://wiki.example.com/drill' }],
    };
    const refused = await answer('olga', 1, 'escalation-tested', drill);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'You are not allowed to answer reviews of component:default/checkout-api',
    );
    expect((await answer('dana', 1, 'escalation-tested', drill)).status).toBe(
      200,
    );
    expect(
      (await answer('dana', 2, 'load-test', { value: 'yes' })).status,
    ).toBe(200);
    const submitted = await server()
      .post(api(`/reviews/${id}/submit`))
      .set('Authorization', as('dana'))
      .send({ version: 3 });
    expect(submitted.status).toBe(200);

    // Sign-off is allowed by the policy; membership comes from the catalog.
    const sign = (who: string, sectionId: string) =>
      server()
        .post(api(`/reviews/${id}/sections/${sectionId}/signoff`))
        .set('Authorization', as(who))
        .send({ version: 4 });
    const notMember = await sign('olga', 'oncall');
    expect(notMember.status).toBe(403);
    expect(notMember.body.error.message).toBe(
      'You are not a member of group:default/sre',
    );
    const dri = await sign('dana', 'oncall');
    expect(dri.status).toBe(403);
    expect(dri.body.error.message).toMatch(/^You are the DRI of this review/);
    // Without a stored scorecard the bound check is not known to pass.
    const blocked = await sign('sam', 'oncall');
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.message).toMatch(/oncall\/escalation$/);

    const cancel = (who: string) =>
      server()
        .post(api(`/reviews/${id}/cancel`))
        .set('Authorization', as(who))
        .send({ version: 4, comment: 'not now' });
    expect((await cancel('sam')).status).toBe(403);
    expect((await cancel('dana')).status).toBe(200);
  });
});
