import fc from 'fast-check';
import { createWorkingDayCalendar } from '../calendar';
import { dateBetween, plusDays } from '../calendar/__testUtils__/dates';
import { ClockPause, svarstidDeadline, workingDaysTo } from './clock';

const calendar = createWorkingDayCalendar();

// Week 3 of 2026 has no holidays: Monday 12 January … Friday 23 January.
const MONDAY = '2026-01-12';

describe('svarstidDeadline', () => {
  const deadline = (days: number, pauses?: ClockPause[], asOf?: string) =>
    svarstidDeadline(calendar, { arrivalDate: MONDAY, days, pauses, asOf });

  it('is N arbetsdagar after the arrival day, and the arrival day itself for 0', () => {
    expect(deadline(0)).toBe('2026-01-12');
    expect(deadline(2)).toBe('2026-01-14');
    expect(deadline(10)).toBe('2026-01-26');
  });

  it('moves an arrival day that is not an arbetsdag to the next one first', () => {
    expect(
      svarstidDeadline(calendar, { arrivalDate: '2026-01-10', days: 2 }),
    ).toBe('2026-01-14');
  });

  it('moves later by the paused arbetsdagar after the pause start up to and including its end', () => {
    // Paused Tuesday (asked) to Thursday (answered): Wednesday and Thursday do not count.
    expect(deadline(2, [{ from: '2026-01-13', to: '2026-01-15' }])).toBe(
      '2026-01-16',
    );
    // Over a weekend: Friday to Monday pauses only Monday.
    expect(deadline(10, [{ from: '2026-01-16', to: '2026-01-19' }])).toBe(
      '2026-01-27',
    );
  });

  it('costs nothing for a pause that starts and ends on one day', () => {
    expect(deadline(2, [{ from: '2026-01-13', to: '2026-01-13' }])).toBe(
      '2026-01-14',
    );
  });

  it('ignores a pause that starts on or after the deadline', () => {
    expect(deadline(2, [{ from: '2026-01-14', to: '2026-01-20' }])).toBe(
      '2026-01-14',
    );
    expect(deadline(2, [{ from: '2026-01-19', to: '2026-01-20' }])).toBe(
      '2026-01-14',
    );
  });

  it('counts only the part of a pause after the arrival day', () => {
    expect(deadline(2, [{ from: '2026-01-08', to: '2026-01-13' }])).toBe(
      '2026-01-15',
    );
  });

  it('counts overlapping pauses once', () => {
    expect(
      deadline(2, [
        { from: '2026-01-12', to: '2026-01-14' },
        { from: '2026-01-13', to: '2026-01-15' },
      ]),
    ).toBe('2026-01-19'); // Tue–Thu paused, then Friday and Monday count
  });

  it('lets a pause push past the next pause', () => {
    expect(
      deadline(3, [
        { from: '2026-01-12', to: '2026-01-13' }, // Tuesday paused
        { from: '2026-01-15', to: '2026-01-16' }, // Friday paused
      ]),
    ).toBe('2026-01-19'); // counted: Wednesday, Thursday, Monday
  });

  it('needs asOf while a pause is open, and treats it as paused up to then', () => {
    expect(() => deadline(2, [{ from: '2026-01-13' }])).toThrow(
      'The pause from 2026-01-13 has not ended, so the deadline keeps moving: give asOf',
    );
    expect(deadline(2, [{ from: '2026-01-13' }], '2026-01-15')).toBe(
      '2026-01-16',
    );
    expect(deadline(2, [{ from: '2026-01-13' }], '2026-01-20')).toBe(
      '2026-01-21',
    );
  });

  it('reads the clock as it stood on asOf', () => {
    // On Wednesday the pause ending Friday had lasted one day.
    expect(
      deadline(2, [{ from: '2026-01-13', to: '2026-01-16' }], '2026-01-14'),
    ).toBe('2026-01-15');
    // A pause that starts after asOf has not happened yet.
    expect(
      deadline(10, [{ from: '2026-01-20', to: '2026-01-22' }], '2026-01-19'),
    ).toBe('2026-01-26');
  });

  it('refuses a pause that ends before it starts, and bad days', () => {
    expect(() =>
      deadline(2, [{ from: '2026-01-15', to: '2026-01-13' }]),
    ).toThrow(
      'A pause must not end before it starts: from 2026-01-15 to 2026-01-13',
    );
    expect(() => deadline(-1)).toThrow(
      'whole number of arbetsdagar, 0 or more; got -1',
    );
    expect(() =>
      deadline(2, [{ from: '2026-13-01', to: '2026-01-13' }]),
    ).toThrow(RangeError);
  });
});

