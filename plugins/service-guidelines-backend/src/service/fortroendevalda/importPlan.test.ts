import { StoredFortroendevald } from '../../database/FortroendevaldStore';
import { dayBefore, planImport } from './importPlan';
import { ImportPersonInput } from './importRows';

const TODAY = '2026-11-24';

function stored(
  id: string,
  name: string,
  uppdrag: Array<
    [id: string, organ: string, role: string, from: string, to?: string]
  >,
  extra: Partial<StoredFortroendevald> = {},
): StoredFortroendevald {
  return {
    id,
    name,
    party: 'S',
    email: `${id}@x.se`,
    version: 3,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    uppdrag: uppdrag.map(([uid, organ, role, from, to]) => ({
      id: uid,
      fortroendevaldId: id,
      organ,
      role,
      from,
      to,
    })),
    ...extra,
  };
}

function filePerson(
  email: string,
  name: string,
  uppdrag: Array<[organ: string, role: string, from: string, to?: string]>,
  extra: Partial<ImportPersonInput> = {},
): ImportPersonInput {
  return {
    line: 2,
    name,
    party: 'S',
    email,
    uppdrag: uppdrag.map(([organ, role, from, to]) => ({
      line: 2,
      organ,
      role: role as 'ledamot',
      from,
      to,
    })),
    ...extra,
  };
}

const plan = (people: ImportPersonInput[], existing: StoredFortroendevald[]) =>
  planImport({
    format: 'csv',
    rowCount: 0,
    ignoredColumns: [],
    people,
    existing,
    today: TODAY,
  });

