import { DateTime } from 'luxon';
import { z } from 'zod';
import { SUPPORTED_DATE_RANGE, SUPPORTED_YEARS } from '../calendar';
import { entityRefSchema, isoDateSchema } from '../validation';
import { REPORT_EXPORT_FORMATS, REPORT_PERIOD_KINDS } from './model';

/**
 * The longest range a report may cover, in years.
 *
 * @public
 */
export const REPORT_MAX_YEARS = 5;

const periodShape = {
  period: z.enum(REPORT_PERIOD_KINDS, {
    error: `must be one of ${REPORT_PERIOD_KINDS.join(', ')}`,
  }),
  year: z.coerce
    .number({ error: 'must be a year such as 2026' })
    .int('must be a whole year such as 2026')
    .min(SUPPORTED_YEARS.first, `must be ${SUPPORTED_YEARS.first} or later`)
    .max(SUPPORTED_YEARS.last, `must be ${SUPPORTED_YEARS.last} or earlier`)
    .optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  unit: entityRefSchema('group').optional(),
};

type PeriodFields = {
  period: (typeof REPORT_PERIOD_KINDS)[number];
  year?: number;
  from?: string;
  to?: string;
};

/** The rules between the fields of a period, each failure naming its field. */
function checkPeriod(query: PeriodFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message });
  if (query.period !== 'range') {
    if (query.year === undefined) {
      issue('year', `is required for period=${query.period}, e.g. year=2026`);
    }
    for (const field of ['from', 'to'] as const) {
      if (query[field] !== undefined) {
        issue(field, `is only used with period=range; give year instead`);
      }
    }
    return;
  }
  if (query.year !== undefined) {
    issue('year', 'is not used with period=range; give from and to instead');
  }
  if (query.from === undefined) {
    issue('from', 'is required for period=range: the first date, YYYY-MM-DD');
  }
  if (query.to === undefined) {
    issue('to', 'is required for period=range: the last date, YYYY-MM-DD');
  }
  if (query.from === undefined || query.to === undefined) {
    return;
  }
  for (const field of ['from', 'to'] as const) {
    const value = query[field]!;
    if (
      value < SUPPORTED_DATE_RANGE.first ||
      value > SUPPORTED_DATE_RANGE.last
    ) {
      issue(
        field,
        `must be from ${SUPPORTED_DATE_RANGE.first} to ${SUPPORTED_DATE_RANGE.last}`,
      );
      return;
    }
  }
  if (query.to < query.from) {
    issue(
      'to',
      `${query.to} is before from (${query.from}); the period ends on or after the day it begins`,
    );
    return;
  }
  const limit = DateTime.fromISO(query.from, { zone: 'UTC' })
    .plus({ years: REPORT_MAX_YEARS })
    .toISODate();
  if (limit !== null && query.to >= limit) {
    issue(
      'to',
      `the range from ${query.from} to ${query.to} is longer than ${REPORT_MAX_YEARS} years; choose a shorter range`,
    );
  }
}

/**
 * The query of a report: `period=delar|helar&year=2026` or `period=range&from=…&to=…`, and
 * optionally the `unit` (a Group ref) whose subtree it covers; without it, the whole
 * organisation.
 *
 * @public
 */
export const reportQuerySchema = z
  .strictObject(periodShape)
  .superRefine(checkPeriod);
/** @public */
export type ReportQuery = z.output<typeof reportQuerySchema>;

/**
 * The query of a report export: a report query, the `format`, the `decimal` separator of a CSV
 * (comma, as Swedish Excel expects, by default) and the `lang` of the labels (Swedish by default).
 *
 * @public
 */
export const reportExportQuerySchema = z
  .strictObject({
    ...periodShape,
    format: z.enum(REPORT_EXPORT_FORMATS, {
      error: `must be one of ${REPORT_EXPORT_FORMATS.join(', ')}`,
    }),
    decimal: z
      .enum(['comma', 'point'], { error: 'must be comma or point' })
      .optional(),
    lang: z.enum(['sv', 'en'], { error: 'must be sv or en' }).optional(),
  })
  .superRefine(checkPeriod);
/** @public */
export type ReportExportQuery = z.output<typeof reportExportQuerySchema>;
