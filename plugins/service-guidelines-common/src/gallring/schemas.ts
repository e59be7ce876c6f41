import { z } from 'zod';

/**
 * The query of `GET /gallring/preview` and `GET /gallring/log`: a page size and the cursor the
 * previous page gave.
 *
 * @public
 */
export const gallringPageQuerySchema = z
  .object({
    limit: z.coerce
      .number({ error: 'must be a number of entries' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict();

/** @public */
export type GallringPageQuery = z.input<typeof gallringPageQuerySchema>;
