import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  createFortroendevaldSchema,
  DirectoryFacets,
  endUppdragSchema,
  FieldError,
  Fortroendevald,
  FortroendevaldList,
  ImportPlan,
  ImportResult,
  IsoDate,
  listFortroendevaldaQuerySchema,
  Organ,
  PublicDirectory,
  stockholmDateOf,
  termStatusOn,
  updateFortroendevaldSchema,
  uppdragChangeSchema,
  UppdragRole,
  uppdragRoleTitle,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { z } from 'zod';
import {
  FortroendevaldStore,
  StoredFortroendevald,
  UppdragFields,
} from '../../database/FortroendevaldStore';
import { readImportFile } from './importFile';
import { dayBefore, planImport } from './importPlan';
import { OrganResolver, validateImportRows } from './importRows';
import { OrganDirectory, OrganIndex } from './OrganDirectory';

/** An uppdrag's fields after validation, as the routes hand them over. */
type UppdragInput = z.output<typeof uppdragChangeSchema>;

/** How an import is run. */
export interface ImportOptions {
  /** Compute and return the plan without writing anything. */
  dryRun: boolean;
  /** CSV or JSON; detected from the content when absent. */
  format?: 'csv' | 'json';
  /** The dry run's `planToken`: apply only if the plan is still exactly that one. */
  planToken?: string;
  /**
   * Take organs as the file writes them, known or not. Only for files the operator configured
   * (the demo seed), never for uploads: there, an unknown organ is far more often a misspelling.
   */
  trustOrgans?: boolean;
}

function fieldError(
  ErrorType: typeof InputError | typeof ConflictError,
  fields: FieldError[],
  message: string,
): Error {
  const error = new ErrorType(message);
  Object.assign(error, { fields });
  return error;
}

/** Database errors for a unique e-mail address taken by someone at the same moment. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || /UNIQUE constraint failed/i.test(e?.message ?? '')
  );
}

/** A stale version, with the person as they are now; becomes a 409 after the transaction. */
class VersionConflict extends Error {
  constructor(readonly latest: StoredFortroendevald) {
    super(
      `${latest.name} was changed by someone else (now version ${latest.version}); reload and apply your change again`,
    );
  }
}

/**
 * The directory of förtroendevalda: its rules (who is current, what an import changes, which
 * organs exist) over the store, which only knows SQL.
 */
export class FortroendevaldService {
  constructor(
    private readonly deps: {
      store: FortroendevaldStore;
      organs: OrganDirectory;
      clock: () => Date;
    },
  ) {}

  /** Today's date in Stockholm: what decides whether a term is current. */
  today(): IsoDate {
    return stockholmDateOf(this.deps.clock());
  }

  async list(
    query: z.output<typeof listFortroendevaldaQuerySchema>,
  ): Promise<FortroendevaldList> {
    const today = this.today();
    const [{ items, totalCount }, organs] = await Promise.all([
      this.deps.store.list({
        text: query.q,
        party: query.party,
        organ: query.organ,
        role: query.role,
        term: query.term,
        today,
        limit: query.limit,
        offset: query.offset,
      }),
      this.deps.organs.index(),
    ]);
    return {
      items: items.map(p => this.toApi(p, today, organs)),
      totalCount,
      offset: query.offset,
      limit: query.limit,
    };
  }

  async get(id: string): Promise<Fortroendevald> {
    const [person, organs] = await Promise.all([
      this.require(id),
      this.deps.organs.index(),
    ]);
    return this.toApi(person, this.today(), organs);
  }

  async facets(): Promise<DirectoryFacets> {
    const [facets, organs] = await Promise.all([
      this.deps.store.facets(),
      this.deps.organs.index(),
    ]);
    return {
      organs: facets.organs.map(name => ({
        name,
        ref: organs.find(name)?.ref,
      })),
      parties: facets.parties,
      roles: facets.roles as UppdragRole[],
    };
  }

  /** Every organ an uppdrag may be in without confirming a new one. */
  async knownOrgans(): Promise<Organ[]> {
    return (await this.deps.organs.index()).all();
  }

