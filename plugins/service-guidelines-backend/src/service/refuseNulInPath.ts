import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';

/**
 * Refuses a path with an encoded NUL character (`%00`) before any route reads it as an id:
 * PostgreSQL cannot compare text with NUL in it, and no id this API gives out has one.
 */
export const refuseNulInPath: RequestHandler = (req, _res, next) => {
  if (/%00/.test(req.path)) {
    throw new InputError(
      'The address contains the NUL character (%00); no id of this API has one',
    );
  }
  next();
};
