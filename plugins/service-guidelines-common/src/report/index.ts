/*
 * Reports on synpunkter: the JSON the backend answers with, the query that asks for one, and
 * the names of what they count.
 */

export * from './model';
export * from './schemas';
export * from './labels';
