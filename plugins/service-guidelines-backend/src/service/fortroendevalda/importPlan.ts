import {
  ImportPlan,
  ImportUppdrag,
  IsoDate,
  termStatusOn,
  UppdragRole,
} from '@service-guidelines/plugin-service-guidelines-common';
import { DateTime } from 'luxon';
import { createHash } from 'node:crypto';
import {
  foldForSearch,
  PersonFields,
  StoredFortroendevald,
  UppdragFields,
} from '../../database/FortroendevaldStore';
import { ImportPersonInput } from './importRows';

/** The writes that carry out a plan; applied in one transaction. */
export interface ImportWrites {
  newPeople: Array<{ fields: PersonFields; uppdrag: UppdragFields[] }>;
  /** People whose fields or uppdrag change: their version is checked and bumped. */
  touchedPeople: Array<{
    id: string;
    version: number;
    fields: Partial<PersonFields>;
  }>;
  uppdragInserts: Array<{ personId: string; uppdrag: UppdragFields }>;
  /** New last days: the file's (changed) or the day before today (ended). */
  uppdragNewEnds: Array<{ id: string; to?: IsoDate }>;
  uppdragDeletes: string[];
}

/** The day before a date. */
export function dayBefore(date: IsoDate): IsoDate {
  return DateTime.fromISO(date, { zone: 'utc' })
    .minus({ days: 1 })
    .toISODate()!;
}

const uppdragKey = (
  email: string,
  u: { organ: string; role: string; from: string },
) => [email, foldForSearch(u.organ), u.role, u.from].join('|');

const byPersonThenTerm = (a: ImportUppdrag, b: ImportUppdrag) =>
  a.email.localeCompare(b.email) ||
  foldForSearch(a.organ).localeCompare(foldForSearch(b.organ)) ||
  a.role.localeCompare(b.role) ||
  a.from.localeCompare(b.from);

const byEmail = (a: { email: string }, b: { email: string }) =>
  a.email.localeCompare(b.email);

/**
 * What an import changes, computed without side effects from the file's people and the
 * directory's current state (the people of the file, and everyone with an uppdrag in an organ the
 * file lists, each with all their uppdrag).
 *
 * The rules:
 * - A person is identified by e-mail address. A new address adds a person; a known one updates
 *   name, party, and phone and photo where the file has those columns. People are never removed
 *   by an import.
 * - An uppdrag is identified by person, organ, role and first day. One in the file and the
 *   directory with another last day gets the file's; one only in the file is added.
 * - The file is the whole truth for each organ it lists, and only for those: a current uppdrag in
 *   such an organ that the file does not list is ended, its last day set to the day before
 *   `today`, so that from today it is a past term. One that has not started yet is deleted (it
 *   would end before it began). Past uppdrag are history and stay as they are.
 */
