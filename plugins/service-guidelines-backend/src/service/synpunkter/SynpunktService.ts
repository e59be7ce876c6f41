import { AuditorService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  ContactDetails,
  DEFAULT_SYNPUNKT_SORT,
  NOT_SYNPUNKT_CATEGORIES,
  NotSynpunktCategory,
  Page,
  Synpunkt,
  SynpunktEvent,
  SynpunktSort,
  SynpunktStatus,
  SynpunktType,
  SynpunktWithHistory,
  ALLOWED_FROM,
  STATUS_NAMES,
  WorkflowAction,
  SvarstidRules,
  stockholmDateOf,
  aterkopplingSchema,
  assignSchema,
  closeSchema,
  forstaSvarSchema,
  pauseSchema,
  registerSynpunktSchema,
  reopenSchema,
  resumeSchema,
  updateSynpunktSchema,
  utredningSchema,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import {
  ListCursor,
  StoredSynpunkt,
  cursorAfter,
  newSynpunktClockColumns,
  SynpunktListFilter,
  SynpunktRow,
  SynpunktStore,
  permissionResourceOf,
  searchTextOf,
} from '../../database/SynpunktStore';
import { timeOrderedUuid } from '../../database/timeOrderedUuid';
import {
  checkableInMemory,
  criteriaMatch,
} from '../../permissions/criteriaInMemory';
import { SynpunktFilter } from '../../permissions/resource';
import { parseInput } from '../parseInput';
import { UnitDirectory } from './UnitDirectory';
import { Clock, RegistrySettings } from './ports';
import { toApi } from './toApi';

/**
 * What a permission decision leaves of a caller's access: everything (`'all'`), nothing
 * (`'none'`), or the synpunkter matching the criteria.
 */
export type Access = 'all' | 'none' | PermissionCriteria<SynpunktFilter>;

/** The caller's access to each kind of permission on synpunkter. */
export interface CallerAccess {
  userRef: string;
  read: Access;
  personalData: Access;
  handle: Access;
}

/**
 * Columns whose values the history records only as changed: the contact details, and the free
 * texts a sekretess synpunkt hides from readers without personal-data access (which would
 * otherwise read them in the history).
 */
const PERSONAL_FIELDS = [
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_address',
  'description',
  'utredning',
  'aterkoppling_summary',
] as const;

const DEFAULT_PAGE_SIZE = 50;

function isNotSynpunkt(type: string): type is NotSynpunktCategory {
  return (NOT_SYNPUNKT_CATEGORIES as readonly string[]).includes(type);
}

/** The opaque cursor the list gives out: its order, the sort key and id of the last row. */
export function encodeCursor(cursor: ListCursor, sort: SynpunktSort): string {
  return Buffer.from(JSON.stringify([sort, cursor.key, cursor.id])).toString(
    'base64url',
  );
}

function decodeCursor(value: string, sort: SynpunktSort): ListCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    Array.isArray(decoded) &&
    decoded.length === 3 &&
    decoded.every(part => typeof part === 'string')
  ) {
    const [cursorSort, key, id] = decoded as string[];
    if (cursorSort !== sort) {
      throw new InputError(
        `cursor: belongs to the order "${cursorSort}", not "${sort}"; start again from the first page`,
      );
    }
    // Only what the API itself writes into a cursor: a date or an instant, and an id.
    if (
      /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(key) &&
      /^[\w-]{1,64}$/.test(id)
    ) {
      return { key, id };
    }
  }
  throw new InputError(
    'cursor: is not a cursor this API gave out; start again from the first page',
  );
}

/**
 * The rules of the synpunkt registry: triage, registration with number and deadlines, the
 * workflow to closed, and who sees what. Stores own the SQL; this owns the decisions.
 */
export class SynpunktService {
  constructor(
    private readonly deps: {
      store: SynpunktStore;
      units: UnitDirectory;
      rules: SvarstidRules;
      settings: RegistrySettings;
      auditor: AuditorService;
      clock: Clock;
    },
  ) {}

