import { z } from 'zod';
import {
  isoDateSchema,
  MAX_VERSION,
  hasNoNulCharacter,
  NUL_CHARACTER_MESSAGE,
  tooLongMessage,
  UNKNOWN_VERSION_MESSAGE,
} from '../validation';
import {
  KNOWN_PARTIES,
  TERM_FILTERS,
  UPPDRAG_ROLES,
  UppdragRole,
} from './model';

/**
 * Limits on the directory's fields.
 *
 * @public
 */
export const FORTROENDEVALD_LIMITS = {
  name: 200,
  party: 20,
  email: 320,
  phone: 50,
  photoUrl: 500,
  organ: 200,
  /** A role as written: its id, its Swedish title or a common variant. */
  role: 100,
  /** The free-text search of the directory. */
  search: 200,
} as const;

const collapse = (value: string) => value.trim().replace(/\s+/g, ' ');

// Spellings seen in municipalities' lists for the same role.
const ROLE_ALIASES: Record<string, UppdragRole> = {
  ordf: 'ordforande',
  'förste vice ordförande': 'forste-vice-ordforande',
  '1:a vice ordförande': 'forste-vice-ordforande',
  'vice ordförande': 'forste-vice-ordforande',
  'andre vice ordförande': 'andre-vice-ordforande',
  '2:a vice ordförande': 'andre-vice-ordforande',
  'tredje vice ordförande': 'tredje-vice-ordforande',
  '3:a vice ordförande': 'tredje-vice-ordforande',
  suppleant: 'ersattare',
};

/**
 * The role id for a role written as its id, its Swedish title or a common variant, in any case;
 * undefined for anything else.
 *
 * @public
 */
export function parseUppdragRole(value: string): UppdragRole | undefined {
  const key = collapse(value).toLocaleLowerCase('sv');
  const role = UPPDRAG_ROLES.find(r => r.id === key || r.title === key);
  return role?.id ?? ROLE_ALIASES[key];
}

/**
 * A party's abbreviation for a party written as its abbreviation or (for the national parties)
 * its name, in any case: `moderaterna` → `M`, `kd` → `KD`. A local party's abbreviation is kept as
 * written.
 *
 * @public
 */
export function normalizeParty(value: string): string {
  const written = collapse(value);
  const key = written.toLocaleLowerCase('sv');
  const known = KNOWN_PARTIES.find(
    p => p.abbreviation.toLowerCase() === key || p.name.toLowerCase() === key,
  );
  return known?.abbreviation ?? written;
}

const requiredText = (max: number) =>
  z
    .string({
      error: issue =>
        issue.input === undefined || issue.input === null
          ? 'is required'
          : 'must be text',
    })
    .transform(collapse)
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, tooLongMessage(max))
        .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE),
    );

const optionalText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .nullish()
    .transform(value => (value ? collapse(value) : undefined))
    .pipe(
      z
        .string()
        .max(max, tooLongMessage(max))
        .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
        .optional(),
    );

/** @public */
export const partySchema = requiredText(FORTROENDEVALD_LIMITS.party)
  .transform(normalizeParty)
  .pipe(
    z
      .string()
      .regex(
        /^[\p{L}\p{N} .-]+$/u,
        'must be the party’s abbreviation, such as S, M or KD, or its name',
      ),
  );

/** @public */
export const fortroendevaldEmailSchema = requiredText(
  FORTROENDEVALD_LIMITS.email,
)
  .transform(value => value.toLowerCase())
  .pipe(
    z
      .string()
      .regex(
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
        'must be an e-mail address such as fornamn.efternamn@kommun.se',
      ),
  );

/** @public */
export const fortroendevaldPhoneSchema = optionalText(
  FORTROENDEVALD_LIMITS.phone,
).refine(
  value => value === undefined || /^[+0-9 ()-]{5,}$/.test(value),
  'must be a phone number of digits, spaces, +, - or parentheses',
);

/** @public */
export const photoUrlSchema = optionalText(
  FORTROENDEVALD_LIMITS.photoUrl,
).refine(
  value => value === undefined || /^https:\/\/[^\s]+$/.test(value),
  'must be an https:// address of the photo',
);

/** @public */
export const uppdragRoleSchema = z
  .string({ error: 'is required' })
  .max(FORTROENDEVALD_LIMITS.role, tooLongMessage(FORTROENDEVALD_LIMITS.role))
  .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
  .transform((value, ctx) => {
    const role = parseUppdragRole(value);
    if (!role) {
      ctx.addIssue({
        code: 'custom',
        message: `must be one of ${UPPDRAG_ROLES.map(r => r.title).join(', ')}`,
      });
      return z.NEVER;
    }
    return role;
  });

const optionalIsoDate = z
  .union([isoDateSchema, z.literal(''), z.null()])
  .optional()
  .transform(value => value || undefined);

/**
 * The fields of a person, as an administrator enters them.
 *
 * @public
 */
