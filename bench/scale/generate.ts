/*
 * Fills a bench database with realistic synpunkter: N of them (default 1,000,000) over the last
 * five years, across the registrable units of the demo organisation (examples/org), with the
 * registry's own deadlines (the svarstid rules of -common), a realistic mix of types, channels,
 * areas, anonymity, sekretess, text lengths and workflow states by age, and their history rows
 * (registrerad, tilldelad, forsta_svar, pausad/aterupptagen, utredning, aterkopplad, avslutad,
 * ateroppnad). The schema comes from the plugin's own migrations and the organisation mirror from
 * its own store; rows go in by bulk INSERT, a few thousand per transaction.
 *
 * Run from the repository root:
 *
 *   node --require ./node_modules/@backstage/cli/config/nodeTransform.cjs \
 *     bench/scale/generate.ts --db sqlite --rows 1000000
 *
 * Options: --db sqlite|pg, --rows N, --suite full|quick (which bench databases), --years 5,
 * --today YYYY-MM-DD (default: today in Stockholm).
 */

import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  Channel,
  readRegistrySettings,
  stockholmDateOf,
  SynpunktType,
} from '@service-guidelines/plugin-service-guidelines-common';
import { parse as parseYaml } from 'yaml';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KnexOrganisationStore,
  OrgUnit,
} from '../../plugins/service-guidelines-backend/src/database/OrganisationStore';
import {
  newSynpunktClockColumns,
  searchTextOf,
  SynpunktRow,
} from '../../plugins/service-guidelines-backend/src/database/SynpunktStore';
import { DEFAULT_UNIT_TYPES } from '../../plugins/service-guidelines-backend/src/config/registrySettings';
import { unitFromGroup } from '../../plugins/service-guidelines-backend/src/service/organisation/OrganisationSync';
import { readSvarstidRules } from '../../plugins/service-guidelines-backend/src/service/synpunkter/deadlineRules';
import { argValue } from './args';
import {
  BenchDatabase,
  MIGRATIONS_DIR,
  parseDatabase,
  pluginKnex,
  REPO_ROOT,
  resetDatabases,
} from './databases';
import {
  FIRST_NAMES,
  IMPROVEMENTS,
  LAST_NAMES,
} from '../../plugins/service-guidelines-backend/src/demo/seedSynpunkter';
import {
  Random,
  seededRandom,
} from '../../plugins/service-guidelines-backend/src/demo/seededRandom';

const ZONE = 'Europe/Stockholm';
const CHUNK = 5000;

/** Who registers at the kontaktcenter; the rest is registered by the unit's own chef. */
const REGISTRARS = [
  'user:default/erik.lindqvist',
  'user:default/emma.wallin',
  'user:default/peter.sandberg',
];

const TYPES: ReadonlyArray<readonly [SynpunktType, number]> = [
  ['klagomal', 55],
  ['forslag', 25],
  ['berom', 20],
];
const CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ['webb', 32],
  ['epost', 26],
  ['telefon', 20],
  ['muntligt', 9],
  ['brev', 5],
  ['sms', 4],
  ['sociala_medier', 4],
];

/** The area a synpunkt on a unit usually concerns, by the nämnd above the unit. */
const AREA_BY_NAMND: Record<
  string,
  ReadonlyArray<readonly [string, number]>
> = {
  'barn-och-utbildningsnamnden': [
    ['utbildning', 85],
    ['bemotande', 10],
    ['ovrigt', 5],
  ],
  socialnamnden: [
    ['socialtjanst', 85],
    ['bemotande', 12],
    ['ovrigt', 3],
  ],
  'bygg-miljo-och-halsoskyddsnamnden': [
    ['bygg-miljo', 85],
    ['bemotande', 10],
    ['ovrigt', 5],
  ],
  'kultur-och-fritidsnamnden': [
    ['kultur-fritid', 85],
    ['bemotande', 10],
    ['ovrigt', 5],
  ],
  'tekniska-namnden': [
    ['gator-trafik', 50],
    ['vatten-avfall', 40],
    ['bemotande', 5],
    ['ovrigt', 5],
  ],
  kommunstyrelsen: [
    ['bemotande', 50],
    ['ovrigt', 50],
  ],
};

