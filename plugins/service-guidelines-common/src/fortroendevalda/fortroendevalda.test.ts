import { termStatusOn, uppdragRoleTitle } from './model';
import {
  normalizeParty,
  parseUppdragRole,
  uppdragChangeSchema,
} from './schemas';

describe('parseUppdragRole', () => {
  it('reads ids, Swedish titles and common variants in any case', () => {
    expect(parseUppdragRole('ordforande')).toBe('ordforande');
    expect(parseUppdragRole('  Ordförande ')).toBe('ordforande');
    expect(parseUppdragRole('1:E VICE ORDFÖRANDE')).toBe(
      'forste-vice-ordforande',
    );
    expect(parseUppdragRole('förste  vice ordförande')).toBe(
      'forste-vice-ordforande',
    );
    expect(parseUppdragRole('Suppleant')).toBe('ersattare');
    expect(parseUppdragRole('talman')).toBeUndefined();
    expect(uppdragRoleTitle('andre-vice-ordforande')).toBe(
      '2:e vice ordförande',
    );
  });
});

describe('normalizeParty', () => {
  it('gives national parties their abbreviation and keeps local parties as written', () => {
    expect(normalizeParty('moderaterna')).toBe('M');
    expect(normalizeParty('kd')).toBe('KD');
    expect(normalizeParty('Miljöpartiet de gröna')).toBe('MP');
    expect(normalizeParty(' VäP ')).toBe('VäP');
  });
});

describe('termStatusOn', () => {
  it('counts the first and the last day as current', () => {
    const term = { from: '2023-01-01', to: '2026-12-31' };
    expect(termStatusOn(term, '2022-12-31')).toBe('upcoming');
    expect(termStatusOn(term, '2023-01-01')).toBe('current');
    expect(termStatusOn(term, '2026-12-31')).toBe('current');
    expect(termStatusOn(term, '2027-01-01')).toBe('past');
    expect(termStatusOn({ from: '2023-01-01' }, '2099-01-01')).toBe('current');
  });
});

describe('uppdragChangeSchema', () => {
  it('names each bad field and what to fix', () => {
    const result = uppdragChangeSchema.safeParse({
      version: 2,
      organ: ' ',
      role: 'talman',
      from: '2027-02-30',
    });
    expect(result.success).toBe(false);
    expect(
      result.error?.issues.map(i => [i.path.join('.'), i.message]),
    ).toEqual([
      ['organ', 'must not be empty'],
      ['role', expect.stringMatching(/^must be one of ordförande, /)],
      ['from', 'is not a date that exists'],
    ]);
  });

  it('refuses a last day before the first, and takes an empty last day as none', () => {
    expect(
      uppdragChangeSchema.safeParse({
        version: 1,
        organ: 'Socialnämnden',
        role: 'ledamot',
        from: '2027-01-01',
        to: '2026-12-31',
      }).error?.issues[0],
    ).toMatchObject({
      path: ['to'],
      message: 'must be on or after the first day (from)',
    });
    expect(
      uppdragChangeSchema.parse({
        version: 1,
        organ: 'Socialnämnden',
        role: 'Ledamot',
        from: '2027-01-01',
        to: '',
      }),
    ).toEqual({
      version: 1,
      organ: 'Socialnämnden',
      role: 'ledamot',
      from: '2027-01-01',
      to: undefined,
    });
  });
});
