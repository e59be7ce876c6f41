/*
 * One million svarstid deadlines: our working-day calendar against date-holidays with a per-year
 * cache, the best way we found to use it for this job.
 *
 * Run from the repository root (Backstage's own node transform runs the TypeScript; no extra
 * dependency):
 *
 *   source scripts/lib/toolchain.sh
 *   node --require ./node_modules/@backstage/cli/config/nodeTransform.cjs bench/calendar/deadlines.bench.ts
 *
 * Prints the figures and writes them to bench/results/calendar-deadlines.json and .md.
 */

import Holidays from 'date-holidays';
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createWorkingDayCalendar } from '../../plugins/service-guidelines-common/src/calendar';
import { svarstidDeadline } from '../../plugins/service-guidelines-common/src/svarstid';

const COMMAND =
  'node --require ./node_modules/@backstage/cli/config/nodeTransform.cjs bench/calendar/deadlines.bench.ts';
const DEADLINES = 1_000_000;
const TIMED_RUNS = 7;
const SVARSTIDER = [0, 2, 10] as const;
const FIRST_DAY = Date.UTC(2024, 0, 1);
const LAST_DAY = Date.UTC(2030, 11, 31);
const MS_PER_DAY = 86_400_000;

/** A seeded generator (mulberry32), so that every run computes the same deadlines. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeInputs(): { dates: string[]; days: number[] } {
  const random = seededRandom(20261124);
  const spanDays = (LAST_DAY - FIRST_DAY) / MS_PER_DAY + 1;
  const dates: string[] = new Array(DEADLINES);
  const days: number[] = new Array(DEADLINES);
  for (let i = 0; i < DEADLINES; i++) {
    const day = FIRST_DAY + Math.floor(random() * spanDays) * MS_PER_DAY;
    dates[i] = new Date(day).toISOString().slice(0, 10);
    days[i] = SVARSTIDER[i % SVARSTIDER.length];
  }
  return { dates, days };
}

type AddWorkingDays = (date: string, days: number) => string;

/** The same job done with date-holidays: walk day by day, with each year's days off cached. */
function dateHolidaysAddWorkingDays(): AddWorkingDays {
  const holidays = new Holidays('SE');
  const daysOffByYear = new Map<number, Set<string>>();
  const daysOffOf = (year: number) => {
    let daysOff = daysOffByYear.get(year);
    if (!daysOff) {
      daysOff = new Set(
        holidays
          .getHolidays(year)
          .filter(
            holiday => holiday.type === 'public' || holiday.type === 'bank',
          )
          .map(holiday => holiday.date.slice(0, 10)),
      );
      daysOffByYear.set(year, daysOff);
    }
    return daysOff;
  };
  const isWorkingDay = (time: number) => {
    const date = new Date(time);
    const weekday = date.getUTCDay();
    return (
      weekday !== 0 &&
      weekday !== 6 &&
      !daysOffOf(date.getUTCFullYear()).has(date.toISOString().slice(0, 10))
    );
  };
  // The calendar's meaning: the days-th arbetsdag after the date; for 0, the date itself or the
  // next arbetsdag.
  return (start, days) => {
    let time = Date.parse(`${start}T00:00:00Z`);
    if (days === 0) {
      while (!isWorkingDay(time)) {
        time += MS_PER_DAY;
      }
    }
    for (let counted = 0; counted < days; ) {
      time += MS_PER_DAY;
      if (isWorkingDay(time)) {
        counted++;
      }
    }
    return new Date(time).toISOString().slice(0, 10);
  };
}

interface Timing {
  /** The first pass, building any tables or caches. */
  coldMs: number;
  medianMs: number;
  minMs: number;
  nsPerDeadline: number;
}

function time(job: AddWorkingDays, dates: string[], days: number[]): Timing {
  const pass = () => {
    // A checksum keeps the optimiser from dropping the work.
    let checksum = 0;
    const started = performance.now();
    for (let i = 0; i < DEADLINES; i++) {
      checksum += job(dates[i], days[i]).charCodeAt(9);
    }
    const elapsed = performance.now() - started;
    if (checksum === 0) {
      throw new Error('impossible checksum');
    }
    return elapsed;
  };
  const coldMs = pass();
  const runs = Array.from({ length: TIMED_RUNS }, pass).sort((a, b) => a - b);
  const medianMs = runs[Math.floor(runs.length / 2)];
  return {
    coldMs: round(coldMs),
    medianMs: round(medianMs),
    minMs: round(runs[0]),
    nsPerDeadline: round((medianMs * 1e6) / DEADLINES),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function commitOf(): string {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function main() {
  const { dates, days } = makeInputs();
  const ours = createWorkingDayCalendar();
  const oursAdd: AddWorkingDays = (date, n) => ours.addWorkingDays(date, n);
  const oursDeadline = createWorkingDayCalendar();
  const oursSvarstid: AddWorkingDays = (date, n) =>
    svarstidDeadline(oursDeadline, { arrivalDate: date, days: n });
  const theirs = dateHolidaysAddWorkingDays();

  // Both must compute the same deadlines, or the comparison means nothing.
  const check = createWorkingDayCalendar();
  const checkTheirs = dateHolidaysAddWorkingDays();
  let mismatches = 0;
  for (let i = 0; i < DEADLINES; i++) {
    if (
      check.addWorkingDays(dates[i], days[i]) !== checkTheirs(dates[i], days[i])
    ) {
      mismatches++;
    }
  }

  const results = {
    job: `${DEADLINES.toLocaleString('en')} deadlines: a date from ${new Date(
      FIRST_DAY,
    )
      .toISOString()
      .slice(0, 10)} to ${new Date(LAST_DAY)
      .toISOString()
      .slice(0, 10)} (seeded, any weekday) plus ${SVARSTIDER.join(
      ', ',
    )} arbetsdagar in turn`,
    mismatches,
    timings: {
      'our calendar: addWorkingDays': time(oursAdd, dates, days),
      'our calendar: svarstidDeadline (no pauses)': time(
        oursSvarstid,
        dates,
        days,
      ),
      'date-holidays, per-year cache': time(theirs, dates, days),
    },
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    command: COMMAND,
    commit: commitOf(),
    measuredAt: new Date().toISOString(),
    method: `one cold pass, then ${TIMED_RUNS} timed passes; median and minimum of those`,
  };

  const rows = Object.entries(results.timings).map(
    ([name, t]) =>
      `| ${name} | ${t.medianMs} | ${t.minMs} | ${t.coldMs} | ${t.nsPerDeadline} |`,
  );
  const markdown = [
    '# Calendar benchmark: one million deadlines',
    '',
    `Job: ${results.job}. Results compared before timing: ${mismatches} mismatches.`,
    '',
    '| implementation | median ms | min ms | cold ms | ns per deadline (median) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `Machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGb} GB, ` +
      `${results.machine.platform}, Node ${results.machine.node}, TZ ${results.machine.timeZone}.`,
    '',
    `Method: ${results.method}. Commit ${results.commit}, ${results.measuredAt}.`,
    '',
    'Command, from the repository root:',
    '',
    '```sh',
    'source scripts/lib/toolchain.sh',
    COMMAND,
    '```',
    '',
  ].join('\n');

  const resultsDir = join(__dirname, '..', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, 'calendar-deadlines.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  writeFileSync(join(resultsDir, 'calendar-deadlines.md'), markdown);
  process.stdout.write(markdown);
  if (mismatches > 0) {
    process.exitCode = 1;
  }
}

main();
