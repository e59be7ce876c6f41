import { z } from 'zod';
import {
  createFortroendevaldSchema,
  FORTROENDEVALD_LIMITS,
  listFortroendevaldaQuerySchema,
  uppdragChangeSchema,
} from './fortroendevalda';
import {
  aterkopplingSchema,
  closeSchema,
  listSynpunkterQuerySchema,
  pauseSchema,
  registerSynpunktSchema,
  reopenSchema,
  svarsmallSchema,
  TEXT_LIMITS,
  updateSvarsmallSchema,
  updateSynpunktSchema,
  utredningSchema,
} from './synpunkt';
import {
  ENTITY_REF_MAX_LENGTH,
  fieldErrorsOf,
  MAX_VERSION,
  NUL_CHARACTER_MESSAGE,
  UNKNOWN_VERSION_MESSAGE,
} from './validation';
import { reportQuerySchema } from './report';

const aRegistration = {
  type: 'klagomal',
  channel: 'epost',
  unitRef: 'group:default/skolan',
  area: 'utbildning',
  description: 'Skolskjutsen kom inte.',
  anonymous: false,
  contact: { name: 'Anna Kund', email: 'anna@example.se' },
};
const aPerson = {
  name: 'Anna Ledamot',
  party: 'S',
  email: 'anna.ledamot@kommun.se',
};
const anUppdrag = {
  version: 1,
  organ: 'Kommunstyrelsen',
  role: 'ledamot',
  from: '2023-01-01',
};

/** A string of exactly `length` characters that is valid for the field it goes into. */
type Filler = (length: number) => string;
const text: Filler = length => 'å'.repeat(length);
const ref =
  (kind: string): Filler =>
  length =>
    `${kind}:default/${'a'.repeat(length - kind.length - 9)}`;
const email: Filler = length => `${'a'.repeat(length - 11)}@example.se`;
const phone: Filler = length => '0'.repeat(length);

/** Sets a value at a dotted path of a copy of the base. */
function withValue(base: object, path: string, value: string): unknown {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return copy;
}

/**
 * Every length-limited string of every request schema: the schema, a valid request, the field
 * and its limit. A row per field, so that a new field without a limit shows up as a missing row
 * in review rather than as a database full of a pasted book.
 */
// prettier-ignore
const limitedFields: Array<[string, string, number, z.ZodType, object, Filler]> =
  [
    ['register', 'description', TEXT_LIMITS.description, registerSynpunktSchema, aRegistration, text],
    ['register', 'area', TEXT_LIMITS.area, registerSynpunktSchema, aRegistration, text],
    ['register', 'unitRef', ENTITY_REF_MAX_LENGTH, registerSynpunktSchema, aRegistration, ref('group')],
    ['register', 'handlaggareRef', ENTITY_REF_MAX_LENGTH, registerSynpunktSchema, aRegistration, ref('user')],
    ['register', 'contact.name', TEXT_LIMITS.name, registerSynpunktSchema, aRegistration, text],
    ['register', 'contact.email', TEXT_LIMITS.email, registerSynpunktSchema, aRegistration, email],
    ['register', 'contact.phone', TEXT_LIMITS.phone, registerSynpunktSchema, aRegistration, phone],
    ['register', 'contact.address', TEXT_LIMITS.address, registerSynpunktSchema, aRegistration, text],
    ['update', 'description', TEXT_LIMITS.description, updateSynpunktSchema, { version: 1 }, text],
    ['update', 'area', TEXT_LIMITS.area, updateSynpunktSchema, { version: 1 }, text],
    ['pause', 'reason', TEXT_LIMITS.reason, pauseSchema, { version: 1 }, text],
    ['utredning', 'text', TEXT_LIMITS.longText, utredningSchema, { version: 1 }, text],
    ['aterkoppling', 'summary', TEXT_LIMITS.longText, aterkopplingSchema, { version: 1, method: 'epost' }, text],
    ['close', 'outcome', TEXT_LIMITS.longText, closeSchema, { version: 1, ledToImprovement: true, improvementDescription: 'x' }, text],
    ['close', 'improvementDescription', TEXT_LIMITS.longText, closeSchema, { version: 1, ledToImprovement: true, outcome: 'x' }, text],
    ['reopen', 'reason', TEXT_LIMITS.reason, reopenSchema, { version: 1 }, text],
    ['svarsmall', 'title', TEXT_LIMITS.title, svarsmallSchema, { unitRef: 'group:default/skolan', body: 'x' }, text],
    ['svarsmall', 'body', TEXT_LIMITS.longText, svarsmallSchema, { unitRef: 'group:default/skolan', title: 'x' }, text],
    ['svarsmall update', 'title', TEXT_LIMITS.title, updateSvarsmallSchema, { version: 1 }, text],
    ['list query', 'q', TEXT_LIMITS.search, listSynpunkterQuerySchema, {}, text],
    ['list query', 'area', TEXT_LIMITS.area, listSynpunkterQuerySchema, {}, text],
    ['list query', 'cursor', TEXT_LIMITS.cursor, listSynpunkterQuerySchema, {}, text],
    ['list query', 'unit', ENTITY_REF_MAX_LENGTH, listSynpunkterQuerySchema, {}, ref('group')],
    ['list query', 'status', TEXT_LIMITS.valueList, listSynpunkterQuerySchema, {}, length => `avslutad${','.repeat(length - 8)}`],
    ['förtroendevald', 'name', FORTROENDEVALD_LIMITS.name, createFortroendevaldSchema, aPerson, text],
    ['förtroendevald', 'email', FORTROENDEVALD_LIMITS.email, createFortroendevaldSchema, aPerson, email],
    ['förtroendevald', 'phone', FORTROENDEVALD_LIMITS.phone, createFortroendevaldSchema, aPerson, phone],
    ['uppdrag', 'organ', FORTROENDEVALD_LIMITS.organ, uppdragChangeSchema, anUppdrag, text],
    ['directory query', 'q', FORTROENDEVALD_LIMITS.search, listFortroendevaldaQuerySchema, {}, text],
    ['directory query', 'organ', FORTROENDEVALD_LIMITS.organ, listFortroendevaldaQuerySchema, {}, text],
    ['directory query', 'party', FORTROENDEVALD_LIMITS.party, listFortroendevaldaQuerySchema, {}, text],
    ['report query', 'unit', ENTITY_REF_MAX_LENGTH, reportQuerySchema, { period: 'delar', year: '2026' }, ref('group')],
  ];

