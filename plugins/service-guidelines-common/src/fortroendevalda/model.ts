import { IsoDate } from '../calendar';

/**
 * The national parties with their usual abbreviations. Local parties (Värmdöpartiet, `VäP`) are
 * just as valid: a party is stored by its abbreviation, whatever it is, and this list only lets an
 * import accept a party's full name and lets the UI show it.
 *
 * @public
 */
export const KNOWN_PARTIES = [
  { abbreviation: 'S', name: 'Socialdemokraterna' },
  { abbreviation: 'M', name: 'Moderaterna' },
  { abbreviation: 'SD', name: 'Sverigedemokraterna' },
  { abbreviation: 'C', name: 'Centerpartiet' },
  { abbreviation: 'V', name: 'Vänsterpartiet' },
  { abbreviation: 'KD', name: 'Kristdemokraterna' },
  { abbreviation: 'L', name: 'Liberalerna' },
  { abbreviation: 'MP', name: 'Miljöpartiet de gröna' },
] as const;

/**
 * The roles an uppdrag can have: the stored id and the Swedish title that files and the external
 * website use. Ids are ASCII because a title such as `1:e vice ordförande` cannot be a
 * translation key (i18next reads the colon as a namespace separator).
 *
 * @public
 */
export const UPPDRAG_ROLES = [
  { id: 'ordforande', title: 'ordförande' },
  { id: 'forste-vice-ordforande', title: '1:e vice ordförande' },
  { id: 'andre-vice-ordforande', title: '2:e vice ordförande' },
  { id: 'tredje-vice-ordforande', title: '3:e vice ordförande' },
  { id: 'kommunalrad', title: 'kommunalråd' },
  { id: 'oppositionsrad', title: 'oppositionsråd' },
  { id: 'gruppledare', title: 'gruppledare' },
  { id: 'ledamot', title: 'ledamot' },
  { id: 'ersattare', title: 'ersättare' },
] as const;

/** @public */
export type UppdragRole = (typeof UPPDRAG_ROLES)[number]['id'];

/** @public */
export const UPPDRAG_ROLE_IDS = UPPDRAG_ROLES.map(r => r.id) as [
  UppdragRole,
  ...UppdragRole[],
];

/**
 * The Swedish title of a role id, e.g. `forste-vice-ordforande` → `1:e vice ordförande`.
 *
 * @public
 */
export function uppdragRoleTitle(role: UppdragRole): string {
  return UPPDRAG_ROLES.find(r => r.id === role)?.title ?? role;
}

/**
 * Where a term stands on a given day: `current` from its first to its last day inclusive, `past`
 * after its last day, `upcoming` before its first day.
 *
 * @public
 */
export const TERM_STATUSES = ['current', 'past', 'upcoming'] as const;
/** @public */
export type TermStatus = (typeof TERM_STATUSES)[number];

/**
 * The term filter of the directory: one status, or every uppdrag whatever its dates.
 *
 * @public
 */
export const TERM_FILTERS = [...TERM_STATUSES, 'all'] as const;
/** @public */
export type TermFilter = (typeof TERM_FILTERS)[number];

/**
 * The status of a term on `today`. Dates are `YYYY-MM-DD`, so string comparison is date order.
 *
 * @public
 */
export function termStatusOn(
  term: { from: IsoDate; to?: IsoDate },
  today: IsoDate,
): TermStatus {
  if (term.from > today) {
    return 'upcoming';
  }
  if (term.to !== undefined && term.to < today) {
    return 'past';
  }
  return 'current';
}

/**
 * One uppdrag (assignment) of a förtroendevald: a role in an organ for a term.
 *
 * @public
 */
export interface Uppdrag {
  id: string;
  /** The organ as the directory names it, e.g. `Kommunstyrelsen`. */
  organ: string;
  /** The catalog Group of the organ (`group:default/kommunstyrelsen`), where one matches. */
  organRef?: string;
  role: UppdragRole;
  /** First day of the term. */
  from: IsoDate;
  /** Last day of the term; absent while it runs until further notice. */
  to?: IsoDate;
  /** Where the term stands today (Stockholm date), computed by the server. */
  status: TermStatus;
}

/**
 * An elected official (förtroendevald), with every uppdrag, current and past.
 *
 * @public
 */