/** How many synpunkter each unit gets, relatively: schools and care get the most. */
const UNIT_WEIGHT_BY_TYPE: Record<string, number> = {
  nämnd: 0.3,
  förvaltning: 1,
  enhet: 4,
};

const SENTENCES = [
  'Jag ringde flera gånger utan att få svar.',
  'Beskedet jag fick stämde inte med det som står på webben.',
  'Ingen återkom trots att det utlovades.',
  'Informationen om ändrade öppettider kom för sent.',
  'Bemötandet vid besöket var inte bra.',
  'Det är svårt att hitta rätt blankett i e-tjänsten.',
  'Det vore bra med kvällsöppet en dag i veckan.',
  'Skicka gärna en påminnelse per sms.',
  'Informationen borde finnas på fler språk.',
  'Personalen tog sig tid och förklarade allt.',
  'Snabbt och tydligt svar, tack!',
  'Gatubelysningen på vår väg har varit släckt i flera veckor.',
  'Snöröjningen kom först efter att bussen hade gått.',
  'Mitt barn har inte fått den hjälp som skolan lovade.',
  'Hemtjänsten kom vid fel tid tre dagar i rad.',
  'Biblioteket har för få platser att sitta och läsa på.',
  'Handläggningen av bygglovet tog mycket längre tid än vad som sades.',
  'Sophämtningen missade vårt hus igen.',
];

interface Args {
  db: BenchDatabase;
  suite: string;
  rows: number;
  years: number;
  today: string;
}

function parseArgs(argv: string[]): Args {
  const value = (name: string) => argValue(argv, name);
  const rows = Number(value('rows') ?? 1_000_000);
  const years = Number(value('years') ?? 5);
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error('--rows: a positive integer');
  if (!Number.isInteger(years) || years < 1)
    throw new Error('--years: a positive integer');
  return {
    db: parseDatabase(value('db')),
    suite: value('suite') ?? 'full',
    rows,
    years,
    today: value('today') ?? DateTime.now().setZone(ZONE).toISODate()!,
  };
}

/** The demo organisation's units, read the way the backend mirrors them from the catalog. */
export function demoUnits(): OrgUnit[] {
  const text = readFileSync(
    join(REPO_ROOT, 'examples', 'org', 'organisation.yaml'),
    'utf8',
  );
  const entities = text
    .split(/^---$/m)
    .map(doc => parseYaml(doc) as Entity | undefined)
    .filter((e): e is Entity => Boolean(e && e.kind === 'Group'));
  return entities.flatMap(group => {
    const unit = unitFromGroup(group, DEFAULT_UNIT_TYPES);
    return unit ? [unit] : [];
  });
}

interface UnitProfile {
  unit: OrgUnit;
  chefRef: string;
  areas: ReadonlyArray<readonly [string, number]>;
}

function unitProfiles(
  units: OrgUnit[],
  registrableTypes: string[],
): Array<readonly [UnitProfile, number]> {
  const byRef = new Map(units.map(u => [u.unitRef, u]));
  const profiles: Array<readonly [UnitProfile, number]> = [];
  for (const unit of units) {
    if (!registrableTypes.includes(unit.type)) continue;
    let chefRef = unit.chefRef;
    let namnd: string | undefined;
    for (
      let ref: string | undefined = unit.unitRef;
      ref;
      ref = byRef.get(ref)?.parentRef
    ) {
      const ancestor = byRef.get(ref);
      chefRef ??= ancestor?.chefRef;
      if (ancestor?.type === 'nämnd') namnd = ref.split('/')[1];
    }
    profiles.push([
      {
        unit,
        // A nämnd has no chef: its förvaltning's chef handles what is registered on it.
        chefRef:
          chefRef ??
          units.find(u => u.parentRef === unit.unitRef && u.chefRef)?.chefRef ??
          REGISTRARS[0],
        areas: AREA_BY_NAMND[namnd ?? ''] ?? [['ovrigt', 1]],
      },
      UNIT_WEIGHT_BY_TYPE[unit.type] ?? 1,
    ]);
  }
  return profiles;
}