  /** Registers a synpunkt, or refuses a matter that is not one with guidance where it goes. */
  async register(
    body: unknown,
    caller: Pick<CallerAccess, 'userRef'>,
  ): Promise<Synpunkt> {
    // Guidance comes before any other complaint about the body: the employee has the customer
    // on the line and needs to know where the matter goes, not that a field is missing.
    const category = (body as { type?: unknown } | null)?.type;
    if (typeof category === 'string' && isNotSynpunkt(category)) {
      throw new InputError(
        `type: '${category}' is not a synpunkt and is not registered here. ${this.deps.settings.guidance[category]}`,
      );
    }
    const input = parseInput(registerSynpunktSchema, body);
    const type = input.type as SynpunktType;
    const { rules, settings, clock, store } = this.deps;
    const now = clock();
    const nowIso = now.toISOString();
    const receivedAt = input.receivedAt
      ? new Date(input.receivedAt).toISOString()
      : nowIso;
    if (receivedAt > nowIso) {
      throw new InputError(
        'receivedAt: lies in the future; give the time the customer gave the synpunkt',
      );
    }
    const area = settings.areas.find(a => a.id === input.area);
    if (!area) {
      throw new InputError(
        `area: '${
          input.area
        }' is not a configured area; use one of ${settings.areas
          .map(a => a.id)
          .join(', ')}`,
      );
    }
    const unit = await this.deps.units.requireRegistrableUnit(input.unitRef);
    if (input.handlaggareRef) {
      await this.deps.units.requireUser(input.handlaggareRef, 'handlaggareRef');
    }

    const receivedDate = stockholmDateOf(receivedAt);
    const deadlines = rules.deadlines({
      channel: input.channel,
      type,
      receivedAt,
      anonymous: input.anonymous,
    });
    const contact: ContactDetails = input.anonymous ? {} : input.contact ?? {};
    const registrationDate = stockholmDateOf(nowIso);
    const year = Number(registrationDate.slice(0, 4));

    const status = input.handlaggareRef ? 'tilldelad' : 'registrerad';
    const row = await store.registerNew({
      numberPrefix: `${settings.numberPrefix}-${year}-`,
      searchable: input.sekretess ? undefined : input.description,
      row: {
        id: timeOrderedUuid(now),
        registration_year: year,
        type,
        channel: input.channel,
        received_at: receivedAt,
        received_date: receivedDate,
        arrival_date: deadlines.arrivalDate,
        registered_at: nowIso,
        registered_by: caller.userRef,
        unit_ref: unit.unitRef,
        area: area.id,
        legal_duty: area.legalDuty,
        description: input.description,
        sekretess: input.sekretess,
        anonymous: input.anonymous,
        contact_name: contact.name ?? null,
        contact_email: contact.email ?? null,
        contact_phone: contact.phone ?? null,
        contact_address: contact.address ?? null,
        handlaggare_ref: input.handlaggareRef ?? null,
        status,
        ...newSynpunktClockColumns(deadlines, receivedDate),
        version: 1,
        updated_at: nowIso,
      },
      event: {
        at: nowIso,
        actorRef: caller.userRef,
        kind: 'registrerad',
        changes: {
          status: { to: status },
          ...(input.handlaggareRef
            ? { handlaggareRef: { to: input.handlaggareRef } }
            : {}),
        },
      },
    });
    // A new synpunkt has no pauses: the answer is the row as stored, not read back.
    const stored: StoredSynpunkt = { row, pauses: [] };
    // The registering employee typed the contact details and sees them once, in the answer.
    return toApi(stored, true);
  }

