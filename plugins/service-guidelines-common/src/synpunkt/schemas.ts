import { z } from 'zod';
import {
  entityRefSchema,
  isoDateSchema,
  MAX_VERSION,
  hasNoNulCharacter,
  NUL_CHARACTER_MESSAGE,
  tooLongMessage,
  UNKNOWN_VERSION_MESSAGE,
} from '../validation';
import {
  ATERKOPPLING_METHODS,
  ContactDetails,
  CHANNELS,
  NOT_SYNPUNKT_CATEGORIES,
  SYNPUNKT_SORTS,
  SYNPUNKT_STATUSES,
  SYNPUNKT_TYPES,
} from './model';

/**
 * Limits on free text, so that a pasted book or a runaway script cannot fill the database.
 *
 * @public
 */
export const TEXT_LIMITS = {
  description: 10_000,
  longText: 10_000,
  reason: 500,
  name: 200,
  email: 320,
  phone: 50,
  address: 500,
  title: 200,
  /** An area id, in a body or a query. */
  area: 100,
  /** The free-text search of a list. */
  search: 200,
  /** A list's page cursor, as the API gave it out. */
  cursor: 200,
  /** A comma-separated list of enum values in a query. */
  valueList: 500,
} as const;

/**
 * Optional free text, trimmed, at most `max` characters; empty becomes undefined.
 *
 * @public
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLongMessage(max))
    .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
    .optional()
    .transform(value => (value ? value : undefined));

/**
 * Required free text, trimmed, 1 to `max` characters.
 *
 * @public
 */
export const requiredText = (max: number) =>
  z
    .string({
      error: issue =>
        issue.input === undefined ? 'is required' : 'must be text',
    })
    .trim()
    .min(1, 'must not be empty')
    .max(max, tooLongMessage(max))
    .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE);

/** @public */
export const contactDetailsSchema = z
  .object({
    name: optionalText(TEXT_LIMITS.name),
    email: optionalText(TEXT_LIMITS.email).refine(
      value => value === undefined || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
      'must be an e-mail address such as namn@example.se',
    ),
    phone: optionalText(TEXT_LIMITS.phone).refine(
      value => value === undefined || /^[+0-9 ()-]{5,}$/.test(value),
      'must be a phone number of digits, spaces, +, - or parentheses',
    ),
    address: optionalText(TEXT_LIMITS.address),
  })
  .strict();

/**
 * The body of `POST /synpunkter`. `type` also accepts the categories that are not synpunkter,
 * so that the server can answer them with guidance instead of a bare "invalid value".
 *
 * @public
 */
export const registerSynpunktSchema = z
  .object({
    type: z.enum([...SYNPUNKT_TYPES, ...NOT_SYNPUNKT_CATEGORIES], {
      error: `must be one of ${SYNPUNKT_TYPES.join(', ')}`,
    }),
    channel: z.enum(CHANNELS, {
      error: `must be one of ${CHANNELS.join(', ')}`,
    }),
    receivedAt: z.iso
      .datetime({
        offset: true,
        error:
          'must be an ISO 8601 date and time, e.g. 2026-11-24T09:30:00+01:00',
      })
      .optional(),
    unitRef: entityRefSchema('group'),
    area: requiredText(TEXT_LIMITS.area),
    description: requiredText(TEXT_LIMITS.description),
    anonymous: z.boolean({
      error:
        'is required: true when the customer gave no contact details, else false',
    }),
    contact: contactDetailsSchema.optional(),
    handlaggareRef: entityRefSchema('user').optional(),
    sekretess: z.boolean().optional().default(false),
  })
  .strict()
  .superRefine((body, ctx) => {
    const contact: ContactDetails = body.contact ?? {};
    const reachable = Boolean(
      contact.email || contact.phone || contact.address,
    );
    if (body.anonymous && (reachable || contact.name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contact'],
        message:
          'must be left out for an anonymous synpunkt (anonymous means no återkoppling)',
      });
    }
    if (!body.anonymous && !reachable) {
      ctx.addIssue({
        code: 'custom',
        path: ['contact'],
        message:
          'needs an e-mail address, a phone number or a postal address for återkoppling, or set anonymous to true',
      });
    }
  });
/** @public */
export type RegisterSynpunktRequest = z.input<typeof registerSynpunktSchema>;

const version = z
  .number({
    error: 'is required: the version of the synpunkt the change is based on',
  })
  .int()
  .positive()
  .max(MAX_VERSION, UNKNOWN_VERSION_MESSAGE);

/**
 * The body of `PATCH /synpunkter/:id`: the fields that may be corrected after registration.
 *
 * @public
 */
