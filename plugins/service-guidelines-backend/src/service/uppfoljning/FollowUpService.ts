import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  FollowUpOverview,
  followUpOverviewQuerySchema,
  recordUppfoljningSchema,
  stockholmDateOf,
  SvarstidRules,
  SYNPUNKT_TYPES,
  SynpunktType,
  Uppfoljning,
  updateUppfoljningSchema,
} from '@service-guidelines/plugin-service-guidelines-common';
import { randomUUID } from 'node:crypto';
import { FollowUpInterval, periodOf } from '../../config/uppfoljningSettings';
import { OrganisationStore } from '../../database/OrganisationStore';
import {
  StoredUppfoljning,
  UppfoljningStore,
} from '../../database/UppfoljningStore';
import { parseInput } from '../parseInput';
import { Clock } from '../synpunkter/ports';

/**
 * Follow-up per chef (R3): a chef's scope is the units whose catalog Group names them as chef and
 * every unit below those, read from the plugin's mirror of the catalog. Everything here is
 * limited to that scope on the server; a unit outside it answers 403.
 */
export class FollowUpService {
  constructor(
    private readonly deps: {
      store: UppfoljningStore;
      organisation: OrganisationStore;
      rules: SvarstidRules;
      clock: Clock;
      dueSoonWorkingDays: number;
      interval: FollowUpInterval;
      /** Fills the organisation mirror when it is still empty (just after start-up); true if it did. */
      fillOrganisation?: () => Promise<boolean>;
    },
  ) {}

  /** "Min uppföljning": every unit in the caller's scope with its counts. */
  async overview(query: unknown, userRef: string): Promise<FollowUpOverview> {
    const input = parseInput(followUpOverviewQuerySchema, query, 'query');
    const today = stockholmDateOf(this.deps.clock().toISOString());
    const dueWithinDays = input.dueWithinDays ?? this.deps.dueSoonWorkingDays;
    const dueBy = this.deps.rules.calendar.addWorkingDays(today, dueWithinDays);
    const current = periodOf(today, this.deps.interval);
    const period = {
      from: input.from ?? current.from,
      to: input.to ?? (input.from ? today : current.to),
    };

    const scope = await this.scopeOf(userRef);
    if (scope.length === 0) {
      return { today, dueBy, dueWithinDays, period, units: [] };
    }
    const { store } = this.deps;
    const [open, overdue, dueSoon, closed, byType, lastHeld, units] =
      await Promise.all([
        store.countBySubtree(scope, { open: true }),
        store.countBySubtree(scope, { overdueOn: today }),
        store.countBySubtree(scope, { dueBy, dueFrom: today }),
        store.countBySubtree(scope, {
          closedFrom: period.from,
          closedTo: period.to,
        }),
        store.countBySubtreeAndType(scope, {
          receivedFrom: period.from,
          receivedTo: period.to,
        }),
        store.lastHeld(scope),
        this.deps.organisation.listUnits(),
      ]);
    const inScope = new Set(scope);
    const byRef = new Map(units.map(u => [u.unitRef, u]));
    const ordered = treeOrder(
      scope,
      ref => {
        const parent = byRef.get(ref)?.parentRef;
        return parent && inScope.has(parent) ? parent : undefined;
      },
      ref => byRef.get(ref)?.title ?? ref,
    );
    const noTypes = Object.fromEntries(
      SYNPUNKT_TYPES.map(t => [t, 0]),
    ) as Record<SynpunktType, number>;
    return {
      today,
      dueBy,
      dueWithinDays,
      period,
      units: ordered.map(({ ref, depth }) => {
        const unit = byRef.get(ref);
        return {
          unitRef: ref,
          title: unit?.title ?? ref,
          type: unit?.type ?? '',
          ...(unit?.parentRef && inScope.has(unit.parentRef)
            ? { parentRef: unit.parentRef }
            : {}),
          depth,
          open: open.get(ref) ?? 0,
          overdue: overdue.get(ref) ?? 0,
          dueSoon: dueSoon.get(ref) ?? 0,
          closedInPeriod: closed.get(ref) ?? 0,
          receivedByType: byType.get(ref) ?? { ...noTypes },
          ...(lastHeld.get(ref) ? { lastFollowedUp: lastHeld.get(ref) } : {}),
          ...(unit?.chefRef ? { chefRef: unit.chefRef } : {}),
        };
      }),
    };
  }

  /** The uppföljningar of one unit in the caller's scope, newest first. */
  async listForUnit(unitRef: string, userRef: string): Promise<Uppfoljning[]> {
    await this.requireInScope(unitRef, userRef);
    const records = await this.deps.store.listForUnit(unitRef);
    return records.map(r => this.toApi(r, userRef));
  }

  async get(id: string, userRef: string): Promise<Uppfoljning> {
    const record = await this.requireRecord(id);
    await this.requireInScope(record.unitRef, userRef);
    return this.toApi(record, userRef);
  }