  /** One synpunkt with its history, as far as the caller may see it. */
  async get(id: string, caller: CallerAccess): Promise<SynpunktWithHistory> {
    const stored = await this.loadReadable(id, caller.read);
    const personalDataVisible = await this.personalDataVisible(
      stored.row,
      caller.personalData,
    );
    if (personalDataVisible) {
      await this.auditPersonalDataRead(caller.userRef, [stored.row], 'read');
    }
    return {
      ...toApi(stored, personalDataVisible),
      history: await this.deps.store.history(id),
    };
  }

  /** A page of the synpunkter the caller may read, filtered, in the order asked for. */
  async list(
    query: {
      filter: SynpunktListFilter;
      sort?: SynpunktSort;
      limit?: number;
      cursor?: string;
    },
    caller: CallerAccess,
  ): Promise<Page<Synpunkt>> {
    if (caller.read === 'none') {
      return { items: [] };
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const sort = query.sort ?? DEFAULT_SYNPUNKT_SORT;
    const rows = await this.deps.store.list({
      filter: query.filter,
      criteria: caller.read === 'all' ? undefined : caller.read,
      sort,
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, sort) : undefined,
    });
    const page = rows.slice(0, limit);
    const visible = await this.personalDataVisibleIn(
      page.map(s => s.row),
      caller.personalData,
    );
    const shown = page.filter(s => visible.has(s.row.id)).map(s => s.row);
    if (shown.length) {
      await this.auditPersonalDataRead(caller.userRef, shown, 'list');
    }
    const last = page[page.length - 1];
    return {
      items: page.map(s => toApi(s, visible.has(s.row.id))),
      ...(rows.length > limit && last
        ? {
            nextCursor: encodeCursor(cursorAfter(last.row, sort), sort),
          }
        : {}),
    };
  }

  /** Corrects fields recorded at registration. */
  async update(
    id: string,
    body: unknown,
    caller: CallerAccess,
  ): Promise<Synpunkt> {
    const input = parseInput(updateSynpunktSchema, body);
    const changes: Partial<SynpunktRow> = {};
    if (input.type) changes.type = input.type;
    if (input.channel) changes.channel = input.channel;
    if (input.area) {
      const area = this.deps.settings.areas.find(a => a.id === input.area);
      if (!area) {
        throw new InputError(
          `area: '${
            input.area
          }' is not a configured area; use one of ${this.deps.settings.areas
            .map(a => a.id)
            .join(', ')}`,
        );
      }
      changes.area = area.id;
      changes.legal_duty = area.legalDuty;
    }
    if (input.unitRef) {
      changes.unit_ref = (
        await this.deps.units.requireRegistrableUnit(input.unitRef)
      ).unitRef;
    }
    if (input.description !== undefined)
      changes.description = input.description;
    if (input.sekretess !== undefined) changes.sekretess = input.sekretess;
    return this.act(id, 'update', input.version, caller, current => {
      if (input.contact) {
        if (current.anonymous) {
          throw new InputError(
            'contact: an anonymous synpunkt has no contact details; register a new one if the customer now gives them',
          );
        }
        changes.contact_name = input.contact.name ?? null;
        changes.contact_email = input.contact.email ?? null;
        changes.contact_phone = input.contact.phone ?? null;
        changes.contact_address = input.contact.address ?? null;
        if (
          !changes.contact_email &&
          !changes.contact_phone &&
          !changes.contact_address
        ) {
          throw new InputError(
            'contact: needs an e-mail address, a phone number or a postal address for återkoppling',
          );
        }
      }
      const sekretess = changes.sekretess ?? current.sekretess;
      const description = changes.description ?? current.description;
      changes.search_text = searchTextOf(
        current.registration_number,
        sekretess ? undefined : description,
      );
      return { changes, kind: 'uppdaterad' };
    });
  }

  async assign(id: string, body: unknown, caller: CallerAccess) {
    const input = parseInput(assignSchema, body);
    await this.deps.units.requireUser(input.handlaggareRef, 'handlaggareRef');
    return this.act(id, 'assign', input.version, caller, current => ({
      kind: 'tilldelad',
      changes: {
        handlaggare_ref: input.handlaggareRef,
        status: (current.status === 'registrerad'
          ? 'tilldelad'
          : current.status) as SynpunktStatus,
      },
    }));
  }

