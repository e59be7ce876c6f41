import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  GallringCandidate,
  GallringField,
  GallringLogPage,
  GallringPageQuery,
  GallringPreview,
  gallringRuleFor,
  ResolvedGallringConfig,
  retentionCutoff,
  stockholmDateOf,
  SynpunktType,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import {
  DueSelection,
  DueSynpunktRow,
  GallringLogRow,
  GallringStore,
  GallringWrite,
} from '../../database/GallringStore';
import { searchTextOf } from '../../database/SynpunktStore';
import { workInBatches } from '../../database/batches';
import { withoutFreeTexts } from './historyTexts';

const DEFAULT_PAGE_SIZE = 100;

/** The columns of a synpunkt gallring clears, by the name the API gives them. */
const CLEARED_COLUMNS: Array<[keyof DueSynpunktRow, GallringField]> = [
  ['description', 'description'],
  ['contact_name', 'contact.name'],
  ['contact_email', 'contact.email'],
  ['contact_phone', 'contact.phone'],
  ['contact_address', 'contact.address'],
  ['utredning', 'utredning.text'],
  ['aterkoppling_summary', 'aterkoppling.summary'],
  ['outcome', 'closed.outcome'],
];

interface Planned {
  candidate: GallringCandidate;
  write: GallringWrite;
}

/**
 * A run that clears this many (a first run clears years of them) leaves PostgreSQL's statistics
 * saying they are still due, and their old rows in the due index until a vacuum. Measured by
 * bench/ on a million right after a first run, with autovacuum off: the preview took 2.3 s (p50),
 * its page alone planned on the number index 4.2 s; vacuumed and analyzed (10 s), 0.27-0.32 s.
 */
const DEFAULT_REFRESH_AFTER = 10_000;

/**
 * Gallring under the dokumenthanteringsplan (R5.2): finds the closed synpunkter whose retention
 * has passed, and clears their contact details and free texts, keeping every column and history
 * value the reports read, and logging each one. The dry run and the run share one plan, so the
 * preview lists exactly what the run removes.
 */
export class Gallring {
  constructor(
    private readonly deps: {
      store: GallringStore;
      /** Undefined when not configured: nothing is ever due. */
      config?: ResolvedGallringConfig;
      clock: () => Date;
      logger: LoggerService;
      /** Waited for between two batches of a run (see workInBatches). */
      betweenBatches?: () => Promise<void>;
      /** How many cleared in one run make the store refresh its table (default 10,000). */
      refreshAfter?: number;
    },
  ) {}

  /** What the next run would remove, a page at a time in registration-number order. */
  async preview(query: GallringPageQuery): Promise<GallringPreview> {
    const asOf = this.today();
    const selections = this.selections(asOf);
    if (!selections) {
      return { configured: false, asOf, totalCount: 0, items: [] };
    }
    const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
    const [rows, totalCount] = await Promise.all([
      this.deps.store.due(selections, { limit, after: query.cursor }),
      this.deps.store.countDue(selections),
    ]);
    const planned = await this.plan(rows);
    return {
      configured: true,
      asOf,
      totalCount,
      items: planned.map(p => p.candidate),
      ...(rows.length === limit
        ? { nextCursor: rows[rows.length - 1].registration_number }
        : {}),
    };
  }

  /**
   * Clears every synpunkt that is due, one transaction per batch. Running it again finds nothing
   * more to do. Returns how many were gallrad.
   */
  async run(): Promise<number> {
    const { store, config, logger, clock, betweenBatches } = this.deps;
    const selections = this.selections(this.today());
    if (!selections || !config) {
      return 0;
    }
    let total = 0;
    // Each batch starts after the last one's last number: a synpunkt left because it changed
    // meanwhile is not read again, and no batch reads past the ones before it.
    let after: string | undefined;
    await workInBatches(
      store.batchSizing(config.batchSize),
      async size => {
        const at = clock().toISOString();
        const found = await store.transaction(async tx => {
          const rows = await store.due(selections, { limit: size, after, tx });
          for (const { write } of await this.plan(rows, tx)) {
            if (await store.gallra(tx, write, at)) total += 1;
          }
          return rows;
        });
        after = found.at(-1)?.registration_number;
        return { handled: found.length, more: found.length === size };
      },
      betweenBatches,
    );
    if (total > 0) {
      logger.info(
        `Gallring: cleared the contact details and free texts of ${total} closed synpunkter under the dokumenthanteringsplan`,
      );
    }
    // After the log line: what was cleared is said even if the refresh fails.
    if (total >= (this.deps.refreshAfter ?? DEFAULT_REFRESH_AFTER)) {
      await store.refreshAfterManyCleared();
    }
    return total;
  }

