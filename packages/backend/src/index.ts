import { createBackend } from '@backstage/backend-defaults';
import { authModuleDemoProvider } from './modules/demoSignIn';
import { permissionModuleServiceGuidelinesPolicy } from './modules/permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: the guest provider and the demo provider work in development only (see app-config.yaml);
// production lists a real provider in app-config.production.yaml.
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(authModuleDemoProvider);
// Production sign-in through Entra ID (configured in app-config.production.yaml only).
backend.add(import('@backstage/plugin-auth-backend-module-microsoft-provider'));

// The catalog holds the organisation tree (Groups) and the employees (Users).
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionModuleServiceGuidelinesPolicy);

// The event bus that catalog, signals and notifications publish on.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.add(import('@service-guidelines/plugin-service-guidelines-backend'));

backend.start();