  /** The current directory with only the fields the municipality publishes. */
  async publicDirectory(): Promise<PublicDirectory> {
    const today = this.today();
    const people = await this.deps.store.currentDirectory(today);
    return {
      date: today,
      items: people.map(person => ({
        name: person.name,
        party: person.party,
        email: person.email,
        uppdrag: person.uppdrag.map(u => ({
          organ: u.organ,
          role: uppdragRoleTitle(u.role as UppdragRole),
          from: u.from,
          ...(u.to ? { to: u.to } : {}),
        })),
      })),
    };
  }

  async create(
    input: z.output<typeof createFortroendevaldSchema>,
    at = this.deps.clock().toISOString(),
  ): Promise<Fortroendevald> {
    const index = await this.deps.organs.index();
    const uppdrag = (input.uppdrag ?? []).map((u, i) =>
      this.termFor(u, index, `uppdrag.${i}.organ`),
    );
    const { uppdrag: _, ...fields } = input;
    const id = await this.write(async tx => {
      await this.requireFreeEmail(tx, fields.email);
      const newId = await this.deps.store.insertPerson(tx, fields, at);
      await this.deps.store.insertUppdrag(tx, newId, uppdrag);
      return newId;
    });
    return this.get(id);
  }

  async update(
    id: string,
    input: z.output<typeof updateFortroendevaldSchema>,
  ): Promise<Fortroendevald> {
    const { version, ...fields } = input;
    await this.write(async tx => {
      const current = await this.require(id, tx);
      if (fields.email !== current.email) {
        await this.requireFreeEmail(tx, fields.email);
      }
      await this.bumpVersion(tx, current, version, {
        ...fields,
        // A form that sends no phone or photo means the person has none.
        phone: fields.phone,
        photoUrl: fields.photoUrl,
      });
    });
    return this.get(id);
  }

  async remove(id: string, version: number): Promise<void> {
    await this.write(async tx => {
      const current = await this.require(id, tx);
      if (!(await this.deps.store.deletePersonIfVersion(tx, id, version))) {
        throw await this.conflict(current.id, tx);
      }
    });
  }

  async addUppdrag(id: string, input: UppdragInput): Promise<Fortroendevald> {
    const term = this.termFor(input, await this.deps.organs.index(), 'organ');
    await this.write(async tx => {
      const current = await this.require(id, tx);
      await this.bumpVersion(tx, current, input.version);
      await this.deps.store.insertUppdrag(tx, id, [term]);
    });
    return this.get(id);
  }

  async changeUppdrag(
    id: string,
    uppdragId: string,
    input: UppdragInput,
  ): Promise<Fortroendevald> {
    const term = this.termFor(input, await this.deps.organs.index(), 'organ');
    await this.write(async tx => {
      const current = await this.require(id, tx);
      this.requireUppdrag(current, uppdragId);
      await this.bumpVersion(tx, current, input.version);
      await this.deps.store.updateUppdrag(tx, uppdragId, term);
    });
    return this.get(id);
  }

  /**
   * Ends an uppdrag on the given last day, or yesterday: an uppdrag ended today is a past term
   * from today on, the same rule an import follows.
   */
  async endUppdrag(
    id: string,
    uppdragId: string,
    input: z.output<typeof endUppdragSchema>,
  ): Promise<Fortroendevald> {
    const to = input.to ?? dayBefore(this.today());
    await this.write(async tx => {
      const current = await this.require(id, tx);
      const uppdrag = this.requireUppdrag(current, uppdragId);
      if (to < uppdrag.from) {
        throw fieldError(
          InputError,
          [
            {
              field: 'to',
              message: `must be on or after the first day, ${uppdrag.from}; an uppdrag that has not begun can be removed instead`,
            },
          ],
          `Invalid request: to: must be on or after the first day, ${uppdrag.from}; an uppdrag that has not begun can be removed instead`,
        );
      }
      if (uppdrag.to !== undefined && uppdrag.to < to) {
        throw fieldError(
          InputError,
          [
            {
              field: 'to',
              message: `the uppdrag already ended on ${uppdrag.to}`,
            },
          ],
          `Invalid request: to: the uppdrag already ended on ${uppdrag.to}`,
        );
      }
      await this.bumpVersion(tx, current, input.version);
      await this.deps.store.updateUppdrag(tx, uppdragId, { to });
    });
    return this.get(id);
  }