  async recordForstaSvar(id: string, body: unknown, caller: CallerAccess) {
    const input = parseInput(forstaSvarSchema, body);
    return this.act(id, 'forstaSvar', input.version, caller, current => {
      if (current.anonymous) {
        throw new InputError(
          'an anonymous synpunkt gets no första svar: there is nobody to answer',
        );
      }
      if (current.forsta_svar_date) {
        throw new InputError(
          `första svar was already recorded on ${current.forsta_svar_date}`,
        );
      }
      const date = this.actionDate(input.date, current, 'date');
      return { kind: 'forsta_svar', changes: { forsta_svar_date: date } };
    });
  }

  async pause(id: string, body: unknown, caller: CallerAccess) {
    const input = parseInput(pauseSchema, body);
    return this.act(id, 'pause', input.version, caller, (current, pauses) => {
      if (current.anonymous) {
        throw new InputError(
          'an anonymous synpunkt has no svarstid clock to pause: there is nobody to ask',
        );
      }
      if (pauses.some(p => !p.to)) {
        throw new InputError(
          'the clock is already paused; resume it before pausing again',
        );
      }
      const from = this.actionDate(input.from, current, 'from');
      return {
        kind: 'pausad',
        changes: {},
        pause: { from, reason: input.reason, pausedBy: caller.userRef },
        details: { pause: { to: { from, reason: input.reason } } },
      };
    });
  }

  async resume(id: string, body: unknown, caller: CallerAccess) {
    const input = parseInput(resumeSchema, body);
    return this.act(id, 'resume', input.version, caller, (current, pauses) => {
      const open = pauses.find(p => !p.to);
      if (!open) {
        throw new InputError(
          'the clock is not paused, so there is nothing to resume',
        );
      }
      const to = this.actionDate(input.to, current, 'to');
      if (to < open.from) {
        throw new InputError(
          `to: must be on or after the day the pause began (${open.from})`,
        );
      }
      return { kind: 'aterupptagen', changes: {}, endPause: to };
    });
  }

  async recordUtredning(id: string, body: unknown, caller: CallerAccess) {
    const input = parseInput(utredningSchema, body);
    return this.act(id, 'utredning', input.version, caller, current => ({
      kind: 'utredning',
      changes: {
        utredning: input.text,
        utredning_date: this.today(),
        status: (current.status === 'aterkopplad'
          ? 'aterkopplad'
          : 'under_utredning') as SynpunktStatus,
      },
    }));
  }

  async giveAterkoppling(id: string, body: unknown, caller: CallerAccess) {
    const input = parseInput(aterkopplingSchema, body);
    return this.act(
      id,
      'aterkoppling',
      input.version,
      caller,
      (current, pauses) => {
        if (current.anonymous) {
          throw new InputError(
            'an anonymous synpunkt cannot be given återkoppling: the customer left no contact details',
          );
        }
        const date = this.actionDate(input.date, current, 'date');
        const open = pauses.find(p => !p.to);
        return {
          kind: 'aterkopplad',
          changes: {
            aterkoppling_date: date,
            aterkoppling_method: input.method,
            aterkoppling_summary: input.summary,
            status: 'aterkopplad' as SynpunktStatus,
            // Answering also tells the customer, so a first answer not yet recorded is this one.
            ...(current.forsta_svar_date ? {} : { forsta_svar_date: date }),
          },
          ...(open ? { endPause: date < open.from ? open.from : date } : {}),
        };
      },
    );
  }

