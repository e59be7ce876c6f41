import { createBackendModule } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';

/** The header that names the demo user, e.g. `x-demo-user: lars.nilsson`. */
export const DEMO_USER_HEADER = 'x-demo-user';

const userNamePattern = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * Signs a person in as any User of the demo organisation, named in a request header, so that the
 * roles (medarbetare, chef, förvaltningschef, rapportläsare, administratör) can be tried without a
 * real identity provider. Like Backstage's guest provider it refuses to work outside development
 * unless `auth.providers.demo.dangerouslyAllowOutsideDevelopment` is set; production config does
 * not list the provider at all, so it is never mounted there.
 */
const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    const allowOutsideDevelopment = config.getOptionalBoolean(
      'dangerouslyAllowOutsideDevelopment',
    );
    return {
      enabled:
        process.env.NODE_ENV === 'development' ||
        allowOutsideDevelopment === true,
    };
  },
  async authenticate({ req }, { enabled }) {
    if (!enabled) {
      throw new NotAllowedError(
        "The demo sign-in works only in development; set 'auth.providers.demo.dangerouslyAllowOutsideDevelopment' to use it elsewhere",
      );
    }
    const userName = req.header(DEMO_USER_HEADER)?.trim() ?? '';
    if (!userNamePattern.test(userName)) {
      throw new InputError(
        `Name the demo user in the '${DEMO_USER_HEADER}' header, e.g. '${DEMO_USER_HEADER}: erik.lindqvist'`,
      );
    }
    return { result: { userName } };
  },
});

/** @public */
export const authModuleDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
      },
      async init({ providers }) {
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            // The user must exist in the catalog: ownership (group membership) then comes from
            // there, exactly as with a real provider.
            signInResolver: async ({ result }, ctx) =>
              ctx.signInWithCatalogUser({
                entityRef: { name: result.userName },
              }),
          }),
        });
      },
    });
  },
});
