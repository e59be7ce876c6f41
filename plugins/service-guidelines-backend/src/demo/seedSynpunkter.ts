import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Channel,
  SvarstidRules,
  Synpunkt,
  SynpunktType,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import { OrganisationStore, OrgUnit } from '../database/OrganisationStore';
import { seededRandom } from './seededRandom';
import {
  CallerAccess,
  SynpunktService,
} from '../service/synpunkter/SynpunktService';

/** The config key that turns the demo synpunkter on; the demo portal's app-config sets it. */
export const DEMO_SEED_CONFIG_KEY = 'serviceGuidelines.demo.seedSynpunkter';

const ZONE = 'Europe/Stockholm';

const CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ['epost', 30],
  ['webb', 25],
  ['telefon', 20],
  ['muntligt', 10],
  ['brev', 5],
  ['sms', 5],
  ['sociala_medier', 5],
];
const TYPES: ReadonlyArray<readonly [SynpunktType, number]> = [
  ['klagomal', 50],
  ['forslag', 25],
  ['berom', 25],
];

const AREA_BY_UNIT: Record<string, string> = {
  'barn-och-utbildningsnamnden': 'utbildning',
  socialnamnden: 'socialtjanst',
  'bygg-miljo-och-halsoskyddsnamnden': 'bygg-miljo',
  'kultur-och-fritidsnamnden': 'kultur-fritid',
  'gata-och-park': 'gator-trafik',
  'vatten-och-avlopp': 'vatten-avfall',
  avfall: 'vatten-avfall',
  kommunstyrelsen: 'bemotande',
};

const DESCRIPTIONS: Record<SynpunktType, string[]> = {
  klagomal: [
    'Fick vänta länge i telefon utan att någon svarade.',
    'Beskedet jag fick stämde inte med det som står på webben.',
    'Ingen återkom trots att det utlovades.',
    'Informationen om ändrade öppettider kom för sent.',
    'Bemötandet vid besöket var otrevligt.',
    'Svårt att hitta rätt blankett i e-tjänsten.',
  ],
  forslag: [
    'Det vore bra med kvällsöppet en dag i veckan.',
    'Skicka gärna en påminnelse per sms.',
    'Informationen borde finnas på fler språk.',
    'Inför en chatt på webbplatsen.',
  ],
  berom: [
    'Mycket trevligt och hjälpsamt bemötande.',
    'Snabbt och tydligt svar, tack!',
    'Personalen tog sig tid och förklarade allt.',
  ],
};

/** Also used by the scale benchmark's data generator (bench/scale). */
export const IMPROVEMENTS = [
  'Ny rutin för återkoppling inom två dagar.',
  'Informationen på webben har skrivits om i klarspråk.',
  'Telefontiderna har utökats med en kväll i veckan.',
  'E-tjänsten har fått en tydligare startsida.',
  'Personalen har gått en utbildning i bemötande.',
  'Skyltningen vid entrén har förbättrats.',
  'Sms-påminnelser infördes för bokade besök.',
];

/** Also used by the scale benchmark's data generator (bench/scale). */
export const FIRST_NAMES = [
  'Anna',
  'Johan',
  'Sara',
  'Mehmet',
  'Eva',
  'Lars',
  'Fatima',
  'Oskar',
  'Lena',
  'Ali',
];
/** Also used by the scale benchmark's data generator (bench/scale). */
export const LAST_NAMES = [
  'Andersson',
  'Berg',
  'Karlsson',
  'Lind',
  'Nilsson',
  'Öberg',
  'Yilmaz',
  'Holm',
];

/**
 * Fills an empty registry with made-up synpunkter from 1 January of last year until yesterday,
 * for the demo portal's reports. Every synpunkt goes through {@link SynpunktService} with its
 * clock set to the day of each step, so that numbers, arrival days, deadlines, pauses and history
 * follow the registry's own rules. Does nothing when the registry holds any synpunkt, or when the
 * organisation has not been mirrored from the catalog yet (a later run tries again).
 */