export interface Fortroendevald {
  id: string;
  name: string;
  /** The party's abbreviation: `S`, `M`, `VäP` … */
  party: string;
  /** The municipality's e-mail address of the person; unique in the directory. */
  email: string;
  phone?: string;
  photoUrl?: string;
  uppdrag: Uppdrag[];
  /** Grows by one with every change to the person or their uppdrag (optimistic concurrency). */
  version: number;
  updatedAt: string;
}

/**
 * One page of the directory.
 *
 * @public
 */
export interface FortroendevaldList {
  items: Fortroendevald[];
  totalCount: number;
  offset: number;
  limit: number;
}

/**
 * An organ: a name, and the catalog Group it is where one matches.
 *
 * @public
 */
export interface Organ {
  name: string;
  ref?: string;
}

/**
 * The values the directory's filters can take: what is actually in the directory.
 *
 * @public
 */
export interface DirectoryFacets {
  organs: Organ[];
  parties: string[];
  roles: UppdragRole[];
}

/**
 * An uppdrag as the public endpoint serves it: no ids, nothing internal.
 *
 * @public
 */
export interface PublicUppdrag {
  organ: string;
  /** The role's Swedish title, e.g. `1:e vice ordförande`. */
  role: string;
  from: IsoDate;
  to?: IsoDate;
}

/**
 * A förtroendevald as the public endpoint serves it to the external website: only the fields the
 * municipality publishes (name, party, the municipality's e-mail address, current uppdrag).
 *
 * @public
 */
export interface PublicFortroendevald {
  name: string;
  party: string;
  email: string;
  uppdrag: PublicUppdrag[];
}

/**
 * The body of `GET /public/fortroendevalda`.
 *
 * @public
 */
export interface PublicDirectory {
  /** The Stockholm date the list is valid for. */
  date: IsoDate;
  items: PublicFortroendevald[];
}

/**
 * A person as an import plan names them.
 *
 * @public
 */
export interface ImportPerson {
  name: string;
  email: string;
  party: string;
}

/**
 * A person whose details the import changes, field by field.
 *
 * @public
 */
export interface ImportPersonChange extends ImportPerson {
  changes: Record<string, { from?: string; to?: string }>;
}

/**
 * An uppdrag as an import plan names it.
 *
 * @public
 */
export interface ImportUppdrag {
  name: string;
  email: string;
  organ: string;
  role: UppdragRole;
  from: IsoDate;
  to?: IsoDate;
}

/**
 * An uppdrag whose last day the import changes: set by the file, or ended because the file no
 * longer lists it.
 *
 * @public
 */
export interface ImportUppdragChange extends ImportUppdrag {
  previousTo?: IsoDate;
}

/**
 * What an import would do (dry run) or did (apply).
 *
 * @public
 */
export interface ImportPlan {
  format: 'csv' | 'json';
  /** Uppdrag rows read from the file (a person with three uppdrag is three rows in CSV). */
  rowCount: number;
  /** The Stockholm date the plan was made on. */
  today: IsoDate;
  /** The last day given to uppdrag the file ends: the day before `today`. */
  endDate: IsoDate;
  /** The organs the file lists; only their uppdrag can be ended by it. */
  organs: string[];
  /** Columns of a CSV file that are not part of the format and were not read. */
  ignoredColumns: string[];
  people: {
    added: ImportPerson[];
    changed: ImportPersonChange[];
    unchanged: number;
  };
  uppdrag: {
    added: ImportUppdrag[];
    /** Uppdrag in the file and the directory whose last day differs: the file's is taken. */
    changed: ImportUppdragChange[];
    /** Current uppdrag of a listed organ that the file does not list: `to` becomes `endDate`. */
    ended: ImportUppdragChange[];
    /** Not yet started uppdrag of a listed organ that the file does not list: deleted. */
    removed: ImportUppdrag[];
    unchanged: number;
  };
  /**
   * A fingerprint of the plan. Applying with it fails with 409 if the plan would now be
   * different (someone changed the directory, or the date changed, since the dry run).
   */
  planToken: string;
}

/**
 * The answer of an applied import.
 *
 * @public
 */
export interface ImportResult extends ImportPlan {
  applied: true;
}

/**
 * One bad row of an import file.
 *
 * @public
 */
export interface ImportRowProblem {
  /** Line in the file where the row starts (1 is the header of a CSV file). */
  line: number;
  /** The column (CSV) or property (JSON) at fault, as the file names it. */
  field?: string;
  message: string;
}
