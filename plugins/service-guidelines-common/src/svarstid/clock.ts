import { IsoDate, WorkingDayCalendar } from '../calendar';

/**
 * A time the svarstid clock waited for the customer, e.g. for more information.
 *
 * The clock stops for the arbetsdagar after `from` up to and including `to`: the day the customer
 * was asked still counts, the day the answer came does not, and counting resumes the arbetsdag
 * after it, just as it starts the arbetsdag after an arrival. A pause that starts and ends on the
 * same day therefore costs nothing. An open pause (no `to`) lasts as long as the caller says (see
 * `asOf`). Overlapping pauses count each day once.
 *
 * @public
 */
export interface ClockPause {
  from: IsoDate;
  to?: IsoDate;
}

/** Paused arbetsdagar as offsets from the arrival day: offsets `after + 1` … `upTo`. */
interface PausedSpan {
  after: number;
  upTo: number;
}

function pausedSpans(
  calendar: WorkingDayCalendar,
  arrivalDate: IsoDate,
  pauses: readonly ClockPause[],
  readOn: IsoDate | undefined,
): PausedSpan[] {
  const readOnOffset =
    readOn === undefined
      ? undefined
      : calendar.workingDaysBetween(arrivalDate, readOn);
  const spans: PausedSpan[] = [];
  for (const pause of pauses) {
    if (
      pause.to !== undefined &&
      calendar.workingDaysBetween(pause.from, pause.to) < 0
    ) {
      throw new RangeError(
        `A pause must not end before it starts: from ${pause.from} to ${pause.to}`,
      );
    }
    // Arbetsdagar before the arrival day are never counted, paused or not.
    const after = Math.max(
      0,
      calendar.workingDaysBetween(arrivalDate, pause.from),
    );
    let upTo: number;
    if (pause.to !== undefined) {
      upTo = calendar.workingDaysBetween(arrivalDate, pause.to);
      if (readOnOffset !== undefined) {
        upTo = Math.min(upTo, readOnOffset);
      }
    } else if (readOnOffset !== undefined) {
      upTo = readOnOffset;
    } else {
      throw new RangeError(
        `The pause from ${pause.from} has not ended, so the deadline keeps moving: ` +
          'give asOf, the date up to which the clock has been paused (today, or the end of a report period)',
      );
    }
    // A pause that starts after the clock is read on ends up empty here.
    if (upTo > after) {
      spans.push({ after, upTo });
    }
  }
  spans.sort((a, b) => a.after - b.after);
  const merged: PausedSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.after <= last.upTo) {
      last.upTo = Math.max(last.upTo, span.upTo);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/**
 * What a svarstid deadline is computed from.
 *
 * @public
 */
export interface DeadlineInput {
  /** The arrival day; one that is not an arbetsdag is moved to the next arbetsdag. */
  arrivalDate: IsoDate;
  /** The svarstid in arbetsdagar: a whole number, 0 or more. */
  days: number;
  pauses?: readonly ClockPause[];
  /**
   * The date the clock is read on. Pauses that start after it are left out, and a pause still
   * open on it (or ending after it) counts as paused up to and including it. Required when a pause
   * is open: until the pause ends, the deadline is not fixed.
   */
  asOf?: IsoDate;
}

/**
 * The deadline of a svarstid: the earliest arbetsdag D such that `days` arbetsdagar after the
 * arrival day up to and including D were not paused (see {@link ClockPause}). With 0 days it is the
 * arrival day. It is always an arbetsdag, and a pause only ever moves it later: by the number of
 * paused arbetsdagar that fall before it.
 *
 * @public
 */
export function svarstidDeadline(
  calendar: WorkingDayCalendar,
  input: DeadlineInput,
): IsoDate {
  const { days, pauses = [], asOf } = input;
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(
      `A svarstid must be a whole number of arbetsdagar, 0 or more; got ${days}`,
    );
  }
  const arrivalDate = calendar.workingDayOnOrAfter(input.arrivalDate);
  if (pauses.length === 0 && asOf === undefined) {
    return calendar.addWorkingDays(arrivalDate, days);
  }
  let offset = days;
  for (const span of pausedSpans(calendar, arrivalDate, pauses, asOf)) {
    if (span.after >= offset) {
      break;
    }
    offset += span.upTo - span.after;
  }
  return calendar.addWorkingDays(arrivalDate, offset);
}

/**
 * What "arbetsdagar till X" is counted from.
 *
 * @public
 */
export interface WorkingDaysToInput {
  /** The arrival day; one that is not an arbetsdag is moved to the next arbetsdag. */
  arrivalDate: IsoDate;
  /** The date X happened on (in Stockholm). */
  date: IsoDate;
  /** An open pause counts as paused up to and including `date`. */
  pauses?: readonly ClockPause[];
}

/**
 * "Arbetsdagar till X" of the report measures: the arbetsdagar after the arrival day up to and
 * including the date of X, less those the clock was paused; 0 when X happened on the arrival day,
 * and 0 too when X came before it (a första svar given on a Saturday to a matter that arrives on
 * Monday). For the deadline D of N days, `workingDaysTo(D)` is N.
 *
 * @public
 */
export function workingDaysTo(
  calendar: WorkingDayCalendar,
  input: WorkingDaysToInput,
): number {
  const arrivalDate = calendar.workingDayOnOrAfter(input.arrivalDate);
  const elapsed = calendar.workingDaysBetween(arrivalDate, input.date);
  if (elapsed <= 0) {
    return 0;
  }
  let paused = 0;
  for (const span of pausedSpans(
    calendar,
    arrivalDate,
    input.pauses ?? [],
    input.date,
  )) {
    paused += Math.max(0, Math.min(span.upTo, elapsed) - span.after);
  }
  return elapsed - paused;
}
