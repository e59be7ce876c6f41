/*
 * What the frontend plugin adds to the portal's JavaScript (issue #10: "≤ 150 KB gzipped beyond
 * what the app already ships; pages load lazily").
 *
 * Builds the production frontend of packages/app twice with `backstage-cli package build
 * --stats`, each from a copy of the app under bench/data/frontend-size/ (git-ignored; the app
 * itself is never changed): once as it is, once with the service-guidelines plugin left out. Two
 * edits leave it out, and both are needed: the import and the feature in src/App.tsx, and the
 * dependency in package.json (the app runs with `app.packages: all`, which would otherwise
 * discover the plugin and bundle it anyway). Both copies build the same way from the same place,
 * so the differences in size are the plugin's: its own code and whatever it alone pulls in.
 *
 * Sizes are of every .js file the build emits (all of it, and the part index.html loads on the
 * first page), each gzipped at level 9 as the CLI's own size report does, summed. The bundle
 * stats say which chunks hold the plugin's modules: its pages (the modules under src/components)
 * must sit only in chunks loaded on demand.
 *
 * Run from the repository root (a few minutes per build on two cores):
 *
 *   source scripts/lib/toolchain.sh
 *   yarn bench:frontend-size
 *
 * Writes bench/results/frontend-size.json and .md.
 */

import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  commandSection,
  commitDescription,
  machineDescription,
} from '../provenance';

const REPO_ROOT = resolve(__dirname, '..', '..');
const APP_DIR = join(REPO_ROOT, 'packages', 'app');
const SCRATCH = join(REPO_ROOT, 'bench', 'data', 'frontend-size');
const RESULTS = join(REPO_ROOT, 'bench', 'results');
const CLI = join(REPO_ROOT, 'node_modules', '.bin', 'backstage-cli');
const COMMAND = 'source scripts/lib/toolchain.sh && yarn bench:frontend-size';

const PLUGIN_PACKAGE = '@service-guidelines/plugin-service-guidelines';
const PLUGIN_IMPORT = `import serviceGuidelinesPlugin from '${PLUGIN_PACKAGE}/alpha';\n`;
const PLUGIN_FEATURE = '    serviceGuidelinesPlugin,\n';
/** The plugin's source and the isomorphic package only it brings to the frontend. */
const PLUGIN_SOURCE = /plugins[\\/]service-guidelines(-common)?[\\/]src[\\/]/;
/** Its pages: everything the page loaders import on demand lives here. */
const PLUGIN_PAGES =
  /plugins[\\/]service-guidelines[\\/]src[\\/]components[\\/]/;

const BUILD_TIMEOUT_MS = 10 * 60_000;

/** The goal, in KB of 1,000 bytes (the stricter reading of "KB"). */
const GOAL_BYTES = 150_000;

type Variant = 'with' | 'without';

interface JsFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The parts of rspack's stats this script reads. */
interface StatsModule {
  name?: string;
  identifier?: string;
  nameForCondition?: string;
  size?: number;
  chunks?: Array<string | number>;
  modules?: StatsModule[];
}
interface StatsChunk {
  id: string | number;
  initial: boolean;
  files: string[];
}
interface Stats {
  chunks: StatsChunk[];
  modules: StatsModule[];
}

const copyDir = (variant: Variant) => join(SCRATCH, `app-${variant}-plugin`);