function description(random: Random): string {
  const roll = random.next();
  // Most are a sentence or two; one in ten is a long letter.
  const sentences =
    roll < 0.6
      ? random.int(1, 2)
      : roll < 0.9
      ? random.int(3, 6)
      : random.int(15, 40);
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(random.pick(SENTENCES));
  return parts.join(' ');
}

interface EventRow {
  synpunkt_id: string;
  at: string;
  actor_ref: string;
  kind: string;
  changes: string | null;
}
interface PauseRow {
  synpunkt_id: string;
  from_date: string;
  to_date: string | null;
  reason: string;
  paused_by: string;
}

/** A seeded UUID (version 4 layout), so that every run produces the same ids. */
function uuidOf(random: Random): string {
  const hex = (n: number) =>
    Array.from({ length: n }, () =>
      Math.floor(random.next() * 16).toString(16),
    ).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[random.int(0, 3)]}${hex(
    3,
  )}-${hex(12)}`;
}

const instantOn = (date: string, hour: number, minute: number) =>
  DateTime.fromISO(date, { zone: ZONE }).set({ hour, minute }).toUTC().toISO()!;

/**
 * Every synpunkt of one day, with its later history up to `today`. Steps only happen on dates
 * before today, as in the demo seeder, so recent synpunkter are still open.
 */
function* synpunkterOfDay(options: {
  day: string;
  count: number;
  random: Random;
  profiles: ReadonlyArray<readonly [UnitProfile, number]>;
  legalDuty: Map<string, boolean>;
  rules: ReturnType<typeof readSvarstidRules>;
  today: string;
  nextSequence: (year: number) => number;
}): Generator<{ row: SynpunktRow; events: EventRow[]; pauses: PauseRow[] }> {
  const { day, count, random, profiles, rules, today } = options;
  const drafts = [];
  for (let i = 0; i < count; i++) {
    const channel = random.weighted(CHANNELS);
    const hour = random.weighted([
      [8, 2],
      [9, 3],
      [10, 3],
      [13, 3],
      [15, 2],
      [17, 1],
      [20, 1],
    ] as const);
    const minute = random.int(0, 59);
    const receivedAt = channel === 'brev' ? day : instantOn(day, hour, minute);
    // Phone calls and visits are registered during the contact; the rest within hours or a day.
    const delayMinutes =
      channel === 'telefon' || channel === 'muntligt'
        ? random.int(1, 10)
        : random.int(20, 60 * 20);
    const registeredAt =
      channel === 'brev'
        ? instantOn(day, 9, 0)
        : DateTime.fromISO(receivedAt)
            .plus({ minutes: delayMinutes })
            .toUTC()
            .toISO()!;
    drafts.push({ channel, receivedAt, registeredAt });
  }
  drafts.sort((a, b) => (a.registeredAt < b.registeredAt ? -1 : 1));

  for (const draft of drafts) {
    const { channel, receivedAt, registeredAt } = draft;
    const profile = random.weighted(profiles);
    const type = random.weighted(TYPES);
    const area = random.weighted(profile.areas);
    const legalDuty = options.legalDuty.get(area) ?? false;
    const anonymous = random.chance(
      channel === 'webb' ? 0.22 : channel === 'sociala_medier' ? 0.3 : 0.07,
    );
    const sekretess = random.chance(area === 'socialtjanst' ? 0.2 : 0.01);
    const registeredBy = random.chance(0.45)
      ? random.pick(REGISTRARS)
      : profile.chefRef;
    const chef = profile.chefRef;
    const registeredDate = stockholmDateOf(registeredAt);
    const year = Number(registeredDate.slice(0, 4));
    const sequence = options.nextSequence(year);
    const number = `SYN-${year}-${String(sequence).padStart(5, '0')}`;
    const id = uuidOf(random);
    const text = description(random);
    const receivedIso =
      channel === 'brev' ? `${receivedAt}T08:00:00+01:00` : receivedAt;
    const deadlines = rules.deadlines({
      channel,
      type,
      receivedAt: receivedIso,
      anonymous,
    });
    const receivedDate = stockholmDateOf(new Date(receivedIso).toISOString());
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const row: SynpunktRow = {
      id,
      registration_number: number,
      registration_year: year,
      registration_sequence: sequence,
      type,
      channel,
      received_at: new Date(receivedIso).toISOString(),
      received_date: receivedDate,
      arrival_date: deadlines.arrivalDate,
      registered_at: registeredAt,
      registered_by: registeredBy,
      unit_ref: profile.unit.unitRef,
      area,
      legal_duty: legalDuty,
      description: text,
      sekretess,
      anonymous,
      contact_name: anonymous ? null : `${firstName} ${lastName}`,
      contact_email:
        anonymous || random.chance(0.3)
          ? null
          : `${firstName}.${lastName}@example.se`.toLowerCase(),
      contact_phone:
        anonymous || random.chance(0.5)
          ? null
          : `070-${random.int(1000000, 9999999)}`,
      contact_address: null,
      handlaggare_ref: null,
      status: 'registrerad',
      ...newSynpunktClockColumns(deadlines, receivedDate),
      search_text: searchTextOf(number, sekretess ? undefined : text),
      version: 1,
      updated_at: registeredAt,
    };
    const events: EventRow[] = [
      {
        synpunkt_id: id,
        at: registeredAt,
        actor_ref: registeredBy,
        kind: 'registrerad',
        changes: JSON.stringify({ status: { to: 'registrerad' } }),
      },
    ];
    const pauses: PauseRow[] = [];
    const workingDay = (n: number) =>
      rules.calendar.addWorkingDays(row.arrival_date, n);
    let lastDate = registeredDate;
    const step = (
      wanted: string,
      kind: string,
      changes: Record<string, unknown>,
    ): string | undefined => {
      const date = wanted < lastDate ? lastDate : wanted;
      if (date >= today) return undefined;
      const at = instantOn(date, 14, random.int(0, 59));
      events.push({
        synpunkt_id: id,
        at,
        actor_ref: chef,
        kind,
        changes: JSON.stringify(changes),
      });
      row.version += 1;
      row.updated_at = at;
      lastDate = date;
      return date;
    };
    const setStatus = (status: string) => {
      const change = { status: { from: row.status, to: status } };
      row.status = status;
      return change;
    };

    const history = (): void => {
      if (
        !step(workingDay(random.int(0, 1)), 'tilldelad', {
          handlaggareRef: { to: chef },
          ...setStatus('tilldelad'),
        })
      ) {
        row.status = 'registrerad';
        return;
      }
      row.handlaggare_ref = chef;
      // Some lie untouched long after their deadline: the reports show them as försenade.
      if (random.chance(0.03)) return;
      if (!anonymous && !row.forsta_svar_date) {
        const date = step(
          workingDay(
            random.weighted([
              [1, 5],
              [2, 4],
              [4, 1],
            ] as const),
          ),
          'forsta_svar',
          {},
        );
        if (!date) return;
        row.forsta_svar_date = date;
      }
      let answerAfter = random.weighted([
        [random.int(1, 4), 5],
        [random.int(5, 10), 4],
        [random.int(11, 25), 2],
      ] as const);
      if (!anonymous && random.chance(0.06)) {
        const pausedDays = random.int(1, 5);
        const reason = 'Väntar på kompletterande uppgifter från kunden';
        const from = step(workingDay(3), 'pausad', {});
        if (!from) return;
        events[events.length - 1].changes = JSON.stringify({
          pause: { to: { from, reason } },
        });
        const pause: PauseRow = {
          synpunkt_id: id,
          from_date: from,
          to_date: null,
          reason,
          paused_by: chef,
        };
        pauses.push(pause);
        const to = step(workingDay(3 + pausedDays), 'aterupptagen', {});
        if (!to) return;
        pause.to_date = to;
        const redeadlined = rules.deadlines({
          channel,
          type,
          receivedAt: receivedIso,
          anonymous,
          pauses: [{ from, to }],
          asOf: to,
        });
        row.aterkoppling_due =
          redeadlined.aterkoppling?.due ?? row.aterkoppling_due;
        answerAfter = Math.max(answerAfter, 4 + pausedDays);
      }
      if (legalDuty && type === 'klagomal') {
        const date = step(
          workingDay(Math.max(1, answerAfter - 1)),
          'utredning',
          setStatus('under_utredning'),
        );
        if (!date) return;
        row.utredning = 'Ärendet har utretts av enheten.';
        row.utredning_date = date;
      }
      if (!anonymous) {
        const date = step(
          workingDay(answerAfter),
          'aterkopplad',
          setStatus('aterkopplad'),
        );
        if (!date) return;
        row.aterkoppling_date = date;
        row.aterkoppling_method = random.pick([
          'epost',
          'telefon',
          'brev',
          'mote',
        ] as const);
        row.aterkoppling_summary =
          'Tack för dina synpunkter. Vi har gått igenom dem och berättar här vad vi gör.';
      }
      const close = () => {
        const improvement = type !== 'berom' && random.chance(0.18);
        const date = step(
          workingDay(answerAfter + random.int(0, 3)),
          'avslutad',
          setStatus('avslutad'),
        );
        if (!date) return false;
        row.closed_date = date;
        row.outcome = improvement
          ? 'Synpunkten ledde till en förändring i verksamheten.'
          : 'Synpunkten har besvarats.';
        row.led_to_improvement = improvement;
        row.improvement_description = improvement
          ? random.pick(IMPROVEMENTS)
          : null;
        return true;
      };
      if (!close()) return;
      // One in two hundred is reopened when the customer comes back, and closed again later.
      if (random.chance(0.005)) {
        answerAfter += random.int(5, 20);
        if (
          !step(workingDay(answerAfter - 2), 'ateroppnad', {
            ...setStatus('tilldelad'),
            reason: { to: 'Kunden återkom' },
          })
        )
          return;
        row.closed_date = null;
        row.outcome = null;
        row.led_to_improvement = null;
        row.improvement_description = null;
        close();
      }
    };
    history();
    yield { row, events, pauses };
  }
}

/** How many synpunkter each day gets: fewer at weekends and in July, more in autumn. */
function dailyCounts(first: DateTime, days: number, total: number): number[] {
  const weights = Array.from({ length: days }, (_, i) => {
    const date = first.plus({ days: i });
    const weekend = date.weekday >= 6 ? 0.25 : 1;
    const season =
      date.month === 7 ? 0.5 : date.month >= 9 && date.month <= 11 ? 1.2 : 1;
    return weekend * season;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: number[] = [];
  let cumulative = 0;
  let given = 0;
  for (const weight of weights) {
    cumulative += weight;
    const upTo = Math.round((cumulative / sum) * total);
    counts.push(upTo - given);
    given = upTo;
  }
  return counts;
}

async function insertAll(
  tx: Knex.Transaction,
  table: string,
  rows: object[],
  dialect: BenchDatabase,
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  // Both databases cap the bound parameters of one statement (PostgreSQL at 65535, SQLite at
  // 32766); knex's own multi-row insert on SQLite is a UNION that SQLite caps at 500 rows.
  const perStatement = Math.floor(30000 / columns.length);
  const toBinding = (value: unknown) =>
    typeof value === 'boolean' && dialect === 'sqlite' ? Number(value) : value;
  for (let i = 0; i < rows.length; i += perStatement) {
    const slice = rows.slice(i, i + perStatement) as Array<
      Record<string, unknown>
    >;
    const placeholders = `(${columns.map(() => '?').join(',')})`;
    const bindings = slice.flatMap(row => columns.map(c => toBinding(row[c])));
    await tx.raw(
      `insert into ?? (${columns.map(() => '??').join(',')}) values ${slice
        .map(() => placeholders)
        .join(',')}`,
      [table, ...columns, ...bindings] as Knex.RawBinding[],
    );
  }
}

/** Generates and loads the data set; returns what it wrote. */
export async function generate(args: Args) {
  const started = performance.now();
  await resetDatabases(args.db, args.suite);
  const knex = pluginKnex(args.db, args.suite);
  try {
    await knex.migrate.latest({ directory: MIGRATIONS_DIR });
    if (args.db === 'sqlite') {
      // Only for the load: the backend opens the file with its own settings.
      await knex.raw('pragma journal_mode = wal');
      await knex.raw('pragma synchronous = off');
    }
    const units = demoUnits();
    await new KnexOrganisationStore(knex).replaceAll(units);

    const config = new ConfigReader({});
    const settings = readRegistrySettings(config);
    const rules = readSvarstidRules(config);
    const legalDuty = new Map(settings.areas.map(a => [a.id, a.legalDuty]));
    const profiles = unitProfiles(units, settings.registrableUnitTypes);
    const random = seededRandom(20261124);
    const today = DateTime.fromISO(args.today, { zone: ZONE });
    const first = today.minus({ years: args.years });
    const days = Math.round(today.diff(first, 'days').days);
    const counts = dailyCounts(first, days, args.rows);
    const sequences = new Map<number, number>();
    const nextSequence = (year: number) => {
      const next = (sequences.get(year) ?? 0) + 1;
      sequences.set(year, next);
      return next;
    };

    let rows: SynpunktRow[] = [];
    let events: EventRow[] = [];
    let pauses: PauseRow[] = [];
    const totals = { synpunkter: 0, events: 0, pauses: 0 };
    const flush = async () => {
      await knex.transaction(async tx => {
        await insertAll(tx, 'synpunkter', rows, args.db);
        await insertAll(tx, 'synpunkt_pauses', pauses, args.db);
        await insertAll(tx, 'synpunkt_events', events, args.db);
      });
      totals.synpunkter += rows.length;
      totals.events += events.length;
      totals.pauses += pauses.length;
      rows = [];
      events = [];
      pauses = [];
    };
    for (let d = 0; d < days; d++) {
      const day = first.plus({ days: d }).toISODate()!;
      for (const item of synpunkterOfDay({
        day,
        count: counts[d],
        random,
        profiles,
        legalDuty,
        rules,
        today: args.today,
        nextSequence,
      })) {
        rows.push(item.row);
        events.push(...item.events);
        pauses.push(...item.pauses);
      }
      if (rows.length >= CHUNK) {
        await flush();
        if (totals.synpunkter % 100_000 < CHUNK) {
          console.log(
            `  ${totals.synpunkter} synpunkter, ${
              totals.events
            } history rows, ${((performance.now() - started) / 1000).toFixed(
              0,
            )} s`,
          );
        }
      }
    }
    await flush();
    await knex('registration_counters').insert(
      [...sequences].map(([year, last]) => ({ year, last_number: last })),
    );
    if (args.db === 'pg') {
      // As autoanalyze would after a bulk load.
      await knex.raw('analyze');
    } else {
      // No ANALYZE: nothing runs it on an SQLite installation, so its plans have no statistics,
      // and the bench is to measure those. With them (sqlite_stat4), every statement whose plan
      // depends on a bound value is prepared again each time it runs: the facts job's three keep
      // statements took 6.0 ms a batch over the million with them, 0.8 ms without.
      await knex.raw('pragma wal_checkpoint(truncate)');
    }
    const statuses = await knex('synpunkter')
      .groupBy('status')
      .select<Array<{ status: string; n: number | string }>>(
        'status',
        knex.raw('count(*) as n'),
      );
    return {
      ...totals,
      statuses: Object.fromEntries(statuses.map(s => [s.status, Number(s.n)])),
      from: first.toISODate(),
      to: args.today,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await knex.destroy();
  }
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  console.log(`Generating ${args.rows} synpunkter on ${args.db} …`);
  generate(args).then(
    result => console.log(JSON.stringify(result, null, 2)),
    error => {
      // A failed bulk insert's message holds the whole statement: show its start only.
      console.error(String(error?.stack ?? error).slice(0, 2000));
      process.exit(1);
    },
  );
}