describe('workingDaysTo', () => {
  const daysTo = (date: string, pauses?: ClockPause[]) =>
    workingDaysTo(calendar, { arrivalDate: MONDAY, date, pauses });

  it('counts arbetsdagar after the arrival day up to and including the date', () => {
    expect(daysTo('2026-01-12')).toBe(0);
    expect(daysTo('2026-01-13')).toBe(1);
    expect(daysTo('2026-01-17')).toBe(4); // Saturday counts as Friday
    expect(daysTo('2026-01-19')).toBe(5);
  });

  it('is 0 for something done before the arrival day', () => {
    expect(daysTo('2026-01-10')).toBe(0);
    expect(daysTo('2026-01-09')).toBe(0);
  });

  it('leaves out paused arbetsdagar, an open pause lasting up to the date', () => {
    expect(
      daysTo('2026-01-19', [{ from: '2026-01-13', to: '2026-01-15' }]),
    ).toBe(3);
    expect(daysTo('2026-01-15', [{ from: '2026-01-13' }])).toBe(1);
    expect(
      daysTo('2026-01-14', [{ from: '2026-01-13', to: '2026-01-20' }]),
    ).toBe(1);
  });
});

describe('svarstid clock properties', () => {
  const arrival = dateBetween('2005-01-10', '2098-12-31').map(date =>
    calendar.workingDayOnOrAfter(date),
  );
  const days = fc.integer({ min: 0, max: 40 });
  /** Pauses near the arrival day, some open, as day offsets from it. */
  const pausesNear = (arrivalDate: string) =>
    fc.array(
      fc
        .record({
          start: fc.integer({ min: -5, max: 60 }),
          length: fc.integer({ min: 0, max: 20 }),
          open: fc.boolean(),
        })
        .map(({ start, length, open }): ClockPause => {
          const from = plusDays(arrivalDate, start);
          return open ? { from } : { from, to: plusDays(from, length) };
        }),
      { maxLength: 4 },
    );
  const scenario = arrival.chain(arrivalDate =>
    fc.record({
      arrivalDate: fc.constant(arrivalDate),
      days,
      pauses: pausesNear(arrivalDate),
      extraPause: pausesNear(arrivalDate).map(list => list.slice(0, 1)),
      asOf: fc
        .integer({ min: 0, max: 120 })
        .map(offset => plusDays(arrivalDate, offset)),
    }),
  );

  it('gives an arbetsdag, never earlier with a pause, and never earlier with one more', () => {
    fc.assert(
      fc.property(
        scenario,
        ({ arrivalDate, days: n, pauses, extraPause, asOf }) => {
          const unpaused = svarstidDeadline(calendar, { arrivalDate, days: n });
          const paused = svarstidDeadline(calendar, {
            arrivalDate,
            days: n,
            pauses,
            asOf,
          });
          const morePaused = svarstidDeadline(calendar, {
            arrivalDate,
            days: n,
            pauses: [...pauses, ...extraPause],
            asOf,
          });
          expect(calendar.isWorkingDay(paused)).toBe(true);
          expect(paused >= unpaused).toBe(true);
          expect(morePaused >= paused).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is the first date on which "arbetsdagar till" reaches N', () => {
    fc.assert(
      fc.property(scenario, ({ arrivalDate, days: n, pauses, asOf }) => {
        // Clip the pauses to asOf as the deadline does, so that both read the same clock.
        const asStoodOn = pauses
          .filter(pause => pause.from <= asOf)
          .map(pause => ({
            from: pause.from,
            to: !pause.to || pause.to > asOf ? asOf : pause.to,
          }));
        const due = svarstidDeadline(calendar, {
          arrivalDate,
          days: n,
          pauses,
          asOf,
        });
        expect(
          workingDaysTo(calendar, {
            arrivalDate,
            date: due,
            pauses: asStoodOn,
          }),
        ).toBe(n);
        const countedTheDayBefore =
          n > 0
            ? workingDaysTo(calendar, {
                arrivalDate,
                date: plusDays(due, -1),
                pauses: asStoodOn,
              })
            : 0;
        expect(countedTheDayBefore).toBe(Math.max(n - 1, 0));
      }),
      { numRuns: 2000 },
    );
  });
});