/** A copy of the app, with or without the plugin, to build in place of the app itself. */
function prepareCopy(variant: Variant): string {
  const dir = copyDir(variant);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of ['package.json', 'public', 'src']) {
    cpSync(join(APP_DIR, entry), join(dir, entry), { recursive: true });
  }
  if (variant === 'without') {
    const appFile = join(dir, 'src', 'App.tsx');
    const app = readFileSync(appFile, 'utf8');
    if (!app.includes(PLUGIN_IMPORT) || !app.includes(PLUGIN_FEATURE)) {
      throw new Error(
        `packages/app/src/App.tsx no longer has the lines this benchmark removes:\n${PLUGIN_IMPORT}${PLUGIN_FEATURE}Update PLUGIN_IMPORT and PLUGIN_FEATURE in bench/frontend/size.ts.`,
      );
    }
    writeFileSync(
      appFile,
      app.replace(PLUGIN_IMPORT, '').replace(PLUGIN_FEATURE, ''),
    );
    const pkgFile = join(dir, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    delete pkg.dependencies[PLUGIN_PACKAGE];
    writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return dir;
}

function build(dir: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(CLI, ['package', 'build', '--stats'], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    // A build takes about a minute here; once, writing the stats stalled with every thread
    // asleep, so a build that outlasts this is stopped rather than waited on for ever.
    const timer = setTimeout(() => child.kill('SIGTERM'), BUILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolvePromise(Math.round((performance.now() - started) / 1000));
      } else {
        reject(
          new Error(
            `backstage-cli package build in ${dir}: ${
              signal
                ? `stopped after ${BUILD_TIMEOUT_MS / 60_000} minutes`
                : `exit code ${code}`
            }; run the benchmark again`,
          ),
        );
      }
    });
  });
}

function jsFiles(dist: string): JsFile[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.js'))
    .sort()
    .map(file => {
      const content = readFileSync(join(dist, file));
      return {
        file,
        bytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
      };
    });
}

/** The scripts index.html loads: what the first page needs before anything else. */
function initialFiles(dist: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map(match =>
    match[1].replace(/^(https?:\/\/[^/]+)?\/?/, ''),
  );
}

const sum = (files: JsFile[], key: 'bytes' | 'gzipBytes') =>
  files.reduce((total, f) => total + f[key], 0);

interface PlacedModule {
  path: string;
  size: number;
  chunks: Set<string>;
}

/**
 * Every module the build holds, with the chunks it is in. A module concatenated into another
 * is listed both inside that one (which alone says its chunks) and at the top with no chunks;
 * the latter are skipped, and a module placed in several chunks is counted once.
 */
function placedModules(stats: Stats): PlacedModule[] {
  const byPath = new Map<string, PlacedModule>();
  const visit = (modules: StatsModule[], parentChunks?: string[]) => {
    for (const m of modules) {
      const chunks = parentChunks ?? (m.chunks ?? []).map(String);
      if (chunks.length === 0) continue;
      if (m.modules?.length) {
        visit(m.modules, chunks);
        continue;
      }
      // Both copies' own files are named as the app's, so that the builds compare module by module.
      const path = (m.nameForCondition ?? m.identifier ?? m.name ?? '')
        .replace(copyDir('with'), APP_DIR)
        .replace(copyDir('without'), APP_DIR);
      const placed = byPath.get(path) ?? {
        path,
        size: m.size ?? 0,
        chunks: new Set<string>(),
      };
      chunks.forEach(c => placed.chunks.add(c));
      byPath.set(path, placed);
    }
  };
  visit(stats.modules);
  return [...byPath.values()];
}

/** Where the plugin's modules landed: in the first page's chunks or in lazy ones. */
function pluginPlacement(stats: Stats, modules: PlacedModule[]) {
  const initialChunks = new Set(
    stats.chunks.filter(c => c.initial).map(c => String(c.id)),
  );
  const chunkFiles = new Map(
    stats.chunks.map(c => [
      String(c.id),
      c.files.filter(f => f.endsWith('.js')),
    ]),
  );
  const plugin = modules.filter(m => PLUGIN_SOURCE.test(m.path));
  const where = (m: PlacedModule) =>
    [...m.chunks].some(c => initialChunks.has(c)) ? 'initial' : 'lazy';
  const shortPath = (path: string) =>
    relative(REPO_ROOT, path.replace(/^.*!/, '').replace(/\?.*$/, ''));
  const pages = plugin.filter(m => PLUGIN_PAGES.test(m.path));
  const initial = plugin.filter(m => where(m) === 'initial');
  return {
    modules: plugin.length,
    sourceBytes: plugin.reduce((t, m) => t + m.size, 0),
    initialModules: initial.map(m => ({
      path: shortPath(m.path),
      sourceBytes: m.size,
    })),
    initialSourceBytes: initial.reduce((t, m) => t + m.size, 0),
    pageModules: pages.length,
    pageModulesInInitialChunks: pages
      .filter(m => where(m) === 'initial')
      .map(m => shortPath(m.path)),
    lazyFilesWithPluginModules: [
      ...new Set(
        plugin
          .filter(m => where(m) === 'lazy')
          .flatMap(m => [...m.chunks].flatMap(c => chunkFiles.get(c) ?? [])),
      ),
    ].sort(),
  };
}

