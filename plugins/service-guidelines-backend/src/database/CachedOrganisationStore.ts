import { closureOf, OrganisationStore, OrgUnit } from './OrganisationStore';

/**
 * How long the tree read from the database is reused. The mirror itself changes only when the
 * catalog is mirrored again (every five minutes by default); a few seconds more on another
 * instance sharing the database are nothing against that, and an instance sees its own mirror
 * at once.
 */
export const ORGANISATION_REUSE_MS = 10_000;

/** The tree as the store holds it, with every lookup the readers make answered from memory. */
interface Tree {
  /** In the store's own order of `unitRef` (its collation, not JavaScript's). */
  units: OrgUnit[];
  byRef: Map<string, OrgUnit>;
  /** Each unit's place in `units`, to order any set of refs as the store orders them. */
  rank: Map<string, number>;
  /** Each unit and the units below it, by depth and then in the store's order. */
  below: Map<string, string[]>;
  /** Each unit and the units above it, nearest first. */
  above: Map<string, string[]>;
}

/**
 * The organisation mirror held in memory for {@link ORGANISATION_REUSE_MS}. Registering asks
 * whether its unit exists and the chef's list which units the chef leads, on every request; the
 * tree is a few hundred units that change every few minutes at most, so one read of it serves
 * thousands of requests. Answers are the store's, in its order: the closure is worked out with the
 * same {@link closureOf} the store keeps it by.
 */
export class CachedOrganisationStore implements OrganisationStore {
  #tree: { value: Promise<Tree>; expiresAt: number } | undefined;
  readonly #reuseMs: number;
  readonly #now: () => number;

  constructor(
    private readonly store: OrganisationStore,
    options: { reuseMs?: number; now?: () => number } = {},
  ) {
    this.#reuseMs = options.reuseMs ?? ORGANISATION_REUSE_MS;
    this.#now = options.now ?? Date.now;
  }

  async replaceAll(units: OrgUnit[]): Promise<void> {
    try {
      await this.store.replaceAll(units);
    } finally {
      // Forgotten also when the replacement failed: what the store holds is then unknown.
      this.#tree = undefined;
    }
  }

  async getUnit(unitRef: string): Promise<OrgUnit | undefined> {
    return (await this.tree()).byRef.get(unitRef);
  }

  async listUnits(): Promise<OrgUnit[]> {
    return [...(await this.tree()).units];
  }

  async unitsBelow(unitRef: string): Promise<string[]> {
    return [...((await this.tree()).below.get(unitRef) ?? [])];
  }

  async unitsLedBy(userRef: string): Promise<string[]> {
    const tree = await this.tree();
    const led = new Set<string>();
    for (const unit of tree.units) {
      if (unit.chefRef === userRef) {
        for (const ref of tree.below.get(unit.unitRef) ?? []) led.add(ref);
      }
    }
    return [...led].sort((a, b) => tree.rank.get(a)! - tree.rank.get(b)!);
  }

  async chefsOf(unitRef: string): Promise<string[]> {
    const tree = await this.tree();
    const chefs = (tree.above.get(unitRef) ?? [])
      .map(ref => tree.byRef.get(ref)?.chefRef)
      .filter((ref): ref is string => ref !== undefined);
    return [...new Set(chefs)];
  }

  private tree(): Promise<Tree> {
    const now = this.#now();
    if (this.#tree && this.#tree.expiresAt > now) return this.#tree.value;
    const value = this.store.listUnits().then(treeOf);
    const entry = { value, expiresAt: now + this.#reuseMs };
    if (this.#reuseMs > 0) this.#tree = entry;
    // A failed read is not reused: the next request reads again.
    value.catch(() => {
      if (this.#tree === entry) this.#tree = undefined;
    });
    return value;
  }
}

function treeOf(units: OrgUnit[]): Tree {
  const rank = new Map(units.map((u, i) => [u.unitRef, i]));
  const pairs = closureOf(units).sort(
    (a, b) =>
      a.depth - b.depth ||
      rank.get(a.descendant)! - rank.get(b.descendant)! ||
      rank.get(a.ancestor)! - rank.get(b.ancestor)!,
  );
  const below = new Map<string, string[]>();
  const above = new Map<string, string[]>();
  for (const { ancestor, descendant } of pairs) {
    append(below, ancestor, descendant);
    // By depth first, so each unit's ancestors come nearest first.
    append(above, descendant, ancestor);
  }
  return {
    units,
    byRef: new Map(units.map(u => [u.unitRef, u])),
    rank,
    below,
    above,
  };
}

function append(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
