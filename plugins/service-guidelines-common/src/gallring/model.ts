import { SynpunktType } from '../synpunkt/model';

/**
 * What gallring clears, named as in the synpunkt API: the customer's contact details and every
 * free text that can hold personal data. The figures of the reports, and the improvement
 * description they list (written by staff when closing), stay.
 *
 * @public
 */
export const GALLRING_FIELDS = [
  'description',
  'contact.name',
  'contact.email',
  'contact.phone',
  'contact.address',
  'utredning.text',
  'aterkoppling.summary',
  'closed.outcome',
  'pauses.reason',
  'history.texts',
] as const;

/** @public */
export type GallringField = (typeof GALLRING_FIELDS)[number];

/**
 * A synpunkt the next gallring would clear, without any of its personal data.
 *
 * @public
 */
export interface GallringCandidate {
  synpunktId: string;
  registrationNumber: string;
  type: SynpunktType;
  area: string;
  closedDate: string;
  /** The app-config key of the rule it falls under. */
  rule: string;
  /** The retention of that rule, ISO 8601 (`P2Y`). */
  retention: string;
  /** The fields that hold something and would be cleared. */
  fields: GallringField[];
}

/**
 * What the next gallring run would remove, as `GET /gallring/preview` answers it.
 *
 * @public
 */
export interface GallringPreview {
  /** False when `serviceGuidelines.gallring` is not configured: nothing is ever gallrad. */
  configured: boolean;
  /** The day the preview was computed for (Stockholm). */
  asOf: string;
  totalCount: number;
  items: GallringCandidate[];
  nextCursor?: string;
}

/**
 * One entry of the gallringslogg: which synpunkt was cleared, of what, when and under which
 * rule. Never any personal data.
 *
 * @public
 */
export interface GallringLogEntry extends GallringCandidate {
  id: number;
  gallradAt: string;
}

/**
 * A page of the gallringslogg, newest first.
 *
 * @public
 */
export interface GallringLogPage {
  items: GallringLogEntry[];
  nextCursor?: string;
}
