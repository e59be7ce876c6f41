/*
 * Svarstider: the response times of R1.4 in arbetsdagar, from configuration, and the deadlines
 * and working-day counts computed with them.
 */

export { arrivalDateOf, DEFAULT_END_OF_WORKING_DAY } from './arrival';
export type { ClockPause, DeadlineInput, WorkingDaysToInput } from './clock';
export { svarstidDeadline, workingDaysTo } from './clock';
export type { ResolvedSvarstidConfig, SvarstidConfig } from './config';
export {
  DEFAULT_SVARSTID_CONFIG,
  resolveSvarstidConfig,
  SVARSTID_CONFIG_KEY,
  svarstidConfigSchema,
} from './config';
export type {
  SvarstidClock,
  SvarstidDeadlines,
  SvarstidRules,
  SvarstidSubject,
} from './rules';
export { createSvarstidRules, parseSvarstidConfig } from './rules';