async function measure(variant: Variant) {
  const dir = prepareCopy(variant);
  console.log(`building the app ${variant} the plugin in ${dir}`);
  const buildSeconds = await build(dir);
  const dist = join(dir, 'dist');
  const files = jsFiles(dist);
  const initialNames = initialFiles(dist);
  const missing = initialNames.filter(f => !files.some(j => j.file === f));
  if (missing.length) {
    throw new Error(`index.html loads scripts not in dist: ${missing}`);
  }
  const initial = files.filter(f => initialNames.includes(f.file));
  const stats: Stats = JSON.parse(
    readFileSync(join(dist, 'bundle-stats.json'), 'utf8'),
  );
  const modules = placedModules(stats);
  return {
    buildSeconds,
    jsFiles: files.length,
    total: { bytes: sum(files, 'bytes'), gzipBytes: sum(files, 'gzipBytes') },
    initial: {
      files: initial,
      bytes: sum(initial, 'bytes'),
      gzipBytes: sum(initial, 'gzipBytes'),
    },
    files,
    plugin: pluginPlacement(stats, modules),
    modules,
    filesOfModule: filesOfModules(stats, modules),
  };
}

/** Which .js files each module is emitted into. */
function filesOfModules(stats: Stats, modules: PlacedModule[]) {
  const filesOfChunk = new Map(
    stats.chunks.map(c => [
      String(c.id),
      c.files.filter(f => f.endsWith('.js')),
    ]),
  );
  return new Map(
    modules.map(m => [
      m.path,
      new Set([...m.chunks].flatMap(c => filesOfChunk.get(c) ?? [])),
    ]),
  );
}

/** The package a module comes from: its node_modules name, or the workspace folder. */
function packageOf(path: string): string {
  const inNodeModules = path.match(
    /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/](?!.*node_modules)/,
  );
  if (inNodeModules) return inNodeModules[1].replace(/\\/g, '/');
  const inRepo = relative(REPO_ROOT, path).split(/[\\/]/);
  return inRepo.slice(0, 2).join('/');
}

const largestFirst = (bytes: Map<string, number>) =>
  [...bytes.entries()]
    .map(([name, sourceBytes]) => ({ package: name, sourceBytes }))
    .sort((a, b) => b.sourceBytes - a.sourceBytes);

/**
 * The modules only the build with the plugin holds (the plugin's own code and whatever it alone
 * brings in), by package and by the file they are emitted into. Sizes are source bytes as rspack
 * counts them before minifying: they say where the added JavaScript comes from, the gzipped
 * sizes of the files say how much it weighs.
 */