export const fortroendevaldFieldsSchema = z.object({
  name: requiredText(FORTROENDEVALD_LIMITS.name),
  party: partySchema,
  email: fortroendevaldEmailSchema,
  phone: fortroendevaldPhoneSchema,
  photoUrl: photoUrlSchema,
});

/** @public */
export type FortroendevaldFields = z.input<typeof fortroendevaldFieldsSchema>;

const termIsOrdered = (term: { from: string; to?: string }) =>
  term.to === undefined || term.to >= term.from;
const TERM_ORDER_ERROR = {
  path: ['to'],
  message: 'must be on or after the first day (from)',
};

/**
 * An uppdrag as an administrator enters it. `newOrgan` confirms that an organ that is neither a
 * catalog Group nor already in the directory is meant: without it such an organ is refused as a
 * likely misspelling.
 *
 * @public
 */
export const uppdragFieldsSchema = z
  .object({
    organ: requiredText(FORTROENDEVALD_LIMITS.organ),
    role: uppdragRoleSchema,
    from: isoDateSchema,
    to: optionalIsoDate,
    newOrgan: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict()
  .refine(termIsOrdered, TERM_ORDER_ERROR);

/** @public */
export type UppdragFields = z.input<typeof uppdragFieldsSchema>;

const version = z
  .number({
    error:
      'is required: the version of the förtroendevald the change is based on',
  })
  .int()
  .positive()
  .max(MAX_VERSION, UNKNOWN_VERSION_MESSAGE);

/**
 * The body of `POST /fortroendevalda`: a person, and optionally their uppdrag.
 *
 * @public
 */
export const createFortroendevaldSchema = fortroendevaldFieldsSchema
  .extend({
    uppdrag: z
      .array(uppdragFieldsSchema, { error: 'must be a list of uppdrag' })
      .max(100, 'must hold at most 100 uppdrag')
      .optional(),
  })
  .strict();

/** @public */
export type CreateFortroendevaldRequest = z.input<
  typeof createFortroendevaldSchema
>;

/**
 * The body of `PUT /fortroendevalda/:id`: the person's fields and the version they were based on.
 *
 * @public
 */
export const updateFortroendevaldSchema = fortroendevaldFieldsSchema
  .extend({ version })
  .strict();

/** @public */
export type UpdateFortroendevaldRequest = z.input<
  typeof updateFortroendevaldSchema
>;

/**
 * The body of `POST /fortroendevalda/:id/uppdrag` and `PUT …/uppdrag/:uppdragId`.
 *
 * @public
 */
export const uppdragChangeSchema = z
  .object({
    version,
    organ: requiredText(FORTROENDEVALD_LIMITS.organ),
    role: uppdragRoleSchema,
    from: isoDateSchema,
    to: optionalIsoDate,
    newOrgan: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict()
  .refine(termIsOrdered, TERM_ORDER_ERROR);

/** @public */
export type UppdragChangeRequest = z.input<typeof uppdragChangeSchema>;

/**
 * The body of `POST /fortroendevalda/:id/uppdrag/:uppdragId/end`. Without `to`, the uppdrag ends
 * yesterday, so that it is a past term from today on (the same rule as an import).
 *
 * @public
 */
export const endUppdragSchema = z
  .object({ version, to: isoDateSchema.optional() })
  .strict();

/** @public */
export type EndUppdragRequest = z.input<typeof endUppdragSchema>;

/**
 * The query of the DELETE routes: the version the removal is based on.
 *
 * @public
 */
export const versionQuerySchema = z.object({
  version: z.coerce
    .number({ error: 'is required: the version the removal is based on' })
    .int('must be a whole number')
    .positive('must be a positive whole number')
    .max(MAX_VERSION, UNKNOWN_VERSION_MESSAGE),
});

/**
 * The query of `GET /fortroendevalda`. A person matches when their party matches and one of
 * their uppdrag matches organ, role and term together.
 *
 * @public
 */
export const listFortroendevaldaQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(
      FORTROENDEVALD_LIMITS.search,
      tooLongMessage(FORTROENDEVALD_LIMITS.search),
    )
    .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
    .optional(),
  organ: z
    .string()
    .trim()
    .max(
      FORTROENDEVALD_LIMITS.organ,
      tooLongMessage(FORTROENDEVALD_LIMITS.organ),
    )
    .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
    .optional(),
  party: z
    .string()
    .trim()
    .max(
      FORTROENDEVALD_LIMITS.party,
      tooLongMessage(FORTROENDEVALD_LIMITS.party),
    )
    .refine(hasNoNulCharacter, NUL_CHARACTER_MESSAGE)
    .optional(),
  role: uppdragRoleSchema.optional(),
  term: z
    .enum(TERM_FILTERS, { error: `must be one of ${TERM_FILTERS.join(', ')}` })
    .default('current'),
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(50),
  offset: z.coerce
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .default(0),
});

/** @public */
export type ListFortroendevaldaQuery = z.input<
  typeof listFortroendevaldaQuerySchema
>;