describe('length limits on every string of a request', () => {
  it.each(limitedFields)(
    '%s: %s accepts %i characters and refuses one more, naming the field and the limit',
    (_what, field, max, schema, base, fill) => {
      const atLimit = schema.safeParse(withValue(base, field, fill(max)));
      expect(
        atLimit.success ? [] : fieldErrorsOf(atLimit.error).map(e => e.field),
      ).not.toContain(field);

      const over = schema.safeParse(withValue(base, field, fill(max + 1)));
      expect(over.success).toBe(false);
      expect(
        fieldErrorsOf((over as { error: z.ZodError }).error),
      ).toContainEqual({ field, message: `must be at most ${max} characters` });
    },
  );

  it('refuses a role written longer than any role could be', () => {
    const result = uppdragChangeSchema.safeParse({
      ...anUppdrag,
      role: 'ledamot'.padEnd(FORTROENDEVALD_LIMITS.role + 1, ' x'),
    });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toContainEqual({
      field: 'role',
      message: `must be at most ${FORTROENDEVALD_LIMITS.role} characters`,
    });
  });
});

describe('characters and numbers the database cannot keep', () => {
  const textFields = limitedFields.filter(row => row[5] === text);

  it.each(textFields)(
    '%s: %s refuses the NUL character, saying so',
    (_what, field, _max, schema, base) => {
      const result = schema.safeParse(
        withValue(base, field, 'före\u0000efter'),
      );
      expect(result.success).toBe(false);
      expect(
        fieldErrorsOf((result as { error: z.ZodError }).error),
      ).toContainEqual({
        field,
        message: NUL_CHARACTER_MESSAGE,
      });
    },
  );

  it.each([
    ['a synpunkt', utredningSchema, { text: 'x' }],
    ['a förtroendevald', uppdragChangeSchema, { ...anUppdrag }],
  ])(
    'refuses a version of %s above what the database keeps',
    (_what, schema, base) => {
      const atMost = schema.safeParse({ ...base, version: MAX_VERSION });
      expect(atMost.success).toBe(true);
      const over = schema.safeParse({ ...base, version: MAX_VERSION + 1 });
      expect(fieldErrorsOf((over as { error: z.ZodError }).error)).toEqual([
        { field: 'version', message: UNKNOWN_VERSION_MESSAGE },
      ]);
    },
  );
});

describe('text is kept as typed', () => {
  it('keeps markup, quotes, emoji and line breaks of a synpunkt exactly', () => {
    const description =
      '<script>alert(1)</script> & "citat" \'enkel\' <b>fet</b>\n\tRad två 👩‍👧 ÅÄÖ \u200b';
    const parsed = registerSynpunktSchema.parse({
      ...aRegistration,
      description,
      contact: { name: '<img src=x onerror=alert(1)>', email: 'a@b.se' },
    });
    expect(parsed.description).toBe(description);
    expect(parsed.contact?.name).toBe('<img src=x onerror=alert(1)>');
  });
});
