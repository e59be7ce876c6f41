import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { extname, resolve as resolvePath } from 'node:path';
import { FortroendevaldStore } from '../../database/FortroendevaldStore';
import { FortroendevaldService } from './FortroendevaldService';

/**
 * Fills an empty directory from the configured file (`serviceGuidelines.fortroendevalda.seedFile`,
 * relative to the backend's working directory), through the same import an administrator uses.
 * The demo portal starts with a directory this way. A directory that has anyone in it is never
 * touched, so a seed file cannot overwrite what administrators keep.
 *
 * The seed runs at start-up, before the catalog has read the organisation, so organs are taken as
 * the file writes them; the file is the operator's, not an upload.
 */
export async function seedFortroendevalda(options: {
  seedFile?: string;
  store: FortroendevaldStore;
  service: FortroendevaldService;
  logger: LoggerService;
}): Promise<void> {
  const { seedFile, store, service, logger } = options;
  if (!seedFile || !(await store.isEmpty())) {
    return;
  }
  const path = resolvePath(process.cwd(), seedFile);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Error(
      `serviceGuidelines.fortroendevalda.seedFile: cannot read ${path}: ${error}`,
    );
  }
  try {
    const result = await service.importFile(bytes, {
      dryRun: false,
      format: extname(path).toLowerCase() === '.json' ? 'json' : 'csv',
      trustOrgans: true,
    });
    logger.info(
      `Seeded the directory of förtroendevalda from ${path}: ${result.people.added.length} people, ${result.uppdrag.added.length} uppdrag`,
    );
  } catch (error) {
    if (error instanceof ConflictError) {
      // Another instance of the backend seeded the same empty database at the same moment.
      logger.info(
        'The directory of förtroendevalda was seeded by another instance',
      );
      return;
    }
    throw new Error(
      `serviceGuidelines.fortroendevalda.seedFile: ${path} could not be imported: ${error}`,
    );
  }
}
