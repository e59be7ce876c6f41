import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';

/** The version of this package, read from its package.json so that it is never out of step. */
export function readPluginVersion(): string {
  const path = resolvePackagePath(
    '@service-guidelines/plugin-service-guidelines-backend',
    'package.json',
  );
  const { version } = JSON.parse(readFileSync(path, 'utf8')) as {
    version: string;
  };
  return version;
}