function newModules(
  withPlugin: {
    modules: PlacedModule[];
    files: JsFile[];
    initial: { files: JsFile[] };
    filesOfModule: Map<string, Set<string>>;
  },
  withoutModules: PlacedModule[],
) {
  const present = new Set(withoutModules.map(m => m.path));
  const byPackage = new Map<string, number>();
  const byFile = new Map<string, Map<string, number>>();
  const add = (into: Map<string, number>, name: string, bytes: number) =>
    into.set(name, (into.get(name) ?? 0) + bytes);
  for (const m of withPlugin.modules) {
    if (present.has(m.path)) continue;
    const name = packageOf(m.path);
    add(byPackage, name, m.size);
    for (const file of withPlugin.filesOfModule.get(m.path) ?? []) {
      const packages = byFile.get(file) ?? new Map<string, number>();
      add(packages, name, m.size);
      byFile.set(file, packages);
    }
  }
  return {
    byPackage: largestFirst(byPackage),
    byFile: [...byFile.entries()]
      .map(([file, packages]) => ({
        file,
        gzipBytes: withPlugin.files.find(f => f.file === file)?.gzipBytes ?? 0,
        firstPage: withPlugin.initial.files.some(f => f.file === file),
        newSource: largestFirst(packages),
      }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

function versionOf(pkg: string): string {
  const file = join(REPO_ROOT, 'node_modules', pkg, 'package.json');
  return existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8')).version
    : 'unknown';
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report this script just built
function markdown(report: any): string {
  const { with: w, without: wo, added } = report;
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
  const placement = w.plugin;
  return [
    "# Frontend plugin size: what service-guidelines adds to the portal's JavaScript",
    '',
    `Machine: ${report.machine}. Node ${report.node}. @backstage/cli ${
      report.versions.cli
    }, @rspack/core ${report.versions.rspack}. Commit ${report.commit}, ${
      report.date
    }. Load average ${report.loadAverage.before.join(
      ', ',
    )} → ${report.loadAverage.after.join(', ')}.`,
    '',
    `Two production builds of packages/app (\`backstage-cli package build --stats\`), each from a copy under bench/data/frontend-size/: as it is, and with the plugin left out (its import and feature removed from src/App.tsx and its dependency from package.json, since \`app.packages: all\` would otherwise discover it). Sizes: every .js file of dist, each gzipped at level 9, summed; "first page" is the scripts index.html loads. KB = 1,000 bytes.`,
    '',
    '| figure | goal | with the plugin | without | the plugin adds |',
    '| --- | --- | --- | --- | --- |',
    `| all JavaScript the app ships, gzipped | ≤ 150 KB added (${verdict(
      report.verdict.totalMet,
    )}) | ${kb(w.total.gzipBytes)} (${w.jsFiles} files) | ${kb(
      wo.total.gzipBytes,
    )} (${wo.jsFiles} files) | **${kb(added.total.gzipBytes)}** |`,
    `| first page's JavaScript, gzipped | — | ${kb(w.initial.gzipBytes)} (${
      w.initial.files.length
    } files) | ${kb(wo.initial.gzipBytes)} (${
      wo.initial.files.length
    } files) | **${kb(added.initial.gzipBytes)}** |`,
    `| all JavaScript, minified, not gzipped | — | ${kb(w.total.bytes)} | ${kb(
      wo.total.bytes,
    )} | ${kb(added.total.bytes)} |`,
    `| first page, minified, not gzipped | — | ${kb(w.initial.bytes)} | ${kb(
      wo.initial.bytes,
    )} | ${kb(added.initial.bytes)} |`,
    `| the plugin's pages load lazily | no page module in a first-page chunk (${verdict(
      report.verdict.pagesLazyMet,
    )}) | ${placement.pageModules} page modules, ${
      placement.pageModulesInInitialChunks.length
    } in first-page chunks | ${
      wo.plugin.modules
    } plugin modules (none expected) | |`,
    '',
    `Verdict: **${report.verdict.met ? 'met' : 'missed'}**${
      report.verdict.totalMet
        ? ''
        : `: the plugin adds ${kb(
            added.total.gzipBytes - report.goalBytes,
          )} gzipped more than the goal allows`
    }. The portal's landing page redirects to the plugin's start page, so in use its start page's chunks load right after the first page; they are lazy all the same, and the other pages' chunks load only when opened.`,
    '',
    `The plugin's modules (its src and service-guidelines-common's): ${
      placement.modules
    }, ${kb(
      placement.sourceBytes,
    )} of source as rspack counts it before minifying. In the first page's chunks: ${
      placement.initialModules.length
    } modules, ${kb(
      placement.initialSourceBytes,
    )} of source (what the plugin's definition in alpha.tsx imports statically): ${placement.initialModules
      .map((m: { path: string }) => `\`${m.path}\``)
      .join(', ')}.`,
    '',
    "Where the added JavaScript comes from: the modules only the build with the plugin holds, by the file they are emitted into (the plugin's own code and what it alone brings in; other files change only as module ids and shared code shift):",
    '',
    '| file | the whole file, gzipped | first page | new modules in it, source before minifying |',
    '| --- | --- | --- | --- |',
    ...report.newModules.byFile.map(
      (f: {
        file: string;
        gzipBytes: number;
        firstPage: boolean;
        newSource: Array<{ package: string; sourceBytes: number }>;
      }) =>
        `| \`${f.file}\` | ${kb(f.gzipBytes)} | ${
          f.firstPage ? 'yes' : 'no'
        } | ${f.newSource
          .map(p => `${p.package} ${kb(p.sourceBytes)}`)
          .join(', ')} |`,
    ),
    '',
    `By package: ${report.newModules.byPackage
      .map(
        (p: { package: string; sourceBytes: number }) =>
          `${p.package} ${kb(p.sourceBytes)}`,
      )
      .join(', ')}.`,
    '',
    `Build times (two cores shared with other work): ${w.buildSeconds} s with the plugin, ${wo.buildSeconds} s without.`,
    '',
    ...commandSection(report.command),
  ].join('\n');
}

async function main() {
  const loadBefore = os.loadavg().map(n => Math.round(n * 100) / 100);
  const {
    modules: withModules,
    filesOfModule,
    ...withPlugin
  } = await measure('with');
  const {
    modules: withoutModules,
    filesOfModule: _withoutFiles,
    ...withoutPlugin
  } = await measure('without');
  const brought = newModules(
    { ...withPlugin, modules: withModules, filesOfModule },
    withoutModules,
  );
  if (withoutPlugin.plugin.modules !== 0) {
    throw new Error(
      `the build without the plugin still holds ${withoutPlugin.plugin.modules} of its modules: the comparison would not be honest`,
    );
  }
  const added = {
    total: {
      bytes: withPlugin.total.bytes - withoutPlugin.total.bytes,
      gzipBytes: withPlugin.total.gzipBytes - withoutPlugin.total.gzipBytes,
    },
    initial: {
      bytes: withPlugin.initial.bytes - withoutPlugin.initial.bytes,
      gzipBytes: withPlugin.initial.gzipBytes - withoutPlugin.initial.gzipBytes,
    },
  };
  const totalMet = added.total.gzipBytes <= GOAL_BYTES;
  const pagesLazyMet =
    withPlugin.plugin.pageModules > 0 &&
    withPlugin.plugin.pageModulesInInitialChunks.length === 0;
  const report = {
    goal: "the frontend plugin's own JavaScript: ≤ 150 KB (150,000 bytes) gzipped beyond what the app already ships; pages load lazily",
    machine: machineDescription(),
    node: process.version,
    versions: {
      cli: versionOf('@backstage/cli'),
      rspack: versionOf('@rspack/core'),
    },
    commit: commitDescription(),
    date: new Date().toISOString(),
    loadAverage: {
      before: loadBefore,
      after: os.loadavg().map(n => Math.round(n * 100) / 100),
    },
    command: COMMAND,
    gzip: 'zlib level 9, per file, summed',
    goalBytes: GOAL_BYTES,
    added,
    newModules: brought,
    verdict: { totalMet, pagesLazyMet, met: totalMet && pagesLazyMet },
    with: withPlugin,
    without: withoutPlugin,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(
    join(RESULTS, 'frontend-size.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  writeFileSync(join(RESULTS, 'frontend-size.md'), markdown(report));
  console.log(
    `the plugin adds ${kb(added.total.gzipBytes)} gzipped in all, ${kb(
      added.initial.gzipBytes,
    )} to the first page; pages lazy: ${pagesLazyMet}. Wrote bench/results/frontend-size.json and .md`,
  );
}

main().catch(error => {
  console.error(String(error?.stack ?? error).slice(0, 3000));
  process.exit(1);
});
