/**
 * Fakes only `Date` for the tests of the file that calls this, at `now`: what a test expects of
 * "today" (a deadline passed, a term current) must not depend on the day the tests run. Timers
 * stay real, as the backend under test and its database drivers need them.
 */
export function withTodayAt(now: string): void {
  beforeAll(() => {
    jest.useFakeTimers({
      now: new Date(now),
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
  });
  afterAll(() => jest.useRealTimers());
}