  async close(id: string, body: unknown, caller: CallerAccess) {
    const input = parseInput(closeSchema, body);
    return this.act(id, 'close', input.version, caller, current => {
      if (!current.anonymous && !current.aterkoppling_date) {
        throw new InputError(
          'give återkoppling to the customer before closing; only an anonymous synpunkt closes without it',
        );
      }
      if (
        current.legal_duty &&
        current.type === 'klagomal' &&
        !current.utredning_date
      ) {
        throw new InputError(
          'a klagomål in an area with a legal complaint duty needs a recorded utredning before it is closed',
        );
      }
      return {
        kind: 'avslutad',
        changes: {
          status: 'avslutad' as SynpunktStatus,
          closed_date: this.today(),
          outcome: input.outcome,
          led_to_improvement: input.ledToImprovement,
          improvement_description: input.ledToImprovement
            ? input.improvementDescription ?? null
            : null,
        },
      };
    });
  }

  async reopen(id: string, body: unknown, caller: CallerAccess) {
    const input = parseInput(reopenSchema, body);
    return this.act(id, 'reopen', input.version, caller, current => ({
      kind: 'ateroppnad',
      changes: {
        status: (current.handlaggare_ref
          ? 'tilldelad'
          : 'registrerad') as SynpunktStatus,
        closed_date: null,
        outcome: null,
        led_to_improvement: null,
        improvement_description: null,
      },
      details: { reason: { to: input.reason } },
    }));
  }

  /**
   * Loads a synpunkt the caller may handle, checks the action against its status, applies the
   * change with the version check, records the history and recomputes the deadline — all in one
   * transaction, so nothing is half-written.
   */
  private async act(
    id: string,
    action: WorkflowAction,
    version: number,
    caller: CallerAccess,
    decide: (
      current: SynpunktRow,
      pauses: StoredSynpunkt['pauses'],
    ) => {
      kind: SynpunktEvent['kind'];
      changes: Partial<SynpunktRow>;
      pause?: StoredSynpunkt['pauses'][number];
      endPause?: string;
      details?: SynpunktEvent['changes'];
    },
  ): Promise<Synpunkt> {
    const { store, clock } = this.deps;
    const criteria = await this.requireHandleable(id, caller);
    const stored = await store.transaction(async tx => {
      const current = await store.get(id, criteria, tx);
      if (!current) {
        throw new NotFoundError(`No synpunkt with id ${id}`);
      }
      if (current.row.version !== version) {
        throw this.conflict(current);
      }
      if (current.row.gallrad_at) {
        // Reopened or corrected, it would gather personal data that no gallring would clear.
        throw new InputError(
          `the synpunkt was gallrad on ${stockholmDateOf(
            current.row.gallrad_at,
          )} under the dokumenthanteringsplan and can no longer be changed`,
        );
      }
      const status = current.row.status as SynpunktStatus;
      if (!ALLOWED_FROM[action].includes(status)) {
        throw new InputError(this.refusal(action, current.row));
      }
      const decision = decide(current.row, current.pauses);
      const nowIso = clock().toISOString();
      if (decision.pause) {
        await store.addPause(tx, id, decision.pause);
      }
      if (decision.endPause) {
        await store.endOpenPause(tx, id, decision.endPause);
      }
      const changes = { ...decision.changes, updated_at: nowIso };
      const pauses = await this.pausesAfter(tx, id, current, decision);
      const redeadlined = this.recomputeDeadlines(current.row, changes, pauses);
      Object.assign(changes, redeadlined);
      const updated = await store.updateIfVersion(tx, id, version, changes);
      if (!updated) {
        const latest = await store.get(id, undefined, tx);
        throw this.conflict(latest ?? current);
      }
      await store.appendEvent(tx, {
        synpunktId: id,
        at: nowIso,
        actorRef: caller.userRef,
        kind: decision.kind,
        changes: {
          ...this.describeChanges(current.row, changes),
          ...decision.details,
        },
      });
      return store.get(id, undefined, tx);
    });
    const visible = await this.personalDataVisible(
      stored!.row,
      caller.personalData,
    );
    if (visible) {
      // The answer shows the personal data again: a read like any other.
      await this.auditPersonalDataRead(caller.userRef, [stored!.row], action);
    }
    return toApi(stored!, visible);
  }

