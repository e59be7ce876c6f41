import { InputError } from '@backstage/errors';
import { readCsv } from './importFile';
import { OrganResolver, validateImportRows } from './importRows';

const ORGANS = ['Kommunfullmäktige', 'Kommunstyrelsen', 'Socialnämnden'];
const organs: OrganResolver = {
  resolve: name => ORGANS.find(o => o.toLowerCase() === name.toLowerCase()),
  unknownMessage: name => `'${name}' is not a known organ`,
};

const HEADER = 'namn;parti;epost;telefon;organ;roll;fran;till';
const csv = (...lines: string[]) => readCsv([HEADER, ...lines].join('\n')).rows;

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError & { rows: unknown }).rows;
  }
  throw new Error('expected the rows to be refused');
}

describe('validateImportRows', () => {
  it('normalises what people write: party names, role titles in any case, e-mail case, organ spelling', () => {
    const [person] = validateImportRows(
      csv(
        ' Ingrid  Wikström ;Kristdemokraterna;Ingrid.Wikstrom@X.se;;SOCIALNÄMNDEN;Ordförande;2023-01-01;2026-12-31',
      ),
      organs,
    );
    expect(person).toEqual({
      line: 2,
      name: 'Ingrid Wikström',
      party: 'KD',
      email: 'ingrid.wikstrom@x.se',
      phone: null,
      photoUrl: undefined,
      uppdrag: [
        {
          line: 2,
          organ: 'Socialnämnden',
          role: 'ordforande',
          from: '2023-01-01',
          to: '2026-12-31',
        },
      ],
    });
  });

  it('merges the rows of one person (same e-mail) and takes the phone from whichever row has it', () => {
    const people = validateImportRows(
      csv(
        'Torbjörn Ekman;M;torbjorn@x.se;;Kommunfullmäktige;ledamot;2023-01-01;2026-12-31',
        'Torbjörn Ekman;M;TORBJORN@x.se;070-174 06 08;Kommunstyrelsen;ordförande;2023-01-01;2026-12-31',
        // the very same uppdrag twice is harmless
        'Torbjörn Ekman;M;torbjorn@x.se;;Kommunstyrelsen;ordförande;2023-01-01;2026-12-31',
      ),
      organs,
    );
    expect(people).toHaveLength(1);
    expect(people[0].phone).toBe('070-174 06 08');
    expect(people[0].uppdrag.map(u => u.organ)).toEqual([
      'Kommunfullmäktige',
      'Kommunstyrelsen',
    ]);
  });

  it('lists every bad row with its line, the column as the file names it, and what to fix', () => {
    const rows = csv(
      'Gunilla Åkesson;M;gunilla@x.se;;Kommunfullmäktige;ordförande;2023-01-01;2026-12-31',
      ';M;utan-snabel-a;;Kommunfullmäktige;ordförande;2023-01-01;2026-12-31',
      'Bengt Sjöström;S;bengt@x.se;;Kommunfullmäktig;ordförande;2023-01-01;2026-12-31',
      'Marianne Falk;C;marianne@x.se;;Kommunstyrelsen;talman;2023-13-01;2022-12-31',
      'Leila Mansour;S;leila@x.se;;Kommunstyrelsen;ledamot;2023-01-01;2022-12-31',
      'Gunilla Åkesson;S;gunilla@x.se;;Kommunstyrelsen;ledamot;2023-01-01;2026-12-31',
    );
    expect(problemsOf(() => validateImportRows(rows, organs))).toEqual([
      { line: 3, field: 'namn', message: 'must not be empty' },
      {
        line: 3,
        field: 'epost',
        message: expect.stringMatching(/must be an e-mail address/),
      },
      {
        line: 4,
        field: 'organ',
        message: "'Kommunfullmäktig' is not a known organ",
      },
      {
        line: 5,
        field: 'roll',
        message: expect.stringMatching(
          /^must be one of ordförande, 1:e vice ordförande/,
        ),
      },
      { line: 5, field: 'fran', message: 'is not a date that exists' },
      {
        line: 6,
        field: 'till',
        message: 'must be on or after the first day (from)',
      },
      {
        line: 7,
        field: 'parti',
        message:
          "'S' differs from 'M' on line 2, for the same e-mail address gunilla@x.se",
      },
    ]);
  });

  it('refuses two different phone numbers for one person, and one uppdrag with two last days', () => {
    const rows = csv(
      'Yvonne Lindahl;S;yvonne@x.se;070-174 06 01;Kommunfullmäktige;ledamot;2023-01-01;2026-12-31',
      'Yvonne Lindahl;S;yvonne@x.se;070-174 06 02;Kommunstyrelsen;ledamot;2023-01-01;2026-12-31',
      'Yvonne Lindahl;S;yvonne@x.se;;Kommunfullmäktige;ledamot;2023-01-01;2025-06-30',
    );
    expect(problemsOf(() => validateImportRows(rows, organs))).toEqual([
      {
        line: 3,
        field: 'telefon',
        message:
          "'070-174 06 02' differs from '070-174 06 01' on line 2, for the same e-mail address yvonne@x.se",
      },
      {
        line: 4,
        field: 'till',
        message:
          'the same uppdrag (Kommunfullmäktige, ledamot, from 2023-01-01) is on line 2 with till 2026-12-31',
      },
    ]);
  });

  it('accepts a person without uppdrag, and an uppdrag without a last day', () => {
    const people = validateImportRows(
      csv(
        'Ny Person;L;ny@x.se;;;;;',
        'Tills Vidare;V;tv@x.se;;Socialnämnden;ledamot;2023-01-01;',
      ),
      organs,
    );
    expect(people.map(p => p.uppdrag)).toEqual([
      [],
      [
        {
          line: 3,
          organ: 'Socialnämnden',
          role: 'ledamot',
          from: '2023-01-01',
          to: undefined,
        },
      ],
    ]);
  });
});
