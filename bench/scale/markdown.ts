/*
 * The Markdown table of a scale run: each figure of issue #10 with its goal, the value on each
 * database and whether the goal is met. The JSON beside it holds every number.
 */

import { commandSection } from '../provenance';

/* eslint-disable @typescript-eslint/no-explicit-any -- the report is the JSON the runner wrote */

type Verdict = { text: string; met: boolean | undefined };

const ok = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? 'met' : '**missed**';

function row(figure: string, goal: string, cells: Verdict[]): string {
  const values = cells.map(c => `${c.text} (${ok(c.met)})`);
  return `| ${figure} | ${goal} | ${values.join(' | ')} |`;
}

/** A figure measured beside a goal's own, to read it by; it is not judged. */
function figureRow(figure: string, purpose: string, cells: Verdict[]): string {
  return `| ${figure} | ${purpose} | ${cells.map(c => c.text).join(' | ')} |`;
}

function registerCell(r: any): Verdict {
  const s = r.register;
  const met =
    s.requestsPerSecond >= 1500 &&
    s.latencyMs.p99 <= 30 &&
    s.errors === 0 &&
    s.non2xx === 0 &&
    r.registerRatio >= 0.75;
  return {
    text: `${s.requestsPerSecond} req/s, p99 ${s.latencyMs.p99} ms, ${
      s.errors + s.non2xx
    } errors; baseline ${r.registerBaseline.requestsPerSecond} req/s → ${
      r.registerRatio
    }×`,
    met,
  };
}

function listCell(r: any): Verdict {
  const { first, middle, deepest } = r.list;
  const worst = Math.max(
    first.latencyMs.p95,
    middle.latencyMs.p95,
    deepest.latencyMs.p95,
  );
  return {
    text: `p95 first ${first.latencyMs.p95} ms, middle (${middle.depth}) ${middle.latencyMs.p95} ms, deepest (${deepest.depth}) ${deepest.latencyMs.p95} ms; deepest/first ${r.listDeepestToFirstP95}×; ${first.requestsPerSecond} req/s first page, read baseline ${r.readBaseline.requestsPerSecond} req/s p95 ${r.readBaseline.latencyMs.p95} ms`,
    met:
      worst <= 20 &&
      r.listDeepestToFirstP95 <= 2 &&
      first.non2xx + deepest.non2xx === 0,
  };
}

/** The list one request at a time; runs before the fourteenth session did not measure it. */
function listAloneCell(r: any): Verdict {
  if (!r.listAlone) return { text: 'not measured in this run', met: undefined };
  const { first, middle, deepest } = r.listAlone;
  return {
    text: `p95 first ${first.latencyMs.p95} ms (p50 ${first.latencyMs.p50}), middle ${middle.latencyMs.p95} ms, deepest ${deepest.latencyMs.p95} ms; ${first.requestsPerSecond} req/s first page`,
    met: undefined,
  };
}

function annualCell(r: any, db: string): Verdict {
  const a = r.annual;
  return {
    text: `p95 ${a.http.p95Ms} ms (p50 ${a.http.p50Ms}); bare SQL p50 ${a.bareSql.p50Ms} ms → ${a.ratioP50}×`,
    met:
      db === 'pg'
        ? a.http.p95Ms <= 500 && a.ratioP50 <= 1.3
        : a.ratioP50 <= 1.3,
  };
}

function allCell(r: any, db: string): Verdict {
  const a = r.all;
  const limit = db === 'pg' ? 1000 : 2000;
  return {
    text: `${a.synpunkter} synpunkter: p50 ${a.http.p50Ms} ms, max ${a.http.maxMs} ms; bare SQL p50 ${a.bareSql.p50Ms} ms`,
    met: a.http.p50Ms <= limit,
  };
}

function mixedCell(r: any): Verdict {
  const m = r.registerDuringReports;
  return {
    text: `p99 ${m.latencyMs.p99} ms, ${m.requestsPerSecond} req/s, ${
      m.errors + m.non2xx
    } errors, ${m.reportsCompleted} reports over all rows meanwhile`,
    met: m.latencyMs.p99 <= 100 && m.errors + m.non2xx === 0,
  };
}

function gallringCell(r: any): Verdict {
  const g = r.gallring;
  if (!g) return { text: 'not measured in this run', met: undefined };
  const m = g.registerMeanwhile;
  if (!m) {
    return {
      text: `cleared ${g.cleared.toLocaleString(
        'en',
      )}, over before the load could start (data cleared by an earlier run)`,
      met: undefined,
    };
  }
  return {
    text: `cleared ${g.cleared.toLocaleString('en')} in ${
      g.seconds
    } s; register meanwhile p99 ${m.latencyMs.p99} ms, ${
      m.requestsPerSecond
    } req/s, ${m.errors + m.non2xx} errors; backend RSS ${
      g.rssBeforeMiB
    } → peak ${g.peakRssMiB} MiB`,
    met: m.latencyMs.p99 <= 100 && m.errors + m.non2xx === 0,
  };
}