export function planImport(input: {
  format: ImportPlan['format'];
  rowCount: number;
  ignoredColumns: string[];
  people: ImportPersonInput[];
  existing: StoredFortroendevald[];
  today: IsoDate;
}): { plan: ImportPlan; writes: ImportWrites } {
  const { people, existing, today } = input;
  const endDate = dayBefore(today);
  const existingByEmail = new Map(existing.map(p => [p.email, p]));
  const fileKeys = new Set<string>();
  const organs = new Map<string, string>();
  for (const person of people) {
    for (const u of person.uppdrag) {
      fileKeys.add(uppdragKey(person.email, u));
      organs.set(foldForSearch(u.organ), u.organ);
    }
  }

  const plan: Omit<ImportPlan, 'planToken'> = {
    format: input.format,
    rowCount: input.rowCount,
    today,
    endDate,
    organs: [...organs.values()].sort((a, b) => a.localeCompare(b, 'sv')),
    ignoredColumns: input.ignoredColumns,
    people: { added: [], changed: [], unchanged: 0 },
    uppdrag: { added: [], changed: [], ended: [], removed: [], unchanged: 0 },
  };
  const writes: ImportWrites = {
    newPeople: [],
    touchedPeople: [],
    uppdragInserts: [],
    uppdragNewEnds: [],
    uppdragDeletes: [],
  };
  const touched = new Map<string, ImportWrites['touchedPeople'][number]>();
  const touch = (person: StoredFortroendevald) => {
    let entry = touched.get(person.id);
    if (!entry) {
      entry = { id: person.id, version: person.version, fields: {} };
      touched.set(person.id, entry);
    }
    return entry;
  };
  const line = (
    person: { name: string; email: string },
    u: { organ: string; role: string; from: IsoDate; to?: IsoDate },
  ): ImportUppdrag => ({
    name: person.name,
    email: person.email,
    organ: u.organ,
    role: u.role as UppdragRole,
    from: u.from,
    ...(u.to ? { to: u.to } : {}),
  });
  const termOf = (u: {
    organ: string;
    role: string;
    from: IsoDate;
    to?: IsoDate;
  }): UppdragFields => ({
    organ: u.organ,
    role: u.role,
    from: u.from,
    to: u.to,
  });

  for (const person of people) {
    const current = existingByEmail.get(person.email);
    if (!current) {
      writes.newPeople.push({
        fields: {
          name: person.name,
          party: person.party,
          email: person.email,
          phone: person.phone ?? undefined,
          photoUrl: person.photoUrl ?? undefined,
        },
        uppdrag: person.uppdrag.map(termOf),
      });
      plan.people.added.push({
        name: person.name,
        email: person.email,
        party: person.party,
      });
      plan.uppdrag.added.push(...person.uppdrag.map(u => line(person, u)));
      continue;
    }

    const changes: Record<string, { from?: string; to?: string }> = {};
    const fields: Partial<PersonFields> = {};
    for (const field of ['name', 'party', 'phone', 'photoUrl'] as const) {
      const next = person[field];
      if (next === undefined) {
        continue; // the file does not have the column: keep what the directory has
      }
      const value = next ?? undefined;
      if (value !== current[field]) {
        changes[field] = { from: current[field], to: value };
        fields[field] = value;
      }
    }
    if (Object.keys(changes).length) {
      touch(current).fields = fields;
      plan.people.changed.push({
        name: person.name,
        email: person.email,
        party: person.party,
        changes,
      });
    } else {
      plan.people.unchanged += 1;
    }

    for (const u of person.uppdrag) {
      const match = current.uppdrag.find(
        e => uppdragKey(current.email, e) === uppdragKey(person.email, u),
      );
      if (!match) {
        touch(current);
        writes.uppdragInserts.push({
          personId: current.id,
          uppdrag: termOf(u),
        });
        plan.uppdrag.added.push(line(person, u));
      } else if (match.to !== u.to) {
        touch(current);
        writes.uppdragNewEnds.push({ id: match.id, to: u.to });
        plan.uppdrag.changed.push({
          ...line(person, { ...u, organ: match.organ }),
          previousTo: match.to,
        });
      } else {
        plan.uppdrag.unchanged += 1;
      }
    }
  }

  for (const person of existing) {
    for (const u of person.uppdrag) {
      if (
        !organs.has(foldForSearch(u.organ)) ||
        fileKeys.has(uppdragKey(person.email, u))
      ) {
        continue;
      }
      const status = termStatusOn(u, today);
      if (status === 'past') {
        continue;
      }
      touch(person);
      if (u.from > endDate) {
        writes.uppdragDeletes.push(u.id);
        plan.uppdrag.removed.push(line(person, u));
      } else {
        writes.uppdragNewEnds.push({ id: u.id, to: endDate });
        plan.uppdrag.ended.push({
          ...line(person, { ...u, to: endDate }),
          previousTo: u.to,
        });
      }
    }
  }

  writes.touchedPeople = [...touched.values()];
  plan.people.added.sort(byEmail);
  plan.people.changed.sort(byEmail);
  plan.uppdrag.added.sort(byPersonThenTerm);
  plan.uppdrag.changed.sort(byPersonThenTerm);
  plan.uppdrag.ended.sort(byPersonThenTerm);
  plan.uppdrag.removed.sort(byPersonThenTerm);
  return { plan: { ...plan, planToken: planTokenOf(plan) }, writes };
}

/** A fingerprint of everything the plan would do, and on which day. */
export function planTokenOf(plan: Omit<ImportPlan, 'planToken'>): string {
  return createHash('sha256')
    .update(JSON.stringify(plan))
    .digest('hex')
    .slice(0, 32);
}
