import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';
import { DEMO_PEOPLE, DEMO_PERSON_HEADER } from './demoPeople';

const people = new Set<string>(DEMO_PEOPLE);

/**
 * Signs a demo visitor in as the person they picked on the demo's sign-in
 * page (a header, like the identity-aware proxies Backstage supports). It
 * trusts the browser completely, so it is enabled only when
 * `auth.providers.demoPeople.dangerouslyTrustTheBrowser` is true, which only
 * the demo's app-config sets; the backend listens on loopback there.
 */
const demoPeopleAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { name: string }) => ({
    profile: { displayName: result.name },
  }),
  initialize({ config }) {
    return {
      enabled: config.getOptionalBoolean('dangerouslyTrustTheBrowser') === true,
    };
  },
  async authenticate({ req }, { enabled }) {
    if (!enabled) {
      throw new NotAllowedError(
        'The demo sign-in is off: set auth.providers.demoPeople.dangerouslyTrustTheBrowser (demo portals only)',
      );
    }
    const name = String(req.header(DEMO_PERSON_HEADER) ?? '');
    if (!people.has(name)) {
      throw new NotAllowedError(
        `Pick one of the demo people (${DEMO_PEOPLE.join(', ')})`,
      );
    }
    return { result: { name } };
  },
});

/** The demo's "sign in as" provider, `demoPeople`. Demo only. */
export const authModuleDemoPeople = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-people-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        if (!config.has('auth.providers.demoPeople')) {
          return;
        }
        providers.registerProvider({
          providerId: 'demoPeople',
          factory: createProxyAuthProviderFactory({
            authenticator: demoPeopleAuthenticator,
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: {
                  kind: 'user',
                  namespace: 'default',
                  name: result.name,
                },
              }),
          }),
        });
      },
    });
  },
});
