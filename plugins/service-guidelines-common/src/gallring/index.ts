/*
 * Gallring: removing the personal data of closed synpunkter when the municipality's
 * dokumenthanteringsplan says so, while keeping every figure the reports use.
 */

export type { GallringRule, ResolvedGallringConfig } from './config';
export {
  DEFAULT_GALLRING_BATCH_SIZE,
  GALLRING_CONFIG_KEY,
  gallringConfigSchema,
  gallringRuleFor,
  resolveGallringConfig,
} from './config';
export type {
  GallringCandidate,
  GallringField,
  GallringLogEntry,
  GallringLogPage,
  GallringPreview,
} from './model';
export { GALLRING_FIELDS } from './model';
export type { Retention } from './retention';
export { parseRetention, RETENTION_HELP, retentionCutoff } from './retention';
export type { GallringPageQuery } from './schemas';
export { gallringPageQuerySchema } from './schemas';