/** The gallring preview one request at a time; runs before the twentieth session did not measure it. */
function gallringPreviewCell(r: any): Verdict {
  const p = r.gallringPreview;
  if (!p) return { text: 'not measured in this run', met: undefined };
  return {
    text: `before the first run p95 ${p.beforeRun.p95Ms} ms (p50 ${p.beforeRun.p50Ms}); after it p95 ${p.afterRun.p95Ms} ms (p50 ${p.afterRun.p50Ms}); ${p.beforeRun.samples} samples each`,
    met: undefined,
  };
}

function exportCell(r: any, format: 'csv' | 'xlsx'): Verdict {
  const e = r.exports[format];
  const met =
    format === 'csv'
      ? e.seconds <= 20 && e.firstByteMs <= 200 && e.peakRssMiB <= 512
      : e.seconds <= 90 && e.peakRssMiB <= 512;
  return {
    text: `${e.seconds} s, first byte ${e.firstByteMs} ms, ${e.megabytes} MB, backend RSS ${e.rssBeforeMiB} → peak ${e.peakRssMiB} MiB`,
    met,
  };
}

/** The backends' NODE_OPTIONS, as a shell would set them; runs before they were recorded say less. */
function nodeOptionsOf(results: Array<{ backendNodeOptions?: string }>) {
  const options = [...new Set(results.map(r => r.backendNodeOptions))];
  if (options.some(o => o === undefined))
    return '`--max-old-space-size`, see the backend command in the JSON';
  return options.map(o => `\`NODE_OPTIONS="${o}"\``).join(', ');
}

