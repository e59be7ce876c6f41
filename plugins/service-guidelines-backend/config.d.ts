import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the service-guidelines plugins (synpunkter, svarstider, förtroendevalda). */
  serviceGuidelines?: {
    /** The synpunkt registry. Every value has Värmdö kommun's policy as its default. */
    synpunkter?: {
      /**
       * Prefix of registration numbers: `SYN` gives `SYN-2026-00042`.
       * @visibility frontend
       */
      numberPrefix?: string;
      /**
       * Areas of service a synpunkt can concern. `legalDuty` marks areas with a legal duty to
       * receive and investigate complaints (utbildning under skollagen 4 kap. 8 §,
       * socialtjänst): their klagomål need a recorded utredning before closing.
       * @visibility frontend
       */
      areas?: Array<{
        /** @visibility frontend */
        id: string;
        /** @visibility frontend */
        title: string;
        /** @visibility frontend */
        legalDuty?: boolean;
      }>;
      /**
       * Where each matter that is not a synpunkt goes instead, shown before anything is typed and
       * in the refusal when one is sent as a synpunkt.
       * @visibility frontend
       */
      guidance?: {
        /** @visibility frontend */
        fraga?: string;
        /** @visibility frontend */
        felanmalan?: string;
        /** @visibility frontend */
        skadeanssprak?: string;
        /** @visibility frontend */
        overklagande?: string;
        /** @visibility frontend */
        fortroendevald?: string;
      };
      /**
       * Group `spec.type` values a synpunkt may be registered on.
       * @visibility frontend
       */
      registrableUnitTypes?: string[];
    };
    /** How the plugin asks the permission framework about its callers. */
    permissions?: {
      /**
       * How long a signed-in user's permission decisions (and the user info the reports read:
       * their groups) are reused before the permission backend is asked again, as a Backstage
       * duration (`10s`, `PT30S`, `{ seconds: 10 }`). Repeated requests of one user within this
       * time skip the in-process round trips to the permission and auth backends. A role or group
       * membership changed in the catalog or the policy therefore takes effect within this time
       * (on every backend instance, as each keeps its own cache). A decision is never reused past
       * the expiry of the token it was asked with, and failed lookups are never kept.
       * Default when absent: 10 seconds. `0s` (or `{ seconds: 0 }`) turns the cache off, so that
       * every request asks the policy.
       */
      decisionCacheTtl?: HumanDuration | string;
    };
    /**
     * Role groups for the plugin's example permission policy (`ServiceGuidelinesPolicy`), as
     * catalog Group refs. Chefs and handläggare need no list: they come from the organisation.
     */
    roles?: {
      /** Groups whose members may do everything in the module. */
      administrators?: string[];
      /** Groups whose members read the aggregated reports. */
      reportReaders?: string[];
    };
    /**
     * Svarstider in arbetsdagar, per channel and type; Värmdö kommun's values where left out.
     * Invalid values stop the backend at start-up with a message naming the key.
     * @visibility frontend
     */
    svarstider?: {
      /**
       * End of the working day in Stockholm, `HH:MM` (quote it in YAML): what arrives at or after
       * it counts from the next arbetsdag. Default '16:00'.
       * @visibility frontend
       */
      endOfWorkingDay?: string;
      /**
       * Första svar: that the matter was received, who handles it and when to expect
       * återkoppling. 0 means at once, during the contact. Default: muntligt, telefon, sms 0;
       * epost, brev, webb, sociala_medier 2.
       * @visibility frontend
       */
      forstaSvar?: {
        /** @visibility frontend */
        perChannel?: {
          /** @visibility frontend */
          muntligt?: number;
          /** @visibility frontend */
          telefon?: number;
          /** @visibility frontend */
          sms?: number;
          /** @visibility frontend */
          epost?: number;
          /** @visibility frontend */
          brev?: number;
          /** @visibility frontend */
          webb?: number;
          /** @visibility frontend */
          sociala_medier?: number;
        };
      };
      /**
       * Återkoppling on the substance. Where a channel and a type both set a svarstid, the
       * shorter applies. Default 10 arbetsdagar.
       * @visibility frontend
       */
      aterkoppling?: {
        /** @visibility frontend */
        defaultDays?: number;
        /** @visibility frontend */
        perChannel?: { [channel: string]: number };
        /** @visibility frontend */
        perType?: {
          /** @visibility frontend */
          berom?: number;
          /** @visibility frontend */
          klagomal?: number;
          /** @visibility frontend */
          forslag?: number;
        };
      };
      /**
       * The municipality's own non-working days (klämdagar) and eves it works on.
       * @visibility frontend
       */
      calendar?: {
        /** @visibility frontend */
        extraNonWorkingDays?: Array<string | { date: string; name?: string }>;
        /** @visibility frontend */
        workingEves?: Array<'midsommarafton' | 'julafton' | 'nyarsafton'>;
      };
    };
    /** The organisation tree, read from the catalog's Group entities. */
    organisation?: {
      /** Group `spec.type` values that are units of the organisation tree. */
      unitTypes?: string[];
      /** How often the tree is mirrored from the catalog. Default: 5 minutes. */
      refreshInterval?: HumanDuration | string;
    };
    /** The directory of förtroendevalda (elected officials). */
    fortroendevalda?: {
      /**
       * A CSV or JSON file (the import format) that fills the directory when it is empty, e.g. the
       * demo list `../../examples/org/fortroendevalda.csv`. Relative to the backend's working
       * directory. A directory with anyone in it is never touched.
       */
      seedFile?: string;
      /**
       * Group `spec.type` values that are political organs: an uppdrag's organ is linked to the
       * Group of that type whose display name or name it matches. Default: fullmäktige, styrelse,
       * nämnd, beredning, utskott.
       */
      organTypes?: string[];
      /** The read-only public endpoint `GET /api/service-guidelines/public/fortroendevalda`. */
      publicApi?: {
        /** Requests a minute allowed per client address. Default: 60. */
        requestsPerMinute?: number;
      };
    };
    /** The reports on synpunkter for kommunstyrelsen and nämnder (R4). */
    reports?: {
      /**
       * The delår (interim period) of delårsbokslut: month and day of its first and last date,
       * `MM-DD`, within one calendar year (quote them in YAML). Default 01-01 to 08-31.
       */
      delar?: {
        from?: string;
        to?: string;
      };
      /**
       * When the job that keeps each synpunkt's report facts runs, as a Backstage task schedule
       * (`frequency`, `timeout`, `initialDelay`); it always runs once across all backend
       * instances. Reports are exact whenever it runs: what it has not kept yet (synpunkter
       * written since its last run) they work out in full, which only costs time. Default: every
       * 5 minutes, the first time 5 seconds after start-up, with a timeout of one hour.
       */
      factsSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /**
     * Gallring (R5.2): how long a closed synpunkt keeps the customer's contact details and its
     * free texts (description, also of a sekretess one; utredning; återkoppling summary; what was
     * done; reasons for pausing and reopening), as the municipality's decided
     * dokumenthanteringsplan says. When due, a daily job clears them and writes the
     * gallringslogg; everything the reports count stays. Without this section nothing is ever
     * gallrad. A wrong value stops the backend at start-up with a message naming the key.
     *
     * A retention is a period after the closing date, in ISO 8601 (`P2Y`, `P6M`, `P1Y6M`,
     * `P30D`) or in words (`2 år`, `6 månader`, `3 veckor`, `30 dagar`), or `bevaras` (kept for
     * good). A synpunkt closed on 12 March 2026 with `2 år` is gallrad on 12 March 2028.
     */
    gallring?: {
      /** The retention of each type; all three are required: the plan decides every one. */
      perType: {
        berom: string;
        klagomal: string;
        forslag: string;
      };
      /**
       * Rules of an area (an id of `serviceGuidelines.synpunkter.areas`) that take precedence over
       * `perType` for the types they name, e.g. `socialtjanst: { klagomal: bevaras }`.
       */
      perArea?: {
        [areaId: string]: {
          berom?: string;
          klagomal?: string;
          forslag?: string;
        };
      };
      /**
       * The most synpunkter cleared in one transaction. Default 500, at most 5000. On SQLite,
       * where each batch holds every request while it runs, batches are sized by their time
       * (about 10 ms each) up to this.
       */
      batchSize?: number;
      /**
       * When the job runs, as a Backstage task schedule (`frequency`, `timeout`,
       * `initialDelay`). It always runs once across all backend instances. Default: every day,
       * the first time 10 minutes after start-up, with a timeout of one hour.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
    /** Follow-up per chef (R3): Min uppföljning, uppföljningar and reminders. */
    uppfoljning?: {
      /**
       * "Due soon" on Min uppföljning and in reminders: återkoppling due within this many
       * arbetsdagar. Default 3.
       */
      dueSoonWorkingDays?: number;
      /**
       * How often each unit is to review its synpunkter with the staff; a chef is reminded once
       * for each such period that passed without an uppföljning. Default `quarter`.
       */
      interval?: 'month' | 'quarter' | 'halfyear' | 'year';
      /** The Group types that are followed up with their staff. Default `[enhet]`. */
      unitTypes?: string[];
      /** Reminders through the notifications plugin; each occasion is sent once. */
      reminders?: {
        /** Default true. */
        enabled?: boolean;
        /**
         * When the job runs, as a Backstage task schedule; it always runs once across all backend
         * instances. Default: every hour, the first time a minute after start-up.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Synpunkter whose deadline passed longer ago than this many days are not reminded of
         * (so that a first start on old data does not flood anyone). Default 30.
         */
        overdueLookbackDays?: number;
        /**
         * Remind of an overdue synpunkt again every this many arbetsdagar. Default: never again.
         */
        repeatOverdueEveryWorkingDays?: number;
      };
    };
    /** Benchmarks (bench/scale); never set outside a benchmark run. */
    bench?: {
      /**
       * Mounts `POST /bench/baseline` (inserts one row into a `bench_baseline` table it creates)
       * and `GET /bench/baseline/:id` (reads one synpunkt row), with the same body parser, user
       * authentication and one permission decision as the real routes: the baselines the
       * benchmark's ratios are measured against. Default false.
       */
      baselineRoutes?: boolean;
    };
    /** Demo data, for the demo portal only; never set in production. */
    demo?: {
      /**
       * Registers a few hundred made-up synpunkter over the past two years through the registry's
       * own rules when the registry is empty, so that the reports show something. Default false.
       */
      seedSynpunkter?: boolean;
    };
  };
}
