import { randomUUID } from 'node:crypto';

/**
 * A UUID of version 7 (RFC 9562): the first 48 bits are `at` in milliseconds since 1970, the
 * rest random (74 bits), so ids made later sort after those made earlier, as text too.
 *
 * Why the registry's ids are not random: every registration inserts its id into the primary key
 * and into indexes keyed by it (the history's, the facts queue's). Random ids land on a random
 * leaf page of each, so registrations that share a commit each dirty pages of their own, and at
 * a million rows those pages are seldom cached. Ids in time order append to the same few
 * leaves: measured on SQLite with a million synpunkter, a registration's writes took 0.21 ms
 * instead of 0.54 (bench/results/scale-notes.md).
 *
 * The time of registration is visible in the id; everyone who may open a synpunkt also sees
 * when it was registered, so the id tells them nothing new.
 */
export function timeOrderedUuid(at: Date): string {
  // The random part from randomUUID (variant bits already RFC 9562's), which draws on a pool of
  // entropy: a randomBytes(16) of its own for each id took four times as long.
  const random = randomUUID();
  const millis = at.getTime().toString(16).padStart(12, '0');
  // randomUUID's `xxxxxxxx-xxxx-4` gives way to the milliseconds and the version 7.
  return `${millis.slice(0, 8)}-${millis.slice(8)}-7${random.slice(15)}`;
}
