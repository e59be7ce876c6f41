/*
 * Starts the real backend for a bench run and stops it again: the production build laid out by
 * productionBuild.ts, run as `node packages/backend` with NODE_ENV production, port 7107, the
 * bench database, the baseline routes on, and the demo sign-in allowed outside development
 * through its own switch (`auth.providers.demo.dangerouslyAllowOutsideDevelopment`), because the
 * production config's sign-in needs Entra ID.
 */

import { ChildProcess, spawn } from 'node:child_process';
import {
  createWriteStream,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import {
  backendDatabaseConfig,
  BenchDatabase,
  DATA_DIR,
  REPO_ROOT,
} from './databases';

export const PORT = 7107;
export const BASE_URL = `http://localhost:${PORT}`;
export const API = `${BASE_URL}/api/service-guidelines`;

export interface RunningBackend {
  process: ChildProcess;
  pid: number;
  command: string;
  /** What NODE_OPTIONS held: the heap limits and SG_BENCH_NODE_OPTIONS. */
  nodeOptions: string;
  logFile: string;
  stop(): Promise<void>;
}

function benchConfig(db: BenchDatabase, suite: string): object {
  return {
    app: { baseUrl: 'http://localhost:3107' },
    backend: {
      baseUrl: BASE_URL,
      listen: { port: PORT },
      cors: { origin: 'http://localhost:3107' },
      database: backendDatabaseConfig(db, suite),
    },
    auth: {
      providers: {
        // The bench signs in as demo users; production mode needs this explicit switch.
        demo: { dangerouslyAllowOutsideDevelopment: true },
      },
    },
    // app-config.yaml names the demo files relative to packages/backend of the repository; the
    // production layout is elsewhere, so they are named absolutely here.
    catalog: {
      locations: [
        { type: 'file', target: join(REPO_ROOT, 'catalog-info.yaml') },
        ...(
          [
            ['organisation.yaml', ['Group']],
            ['users.yaml', ['User']],
            ['roles.yaml', ['Group', 'User']],
          ] as const
        ).map(([file, allow]) => ({
          type: 'file',
          target: join(REPO_ROOT, 'examples', 'org', file),
          rules: [{ allow }],
        })),
      ],
    },
    serviceGuidelines: {
      bench: { baselineRoutes: true },
      fortroendevalda: {
        seedFile: join(REPO_ROOT, 'examples', 'org', 'fortroendevalda.csv'),
      },
      demo: { seedSynpunkter: false },
      // The catalog is read at start-up; mirror it soon after instead of in five minutes.
      organisation: { refreshInterval: { seconds: 15 } },
      // The load registers thousands of synpunkter a minute, far beyond any municipality, and
      // reports work out in full what the job has not kept yet. Keep them every 20 s instead of
      // every 5 minutes, so that the reports measured after the load see the steady state.
      // Gallring runs when the bench triggers it, as a phase of its own: on its default schedule
      // (ten minutes after start-up) its first run fell into the other measurements.
      gallring: {
        schedule: { frequency: { trigger: 'manual' }, timeout: { hours: 1 } },
      },
      reports: {
        factsSchedule: {
          frequency: { seconds: 20 },
          timeout: { minutes: 30 },
          initialDelay: { seconds: 1 },
        },
      },
    },
  };
}

/**
 * The V8 heap limits a container deployment sets (README, "Running in production"). Without the
 * old space's, V8 sizes it by the machine's memory (gigabytes here) and leaves garbage
 * uncollected far past what the backend holds live (about 100 MiB). The young generation is
 * limited apart from it: Node 24 lets each of its semi-spaces grow to 64 MiB, 128 MiB committed
 * after a busy minute and held at rest, most of it empty.
 */
export interface HeapLimits {
  /** `--max-old-space-size`. */
  oldSpaceMiB: number;
  /** `--max-semi-space-size`. */
  semiSpaceMiB: number;
}

/** Starts the backend laid out in `productionDir` (see prepareProductionBackend). */
export async function startBackend(
  db: BenchDatabase,
  suite: string,
  productionDir: string,
  heap: HeapLimits,
): Promise<RunningBackend> {
  // SG_BENCH_NODE_OPTIONS adds flags for a look inside, e.g. `--cpu-prof --cpu-prof-dir=…`.
  const nodeOptions = [
    `--max-old-space-size=${heap.oldSpaceMiB}`,
    `--max-semi-space-size=${heap.semiSpaceMiB}`,
    process.env.SG_BENCH_NODE_OPTIONS,
  ]
    .filter(Boolean)
    .join(' ');
  const dir = join(DATA_DIR, suite);
  mkdirSync(dir, { recursive: true });
  // JSON is YAML: the config loader reads it as an app-config file.
  const configFile = join(dir, `app-config.bench-${db}.yaml`);
  writeFileSync(configFile, JSON.stringify(benchConfig(db, suite), null, 2));
  const logFile = join(dir, `backend-${db}.log`);
  const args = [
    'packages/backend',
    '--config',
    join(REPO_ROOT, 'app-config.yaml'),
    '--config',
    configFile,
  ];
  const child = spawn(process.execPath, args, {
    cwd: productionDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: nodeOptions,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const command = `cd ${relative(
    REPO_ROOT,
    productionDir,
  )} && NODE_ENV=production NODE_OPTIONS="${nodeOptions}" node ${args
    .map(a => (a.startsWith('/') ? relative(productionDir, a) : a))
    .join(' ')}`;
  const stop = () =>
    new Promise<void>(resolve => {
      if (child.exitCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    });
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `The backend exited with ${child.exitCode}; see ${logFile}`,
      );
    }
    if (Date.now() - started > 180_000) {
      await stop();
      throw new Error(
        `The backend was not ready within 3 minutes; see ${logFile}`,
      );
    }
    const ready = await fetch(`${BASE_URL}/.backstage/health/v1/readiness`)
      .then(r => r.ok)
      .catch(() => false);
    if (ready) break;
    await new Promise(r => setTimeout(r, 500));
  }
  return {
    process: child,
    pid: child.pid!,
    command,
    nodeOptions,
    logFile,
    stop,
  };
}

/** A user token from the demo sign-in; retried while the catalog has not read the users yet. */
export async function tokenFor(user: string): Promise<string> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(
      `${BASE_URL}/api/auth/demo/refresh?env=development`,
      {
        headers: { 'X-Requested-With': 'XMLHttpRequest', 'x-demo-user': user },
      },
    );
    if (response.ok) {
      const body = (await response.json()) as {
        backstageIdentity: { token: string };
      };
      return body.backstageIdentity.token;
    }
    if (Date.now() - started > 120_000) {
      throw new Error(
        `No token for ${user}: ${response.status} ${await response.text()}`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

/** Resident memory of a process now, in MiB (Linux). */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}
