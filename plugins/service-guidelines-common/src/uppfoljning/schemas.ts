import { z } from 'zod';
import { requiredText, TEXT_LIMITS } from '../synpunkt/schemas';
import { entityRefSchema, isoDateSchema } from '../validation';

const participantSchema = z
  .object({
    name: requiredText(TEXT_LIMITS.name),
    userRef: entityRefSchema('user').optional(),
  })
  .strict();

const actionSchema = z
  .object({
    /** Present when the action was recorded before; a new one gets its id from the server. */
    id: z.string().uuid().optional(),
    description: requiredText(TEXT_LIMITS.reason),
    responsible: requiredText(TEXT_LIMITS.name),
    dueDate: isoDateSchema,
    doneDate: isoDateSchema.optional(),
  })
  .strict();

const uppfoljningFields = {
  heldDate: isoDateSchema,
  participants: z
    .array(participantSchema)
    .min(1, 'name at least one participant')
    .max(200, 'must list at most 200 participants'),
  synpunktIds: z
    .array(z.string().uuid('must be the id of a synpunkt'))
    .max(500, 'must list at most 500 synpunkter')
    .default([]),
  conclusions: requiredText(TEXT_LIMITS.longText),
  actions: z
    .array(actionSchema)
    .max(100, 'must list at most 100 actions')
    .default([]),
};

/**
 * The body of `POST /uppfoljningar`.
 *
 * @public
 */
export const recordUppfoljningSchema = z
  .object({ unitRef: entityRefSchema('group'), ...uppfoljningFields })
  .strict();
/** @public */
export type RecordUppfoljningRequest = z.input<typeof recordUppfoljningSchema>;

/**
 * The body of `PUT /uppfoljningar/:id`: the whole record again, with the version it was read at.
 *
 * @public
 */
export const updateUppfoljningSchema = z
  .object({ version: z.number().int().min(1), ...uppfoljningFields })
  .strict();
/** @public */
export type UpdateUppfoljningRequest = z.input<typeof updateUppfoljningSchema>;

/**
 * The query of `GET /uppfoljning/oversikt`.
 *
 * @public
 */
export const followUpOverviewQuerySchema = z
  .object({
    dueWithinDays: z.coerce
      .number({ error: 'must be a whole number of arbetsdagar' })
      .int()
      .min(0)
      .max(60)
      .optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .strict()
  .refine(q => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    message: 'must not be before from',
  });

/**
 * The query of `GET /uppfoljningar`.
 *
 * @public
 */
export const listUppfoljningarQuerySchema = z
  .object({ unit: entityRefSchema('group') })
  .strict();
