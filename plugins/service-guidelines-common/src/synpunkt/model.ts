/**
 * The kinds of synpunkt: beröm (praise), klagomål (complaint), förslag (suggestion).
 *
 * @public
 */
export const SYNPUNKT_TYPES = ['berom', 'klagomal', 'forslag'] as const;
/** @public */
export type SynpunktType = (typeof SYNPUNKT_TYPES)[number];

/**
 * Matters that are NOT synpunkter and must be guided elsewhere instead of registered: a question,
 * a fault report, a damage claim, an appeal of an authority decision, and a synpunkt aimed at an
 * elected official (handled outside the guidelines).
 *
 * @public
 */
export const NOT_SYNPUNKT_CATEGORIES = [
  'fraga',
  'felanmalan',
  'skadeanssprak',
  'overklagande',
  'fortroendevald',
] as const;
/** @public */
export type NotSynpunktCategory = (typeof NOT_SYNPUNKT_CATEGORIES)[number];

/**
 * How the synpunkt reached the municipality.
 *
 * @public
 */
export const CHANNELS = [
  'muntligt',
  'telefon',
  'sms',
  'epost',
  'brev',
  'webb',
  'sociala_medier',
] as const;
/** @public */
export type Channel = (typeof CHANNELS)[number];

/**
 * Where a synpunkt is in its handling. Closing ends it; reopening brings it back to tilldelad.
 *
 * @public
 */
export const SYNPUNKT_STATUSES = [
  'registrerad',
  'tilldelad',
  'under_utredning',
  'aterkopplad',
  'avslutad',
] as const;
/** @public */
export type SynpunktStatus = (typeof SYNPUNKT_STATUSES)[number];

/**
 * How återkoppling was given to the customer.
 *
 * @public
 */
export const ATERKOPPLING_METHODS = [
  'epost',
  'brev',
  'telefon',
  'mote',
] as const;
/** @public */
export type AterkopplingMethod = (typeof ATERKOPPLING_METHODS)[number];

/**
 * The customer's contact details. Personal data: only those handling the synpunkt and the chefs
 * of its unit see them.
 *
 * @public
 */
export interface ContactDetails {
  name?: string;
  email?: string;
  phone?: string;
  address?: string;
}

/**
 * A period the svarstid clock waited for the customer.
 *
 * @public
 */
export interface SynpunktPause {
  from: string;
  to?: string;
  reason: string;
  pausedBy: string;
}

/**
 * One entry of a synpunkt's history. `changes` never holds values of personal data, only that
 * they changed (`{ changed: true }`).
 *
 * @public
 */
export interface SynpunktEvent {
  id: number;
  at: string;
  actorRef: string;
  kind: SynpunktEventKind;
  changes?: Record<string, { from?: unknown; to?: unknown; changed?: true }>;
}

/** @public */
export type SynpunktEventKind =
  | 'registrerad'
  | 'uppdaterad'
  | 'tilldelad'
  | 'forsta_svar'
  | 'pausad'
  | 'aterupptagen'
  | 'utredning'
  | 'aterkopplad'
  | 'avslutad'
  | 'ateroppnad';

/**
 * Återkoppling given to the customer.
 *
 * @public
 */
export interface Aterkoppling {
  date: string;
  method: AterkopplingMethod;
  summary?: string;
}

/**
 * A synpunkt as the API returns it. `contact` and a sekretess synpunkt's `description` are present
 * only for a reader allowed to see personal data (`personalDataVisible`).
 *
 * @public
 */
export interface Synpunkt {
  id: string;
  registrationNumber: string;
  type: SynpunktType;
  channel: Channel;
  receivedAt: string;
  receivedDate: string;
  arrivalDate: string;
  registeredAt: string;
  registeredBy: string;
  unitRef: string;
  area: string;
  legalDuty: boolean;
  description?: string;
  sekretess: boolean;
  anonymous: boolean;
  contact?: ContactDetails;
  personalDataVisible: boolean;
  handlaggareRef?: string;
  status: SynpunktStatus;
  forstaSvar?: { due: string; date?: string };
  aterkopplingDue?: string;
  aterkopplingDays?: number;
  pauses: SynpunktPause[];
  utredning?: { text?: string; date: string };
  aterkoppling?: Aterkoppling;
  closed?: {
    date: string;
    outcome?: string;
    ledToImprovement: boolean;
    improvementDescription?: string;
  };
  /**
   * When its free texts and contact details were removed under the dokumenthanteringsplan
   * (gallring); a gallrad synpunkt keeps only what the statistics need and cannot be changed.
   */
  gallradAt?: string;
  version: number;
  updatedAt: string;
}

/**
 * A synpunkt with its whole history, as `GET /synpunkter/:id` returns it.
 *
 * @public
 */
export interface SynpunktWithHistory extends Synpunkt {
  history: SynpunktEvent[];
}

/**
 * The orders a list of synpunkter can be read in: a key and a direction, `-` meaning descending.
 * `registered` is the order of registration (and so of registration numbers), `received` when
 * the customer gave it, `due` the återkoppling deadline (synpunkter without one last).
 *
 * @public
 */
export const SYNPUNKT_SORTS = [
  '-registered',
  'registered',
  '-received',
  'received',
  'due',
  '-due',
] as const;
/** @public */
export type SynpunktSort = (typeof SYNPUNKT_SORTS)[number];
/** @public */
export const DEFAULT_SYNPUNKT_SORT: SynpunktSort = '-registered';

/**
 * A page of a list, with the cursor of the next page when there is one.
 *
 * @public
 */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
  totalCount?: number;
}

/**
 * An answer template kept by a unit.
 *
 * @public
 */
export interface Svarsmall {
  id: string;
  unitRef: string;
  title: string;
  body: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}