  async removeUppdrag(
    id: string,
    uppdragId: string,
    version: number,
  ): Promise<Fortroendevald> {
    await this.write(async tx => {
      const current = await this.require(id, tx);
      this.requireUppdrag(current, uppdragId);
      await this.bumpVersion(tx, current, version);
      await this.deps.store.deleteUppdrag(tx, [uppdragId]);
    });
    return this.get(id);
  }

  /**
   * Reads, validates and plans an import, and applies it in one transaction unless it is a dry
   * run. Any bad row fails the whole file with a 400 that lists every bad row.
   */
  async importFile(
    bytes: Uint8Array,
    options: ImportOptions,
  ): Promise<ImportPlan | ImportResult> {
    const file = readImportFile(bytes, options.format);
    const index = await this.deps.organs.index();
    const people = validateImportRows(
      file.rows,
      this.organResolver(index, options.trustOrgans ?? false),
    );
    const today = this.today();
    const plan = async (tx?: Knex.Transaction) => {
      const organs = [
        ...new Set(people.flatMap(p => p.uppdrag.map(u => u.organ))),
      ];
      const inOrgans = await this.deps.store.uppdragInOrgans(organs, tx);
      const byEmail = await this.deps.store.findByEmails(
        people.map(p => p.email),
        tx,
      );
      const known = new Set(byEmail.map(p => p.id));
      const owners = await this.deps.store.findByIds(
        inOrgans.map(u => u.fortroendevaldId).filter(id => !known.has(id)),
        tx,
      );
      return planImport({
        format: file.format,
        rowCount: file.rows.length,
        ignoredColumns: file.ignoredColumns,
        people,
        existing: [...byEmail, ...owners],
        today,
      });
    };

    if (options.dryRun) {
      return (await plan()).plan;
    }
    return this.write(async tx => {
      const { plan: made, writes } = await plan(tx);
      if (options.planToken && options.planToken !== made.planToken) {
        const error = new ConflictError(
          'The directory, or the date, has changed since the dry run, so the import would now do something else. Look at the new plan and apply that one.',
        );
        Object.assign(error, { plan: made });
        throw error;
      }
      const at = this.deps.clock().toISOString();
      for (const person of writes.newPeople) {
        const id = await this.deps.store.insertPerson(tx, person.fields, at);
        await this.deps.store.insertUppdrag(tx, id, person.uppdrag);
      }
      for (const person of writes.touchedPeople) {
        if (
          !(await this.deps.store.updatePersonIfVersion(
            tx,
            person.id,
            person.version,
            person.fields,
            at,
          ))
        ) {
          throw new ConflictError(
            'Someone changed the directory while the import ran; nothing was changed. Run the dry run again.',
          );
        }
      }
      for (const { personId, uppdrag } of writes.uppdragInserts) {
        await this.deps.store.insertUppdrag(tx, personId, [uppdrag]);
      }
      for (const { id, to } of writes.uppdragNewEnds) {
        await this.deps.store.updateUppdrag(tx, id, { to });
      }
      await this.deps.store.deleteUppdrag(tx, writes.uppdragDeletes);
      const result: ImportResult = { ...made, applied: true };
      return result;
    });
  }