  private async pausesAfter(
    tx: Knex.Transaction,
    id: string,
    before: StoredSynpunkt,
    decision: { pause?: unknown; endPause?: string },
  ) {
    if (!decision.pause && !decision.endPause) {
      return before.pauses;
    }
    return (await this.deps.store.get(id, undefined, tx))!.pauses;
  }

  /**
   * Both deadlines follow the channel and type (which a correction may change) and the paused
   * arbetsdagar; an open pause counts up to today, and the deadline is fixed when it ends.
   */
  private recomputeDeadlines(
    current: SynpunktRow,
    changes: Partial<SynpunktRow>,
    pauses: StoredSynpunkt['pauses'],
  ): Partial<SynpunktRow> {
    if (current.anonymous) {
      return {};
    }
    const deadlines = this.deps.rules.deadlines({
      channel: (changes.channel ?? current.channel) as Synpunkt['channel'],
      type: (changes.type ?? current.type) as SynpunktType,
      receivedAt: current.received_at,
      anonymous: false,
      pauses,
      asOf: this.today(),
    });
    const result: Partial<SynpunktRow> = {};
    if (
      deadlines.forstaSvar &&
      deadlines.forstaSvar.due !== current.forsta_svar_due
    ) {
      result.forsta_svar_due = deadlines.forstaSvar.due;
    }
    if (deadlines.aterkoppling) {
      if (deadlines.aterkoppling.due !== current.aterkoppling_due) {
        result.aterkoppling_due = deadlines.aterkoppling.due;
      }
      if (deadlines.aterkoppling.days !== current.aterkoppling_days) {
        result.aterkoppling_days = deadlines.aterkoppling.days;
      }
    }
    return result;
  }

  /** Today in Stockholm. */
  private today(): string {
    return stockholmDateOf(this.deps.clock().toISOString());
  }

  private describeChanges(
    before: SynpunktRow,
    changes: Partial<SynpunktRow>,
  ): NonNullable<SynpunktEvent['changes']> {
    const result: NonNullable<SynpunktEvent['changes']> = {};
    for (const [column, value] of Object.entries(changes)) {
      if (column === 'updated_at' || column === 'search_text') continue;
      const previous = before[column as keyof SynpunktRow];
      if (previous === value) continue;
      const field = column.replace(/_([a-z])/g, (_, c: string) =>
        c.toUpperCase(),
      );
      result[field] = (PERSONAL_FIELDS as readonly string[]).includes(column)
        ? { changed: true }
        : { from: previous ?? undefined, to: value ?? undefined };
    }
    return result;
  }

  /** A date given for an action, or today; never in the future or before the synpunkt came. */
  private actionDate(
    given: string | undefined,
    current: SynpunktRow,
    field: string,
  ): string {
    const today = this.today();
    const date = given ?? today;
    if (date > today) {
      throw new InputError(`${field}: ${date} lies in the future`);
    }
    if (date < current.received_date) {
      throw new InputError(
        `${field}: ${date} is before the synpunkt was received (${current.received_date})`,
      );
    }
    return date;
  }

  private refusal(action: WorkflowAction, row: SynpunktRow): string {
    const status = STATUS_NAMES[row.status as SynpunktStatus];
    switch (action) {
      case 'aterkoppling':
      case 'utredning':
        if (row.status === 'registrerad') {
          return `the synpunkt is ${status}: assign a handläggare before ${
            action === 'utredning'
              ? 'recording an utredning'
              : 'giving återkoppling'
          }`;
        }
        return `återkoppling cannot be given to a synpunkt that is ${status}`;
      case 'close':
        return row.status === 'registrerad'
          ? `the synpunkt is ${status}: assign a handläggare and handle it before closing`
          : `the synpunkt is already ${status}`;
      case 'reopen':
        return `only a closed synpunkt can be reopened; this one is ${status}`;
      default:
        return `a synpunkt that is ${status} cannot be changed this way; reopen it first`;
    }
  }

