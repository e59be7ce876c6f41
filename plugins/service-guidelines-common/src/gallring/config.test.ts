import {
  gallringRuleFor,
  GALLRING_CONFIG_KEY,
  resolveGallringConfig,
} from './config';
import { parseRetention, retentionCutoff } from './retention';

const AREAS = ['utbildning', 'socialtjanst', 'ovrigt'];

function errorOf(raw: unknown): string {
  try {
    resolveGallringConfig(raw, AREAS);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(raw)} to be refused`);
}

const perType = { berom: 'P2Y', klagomal: '2 år', forslag: 'bevaras' };

describe('parseRetention', () => {
  it.each([
    ['P2Y', { years: 2, months: 0, days: 0, iso: 'P2Y' }],
    ['p18m', { years: 0, months: 18, days: 0, iso: 'P18M' }],
    ['P1Y6M', { years: 1, months: 6, days: 0, iso: 'P1Y6M' }],
    ['P2W', { years: 0, months: 0, days: 14, iso: 'P14D' }],
    ['2 år', { years: 2, months: 0, days: 0, iso: 'P2Y' }],
    ['1 månad', { years: 0, months: 1, days: 0, iso: 'P1M' }],
    ['6 månader', { years: 0, months: 6, days: 0, iso: 'P6M' }],
    ['3 veckor', { years: 0, months: 0, days: 21, iso: 'P21D' }],
    [' 30 dagar ', { years: 0, months: 0, days: 30, iso: 'P30D' }],
  ])('reads %p', (written, expected) => {
    expect(parseRetention(written)).toEqual({ kind: 'period', ...expected });
  });

  it('reads bevaras in any case', () => {
    expect(parseRetention('Bevaras')).toEqual({ kind: 'bevaras' });
  });

  it.each([
    ['P', /must be a period after closing/],
    ['PT2H', /must be a period after closing/],
    ['2 years', /must be a period after closing/],
    ['gallras', /must be a period after closing/],
    ['P0Y', /must be longer than zero/],
    ['0 dagar', /must be longer than zero/],
    ['101 år', /must be at most 100 years/],
  ])('refuses %p', (written, message) => {
    expect(parseRetention(written)).toMatch(message);
  });
});

describe('retentionCutoff', () => {
  const period = (written: string) => {
    const retention = parseRetention(written);
    if (typeof retention === 'string' || retention.kind !== 'period') {
      throw new Error(`not a period: ${written}`);
    }
    return retention;
  };

  it('goes back whole calendar years, months and days', () => {
    expect(retentionCutoff(period('P2Y'), '2026-11-24')).toBe('2024-11-24');
    expect(retentionCutoff(period('P1Y6M'), '2026-11-24')).toBe('2025-05-24');
    expect(retentionCutoff(period('30 dagar'), '2026-03-01')).toBe(
      '2026-01-30',
    );
  });

  it('lands on the last day of a shorter month', () => {
    expect(retentionCutoff(period('1 månad'), '2026-03-31')).toBe('2026-02-28');
    expect(retentionCutoff(period('P1Y'), '2029-02-28')).toBe('2028-02-28');
  });
});

describe('resolveGallringConfig', () => {
  it('is off when nothing is configured', () => {
    expect(resolveGallringConfig(undefined, AREAS)).toBeUndefined();
    expect(resolveGallringConfig(null, AREAS)).toBeUndefined();
  });

  it('gives one rule per type and the rules of areas, named by their key', () => {
    const resolved = resolveGallringConfig(
      {
        perType,
        perArea: { socialtjanst: { klagomal: 'bevaras', berom: 'P1Y' } },
        batchSize: 100,
      },
      AREAS,
    );
    expect(resolved?.batchSize).toBe(100);
    expect(
      resolved?.rules.map(r => [
        r.key,
        r.retention.kind === 'period' ? r.retention.iso : 'bevaras',
      ]),
    ).toEqual([
      [`${GALLRING_CONFIG_KEY}.perType.berom`, 'P2Y'],
      [`${GALLRING_CONFIG_KEY}.perType.klagomal`, 'P2Y'],
      [`${GALLRING_CONFIG_KEY}.perType.forslag`, 'bevaras'],
      [`${GALLRING_CONFIG_KEY}.perArea.socialtjanst.berom`, 'P1Y'],
      [`${GALLRING_CONFIG_KEY}.perArea.socialtjanst.klagomal`, 'bevaras'],
    ]);
    const rules = resolved!.rules;
    expect(gallringRuleFor(rules, 'klagomal', 'socialtjanst')?.key).toBe(
      `${GALLRING_CONFIG_KEY}.perArea.socialtjanst.klagomal`,
    );
    expect(gallringRuleFor(rules, 'klagomal', 'utbildning')?.key).toBe(
      `${GALLRING_CONFIG_KEY}.perType.klagomal`,
    );
    expect(gallringRuleFor(rules, 'forslag', 'socialtjanst')?.key).toBe(
      `${GALLRING_CONFIG_KEY}.perType.forslag`,
    );
  });

  it('accepts a schedule for the backend to read', () => {
    expect(
      resolveGallringConfig(
        { perType, schedule: { frequency: { days: 1 } } },
        AREAS,
      )?.batchSize,
    ).toBe(500);
  });

  describe('refuses, naming the exact key and what to write', () => {
    const key = (path: string) => `${GALLRING_CONFIG_KEY}.${path}`;

    it.each<[string, unknown, string]>([
      [
        'a type left out',
        { perType: { berom: 'P2Y', klagomal: 'P2Y' } },
        `${key(
          'perType.forslag',
        )} is required: the dokumenthanteringsplan decides every type; write a period after closing written in ISO 8601 (P2Y, P6M, P1Y6M, P30D) or in words ('2 år', '6 månader', '30 dagar'), or bevaras to keep them`,
      ],
      [
        'a number of years without a unit',
        { perType: { ...perType, berom: 2 } },
        `${key(
          'perType.berom',
        )} must be a period after closing written in ISO 8601 (P2Y, P6M, P1Y6M, P30D) or in words ('2 år', '6 månader', '30 dagar'), or bevaras to keep them (got 2)`,
      ],
      [
        'a period in English',
        { perType: { ...perType, klagomal: '2 years' } },
        `${key(
          'perType.klagomal',
        )} must be a period after closing written in ISO 8601 (P2Y, P6M, P1Y6M, P30D) or in words ('2 år', '6 månader', '30 dagar'), or bevaras to keep them (got "2 years")`,
      ],
      [
        'a zero period',
        { perType: { ...perType, berom: 'P0D' } },
        `${key(
          'perType.berom',
        )} must be longer than zero; write bevaras to keep them (got "P0D")`,
      ],
      [
        'an unknown type',
        { perType: { ...perType, fraga: 'P1Y' } },
        `${key(
          'perType.fraga',
        )} is not a synpunkt type; use one of berom, klagomal, forslag`,
      ],
      [
        'an area that is not configured',
        { perType, perArea: { skola: { klagomal: 'bevaras' } } },
        `${key(
          'perArea.skola',
        )} is not a configured area (serviceGuidelines.synpunkter.areas); use one of utbildning, socialtjanst, ovrigt`,
      ],
      [
        'a bad retention of an area',
        { perType, perArea: { utbildning: { klagomal: 'för alltid' } } },
        `${key(
          'perArea.utbildning.klagomal',
        )} must be a period after closing written in ISO 8601 (P2Y, P6M, P1Y6M, P30D) or in words ('2 år', '6 månader', '30 dagar'), or bevaras to keep them (got "för alltid")`,
      ],
      [
        'a misspelt setting',
        { perType, pertype: {} },
        `${key(
          'pertype',
        )} is not a gallring setting; use perType, perArea, batchSize or schedule`,
      ],
      [
        'a batch too large',
        { perType, batchSize: 100000 },
        `${key(
          'batchSize',
        )} must be at most 5000, so that one transaction stays short (got 100000)`,
      ],
    ])('%s', (_, raw, message) => {
      expect(errorOf(raw)).toBe(`Invalid gallring configuration: ${message}`);
    });

    it('every problem at once', () => {
      const message = errorOf({ perType: { berom: 'x' }, batchSize: 0 });
      expect(message).toContain(key('perType.berom'));
      expect(message).toContain(key('perType.klagomal'));
      expect(message).toContain(key('perType.forslag'));
      expect(message).toContain(`${key('batchSize')} must be at least 1`);
    });
  });
});
