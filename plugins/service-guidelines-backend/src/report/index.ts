import {
  AuthService,
  DatabaseService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { SvarstidRules } from '@service-guidelines/plugin-service-guidelines-common';
import { OrganisationStore } from '../database/OrganisationStore';
import { syncReportCalendar } from './ReportCalendarStore';
import { ReportFactsKeeper } from './ReportFactsKeeper';
import { ReportReachResolver } from './ReportReachResolver';
import { ReportService } from './ReportService';
import { ReportStore } from './ReportStore';
import { SqliteReportReader } from './SqliteReportReader';
import {
  closingMonthDays,
  readFactsSchedule,
  readReportSettings,
} from './settings';

export type { ReportReach } from './ReportService';
export { ReportService } from './ReportService';
export { ReportReachResolver } from './ReportReachResolver';

/**
 * The reports of the plugin: reads `serviceGuidelines.reports`, brings the report calendar in
 * line with the configured working-day calendar, and builds the service and the reach of each
 * reader, and schedules the job that keeps the report facts. Called once from the plugin's init,
 * after the migrations.
 */
export async function createReports(options: {
  config: RootConfigService;
  database: DatabaseService;
  catalog: CatalogService;
  auth: AuthService;
  userInfo: UserInfoService;
  logger: LoggerService;
  scheduler: SchedulerService;
  organisation: OrganisationStore;
  refreshOrganisation: () => Promise<void>;
  rules: SvarstidRules;
  areas: ReadonlyArray<{ id: string; title: string }>;
  clock: () => Date;
  /** Where "Andel enheter uppföljda" comes from. */
  followUps?: ConstructorParameters<typeof ReportService>[0]['followUps'];
  /** Waited for between two batches of the facts job (see workInBatches). */
  betweenBatches?: () => Promise<void>;
}): Promise<{ reports: ReportService; reportReach: ReportReachResolver }> {
  const settings = readReportSettings(options.config);
  const factsSchedule = readFactsSchedule(options.config);
  const client = await options.database.getClient();
  const { written } = await syncReportCalendar(client, options.rules.calendar);
  if (written > 0) {
    options.logger.info(
      `Report calendar: wrote ${written} days from the configured working-day calendar`,
    );
  }
  const keeper = new ReportFactsKeeper(client, {
    closingMonthDays: closingMonthDays(settings.delar),
    clock: options.clock,
    betweenBatches: options.betweenBatches,
  });
  await options.scheduler.scheduleTask({
    ...factsSchedule,
    id: 'service-guidelines-report-facts',
    // Once across all instances: two at once would work out the same batches.
    scope: 'global',
    fn: async () => {
      const { kept } = await keeper.keepPending();
      if (kept > 0) {
        options.logger.info(`Report facts: kept those of ${kept} synpunkter`);
      }
    },
  });
  return {
    reports: new ReportService({
      // better-sqlite3 is synchronous: on a database file the reports run on a worker thread.
      store: new ReportStore(client, await SqliteReportReader.create(client)),
      organisation: options.organisation,
      settings,
      areas: options.areas,
      organisationName:
        options.config.getOptionalString('organization.name') ?? 'Kommunen',
      clock: options.clock,
      refreshOrganisation: options.refreshOrganisation,
      followUps: options.followUps,
    }),
    reportReach: new ReportReachResolver({
      userInfo: options.userInfo,
      catalog: options.catalog,
      auth: options.auth,
    }),
  };
}
