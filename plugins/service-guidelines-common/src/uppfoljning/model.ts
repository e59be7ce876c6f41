import { SynpunktType } from '../synpunkt/model';

/**
 * What a chef sees of one unit in scope on "Min uppföljning". The counts cover the unit and every
 * unit below it, as the synpunkt list filtered by that unit does, so that each count is one
 * click from the list it counts.
 *
 * @public
 */
export interface UnitFollowUpSummary {
  unitRef: string;
  title: string;
  type: string;
  /** The unit above, when it is in the chef's scope too (for showing the tree). */
  parentRef?: string;
  depth: number;
  open: number;
  overdue: number;
  /** Open, återkoppling not given, deadline from today to `dueBy`. */
  dueSoon: number;
  closedInPeriod: number;
  /** Received in the period, by type. */
  receivedByType: Record<SynpunktType, number>;
  /** Date of the unit's latest uppföljning, if any. */
  lastFollowedUp?: string;
  /** The chef of the unit itself (not of the units above). */
  chefRef?: string;
}

/**
 * The answer of `GET /uppfoljning/oversikt`.
 *
 * @public
 */
export interface FollowUpOverview {
  today: string;
  /** The last date counted as "due soon": `dueWithinDays` arbetsdagar after today. */
  dueBy: string;
  dueWithinDays: number;
  period: { from: string; to: string };
  units: UnitFollowUpSummary[];
}

/**
 * Someone who took part in an uppföljning: a person in the portal, or a name as written.
 *
 * @public
 */
export interface Participant {
  name: string;
  userRef?: string;
}

/**
 * An action decided at an uppföljning, with who answers for it and by when.
 *
 * @public
 */
export interface UppfoljningAction {
  id: string;
  description: string;
  responsible: string;
  dueDate: string;
  /** When it was carried out; absent while it is not. */
  doneDate?: string;
}

/**
 * A record that a unit reviewed its synpunkter with the staff (R3.2).
 *
 * @public
 */
export interface Uppfoljning {
  id: string;
  unitRef: string;
  heldDate: string;
  /** The chef who recorded it, and who alone may change it. */
  recordedBy: string;
  participants: Participant[];
  /** Ids of the synpunkter discussed, with their registration numbers. */
  synpunkter: Array<{ id: string; registrationNumber: string }>;
  conclusions: string;
  actions: UppfoljningAction[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Whether the signed-in person may change it. */
  editable: boolean;
}
