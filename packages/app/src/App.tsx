import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import serviceGuidelinesPlugin from '@service-guidelines/plugin-service-guidelines/alpha';
import { navModule } from './modules/nav';
import { demoSignInModule } from './modules/signIn';

export default createApp({
  features: [
    serviceGuidelinesPlugin,
    catalogPlugin,
    orgPlugin,
    notificationsPlugin,
    signalsPlugin,
    userSettingsPlugin,
    navModule,
    demoSignInModule,
  ],
});
