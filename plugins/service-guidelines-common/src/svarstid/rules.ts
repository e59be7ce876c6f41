import {
  createWorkingDayCalendar,
  Instant,
  IsoDate,
  isIsoDate,
  stockholmDateOf,
  WorkingDayCalendar,
} from '../calendar';
import { Channel, SynpunktType } from '../synpunkt/model';
import { arrivalDateOf } from './arrival';
import {
  ClockPause,
  svarstidDeadline,
  workingDaysTo,
  WorkingDaysToInput,
} from './clock';
import { ResolvedSvarstidConfig, resolveSvarstidConfig } from './config';

/**
 * Channels whose matters carry a date stamp rather than a time: a letter is "stämplad" with the
 * day it was received, and the policy counts from that day whatever the hour it was opened.
 */
const DATE_STAMPED_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(['brev']);

/**
 * The facts about a synpunkt that its svarstider depend on.
 *
 * @public
 */
export interface SvarstidSubject {
  channel: Channel;
  type: SynpunktType;
  /**
   * When it was received: an instant, or for a letter the date stamped on it. Only the date of a
   * letter counts, never the hour.
   */
  receivedAt: Instant | IsoDate;
  /** An anonymous synpunkt gets no svar at all: there is no one to answer. */
  anonymous: boolean;
  /** When the clock waited for the customer; pauses stop the återkoppling clock only. */
  pauses?: readonly ClockPause[];
  /** Required while a pause is open; see {@link DeadlineInput.asOf}. */
  asOf?: IsoDate;
}

/**
 * One clock of a synpunkt: its svarstid and the date it runs out.
 *
 * @public
 */
export interface SvarstidClock {
  /** The svarstid in arbetsdagar. */
  days: number;
  /** The last arbetsdag on which the svar is in time. */
  due: IsoDate;
}

/**
 * The two clocks of R1.4 for one synpunkt. Both are missing for an anonymous synpunkt.
 *
 * @public
 */
export interface SvarstidDeadlines {
  arrivalDate: IsoDate;
  /** That the matter was received, who handles it and when to expect återkoppling. */
  forstaSvar?: SvarstidClock;
  /** The reply on the substance. */
  aterkoppling?: SvarstidClock;
}

/**
 * A municipality's svarstid rules, resolved from configuration.
 *
 * @public
 */
export interface SvarstidRules {
  readonly config: ResolvedSvarstidConfig;
  /** The working-day calendar with the municipality's extra days and working eves. */
  readonly calendar: WorkingDayCalendar;

  /** Arbetsdagar until första svar for a channel; 0 means at once, during the contact. */
  forstaSvarDays(channel: Channel): number;

  /**
   * Arbetsdagar until återkoppling. Where both the channel and the type have their own svarstid,
   * each is a promise to the customer and both must hold, so the shorter one applies; where
   * neither has, the default does.
   */
  aterkopplingDays(channel: Channel, type: SynpunktType): number;

  /**
   * The arrival day: the Stockholm date of `receivedAt`, or the next arbetsdag when that is not
   * an arbetsdag or the matter came at or after the end of the working day. For brev, the
   * stamped date alone counts.
   */
  arrivalDate(channel: Channel, receivedAt: Instant | IsoDate): IsoDate;

  /** Both deadlines of a synpunkt. */
  deadlines(subject: SvarstidSubject): SvarstidDeadlines;

  /** "Arbetsdagar till X" of the report measures; see {@link workingDaysTo}. */
  workingDaysTo(input: WorkingDaysToInput): number;
}

/**
 * The svarstid rules of a resolved configuration.
 *
 * @public
 */
export function createSvarstidRules(
  config: ResolvedSvarstidConfig,
): SvarstidRules {
  const calendar = createWorkingDayCalendar(config.calendar);

  const forstaSvarDays = (channel: Channel) =>
    config.forstaSvar.perChannel[channel];

  const aterkopplingDays = (channel: Channel, type: SynpunktType) => {
    const specific = [
      config.aterkoppling.perChannel[channel],
      config.aterkoppling.perType[type],
    ].filter((days): days is number => days !== undefined);
    return specific.length > 0
      ? Math.min(...specific)
      : config.aterkoppling.defaultDays;
  };

  const arrivalDate = (channel: Channel, receivedAt: Instant | IsoDate) => {
    if (
      DATE_STAMPED_CHANNELS.has(channel) &&
      !(typeof receivedAt === 'string' && isIsoDate(receivedAt))
    ) {
      return calendar.workingDayOnOrAfter(stockholmDateOf(receivedAt));
    }
    return arrivalDateOf(calendar, receivedAt, config.endOfWorkingDay);
  };

  return {
    config,
    calendar,
    forstaSvarDays,
    aterkopplingDays,
    arrivalDate,
    deadlines(subject) {
      const arrival = arrivalDate(subject.channel, subject.receivedAt);
      if (subject.anonymous) {
        return { arrivalDate: arrival };
      }
      const forstaSvar = forstaSvarDays(subject.channel);
      const aterkoppling = aterkopplingDays(subject.channel, subject.type);
      return {
        arrivalDate: arrival,
        forstaSvar: {
          days: forstaSvar,
          // A första svar comes before any question to the customer, so no pause applies.
          due: svarstidDeadline(calendar, {
            arrivalDate: arrival,
            days: forstaSvar,
          }),
        },
        aterkoppling: {
          days: aterkoppling,
          due: svarstidDeadline(calendar, {
            arrivalDate: arrival,
            days: aterkoppling,
            pauses: subject.pauses,
            asOf: subject.asOf,
          }),
        },
      };
    },
    workingDaysTo(input) {
      return workingDaysTo(calendar, input);
    },
  };
}

/**
 * Checks the raw value of `serviceGuidelines.svarstider` and returns its rules, Värmdö kommun's
 * where a key is left out. Throws an Error naming every bad key (e.g.
 * `serviceGuidelines.svarstider.aterkoppling.perChannel.epost`) and what is wrong with it; it never
 * falls back to a default for a value that is present.
 *
 * @param raw - e.g. `config.getOptional('serviceGuidelines.svarstider')`; undefined for all defaults
 * @public
 */
export function parseSvarstidConfig(raw: unknown): SvarstidRules {
  return createSvarstidRules(resolveSvarstidConfig(raw));
}