export function markdown(report: any, quick?: any): string {
  const dbs: string[] = report.dbs;
  const results = dbs.map(db => report.results[db]);
  const name = (db: string) => (db === 'pg' ? 'PostgreSQL' : 'SQLite');
  const lines = [
    `# Scale benchmark (${report.suite}): ${report.rows.toLocaleString(
      'en',
    )} synpunkter`,
    '',
    `Machine: ${report.machine}. Node ${report.node}. ${dbs
      .map(db => report.results[db].database)
      .join('; ')}. Load: ${report.loadTool}, 10 connections, ${
      report.loadSeconds
    } s per run; sequential samples: ${report.samples}. Commit ${
      report.commit
    }, ${report.date}.`,
    '',
    ...dbs
      .filter(db => report.results[db].measuredIn)
      .flatMap(db => {
        const run = report.results[db].measuredIn;
        return [
          `The ${name(
            db,
          )} column is not from this run: it was measured at commit ${
            run.commit
          }, ${run.date}, on ${run.machine}, Node ${run.node}, load ${
            run.loadTool
          } (\`${
            run.command
          }\`). Its figures compare with each other and with its baselines, not with the other column's.`,
          '',
        ];
      }),
    'Backend: the production build of packages/backend (`yarn build:backend`, laid out in bench/data/production with a production-only install, as a container image is), run as `node packages/backend` with NODE_ENV=production and V8 heap limits as the README gives them under "Running in production" (' +
      nodeOptionsOf(results) +
      '), app-config.yaml plus a bench config (port 7107, the bench database, `serviceGuidelines.bench.baselineRoutes: true`). Sign-in: the demo provider, enabled outside development by its own switch `auth.providers.demo.dangerouslyAllowOutsideDevelopment` in the bench config only. Loader, backend and database share the machine.',
    '',
    `| figure | goal | ${dbs.map(name).join(' | ')} |`,
    `| --- | --- | ${dbs.map(() => '---').join(' | ')} |`,
    row(
      'register a synpunkt (POST)',
      '≥ 1,500 req/s, p99 ≤ 30 ms, no errors, ≥ 0.75 × baseline',
      results.map(registerCell),
    ),
    row(
      "chef's list (type filter, permission-scoped, 50 a page)",
      'p95 ≤ 20 ms at any depth; deepest ≤ 2 × first',
      results.map(listCell),
    ),
    figureRow(
      "chef's list, the same pages one request at a time",
      'no goal of its own: the wait for a page with no queue before it; the goal above is judged under ten connections',
      results.map(listAloneCell),
    ),
    row(
      'annual report, one nämnd, last year',
      'p95 ≤ 500 ms on PostgreSQL; ≤ 1.3 × bare SQL',
      dbs.map((db, i) => annualCell(results[i], db)),
    ),
    row(
      'report over all rows',
      '≤ 1 s PostgreSQL, ≤ 2 s SQLite',
      dbs.map((db, i) => allCell(results[i], db)),
    ),
    row(
      'register while reports over all rows run',
      'p99 ≤ 100 ms',
      results.map(mixedCell),
    ),
    row(
      'export CSV (report over all rows)',
      '≤ 20 s, first byte ≤ 200 ms, RSS ≤ 512 MiB',
      results.map(r => exportCell(r, 'csv')),
    ),
    row(
      'export XLSX (report over all rows)',
      '≤ 90 s, RSS ≤ 512 MiB',
      results.map(r => exportCell(r, 'xlsx')),
    ),
    row(
      "gallring's first run over the generated years, while registering",
      'p99 ≤ 100 ms, as while reports run',
      results.map(gallringCell),
    ),
    figureRow(
      "gallring's preview (an administrator's page: the next 50 due and how many), one request at a time",
      'no goal of its own: every page instant',
      results.map(gallringPreviewCell),
    ),
    row(
      "the frontend plugin's JavaScript",
      '≤ 150 KB gzipped beyond the app; lazy pages',
      dbs.map(() => ({ text: 'not measured by this suite', met: undefined })),
    ),
    '',
  ];
  for (const db of dbs) {
    const run = report.results[db].exportsRun;
    if (run) {
      lines.push(
        `${name(db)} exports: measured again at commit ${run.commit}, ${
          run.date
        } (\`${run.command}\`; load average ${run.loadAverage.before.join(
          ', ',
        )} → ${run.loadAverage.after.join(', ')}); the rest at commit ${
          report.commit
        }.`,
        '',
      );
    }
  }
  for (const db of dbs) {
    const before = report.results[db].exportsAtPageSize2000;
    if (before) {
      lines.push(
        `${name(
          db,
        )} exports before the page size of the improvements went from 2,000 to 20,000: CSV ${
          before.csv.seconds
        } s (RSS ${before.csv.rssBeforeMiB} → ${
          before.csv.peakRssMiB
        } MiB), XLSX ${before.xlsx.seconds} s (RSS ${
          before.xlsx.rssBeforeMiB
        } → ${before.xlsx.peakRssMiB} MiB).`,
        '',
      );
    }
  }
  if (quick) {
    lines.push(
      `Export memory against row count: the quick suite (${quick.rows.toLocaleString(
        'en',
      )} rows) peaked at ${dbs
        .filter(db => quick.results[db])
        .map(db => {
          const { csv, xlsx } = quick.results[db].exports;
          return `${name(db)} CSV ${csv.rssBeforeMiB} → ${
            csv.peakRssMiB
          } MiB, XLSX ${xlsx.rssBeforeMiB} → ${xlsx.peakRssMiB} MiB`;
        })
        .join('; ')}.`,
      '',
    );
  }
  const secondsPerDatabase = (key: string) =>
    dbs
      .map(
        db => `${report.results[db][key] ?? '(not measured)'} s on ${name(db)}`,
      )
      .join(', ');
  lines.push(
    `Report facts: after start-up the backend's job \`service-guidelines-report-facts\` kept the facts of every synpunkt (see \`ReportFactsKeeper\`) in ${secondsPerDatabase(
      'factsKeptSeconds',
    )}; the figures were measured after that. The register and list loads add thousands of synpunkter, which reports work out in full until the job keeps them; the bench runs the job every 20 s (the default is 5 minutes) and measures the chef's list and the reports once it has kept them (it waited ${secondsPerDatabase(
      'factsKeptAfterRegisterSeconds',
    )} after the register load). Registering while reports run adds synpunkter that each report works out in full.`,
    '',
  );
  lines.push(
    `Load average of the machine (1, 5, 15 min) before and after each database's runs, which other work on the shared machine drives up: ${dbs
      .map(
        db =>
          `${name(db)} ${report.results[db].loadAverage.before.join(
            ', ',
          )} → ${report.results[db].loadAverage.after.join(', ')}`,
      )
      .join('; ')}.${dbs
      .filter(db => report.results[db].autovacuumDuringReports !== undefined)
      .map(
        db =>
          ` ${name(db)}'s autovacuum and autoanalyze ran ${
            report.results[db].autovacuumDuringReports
          } times on the plugin's tables during the reports' samples (annual report and report over all rows, HTTP and bare SQL).`,
      )
      .join('')}`,
    '',
    'Ratios are to baselines measured in the same run: `POST /bench/baseline` (one-row insert) and `GET /bench/baseline/:id` (one-row read), behind the same body parser, user authentication and one permission decision; for reports, the figures query of ReportStore run straight on the database with the scope the route resolves (the kommun, when no unit is chosen). The report over "all rows" spans five years less their first day, the longest period a report allows.',
    '',
    ...commandSection(report.command),
  );
  return lines.join('\n');
}
