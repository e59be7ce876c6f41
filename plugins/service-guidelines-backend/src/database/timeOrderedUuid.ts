import { randomBytes } from 'node:crypto';

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
  const bytes = randomBytes(16);
  bytes.writeUIntBE(at.getTime(), 0, 6);
  // Version 7 in the high nibble of byte 6, variant 0b10 in the high bits of byte 8.
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