  private conflict(current: StoredSynpunkt): ConflictError {
    const error = new ConflictError(
      `The synpunkt ${current.row.registration_number} was changed by someone else (now version ${current.row.version}); reload it and apply your change again`,
    );
    // The current state, without personal data, so that a client can show both versions.
    Object.assign(error, { current: toApi(current, false) });
    return error;
  }

  private async requireHandleable(
    id: string,
    caller: CallerAccess,
  ): Promise<PermissionCriteria<SynpunktFilter> | undefined> {
    if (caller.handle === 'all') {
      if (!(await this.deps.store.exists(id))) {
        throw new NotFoundError(`No synpunkt with id ${id}`);
      }
      return undefined;
    }
    if (
      caller.handle === 'none' ||
      !(await this.deps.store.get(id, caller.handle))
    ) {
      if (!(await this.deps.store.exists(id))) {
        throw new NotFoundError(`No synpunkt with id ${id}`);
      }
      throw new NotAllowedError(
        'Only the handläggare of the synpunkt and the chefs of its unit may handle it',
      );
    }
    return caller.handle;
  }

  private async loadReadable(
    id: string,
    access: Access,
  ): Promise<StoredSynpunkt> {
    const stored =
      access === 'none'
        ? undefined
        : await this.deps.store.get(id, access === 'all' ? undefined : access);
    if (stored) {
      return stored;
    }
    if (!(await this.deps.store.exists(id))) {
      throw new NotFoundError(`No synpunkt with id ${id}`);
    }
    throw new NotAllowedError('You may not read this synpunkt');
  }

  private async personalDataVisible(
    row: SynpunktRow,
    access: Access,
  ): Promise<boolean> {
    return (await this.personalDataVisibleIn([row], access)).has(row.id);
  }

  /** The ids of the loaded synpunkter whose personal data the caller may see. */
  private async personalDataVisibleIn(
    rows: SynpunktRow[],
    access: Access,
  ): Promise<Set<string>> {
    const ids = rows.map(row => row.id);
    if (access === 'none' || ids.length === 0) return new Set();
    if (access === 'all') return new Set(ids);
    if (!checkableInMemory(access)) {
      return new Set(await this.deps.store.idsMatching(ids, access));
    }
    // On the rows at hand and the organisation held in memory: a query less per page.
    const chefsOf = new Map<string, Promise<string[]>>();
    const visible = await Promise.all(
      rows.map(async row => {
        if (!chefsOf.has(row.unit_ref)) {
          chefsOf.set(row.unit_ref, this.deps.units.chefsOf(row.unit_ref));
        }
        return criteriaMatch(
          access,
          permissionResourceOf(row, await chefsOf.get(row.unit_ref)!),
        );
      }),
    );
    return new Set(ids.filter((_, i) => visible[i]));
  }

  /**
   * Tells the auditor who read the personal data of which synpunkter, in which request, and on
   * what ground: only handläggare, chefs of the unit and administrators get personal data.
   */
  private async auditPersonalDataRead(
    userRef: string,
    rows: SynpunktRow[],
    request: 'read' | 'list' | WorkflowAction,
  ) {
    const withPersonalData = rows.filter(
      r =>
        r.contact_name ||
        r.contact_email ||
        r.contact_phone ||
        r.contact_address ||
        r.sekretess,
    );
    if (!withPersonalData.length) return;
    const event = await this.deps.auditor.createEvent({
      eventId: 'synpunkt-personal-data-read',
      severityLevel: 'medium',
      meta: {
        actor: userRef,
        request,
        reason:
          'handling the synpunkt: handläggare, chef of its unit or above, or administrator',
        synpunkter: withPersonalData.map(r => r.registration_number),
      },
    });
    await event.success();
  }
}