export const updateSynpunktSchema = z
  .object({
    version,
    type: z.enum(SYNPUNKT_TYPES).optional(),
    channel: z.enum(CHANNELS).optional(),
    unitRef: entityRefSchema('group').optional(),
    area: requiredText(TEXT_LIMITS.area).optional(),
    description: requiredText(TEXT_LIMITS.description).optional(),
    contact: contactDetailsSchema.optional(),
    sekretess: z.boolean().optional(),
  })
  .strict();
/** @public */
export type UpdateSynpunktRequest = z.input<typeof updateSynpunktSchema>;

/** @public */
export const assignSchema = z
  .object({ version, handlaggareRef: entityRefSchema('user') })
  .strict();

/** @public */
export const forstaSvarSchema = z
  .object({ version, date: isoDateSchema.optional() })
  .strict();

/** @public */
export const pauseSchema = z
  .object({
    version,
    reason: requiredText(TEXT_LIMITS.reason),
    from: isoDateSchema.optional(),
  })
  .strict();

/** @public */
export const resumeSchema = z
  .object({ version, to: isoDateSchema.optional() })
  .strict();

/** @public */
export const utredningSchema = z
  .object({ version, text: requiredText(TEXT_LIMITS.longText) })
  .strict();

/** @public */
export const aterkopplingSchema = z
  .object({
    version,
    date: isoDateSchema.optional(),
    method: z.enum(ATERKOPPLING_METHODS, {
      error: `must be one of ${ATERKOPPLING_METHODS.join(', ')}`,
    }),
    summary: requiredText(TEXT_LIMITS.longText),
  })
  .strict();

/** @public */
export const closeSchema = z
  .object({
    version,
    outcome: requiredText(TEXT_LIMITS.longText),
    ledToImprovement: z.boolean({ error: 'is required: true or false' }),
    improvementDescription: optionalText(TEXT_LIMITS.longText),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.ledToImprovement && !body.improvementDescription) {
      ctx.addIssue({
        code: 'custom',
        path: ['improvementDescription'],
        message:
          'is required when the synpunkt led to an improvement: describe it',
      });
    }
  });

/** @public */
export const reopenSchema = z
  .object({ version, reason: requiredText(TEXT_LIMITS.reason) })
  .strict();

const csv = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(TEXT_LIMITS.valueList, tooLongMessage(TEXT_LIMITS.valueList))
    .transform(s =>
      s
        .split(',')
        .map(v => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

/**
 * The query of `GET /synpunkter`.
 *
 * @public
 */
export const listSynpunkterQuerySchema = z
  .object({
    status: csv(SYNPUNKT_STATUSES).optional(),
    type: csv(SYNPUNKT_TYPES).optional(),
    channel: csv(CHANNELS).optional(),
    unit: entityRefSchema('group').optional(),
    area: z
      .string()
      .trim()
      .max(TEXT_LIMITS.area, tooLongMessage(TEXT_LIMITS.area))
      .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
      .optional(),
    handlaggare: entityRefSchema('user').optional(),
    mine: z.enum(['true', 'false']).optional(),
    open: z.enum(['true', 'false']).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    dueWithinDays: z.coerce.number().int().min(0).max(365).optional(),
    /** With dueWithinDays: leave out those whose deadline is before this date (already overdue). */
    dueFrom: isoDateSchema.optional(),
    receivedFrom: isoDateSchema.optional(),
    receivedTo: isoDateSchema.optional(),
    closedFrom: isoDateSchema.optional(),
    closedTo: isoDateSchema.optional(),
    q: z
      .string()
      .trim()
      .max(TEXT_LIMITS.search, tooLongMessage(TEXT_LIMITS.search))
      .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
      .optional(),
    sort: z.enum(SYNPUNKT_SORTS).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
    cursor: z
      .string()
      .max(TEXT_LIMITS.cursor, tooLongMessage(TEXT_LIMITS.cursor))
      .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
      .optional(),
  })
  .strict();
/** @public */
export type ListSynpunkterQuery = z.input<typeof listSynpunkterQuerySchema>;

/** @public */
export const svarsmallSchema = z
  .object({
    unitRef: entityRefSchema('group'),
    title: requiredText(TEXT_LIMITS.title),
    body: requiredText(TEXT_LIMITS.longText),
  })
  .strict();

/** @public */
export const updateSvarsmallSchema = z
  .object({
    version,
    title: requiredText(TEXT_LIMITS.title).optional(),
    body: requiredText(TEXT_LIMITS.longText).optional(),
  })
  .strict();
