/**
 * Free texts in a synpunkt's history. Values of contact details and of the description are
 * never written there (only `{ changed: true }`), but the texts of workflow steps are: the
 * utredning, the återkoppling summary, what was done when closing, and the reasons for pausing
 * the clock and reopening. Gallring turns each into `{ changed: true }` (for the pause, drops its
 * reason), and leaves alone what the reports read from the history: dates, kinds, whether a
 * closing led to an improvement and the improvement's description.
 */
const FREE_TEXT_CHANGES = [
  'utredning',
  'aterkopplingSummary',
  'outcome',
  'reason',
];

type Changes = Record<string, unknown>;

function isChangedMarker(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    (value as Changes).changed === true
  );
}

/**
 * The history entry's changes (as stored, JSON) without free text, or undefined when it holds
 * none, so that a second gallring changes nothing.
 */
export function withoutFreeTexts(stored: string): string | undefined {
  const changes = JSON.parse(stored) as Changes;
  let redacted = false;
  for (const key of FREE_TEXT_CHANGES) {
    if (key in changes && !isChangedMarker(changes[key])) {
      changes[key] = { changed: true };
      redacted = true;
    }
  }
  const pause = (changes.pause as { to?: Changes } | undefined)?.to;
  if (pause && 'reason' in pause) {
    delete pause.reason;
    redacted = true;
  }
  return redacted ? JSON.stringify(changes) : undefined;
}