describe('planImport', () => {
  it('ends a current uppdrag of a listed organ that the file no longer lists, on the day before today', () => {
    const existing = [
      stored('anna', 'Anna', [
        ['u1', 'Socialnämnden', 'ledamot', '2023-01-01', '2026-12-31'],
      ]),
      stored('bo', 'Bo', [
        ['u2', 'Socialnämnden', 'ordforande', '2023-01-01', '2026-12-31'],
      ]),
    ];
    const { plan: result, writes } = plan(
      [
        filePerson('bo@x.se', 'Bo', [
          ['Socialnämnden', 'ordforande', '2023-01-01', '2026-12-31'],
        ]),
      ],
      existing,
    );

    expect(result.endDate).toBe('2026-11-23');
    expect(result.organs).toEqual(['Socialnämnden']);
    expect(result.uppdrag.ended).toEqual([
      {
        name: 'Anna',
        email: 'anna@x.se',
        organ: 'Socialnämnden',
        role: 'ledamot',
        from: '2023-01-01',
        to: '2026-11-23',
        previousTo: '2026-12-31',
      },
    ]);
    expect(result.uppdrag.unchanged).toBe(1);
    expect(writes.uppdragNewEnds).toEqual([{ id: 'u1', to: '2026-11-23' }]);
    expect(writes.touchedPeople).toEqual([
      { id: 'anna', version: 3, fields: {} },
    ]);
    // people are never removed by an import
    expect(writes.uppdragDeletes).toEqual([]);
  });

  it('leaves organs the file does not list, and past terms, alone', () => {
    const existing = [
      stored('anna', 'Anna', [
        ['u1', 'Kommunstyrelsen', 'ledamot', '2023-01-01', '2026-12-31'],
        ['u2', 'Socialnämnden', 'ordforande', '2019-01-01', '2022-12-31'],
      ]),
    ];
    const { plan: result, writes } = plan(
      [
        filePerson('bo@x.se', 'Bo', [
          ['Socialnämnden', 'ledamot', '2023-01-01'],
        ]),
      ],
      existing,
    );

    expect(result.uppdrag.ended).toEqual([]);
    expect(writes.uppdragNewEnds).toEqual([]);
    expect(writes.touchedPeople).toEqual([]);
  });

  it('deletes an uppdrag of a listed organ that has not begun and is no longer in the file', () => {
    const existing = [
      stored('anna', 'Anna', [
        ['u1', 'Socialnämnden', 'ledamot', '2027-01-01'],
      ]),
      stored('cia', 'Cia', [['u3', 'Socialnämnden', 'ledamot', TODAY]]),
    ];
    const { plan: result, writes } = plan(
      [
        filePerson('bo@x.se', 'Bo', [
          ['Socialnämnden', 'ledamot', '2023-01-01'],
        ]),
      ],
      existing,
    );

    expect(result.uppdrag.removed.map(u => u.email)).toEqual([
      'anna@x.se',
      'cia@x.se',
    ]);
    expect(writes.uppdragDeletes.sort()).toEqual(['u1', 'u3']);
  });

  it('adds new people and uppdrag, changes last days and person fields, and keeps what the file leaves out', () => {
    const existing = [
      stored(
        'anna',
        'Anna',
        [['u1', 'Socialnämnden', 'ledamot', '2023-01-01', '2026-12-31']],
        {
          phone: '070-1',
          photoUrl: 'https://x.se/anna.jpg',
        },
      ),
    ];
    const { plan: result, writes } = plan(
      [
        // phone given as none, photo column absent: phone removed, photo kept
        filePerson(
          'anna@x.se',
          'Anna Svensson',
          [
            ['Socialnämnden', 'ledamot', '2023-01-01', '2025-06-30'],
            ['Kommunstyrelsen', 'ersattare', '2025-07-01'],
          ],
          { phone: null },
        ),
        filePerson(
          'ny@x.se',
          'Ny',
          [['Kommunstyrelsen', 'ledamot', '2025-07-01']],
          { party: 'VäP' },
        ),
      ],
      existing,
    );

    expect(result.people.added).toEqual([
      { name: 'Ny', email: 'ny@x.se', party: 'VäP' },
    ]);
    expect(result.people.changed).toEqual([
      {
        name: 'Anna Svensson',
        email: 'anna@x.se',
        party: 'S',
        changes: {
          name: { from: 'Anna', to: 'Anna Svensson' },
          phone: { from: '070-1', to: undefined },
        },
      },
    ]);
    expect(result.uppdrag.changed).toEqual([
      expect.objectContaining({
        email: 'anna@x.se',
        to: '2025-06-30',
        previousTo: '2026-12-31',
      }),
    ]);
    expect(result.uppdrag.added.map(u => [u.email, u.organ])).toEqual([
      ['anna@x.se', 'Kommunstyrelsen'],
      ['ny@x.se', 'Kommunstyrelsen'],
    ]);
    expect(writes.touchedPeople).toEqual([
      {
        id: 'anna',
        version: 3,
        fields: { name: 'Anna Svensson', phone: undefined },
      },
    ]);
    expect(writes.newPeople).toEqual([
      {
        fields: {
          name: 'Ny',
          party: 'VäP',
          email: 'ny@x.se',
          phone: undefined,
          photoUrl: undefined,
        },
        uppdrag: [
          {
            organ: 'Kommunstyrelsen',
            role: 'ledamot',
            from: '2025-07-01',
            to: undefined,
          },
        ],
      },
    ]);
  });

  it('does nothing for a file that matches the directory, and its token does not depend on order', () => {
    const existing = [
      stored('anna', 'Anna', [
        ['u1', 'Socialnämnden', 'ledamot', '2023-01-01', '2026-12-31'],
      ]),
      stored('bo', 'Bo', [
        ['u2', 'Socialnämnden', 'ordforande', '2023-01-01', '2026-12-31'],
      ]),
    ];
    const people = [
      filePerson('anna@x.se', 'Anna', [
        ['Socialnämnden', 'ledamot', '2023-01-01', '2026-12-31'],
      ]),
      filePerson('bo@x.se', 'Bo', [
        ['Socialnämnden', 'ordforande', '2023-01-01', '2026-12-31'],
      ]),
    ];

    const first = plan(people, existing);
    const reordered = plan([...people].reverse(), [...existing].reverse());

    expect(first.plan.people).toEqual({ added: [], changed: [], unchanged: 2 });
    expect(first.plan.uppdrag).toEqual({
      added: [],
      changed: [],
      ended: [],
      removed: [],
      unchanged: 2,
    });
    expect(first.writes.touchedPeople).toEqual([]);
    expect(reordered.plan.planToken).toBe(first.plan.planToken);
    expect(
      planImport({
        format: 'csv',
        rowCount: 0,
        ignoredColumns: [],
        people,
        existing,
        today: '2026-11-25',
      }).plan.planToken,
    ).not.toBe(first.plan.planToken);
  });

  it('computes the day before across month and year ends and leap days', () => {
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2026-03-30')).toBe('2026-03-29');
  });
});
