import {
  fortroendevaldFieldsSchema,
  ImportRowProblem,
  IsoDate,
  uppdragFieldsSchema,
  UppdragRole,
  uppdragRoleTitle,
} from '@service-guidelines/plugin-service-guidelines-common';
import { z } from 'zod';
import { foldForSearch } from '../../database/FortroendevaldStore';
import { ImportField, importRowsError, RawImportRow } from './importFile';

/** An uppdrag read from a file, valid, with its organ named as the directory names it. */
export interface ImportUppdragInput {
  line: number;
  organ: string;
  role: UppdragRole;
  from: IsoDate;
  to?: IsoDate;
}

/**
 * A person read from a file: every row with the same e-mail address merged. `phone` and
 * `photoUrl` are undefined when the file does not have the column at all (the directory's value
 * is kept), null when the file gives none (the directory's value is removed).
 */
export interface ImportPersonInput {
  line: number;
  name: string;
  party: string;
  email: string;
  phone?: string | null;
  photoUrl?: string | null;
  uppdrag: ImportUppdragInput[];
}

/** How the rows name organs: the directory's spelling of an organ, or undefined if unknown. */
export interface OrganResolver {
  resolve(name: string): string | undefined;
  /** Why an organ is unknown and what to do about it, for the row's error. */
  unknownMessage(name: string): string;
}

const DEFAULT_NAMES: Record<ImportField, string> = {
  name: 'namn',
  party: 'parti',
  email: 'epost',
  phone: 'telefon',
  photoUrl: 'fotourl',
  organ: 'organ',
  role: 'roll',
  from: 'fran',
  to: 'till',
};

function problemsOf(error: z.ZodError, row: RawImportRow): ImportRowProblem[] {
  return error.issues.map(issue => {
    const field = issue.path[0] as ImportField | undefined;
    return {
      line: row.line,
      field: field ? row.fieldNames[field] ?? DEFAULT_NAMES[field] : undefined,
      message: issue.message,
    };
  });
}

const text = (value: string | null | undefined) => value ?? '';

const hasUppdrag = (row: RawImportRow) =>
  (['organ', 'role', 'from', 'to'] as const).some(
    field => text(row.values[field]).trim() !== '',
  );

/**
 * Validates every row and merges the rows of each person (same e-mail address), collecting every
 * problem of every row before failing, so that one answer lists all that must be fixed. Throws a
 * 400 listing them; returns the people only when the whole file is good.
 */
export function validateImportRows(
  rows: RawImportRow[],
  organs: OrganResolver,
): ImportPersonInput[] {
  const problems: ImportRowProblem[] = [];
  const people = new Map<
    string,
    ImportPersonInput & { lineOf: Record<string, number> }
  >();
  const uppdragLines = new Map<string, ImportUppdragInput>();

  for (const row of rows) {
    const name = (field: ImportField) =>
      row.fieldNames[field] ?? DEFAULT_NAMES[field];
    const person = fortroendevaldFieldsSchema.safeParse({
      name: text(row.values.name),
      party: text(row.values.party),
      email: text(row.values.email),
      phone: row.values.phone,
      photoUrl: row.values.photoUrl,
    });
    let uppdrag: ImportUppdragInput | undefined;
    const rowProblems: ImportRowProblem[] = person.success
      ? []
      : problemsOf(person.error, row);
    if (hasUppdrag(row)) {
      const parsed = uppdragFieldsSchema.safeParse({
        organ: text(row.values.organ),
        role: text(row.values.role),
        from: text(row.values.from),
        to: row.values.to,
      });
      if (!parsed.success) {
        rowProblems.push(...problemsOf(parsed.error, row));
      } else {
        const organ = organs.resolve(parsed.data.organ);
        if (organ === undefined) {
          rowProblems.push({
            line: row.line,
            field: name('organ'),
            message: organs.unknownMessage(parsed.data.organ),
          });
        } else {
          uppdrag = {
            line: row.line,
            organ,
            role: parsed.data.role,
            from: parsed.data.from,
            to: parsed.data.to,
          };
        }
      }
    }
    if (rowProblems.length || !person.success) {
      problems.push(...rowProblems);
      continue;
    }

    const fields = person.data;
    const given = {
      phone: 'phone' in row.values ? fields.phone ?? null : undefined,
      photoUrl: 'photoUrl' in row.values ? fields.photoUrl ?? null : undefined,
    };
    const known = people.get(fields.email);
    if (!known) {
      people.set(fields.email, {
        line: row.line,
        name: fields.name,
        party: fields.party,
        email: fields.email,
        ...given,
        uppdrag: [],
        lineOf: {},
      });
    } else {
      // The same person on several rows must be described the same way on each.
      for (const field of ['name', 'party'] as const) {
        if (known[field] !== fields[field]) {
          problems.push({
            line: row.line,
            field: name(field),
            message: `'${fields[field]}' differs from '${known[field]}' on line ${known.line}, for the same e-mail address ${fields.email}`,
          });
        }
      }
      for (const field of ['phone', 'photoUrl'] as const) {
        const value = given[field];
        if (value && known[field] && value !== known[field]) {
          problems.push({
            line: row.line,
            field: name(field),
            message: `'${value}' differs from '${known[field]}' on line ${
              known.lineOf[field] ?? known.line
            }, for the same e-mail address ${fields.email}`,
          });
        } else if (value) {
          known[field] = value;
          known.lineOf[field] = row.line;
        } else if (value === null && known[field] === undefined) {
          known[field] = null;
        }
      }
    }
    const owner = people.get(fields.email)!;
    if (uppdrag) {
      const key = [
        fields.email,
        foldForSearch(uppdrag.organ),
        uppdrag.role,
        uppdrag.from,
      ].join('|');
      const same = uppdragLines.get(key);
      if (!same) {
        uppdragLines.set(key, uppdrag);
        owner.uppdrag.push(uppdrag);
      } else if (same.to !== uppdrag.to) {
        problems.push({
          line: row.line,
          field: name('to'),
          message: `the same uppdrag (${uppdrag.organ}, ${uppdragRoleTitle(
            uppdrag.role,
          )}, from ${uppdrag.from}) is on line ${same.line} with till ${
            same.to ?? '(none)'
          }`,
        });
      }
    }
  }

  if (problems.length) {
    throw importRowsError(problems);
  }
  return [...people.values()].map(({ lineOf: _lineOf, ...person }) => person);
}
