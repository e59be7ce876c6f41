/*
 * The backend as production runs it: `yarn build:backend` makes the bundle and its skeleton
 * (packages/backend/dist), and they are laid out in bench/data/production the way Backstage's
 * Dockerfile does it: the skeleton's package.json files with the lockfile, a production-only
 * install (`yarn workspaces focus --all --production`), then the bundle on top. The bench starts
 * `node packages/backend` there, so what it measures is the built JavaScript and production
 * dependencies rather than TypeScript transpiled on load with every development package at hand.
 *
 * The install is skipped when the lockfile and skeleton are those of the last install here; it
 * reads yarn's cache, which the repository's own install filled.
 */

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, REPO_ROOT } from './databases';

export const PRODUCTION_DIR = join(DATA_DIR, 'production');

const DIST = join(REPO_ROOT, 'packages', 'backend', 'dist');
const STAMP = join(PRODUCTION_DIR, '.installed-from');

function run(command: string, args: string[], cwd: string) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
}

function fingerprint(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(join(REPO_ROOT, 'yarn.lock')));
  hash.update(readFileSync(join(DIST, 'skeleton.tar.gz')));
  return hash.digest('hex');
}

/** The workspace folders (`packages/backend`, `plugins/…`) the bundle holds. */
function bundledWorkspaces(): string[] {
  const listing = execFileSync('tar', ['tzf', join(DIST, 'bundle.tar.gz')], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const workspaces = new Set<string>();
  for (const line of listing.split('\n')) {
    const parts = line.replace(/^\.\//, '').split('/');
    if (parts.length >= 3 && parts[1])
      workspaces.add(`${parts[0]}/${parts[1]}`);
  }
  return [...workspaces];
}

/**
 * Builds the backend and lays it out for production. Returns the folder to run
 * `node packages/backend` in and the seconds each step took.
 */
export function prepareProductionBackend(note: (s: string) => void): {
  dir: string;
  buildSeconds: number;
  installSeconds: number;
} {
  let t0 = Date.now();
  note('building the backend for production (yarn build:backend)');
  run('yarn', ['build:backend'], REPO_ROOT);
  const buildSeconds = Math.round((Date.now() - t0) / 1000);

  t0 = Date.now();
  const wanted = fingerprint();
  const installed = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '';
  if (installed !== wanted) {
    note('installing the production dependencies');
    rmSync(PRODUCTION_DIR, { recursive: true, force: true });
    mkdirSync(join(PRODUCTION_DIR, '.yarn'), { recursive: true });
    run('tar', ['xzf', join(DIST, 'skeleton.tar.gz')], PRODUCTION_DIR);
    for (const file of ['package.json', 'yarn.lock', '.yarnrc.yml']) {
      cpSync(join(REPO_ROOT, file), join(PRODUCTION_DIR, file));
    }
    cpSync(
      join(REPO_ROOT, '.yarn', 'releases'),
      join(PRODUCTION_DIR, '.yarn', 'releases'),
      { recursive: true },
    );
    run(
      'yarn',
      ['workspaces', 'focus', '--all', '--production'],
      PRODUCTION_DIR,
    );
    writeFileSync(STAMP, wanted);
  }
  const installSeconds = Math.round((Date.now() - t0) / 1000);
  // Each build's bundle replaces the last one's files, so that nothing a build dropped (a
  // migration, a chunk) lingers; the workspaces' installed node_modules stay.
  for (const workspace of bundledWorkspaces()) {
    const dir = join(PRODUCTION_DIR, workspace);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      if (entry !== 'node_modules') {
        rmSync(join(dir, entry), { recursive: true, force: true });
      }
    }
  }
  run('tar', ['xzf', join(DIST, 'bundle.tar.gz')], PRODUCTION_DIR);
  return { dir: PRODUCTION_DIR, buildSeconds, installSeconds };
}
