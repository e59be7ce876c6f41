import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import {
  stockholmDateOf,
  SvarstidRules,
} from '@service-guidelines/plugin-service-guidelines-common';
import {
  previousPeriodOf,
  UppfoljningSettings,
} from '../../config/uppfoljningSettings';
import { OrganisationStore } from '../../database/OrganisationStore';
import { ReminderStore, ReminderSubject } from '../../database/ReminderStore';

/** What one run sent, by kind. */
export interface ReminderRunResult {
  overdue: number;
  dueSoon: number;
  followUp: number;
  failed: number;
}

const INTERVAL_WORDS = {
  month: 'varje månad',
  quarter: 'varje kvartal',
  halfyear: 'varje halvår',
  year: 'varje år',
} as const;

/**
 * Reminders of R3.3, through the notifications plugin: to the handläggare and the chef of the unit
 * when a synpunkt's återkoppling is due soon or overdue, and to the chef of an enhet that was not
 * followed up in the last interval period. Each occasion is claimed in the database before it is
 * sent, so that it is sent once however often the job runs and however many instances run it.
 */
export class Reminders {
  private readonly dateFormat = new Intl.DateTimeFormat('sv-SE', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

  constructor(
    private readonly deps: {
      store: ReminderStore;
      organisation: OrganisationStore;
      notifications: NotificationService;
      rules: SvarstidRules;
      settings: UppfoljningSettings;
      followUpUnitTypes: readonly string[];
      clock: () => Date;
      logger: LoggerService;
      /** Fills the organisation mirror when it is still empty (just after start-up). */
      fillOrganisation?: () => Promise<unknown>;
    },
  ) {}

  async run(): Promise<ReminderRunResult> {
    const { store, rules, settings } = this.deps;
    // Without the tree no chef can be found; a run now would skip every reminder of a unit.
    await this.deps.fillOrganisation?.();
    const now = this.deps.clock();
    const today = stockholmDateOf(now.toISOString());
    const result: ReminderRunResult = {
      overdue: 0,
      dueSoon: 0,
      followUp: 0,
      failed: 0,
    };
    const chefs = new Map<string, string | undefined>();
    const chefOf = async (unitRef: string) => {
      if (!chefs.has(unitRef)) {
        chefs.set(unitRef, (await this.deps.organisation.chefsOf(unitRef))[0]);
      }
      return chefs.get(unitRef);
    };

    const lookbackFrom = new Date(`${today}T00:00:00Z`);
    lookbackFrom.setUTCDate(
      lookbackFrom.getUTCDate() - settings.reminders.overdueLookbackDays,
    );
    for (const s of await store.overdue(
      lookbackFrom.toISOString().slice(0, 10),
      today,
    )) {
      const repeat = settings.reminders.repeatOverdueEveryWorkingDays;
      const round = repeat
        ? `:${Math.floor(
            rules.calendar.workingDaysBetween(s.aterkopplingDue, today) /
              repeat,
          )}`
        : '';
      const sent = await this.send(
        `overdue:${s.id}:${s.aterkopplingDue}${round}`,
        'overdue',
        await this.recipientsOf(s, chefOf),
        this.synpunktPayload(s, 'high', 'Svarstiden har gått ut'),
      );
      this.count(result, 'overdue', sent);
    }

    const dueBy = rules.calendar.addWorkingDays(
      today,
      settings.dueSoonWorkingDays,
    );
    for (const s of await store.dueBetween(today, dueBy)) {
      const sent = await this.send(
        `due-soon:${s.id}:${s.aterkopplingDue}`,
        'due-soon',
        await this.recipientsOf(s, chefOf),
        this.synpunktPayload(s, 'normal', 'Svarstiden går snart ut'),
      );
      this.count(result, 'dueSoon', sent);
    }

    const period = previousPeriodOf(today, settings.interval);
    for (const unit of await store.notFollowedUp(
      this.deps.followUpUnitTypes,
      period.from,
      period.to,
    )) {
      const sent = await this.send(
        `follow-up:${unit.unitRef}:${period.id}`,
        'follow-up',
        [unit.chefRef],
        {
          title: `Uppföljning saknas: ${unit.title}`,
          description: `Ingen uppföljning av synpunkterna med medarbetarna är registrerad för ${this.date(
            period.from,
          )}–${this.date(period.to)}. Riktlinjerna säger ${
            INTERVAL_WORDS[settings.interval]
          }.`,
          link: '/service-guidelines/uppfoljning',
          severity: 'normal',
          topic: 'Uppföljning av synpunkter',
          scope: `service-guidelines:follow-up:${unit.unitRef}`,
        },
      );
      this.count(result, 'followUp', sent);
    }
    if (result.overdue + result.dueSoon + result.followUp + result.failed) {
      this.deps.logger.info(
        `Reminders sent: ${result.overdue} overdue, ${result.dueSoon} due soon, ${result.followUp} uppföljning; ${result.failed} failed and will be tried again`,
      );
    }
    return result;
  }

  private count(
    result: ReminderRunResult,
    kind: 'overdue' | 'dueSoon' | 'followUp',
    sent: boolean | 'failed',
  ) {
    if (sent === 'failed') result.failed += 1;
    else if (sent) result[kind] += 1;
  }

  private async recipientsOf(
    s: ReminderSubject,
    chefOf: (unitRef: string) => Promise<string | undefined>,
  ): Promise<string[]> {
    const chef = await chefOf(s.unitRef);
    return [
      ...new Set([s.handlaggareRef, chef].filter((r): r is string => !!r)),
    ];
  }

  private synpunktPayload(
    s: ReminderSubject,
    severity: NotificationPayload['severity'],
    title: string,
  ): NotificationPayload {
    return {
      title: `${title}: ${s.registrationNumber}`,
      description: `Återkoppling senast ${this.date(
        s.aterkopplingDue,
      )}. Öppna synpunkten för att ge återkoppling eller pausa klockan.`,
      link: `/service-guidelines/synpunkter/${s.id}`,
      severity,
      topic: 'Synpunkter',
      scope: `service-guidelines:synpunkt:${s.id}`,
    };
  }

  /** Claims the occasion, sends, and gives the claim back if sending fails. */
  private async send(
    occasion: string,
    kind: string,
    recipients: string[],
    payload: NotificationPayload,
  ): Promise<boolean | 'failed'> {
    if (recipients.length === 0) return false;
    const at = this.deps.clock().toISOString();
    if (!(await this.deps.store.claim(occasion, kind, at))) return false;
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload,
      });
      return true;
    } catch (error) {
      await this.deps.store.release(occasion);
      this.deps.logger.warn(
        `Could not send the ${kind} reminder ${occasion}: ${
          (error as Error).message
        }`,
      );
      return 'failed';
    }
  }

  private date(isoDate: string): string {
    return this.dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
  }
}
