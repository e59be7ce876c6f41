import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { ServiceGuidelinesPolicy } from '@service-guidelines/plugin-service-guidelines-backend';

/**
 * The demo portal's permission policy: the service-guidelines policy with the demo organisation's
 * role groups (examples/org/roles.yaml), or those named in `serviceGuidelines.roles`.
 */
export const permissionModuleServiceGuidelinesPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'service-guidelines-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        const roles = config.getOptionalConfig('serviceGuidelines.roles');
        policy.setPolicy(
          new ServiceGuidelinesPolicy({
            administrators: roles?.getOptionalStringArray('administrators') ?? [
              'group:default/service-guidelines-admins',
            ],
            reportReaders: roles?.getOptionalStringArray('reportReaders') ?? [
              'group:default/ks-rapportlasare',
              'group:default/bun-rapportlasare',
            ],
          }),
        );
      },
    });
  },
});