  /**
   * Runs writes in one transaction. An e-mail address taken meanwhile is a conflict; a version
   * conflict gets the person's current state attached once the transaction is over (the organ
   * links need a query that must not wait for the transaction's own connection).
   */
  private async write<T>(fn: (tx: Knex.Transaction) => Promise<T>): Promise<T> {
    try {
      return await this.deps.store.transaction(fn);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          'Someone else saved a förtroendevald with the same e-mail address at the same moment; nothing was changed. Reload and try again.',
        );
      }
      if (error instanceof VersionConflict) {
        const conflict = new ConflictError(error.message);
        Object.assign(conflict, {
          current: this.toApi(
            error.latest,
            this.today(),
            await this.deps.organs.index(),
          ),
        });
        throw conflict;
      }
      throw error;
    }
  }

  private organResolver(index: OrganIndex, trust: boolean): OrganResolver {
    const names = index.all().map(o => o.name);
    return {
      resolve: name => index.find(name)?.name ?? (trust ? name : undefined),
      unknownMessage: name =>
        `'${name}' is neither an organ in the catalog nor one already in the directory; check the spelling${
          names.length ? ` (known organs: ${names.join(', ')})` : ''
        }, or add the organ in the directory first`,
    };
  }

  /** The stored form of an uppdrag, with the organ as the directory spells it. */
  private termFor(
    input: Omit<UppdragInput, 'version'>,
    index: OrganIndex,
    field: string,
  ): UppdragFields {
    const organ = index.find(input.organ)?.name;
    if (!organ && !input.newOrgan) {
      const message = `'${input.organ}' is neither an organ in the catalog nor one already in the directory; check the spelling, or confirm that it is a new organ (newOrgan: true)`;
      throw fieldError(
        InputError,
        [{ field, message }],
        `Invalid request: ${field}: ${message}`,
      );
    }
    return {
      organ: organ ?? input.organ,
      role: input.role,
      from: input.from,
      to: input.to,
    };
  }

  private async requireFreeEmail(tx: Knex.Transaction, email: string) {
    const [taken] = await this.deps.store.findByEmails([email], tx);
    if (taken) {
      const message = `${email} is already the e-mail address of ${taken.name}; each förtroendevald has their own`;
      throw fieldError(ConflictError, [{ field: 'email', message }], message);
    }
  }

  private async require(
    id: string,
    tx?: Knex.Transaction,
  ): Promise<StoredFortroendevald> {
    const person = await this.deps.store.get(id, tx);
    if (!person) {
      throw new NotFoundError(`No förtroendevald with id ${id}`);
    }
    return person;
  }

  private requireUppdrag(person: StoredFortroendevald, uppdragId: string) {
    const uppdrag = person.uppdrag.find(u => u.id === uppdragId);
    if (!uppdrag) {
      throw new NotFoundError(
        `${person.name} has no uppdrag with id ${uppdragId}`,
      );
    }
    return uppdrag;
  }

  /** Checks the version the change is based on and bumps it, writing the person's fields. */
  private async bumpVersion(
    tx: Knex.Transaction,
    current: StoredFortroendevald,
    version: number,
    fields: Parameters<FortroendevaldStore['updatePersonIfVersion']>[3] = {},
  ): Promise<void> {
    const at = this.deps.clock().toISOString();
    if (
      !(await this.deps.store.updatePersonIfVersion(
        tx,
        current.id,
        version,
        fields,
        at,
      ))
    ) {
      throw await this.conflict(current.id, tx);
    }
  }

  /** 409 with the current state, so that the client can show what changed. */
  private async conflict(
    id: string,
    tx: Knex.Transaction,
  ): Promise<VersionConflict> {
    return new VersionConflict(await this.require(id, tx));
  }

  private toApi(
    person: StoredFortroendevald,
    today: IsoDate,
    organs: OrganIndex,
  ): Fortroendevald {
    return {
      id: person.id,
      name: person.name,
      party: person.party,
      email: person.email,
      ...(person.phone ? { phone: person.phone } : {}),
      ...(person.photoUrl ? { photoUrl: person.photoUrl } : {}),
      uppdrag: person.uppdrag.map(u => ({
        id: u.id,
        organ: u.organ,
        ...(organs.find(u.organ)?.ref
          ? { organRef: organs.find(u.organ)!.ref }
          : {}),
        role: u.role as UppdragRole,
        from: u.from,
        ...(u.to ? { to: u.to } : {}),
        status: termStatusOn(u, today),
      })),
      version: person.version,
      updatedAt: person.updatedAt,
    };
  }
}
