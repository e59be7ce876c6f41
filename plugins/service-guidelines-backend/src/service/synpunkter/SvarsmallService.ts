import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Svarsmall,
  svarsmallSchema,
  updateSvarsmallSchema,
} from '@service-guidelines/plugin-service-guidelines-common';
import { randomUUID } from 'node:crypto';
import { OrganisationStore } from '../../database/OrganisationStore';
import { SvarsmallStore } from '../../database/SvarsmallStore';
import { parseInput } from '../parseInput';
import { Clock } from './ports';
import { UnitDirectory } from './UnitDirectory';

/**
 * Svarsmallar: the answers a unit has written once and starts from when it gives återkoppling.
 * A unit sees its own templates and those of the units above it.
 */
export class SvarsmallService {
  constructor(
    private readonly deps: {
      store: SvarsmallStore;
      organisation: OrganisationStore;
      units: UnitDirectory;
      clock: Clock;
    },
  ) {}

  async listForUnit(unitRef: string): Promise<Svarsmall[]> {
    const chain = await this.unitAndAbove(unitRef);
    return this.deps.store.listForUnits(chain);
  }

  async create(body: unknown, userRef: string): Promise<Svarsmall> {
    const input = parseInput(svarsmallSchema, body);
    const unit = await this.deps.units.requireRegistrableUnit(input.unitRef);
    const mall: Svarsmall = {
      id: randomUUID(),
      unitRef: unit.unitRef,
      title: input.title,
      body: input.body,
      updatedBy: userRef,
      updatedAt: this.deps.clock().toISOString(),
      version: 1,
    };
    await this.deps.store.insert(mall);
    return mall;
  }

  async update(id: string, body: unknown, userRef: string): Promise<Svarsmall> {
    const input = parseInput(updateSvarsmallSchema, body);
    const current = await this.require(id);
    const updated = await this.deps.store.updateIfVersion(id, input.version, {
      title: input.title,
      body: input.body,
      updatedBy: userRef,
      updatedAt: this.deps.clock().toISOString(),
    });
    if (!updated) {
      const latest = (await this.deps.store.get(id)) ?? current;
      const error = new ConflictError(
        `The svarsmall '${latest.title}' was changed by someone else (now version ${latest.version}); reload it and apply your change again`,
      );
      Object.assign(error, { current: latest });
      throw error;
    }
    return (await this.deps.store.get(id))!;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.deps.store.delete(id))) {
      throw new NotFoundError(`No svarsmall with id ${id}`);
    }
  }

  private async require(id: string): Promise<Svarsmall> {
    const mall = await this.deps.store.get(id);
    if (!mall) {
      throw new NotFoundError(`No svarsmall with id ${id}`);
    }
    return mall;
  }

  private async unitAndAbove(unitRef: string): Promise<string[]> {
    const units = await this.deps.organisation.listUnits();
    const parentOf = new Map(units.map(u => [u.unitRef, u.parentRef]));
    const chain: string[] = [];
    let current: string | undefined = unitRef;
    while (current && !chain.includes(current)) {
      chain.push(current);
      current = parentOf.get(current);
    }
    return chain;
  }
}
