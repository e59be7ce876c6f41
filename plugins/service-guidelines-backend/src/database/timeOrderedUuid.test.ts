import { z } from 'zod';
import { timeOrderedUuid } from './timeOrderedUuid';

const V7 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedUuid', () => {
  it('is a UUID of version 7 and variant RFC 9562, as the API validates ids', () => {
    const id = timeOrderedUuid(new Date('2026-12-06T21:00:00.123Z'));
    expect(id).toMatch(V7);
    expect(z.string().uuid().safeParse(id).success).toBe(true);
  });

  it('begins with the milliseconds of its time', () => {
    const at = new Date('2026-12-06T21:00:00.123Z');
    const id = timeOrderedUuid(at);
    const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millis).toBe(at.getTime());
  });

  it('sorts, as text, ids made later after those made earlier', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const times = [0, 1, 2, 999, 1000, 86_400_000, 365 * 86_400_000].map(
      offset => new Date(start + offset),
    );
    const ids = times.map(timeOrderedUuid);
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs between ids made in the same millisecond', () => {
    const at = new Date('2026-12-06T21:00:00.000Z');
    const ids = new Set(
      Array.from({ length: 10_000 }, () => timeOrderedUuid(at)),
    );
    expect(ids.size).toBe(10_000);
  });
});
