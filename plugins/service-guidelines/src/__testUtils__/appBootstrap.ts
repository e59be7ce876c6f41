/**
 * How long a test's first find waits after `renderTestApp`: the whole app bootstraps before the
 * page renders, and the Swedish messages load lazily. That takes seconds on a busy machine, well
 * beyond Testing Library's default of one second.
 */
export const APP_BOOTSTRAP_WAIT = { timeout: 10_000 };