export async function seedDemoSynpunkter(options: {
  db: Knex;
  organisation: OrganisationStore;
  refreshOrganisation: () => Promise<void>;
  createService: (clock: () => Date) => SynpunktService;
  rules: SvarstidRules;
  areas: ReadonlyArray<{ id: string; legalDuty: boolean }>;
  logger: LoggerService;
  now: Date;
  count?: number;
}): Promise<number> {
  const { db, organisation, rules, logger } = options;
  const existing = await db('synpunkter').count({ n: '*' }).first();
  if (Number(existing?.n ?? 0) > 0) return 0;
  let units = await organisation.listUnits();
  if (!units.some(u => u.type === 'enhet')) {
    await options.refreshOrganisation();
    units = await organisation.listUnits();
  }
  const enheter = units.filter(u => u.type === 'enhet' && u.chefRef);
  if (enheter.length === 0) {
    logger.info(
      'Demo synpunkter: the organisation is not mirrored yet; trying later',
    );
    return 0;
  }

  let current = options.now;
  const service = options.createService(() => current);
  const at = (date: string, hour: number) => {
    current = DateTime.fromISO(`${date}T${String(hour).padStart(2, '0')}:15`, {
      zone: ZONE,
    }).toJSDate();
  };
  const random = seededRandom(20261124);
  const today = DateTime.fromJSDate(options.now, { zone: ZONE }).startOf('day');
  const first = today.minus({ years: 1 }).startOf('year');
  const days = Math.floor(today.diff(first, 'days').days);
  const todayIso = today.toISODate()!;
  const areaOf = (unit: OrgUnit) => {
    const parentOf = new Map(units.map(u => [u.unitRef, u.parentRef]));
    let ref: string | undefined = unit.unitRef;
    while (ref) {
      const id = AREA_BY_UNIT[ref.split('/')[1]];
      const area = id && options.areas.find(a => a.id === id);
      if (area) return area;
      ref = parentOf.get(ref);
    }
    return (
      options.areas.find(a => a.id === 'ovrigt') ??
      options.areas[options.areas.length - 1]
    );
  };

  const count = options.count ?? 420;
  let created = 0;
  const registrar: CallerAccess = {
    userRef: 'user:default/erik.lindqvist',
    read: 'all',
    personalData: 'all',
    handle: 'all',
  };
  for (let i = 0; i < count; i++) {
    const unit = random.pick(enheter);
    const area = areaOf(unit);
    const type = random.weighted(TYPES);
    const channel = random.weighted(CHANNELS);
    const anonymous = random.chance(channel === 'webb' ? 0.25 : 0.08);
    const receivedDay = first.plus({ days: random.int(0, days - 1) });
    // Letters carry the date they were stamped; everything else a time of day, some after 16:00.
    const hour = random.weighted([
      [8, 2],
      [10, 3],
      [13, 3],
      [15, 2],
      [17, 1],
    ] as const);
    const receivedAt =
      channel === 'brev'
        ? receivedDay.toISODate()!
        : receivedDay.set({ hour, minute: random.int(0, 59) }).toISO()!;
    at(receivedDay.toISODate()!, Math.min(hour + 1, 20));
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    let synpunkt: Synpunkt = await service.register(
      {
        type,
        channel,
        ...(channel === 'brev'
          ? { receivedAt: `${receivedAt}T08:00:00+01:00` }
          : { receivedAt }),
        unitRef: unit.unitRef,
        area: area.id,
        description: random.pick(DESCRIPTIONS[type]),
        anonymous,
        ...(anonymous
          ? {}
          : {
              contact: {
                name: `${firstName} ${lastName}`,
                email: `${firstName}.${lastName}@example.se`
                  .toLowerCase()
                  .replace('ö', 'o'),
              },
            }),
      },
      registrar,
    );
    created += 1;
    const chef: CallerAccess = { ...registrar, userRef: unit.chefRef! };
    const arrival = synpunkt.arrivalDate;
    const workingDay = (n: number) => rules.calendar.addWorkingDays(arrival, n);
    let lastDate = synpunkt.receivedDate;
    // Takes a step on a date (never before the previous step, never today or later) with the
    // service's clock on that day; false when the date has not come yet.
    const step = async (
      wanted: string,
      action: (s: Synpunkt, date: string) => Promise<Synpunkt>,
    ) => {
      const date = wanted < lastDate ? lastDate : wanted;
      if (date >= todayIso) return false;
      at(date, 14);
      synpunkt = await action(synpunkt, date);
      lastDate = date;
      return true;
    };

    await step(workingDay(random.int(0, 1)), s =>
      service.assign(
        s.id,
        { version: s.version, handlaggareRef: unit.chefRef },
        chef,
      ),
    );
    // Some lie untouched long after their deadline: the reports show them as försenade.
    if (synpunkt.status === 'registrerad' || random.chance(0.04)) continue;
    if (!anonymous && !synpunkt.forstaSvar?.date) {
      const after = random.weighted([
        [1, 5],
        [2, 4],
        [4, 1],
      ] as const);
      await step(workingDay(after), (s, date) =>
        service.recordForstaSvar(s.id, { version: s.version, date }, chef),
      );
    }
    let answerAfter = random.weighted([
      [random.int(1, 4), 5],
      [random.int(5, 10), 4],
      [random.int(11, 25), 2],
    ] as const);
    if (!anonymous && random.chance(0.06)) {
      const pausedDays = random.int(1, 5);
      await step(workingDay(3), (s, date) =>
        service.pause(
          s.id,
          {
            version: s.version,
            reason: 'Väntar på kompletterande uppgifter från kunden',
            from: date,
          },
          chef,
        ),
      );
      const resumed = await step(workingDay(3 + pausedDays), (s, date) =>
        service.resume(s.id, { version: s.version, to: date }, chef),
      );
      if (!resumed) continue;
      answerAfter = Math.max(answerAfter, 4 + pausedDays);
    }
    if (area.legalDuty && type === 'klagomal') {
      await step(workingDay(Math.max(1, answerAfter - 1)), s =>
        service.recordUtredning(
          s.id,
          { version: s.version, text: 'Ärendet har utretts av enheten.' },
          chef,
        ),
      );
    }
    if (!anonymous) {
      const answered = await step(workingDay(answerAfter), (s, date) =>
        service.giveAterkoppling(
          s.id,
          {
            version: s.version,
            method: random.pick(['epost', 'telefon', 'brev', 'mote'] as const),
            summary:
              'Tack för dina synpunkter. Vi har gått igenom dem och berättar här vad vi gör.',
            date,
          },
          chef,
        ),
      );
      if (!answered) continue;
    }
    const improvement = type !== 'berom' && random.chance(0.22);
    await step(workingDay(answerAfter + random.int(0, 3)), s =>
      service.close(
        s.id,
        {
          version: s.version,
          outcome: improvement
            ? 'Synpunkten ledde till en förändring i verksamheten.'
            : 'Synpunkten har besvarats.',
          ledToImprovement: improvement,
          ...(improvement
            ? { improvementDescription: random.pick(IMPROVEMENTS) }
            : {}),
        },
        chef,
      ),
    );
  }
  current = options.now;
  logger.info(`Demo synpunkter: registered ${created} made-up synpunkter`);
  return created;
}
