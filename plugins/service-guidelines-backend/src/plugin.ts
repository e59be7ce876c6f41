import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createConditionTransformer } from '@backstage/plugin-permission-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  SERVICE_GUIDELINES_PLUGIN_ID,
  serviceGuidelinesPermissions,
  synpunktHandlePermission,
  synpunktReadPermission,
  synpunktReadPersonalDataPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import {
  readOrganisationRefreshInterval,
  readRegistrySettings,
  readUnitTypes,
} from './config/registrySettings';
import { createStores } from './database';
import { synpunktPermissionResourceRef } from './permissions/resource';
import { synpunktRules } from './permissions/rules';
import { OrganisationSync } from './service/organisation/OrganisationSync';
import { createFortroendevaldaDirectory } from './service/fortroendevalda';
import { createRouter } from './service/router';
import { CallerResolver } from './service/routes/callerAccess';
import { createCallerCaches } from './service/callers';
import { readSvarstidRules } from './service/synpunkter/deadlineRules';
import { SvarsmallService } from './service/synpunkter/SvarsmallService';
import { SynpunktService } from './service/synpunkter/SynpunktService';
import { UnitDirectory } from './service/synpunkter/UnitDirectory';
import { readPluginVersion } from './version';
import { SqliteCheckpointer } from './database/SqliteCheckpointer';
import { createReports } from './report';
import { scheduleDemoSynpunkter } from './demo';
import { createGallring } from './tasks/gallring';
import { scheduleReminders } from './tasks/reminders';
import { readUppfoljningSettings } from './config/uppfoljningSettings';
import { FollowUpService } from './service/uppfoljning/FollowUpService';

import {
  BENCH_BASELINE_CONFIG_KEY,
  createBenchBaselineRoutes,
  ensureBenchBaselineTable,
} from './service/routes/benchBaselineRoutes';

/**
 * The service-guidelines backend plugin: synpunkter, förtroendevalda, uppföljningar and reports
 * for a municipality's service policy.
 *
 * @public
 */
export const serviceGuidelinesPlugin = createBackendPlugin({
  pluginId: SERVICE_GUIDELINES_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const { config, database, logger, scheduler, permissionsRegistry } =
          deps;
        // Configuration first: a wrong svarstid or area must stop start-up, not a request.
        const settings = readRegistrySettings(config);
        const rules = readSvarstidRules(config);
        const uppfoljning = readUppfoljningSettings(config);
        const stores = await createStores({ database });
        // On an SQLite file, checkpoints move off the thread that answers requests.
        const checkpointer = await SqliteCheckpointer.start(
          await database.getClient(),
          logger,
        );
        if (checkpointer) {
          deps.lifecycle.addShutdownHook(() => checkpointer.close());
        }
        // The background jobs let the WAL start over between their batches.
        const betweenBatches = checkpointer
          ? () => checkpointer.catchUp()
          : undefined;
        const clock = () => new Date();
        const gallring = await createGallring({
          config,
          scheduler,
          logger,
          store: stores.gallring,
          areaIds: settings.areas.map(area => area.id),
          clock,
          betweenBatches,
        });

        permissionsRegistry.addPermissions(serviceGuidelinesPermissions);
        permissionsRegistry.addResourceType({
          resourceRef: synpunktPermissionResourceRef,
          permissions: [
            synpunktReadPermission,
            synpunktReadPersonalDataPermission,
            synpunktHandlePermission,
          ],
          rules: Object.values(synpunktRules),
          getResources: ids => stores.synpunkter.permissionResources(ids),
        });

        const organisationSync = new OrganisationSync({
          catalog: deps.catalog,
          auth: deps.auth,
          store: stores.organisation,
          logger,
          unitTypes: readUnitTypes(config),
        });
        await scheduler.scheduleTask({
          id: 'service-guidelines-organisation-mirror',
          // Once across all instances: they share the database the mirror is kept in.
          scope: 'global',
          frequency: readOrganisationRefreshInterval(config),
          timeout: { minutes: 2 },
          fn: async () => {
            await organisationSync.run();
          },
        });

        const units = new UnitDirectory({
          catalog: deps.catalog,
          auth: deps.auth,
          organisation: stores.organisation,
          sync: organisationSync,
          registrableUnitTypes: settings.registrableUnitTypes,
        });
        const fortroendevalda = await createFortroendevaldaDirectory({
          config,
          database,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          clock,
        });
        // The external website reads the directory without signing in (R2.4).
        deps.httpRouter.addAuthPolicy({
          path: '/public',
          allow: 'unauthenticated',
        });

        const callerCaches = createCallerCaches({
          config,
          permissions: deps.permissions,
          userInfo: deps.userInfo,
        });
        const callers = new CallerResolver({
          httpAuth: deps.httpAuth,
          decisions: callerCaches.decisions,
          transformConditions: createConditionTransformer(
            permissionsRegistry.getPermissionRuleset(
              synpunktPermissionResourceRef,
            ),
          ),
        });

        const { reports, reportReach } = await createReports({
          config,
          database,
          catalog: deps.catalog,
          auth: deps.auth,
          userInfo: callerCaches.userInfo,
          logger,
          scheduler,
          organisation: stores.organisation,
          refreshOrganisation: async () => {
            await organisationSync.run();
          },
          rules,
          areas: settings.areas,
          clock,
          followUps: {
            unitTypes: uppfoljning.unitTypes,
            unitsFollowedUp: (unitRefs, from, to) =>
              stores.uppfoljningar.unitsFollowedUp(unitRefs, from, to),
          },
          betweenBatches,
        });

        await scheduleDemoSynpunkter({
          config,
          scheduler,
          logger,
          database,
          stores,
          units,
          refreshOrganisation: async () => {
            await organisationSync.run();
          },
          rules,
          settings,
          auditor: deps.auditor,
        });

        await scheduleReminders({
          scheduler,
          logger,
          store: stores.reminders,
          organisation: stores.organisation,
          notifications: deps.notifications,
          rules,
          settings: uppfoljning,
          followUpUnitTypes: uppfoljning.unitTypes,
          clock,
          fillOrganisation: () => organisationSync.fillIfEmpty(),
        });

        // Benchmarks only (bench/scale): a minimal route to compare the real ones with.
        if (config.getOptionalBoolean(BENCH_BASELINE_CONFIG_KEY)) {
          const client = await database.getClient();
          await ensureBenchBaselineTable(client);
          deps.httpRouter.use(
            createBenchBaselineRoutes({ callers, db: client }),
          );
          logger.warn(
            `${BENCH_BASELINE_CONFIG_KEY} is on: benchmark baseline routes are mounted`,
          );
        }

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            metadata: stores.metadata,
            version: readPluginVersion(),
            callers,
            organisation: stores.organisation,
            rules,
            clock,
            synpunkter: new SynpunktService({
              store: stores.synpunkter,
              units,
              rules,
              settings,
              auditor: deps.auditor,
              clock,
            }),
            svarsmallar: new SvarsmallService({
              store: stores.svarsmallar,
              organisation: stores.organisation,
              units,
              clock,
            }),
            auditor: deps.auditor,
            fortroendevalda: fortroendevalda.service,
            publicRequestsPerMinute: fortroendevalda.publicRequestsPerMinute,
            reports,
            reportReach,
            gallring,
            followUp: new FollowUpService({
              store: stores.uppfoljningar,
              organisation: stores.organisation,
              rules,
              clock,
              dueSoonWorkingDays: uppfoljning.dueSoonWorkingDays,
              interval: uppfoljning.interval,
              fillOrganisation: () => organisationSync.fillIfEmpty(),
            }),
          }),
        );
      },
    });
  },
});
