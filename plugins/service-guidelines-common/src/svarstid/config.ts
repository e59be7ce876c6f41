import { z } from 'zod';
import {
  ExtraNonWorkingDay,
  isIsoDate,
  SUPPORTED_DATE_RANGE,
  SWEDISH_EVES,
  SwedishEve,
} from '../calendar';
import {
  Channel,
  CHANNELS,
  SYNPUNKT_TYPES,
  SynpunktType,
} from '../synpunkt/model';
import { parseConfigSection, settingsSchema } from '../config/configIssues';
import { DEFAULT_END_OF_WORKING_DAY } from './arrival';

/**
 * Where the svarstid settings live in app-config.
 *
 * @public
 */
export const SVARSTID_CONFIG_KEY = 'serviceGuidelines.svarstider';

/** More than this is surely a typo, and would run past the calendar's last year. */
const MAX_ARBETSDAGAR = 365;

const arbetsdagarSchema = z
  .number({ error: 'must be a number of arbetsdagar' })
  .int('must be a whole number of arbetsdagar')
  .min(0, 'must be 0 or more arbetsdagar (0 means at once)')
  .max(MAX_ARBETSDAGAR, `must be at most ${MAX_ARBETSDAGAR} arbetsdagar`);

/** A mapping from some of `keys` to arbetsdagar. */
function daysPerKeySchema<K extends string>(keys: readonly K[], noun: string) {
  const shape = Object.fromEntries(
    keys.map(key => [key, arbetsdagarSchema.optional()]),
  ) as {
    [P in K]: z.ZodOptional<typeof arbetsdagarSchema>;
  };
  return settingsSchema(shape, {
    notAMapping: `must map each ${noun} to a number of arbetsdagar`,
    unknownKey: `is not a ${noun}; use one of ${keys.join(', ')}`,
  });
}

const channelDaysSchema = daysPerKeySchema(CHANNELS, 'channel');
const typeDaysSchema = daysPerKeySchema(SYNPUNKT_TYPES, 'synpunkt type');

const calendarDateSchema = z
  .string({
    error: issue =>
      issue.input === undefined
        ? 'is required: a date written YYYY-MM-DD'
        : "must be a date written YYYY-MM-DD, quoted in YAML ('2026-05-15')",
  })
  .refine(isIsoDate, 'must be a date written YYYY-MM-DD that exists')
  .refine(
    value =>
      !isIsoDate(value) ||
      (value >= SUPPORTED_DATE_RANGE.first &&
        value <= SUPPORTED_DATE_RANGE.last),
    `must be from ${SUPPORTED_DATE_RANGE.first} to ${SUPPORTED_DATE_RANGE.last}`,
  );

const extraDaySchema = z.union([
  calendarDateSchema,
  settingsSchema(
    {
      date: calendarDateSchema,
      name: z
        .string({ error: 'must be a text' })
        .trim()
        .min(1, 'must not be empty (leave it out for "extra ledig dag")')
        .max(100, 'must be at most 100 characters')
        .optional(),
    },
    {
      notAMapping:
        'must be a date written YYYY-MM-DD, or a mapping with date and name',
      unknownKey: 'is not a setting of an extra day; use date and name',
    },
  ),
]);

/**
 * The schema of `serviceGuidelines.svarstider` in app-config. Every key is optional; what is left
 * out takes Värmdö kommun's values ({@link DEFAULT_SVARSTID_CONFIG}).
 *
 * @public
 */
export const svarstidConfigSchema = settingsSchema(
  {
    endOfWorkingDay: z
      .string({
        error: "must be a time of day written HH:MM, quoted in YAML ('16:00')",
      })
      .regex(
        /^([01]\d|2[0-3]):[0-5]\d$/,
        'must be a time of day written HH:MM, such as 16:00',
      )
      .optional(),
    forstaSvar: settingsSchema(
      { perChannel: channelDaysSchema.optional() },
      {
        notAMapping: 'must be a mapping with perChannel',
        unknownKey: 'is not a setting of forstaSvar; use perChannel',
      },
    ).optional(),
    aterkoppling: settingsSchema(
      {
        defaultDays: arbetsdagarSchema.optional(),
        perChannel: channelDaysSchema.optional(),
        perType: typeDaysSchema.optional(),
      },
      {
        notAMapping: 'must be a mapping with defaultDays, perChannel, perType',
        unknownKey:
          'is not a setting of aterkoppling; use defaultDays, perChannel or perType',
      },
    ).optional(),
    calendar: settingsSchema(
      {
        extraNonWorkingDays: z
          .array(extraDaySchema, { error: 'must be a list of dates' })
          .optional(),
        workingEves: z
          .array(
            z.enum(SWEDISH_EVES, {
              error: `is not an eve; use one of ${SWEDISH_EVES.join(', ')}`,
            }),
            { error: 'must be a list of eves' },
          )
          .optional(),
      },
      {
        notAMapping: 'must be a mapping with extraNonWorkingDays, workingEves',
        unknownKey:
          'is not a setting of calendar; use extraNonWorkingDays or workingEves',
      },
    ).optional(),
  },
  {
    notAMapping: 'must be a mapping of svarstid settings',
    unknownKey:
      'is not a svarstid setting; use endOfWorkingDay, forstaSvar, aterkoppling or calendar',
  },
);