  /** The gallringslogg, newest first. */
  async log(query: GallringPageQuery): Promise<GallringLogPage> {
    const limit = Number(query.limit ?? DEFAULT_PAGE_SIZE);
    const rows = await this.deps.store.log({
      limit,
      beforeId: query.cursor ? logCursor(query.cursor) : undefined,
    });
    return {
      items: rows.map(toLogEntry),
      ...(rows.length === limit
        ? { nextCursor: String(rows[rows.length - 1].id) }
        : {}),
    };
  }

  private today(): string {
    return stockholmDateOf(this.deps.clock().toISOString());
  }

  /** The due selection of each rule with a period, as of today; undefined when not configured. */
  private selections(today: string): DueSelection[] | undefined {
    const rules = this.deps.config?.rules;
    if (!rules) return undefined;
    const selections: DueSelection[] = [];
    for (const rule of rules) {
      if (rule.retention.kind !== 'period') continue;
      selections.push({
        type: rule.type,
        area: rule.area,
        // Areas with their own rule for the type follow it, be it a period or bevaras.
        excludeAreas:
          rule.area === undefined
            ? rules
                .filter(r => r.type === rule.type && r.area !== undefined)
                .map(r => r.area!)
            : [],
        cutoff: retentionCutoff(rule.retention, today),
      });
    }
    return selections;
  }

  private async plan(
    rows: DueSynpunktRow[],
    tx?: Knex.Transaction,
  ): Promise<Planned[]> {
    const ids = rows.map(r => r.id);
    const [withPauseReasons, history] = await Promise.all([
      this.deps.store.withPauseReasons(ids, tx),
      this.deps.store.historyChanges(ids, tx),
    ]);
    const rewrites = new Map<string, GallringWrite['historyRewrites']>();
    for (const entry of history) {
      const changes = withoutFreeTexts(entry.changes);
      if (changes !== undefined) {
        const list = rewrites.get(entry.synpunkt_id) ?? [];
        list.push({ id: entry.id, changes });
        rewrites.set(entry.synpunkt_id, list);
      }
    }
    return rows.map(row => {
      const rule = gallringRuleFor(this.deps.config!.rules, row.type, row.area);
      if (rule?.retention.kind !== 'period') {
        // The selection is built from the same rules; this would be a bug, not bad data.
        throw new Error(
          `Gallring selected ${row.registration_number} under no period rule`,
        );
      }
      const historyRewrites = rewrites.get(row.id) ?? [];
      const fields: GallringField[] = [
        ...CLEARED_COLUMNS.filter(([column]) => Boolean(row[column])).map(
          ([, field]) => field,
        ),
        ...(withPauseReasons.has(row.id) ? (['pauses.reason'] as const) : []),
        ...(historyRewrites.length ? (['history.texts'] as const) : []),
      ];
      const candidate: GallringCandidate = {
        synpunktId: row.id,
        registrationNumber: row.registration_number,
        type: row.type as SynpunktType,
        area: row.area,
        closedDate: row.closed_date,
        rule: rule.key,
        retention: rule.retention.iso,
        fields,
      };
      return {
        candidate,
        write: {
          synpunktId: row.id,
          version: row.version,
          // Found by its number still, never by its words.
          searchText: searchTextOf(row.registration_number),
          clearPauseReasons: withPauseReasons.has(row.id),
          historyRewrites,
          log: {
            synpunkt_id: row.id,
            registration_number: row.registration_number,
            type: row.type,
            area: row.area,
            closed_date: row.closed_date,
            fields: JSON.stringify(fields),
            rule: rule.key,
            retention: rule.retention.iso,
          },
        },
      };
    });
  }
}

function logCursor(cursor: string): number {
  if (!/^[1-9]\d{0,15}$/.test(cursor)) {
    throw new InputError(
      'cursor: is not a cursor this API gave out; start again from the first page',
    );
  }
  return Number(cursor);
}

function toLogEntry(row: GallringLogRow) {
  return {
    id: row.id,
    synpunktId: row.synpunkt_id,
    registrationNumber: row.registration_number,
    type: row.type as SynpunktType,
    area: row.area,
    closedDate: row.closed_date,
    rule: row.rule,
    retention: row.retention,
    fields: JSON.parse(row.fields) as GallringField[],
    gallradAt: row.gallrad_at,
  };
}
