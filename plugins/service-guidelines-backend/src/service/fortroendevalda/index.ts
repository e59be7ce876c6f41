import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { KnexFortroendevaldStore } from '../../database/FortroendevaldStore';
import { FortroendevaldService } from './FortroendevaldService';
import { OrganDirectory } from './OrganDirectory';
import { seedFortroendevalda } from './seed';
import { readFortroendevaldaSettings } from './settings';

export { FortroendevaldService } from './FortroendevaldService';

/**
 * Builds the directory of förtroendevalda from the plugin's services, and seeds it from the
 * configured file when it is empty. The plugin's migrations must have run.
 */
export async function createFortroendevaldaDirectory(options: {
  config: Config;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  clock: () => Date;
}): Promise<{
  service: FortroendevaldService;
  publicRequestsPerMinute: number;
}> {
  const settings = readFortroendevaldaSettings(options.config);
  const store = KnexFortroendevaldStore.fromKnex(
    await options.database.getClient(),
  );
  const service = new FortroendevaldService({
    store,
    organs: new OrganDirectory({
      catalog: options.catalog,
      auth: options.auth,
      store,
      logger: options.logger,
      organTypes: settings.organTypes,
    }),
    clock: options.clock,
  });
  await seedFortroendevalda({
    seedFile: settings.seedFile,
    store,
    service,
    logger: options.logger,
  });
  return {
    service,
    publicRequestsPerMinute: settings.publicRequestsPerMinute,
  };
}