/**
 * `serviceGuidelines.svarstider` as written in app-config.
 *
 * @public
 */
export type SvarstidConfig = z.input<typeof svarstidConfigSchema>;

/**
 * The svarstid settings with every value filled in.
 *
 * @public
 */
export interface ResolvedSvarstidConfig {
  /** `HH:MM`, Stockholm time: what arrives at or after it counts from the next arbetsdag. */
  endOfWorkingDay: string;
  forstaSvar: {
    /** Arbetsdagar until första svar, per channel; 0 means at once, during the contact. */
    perChannel: Record<Channel, number>;
  };
  aterkoppling: {
    /** Arbetsdagar until återkoppling where neither the channel nor the type sets it. */
    defaultDays: number;
    perChannel: Partial<Record<Channel, number>>;
    perType: Partial<Record<SynpunktType, number>>;
  };
  calendar: {
    extraNonWorkingDays: ExtraNonWorkingDay[];
    workingEves: SwedishEve[];
  };
}

/**
 * Värmdö kommun's svarstider (Riktlinjer för tillgänglighet och service, 2018): e-post within two
 * arbetsdagar; brev "på samma sätt som e-post"; telefon, SMS and besök at once; webb as e-post; and
 * sociala medier, on which the policy sets no time, as webb. Återkoppling within 10 arbetsdagar.
 *
 * @public
 */
export const DEFAULT_SVARSTID_CONFIG: ResolvedSvarstidConfig = deepFreeze({
  endOfWorkingDay: DEFAULT_END_OF_WORKING_DAY,
  forstaSvar: {
    perChannel: {
      muntligt: 0,
      telefon: 0,
      sms: 0,
      epost: 2,
      brev: 2,
      webb: 2,
      sociala_medier: 2,
    },
  },
  aterkoppling: { defaultDays: 10, perChannel: {}, perType: {} },
  calendar: { extraNonWorkingDays: [], workingEves: [] },
});

// The defaults are shared by every caller; one that changed them would change them for all.
function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') {
      deepFreeze(child);
    }
  }
  return Object.freeze(value);
}

/**
 * Checks the raw value of `serviceGuidelines.svarstider` and fills in the defaults. Throws an
 * Error naming every bad key and what is wrong with it, so that a backend refuses to start on a
 * bad configuration instead of promising the wrong dates.
 *
 * @param raw - the config subtree as read, e.g. `config.getOptional('serviceGuidelines.svarstider')`;
 *   undefined or null for all defaults
 * @param configKey - the key to name in messages, when the subtree lives elsewhere
 * @public
 */
export function resolveSvarstidConfig(
  raw: unknown,
  configKey: string = SVARSTID_CONFIG_KEY,
): ResolvedSvarstidConfig {
  const config = parseConfigSection(svarstidConfigSchema, raw, {
    configKey,
    what: 'svarstid',
    unmatchedUnion:
      'must be a date written YYYY-MM-DD, or a mapping with date and name',
  });
  const defaults = DEFAULT_SVARSTID_CONFIG;
  return {
    endOfWorkingDay: config.endOfWorkingDay ?? defaults.endOfWorkingDay,
    forstaSvar: {
      perChannel: {
        ...defaults.forstaSvar.perChannel,
        ...withoutUndefined(config.forstaSvar?.perChannel),
      },
    },
    aterkoppling: {
      defaultDays:
        config.aterkoppling?.defaultDays ?? defaults.aterkoppling.defaultDays,
      perChannel: withoutUndefined(config.aterkoppling?.perChannel),
      perType: withoutUndefined(config.aterkoppling?.perType),
    },
    calendar: {
      extraNonWorkingDays: (config.calendar?.extraNonWorkingDays ?? []).map(
        entry => (typeof entry === 'string' ? { date: entry } : entry),
      ),
      workingEves: [...(config.calendar?.workingEves ?? [])],
    },
  };
}

function withoutUndefined<K extends string>(
  record: Partial<Record<K, number | undefined>> | undefined,
): Partial<Record<K, number>> {
  const result: Partial<Record<K, number>> = {};
  for (const [key, value] of Object.entries(record ?? {}) as Array<
    [K, number | undefined]
  >) {
    if (value !== undefined) {
      result[key] = value;
    }
  }
  return result;
}