  /** Records an uppföljning of a unit the caller leads (directly or from above). */
  async record(body: unknown, userRef: string): Promise<Uppfoljning> {
    const input = parseInput(recordUppfoljningSchema, body);
    await this.requireInScope(input.unitRef, userRef);
    await this.requireDiscussedInUnit(input.unitRef, input.synpunktIds);
    this.requireNotInFuture(input.heldDate);
    const now = this.deps.clock().toISOString();
    const id = randomUUID();
    await this.deps.store.insert({
      id,
      unitRef: input.unitRef,
      heldDate: input.heldDate,
      recordedBy: userRef,
      participants: input.participants,
      synpunktIds: input.synpunktIds,
      conclusions: input.conclusions,
      actions: input.actions.map(a => ({ ...a, id: a.id ?? randomUUID() })),
      createdAt: now,
      updatedAt: now,
    });
    // Scope was checked above; read back what was stored.
    return this.toApi(await this.requireRecord(id), userRef);
  }

  /**
   * Replaces an uppföljning: only the chef who recorded it may, and only from the version they
   * read (409 with the current record otherwise). Marking actions done goes this way too.
   */
  async update(
    id: string,
    body: unknown,
    userRef: string,
  ): Promise<Uppfoljning> {
    const input = parseInput(updateUppfoljningSchema, body);
    const current = await this.requireRecord(id);
    await this.requireInScope(current.unitRef, userRef);
    if (current.recordedBy !== userRef) {
      throw new NotAllowedError(
        'Only the chef who recorded this uppföljning may change it',
      );
    }
    await this.requireDiscussedInUnit(current.unitRef, input.synpunktIds);
    this.requireNotInFuture(input.heldDate);
    const replaced = await this.deps.store.replaceIfVersion(input.version, {
      id,
      unitRef: current.unitRef,
      heldDate: input.heldDate,
      recordedBy: current.recordedBy,
      participants: input.participants,
      synpunktIds: input.synpunktIds,
      conclusions: input.conclusions,
      actions: input.actions.map(a => ({ ...a, id: a.id ?? randomUUID() })),
      updatedAt: this.deps.clock().toISOString(),
    });
    if (!replaced) {
      const latest = (await this.deps.store.get(id)) ?? current;
      const error = new ConflictError(
        `The uppföljning was changed by someone else (now version ${latest.version}); reload it and apply your change again`,
      );
      Object.assign(error, { current: this.toApi(latest, userRef) });
      throw error;
    }
    // Scope was checked above; read back what was stored.
    return this.toApi(await this.requireRecord(id), userRef);
  }

  private toApi(record: StoredUppfoljning, userRef: string): Uppfoljning {
    return { ...record, editable: record.recordedBy === userRef };
  }

  private async requireRecord(id: string): Promise<StoredUppfoljning> {
    const record = await this.deps.store.get(id);
    if (!record) {
      throw new NotFoundError(`No uppföljning with id ${id}`);
    }
    return record;
  }

  /** The units the user leads and every unit below, from the mirror of the catalog. */
  private async scopeOf(userRef: string): Promise<string[]> {
    const { organisation, fillOrganisation } = this.deps;
    const scope = await organisation.unitsLedBy(userRef);
    // Just after start-up the mirror may not have been filled from the catalog yet.
    if (scope.length > 0 || !(await fillOrganisation?.())) {
      return scope;
    }
    return organisation.unitsLedBy(userRef);
  }

  private async requireInScope(unitRef: string, userRef: string) {
    const scope = await this.scopeOf(userRef);
    if (!scope.includes(unitRef)) {
      throw new NotAllowedError(
        `You are not chef of ${unitRef} or of a unit above it`,
      );
    }
  }

  private async requireDiscussedInUnit(unitRef: string, ids: string[]) {
    const found = new Set(
      await this.deps.store.synpunkterInSubtree(unitRef, ids),
    );
    const foreign = ids.filter(id => !found.has(id));
    if (foreign.length) {
      const message = `${foreign.join(', ')} ${
        foreign.length === 1 ? 'is not a synpunkt' : 'are not synpunkter'
      } of this unit or a unit below it; pick from the unit's list`;
      throw Object.assign(new InputError(`synpunktIds: ${message}`), {
        fields: [{ field: 'synpunktIds', message }],
      });
    }
  }

  private requireNotInFuture(heldDate: string) {
    const today = stockholmDateOf(this.deps.clock().toISOString());
    if (heldDate > today) {
      const message = `${heldDate} is in the future; record an uppföljning once it has been held`;
      throw Object.assign(new InputError(`heldDate: ${message}`), {
        fields: [{ field: 'heldDate', message }],
      });
    }
  }
}

/** The units as a tree walked depth first, children by title, each with its depth. */
function treeOrder(
  refs: string[],
  parentOf: (ref: string) => string | undefined,
  titleOf: (ref: string) => string,
): Array<{ ref: string; depth: number }> {
  const children = new Map<string | undefined, string[]>();
  for (const ref of refs) {
    const parent = parentOf(ref);
    children.set(parent, [...(children.get(parent) ?? []), ref]);
  }
  const out: Array<{ ref: string; depth: number }> = [];
  const walk = (parent: string | undefined, depth: number) => {
    const below = [...(children.get(parent) ?? [])].sort((a, b) =>
      titleOf(a).localeCompare(titleOf(b), 'sv'),
    );
    for (const ref of below) {
      out.push({ ref, depth });
      walk(ref, depth + 1);
    }
  };
  walk(undefined, 0);
  return out;
}
