import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { SynpunktFilter } from '../permissions/resource';
import { ListDriver, listDriversOf, MAX_LIST_DRIVERS } from './listDrivers';
import { SynpunktListFilter } from './SynpunktStore';

const LARS = 'user:default/lars';
const ERIK = 'user:default/erik';
const UTBILDNING = 'group:default/utbildning';
const GRUNDSKOLA = 'group:default/grundskola';
const SKOLAN = 'group:default/skolan';
const IFO = 'group:default/ifo';

/** The organisation as the drivers see it: lars leads utbildning and the units below. */
const unitsLedBy = jest.fn(async (userRefs: string[]) =>
  userRefs.includes(LARS) ? [UTBILDNING, GRUNDSKOLA, SKOLAN] : [],
);

const unit = (value: string): ListDriver => ({ column: 'unit_ref', value });
const handlaggare = (value: string): ListDriver => ({
  column: 'handlaggare_ref',
  value,
});
const registrar = (value: string): ListDriver => ({
  column: 'registered_by',
  value,
});

/** The read criteria ServiceGuidelinesPolicy gives a user who is no administrator. */
const readCriteria = (
  me: string,
  groups: string[],
): PermissionCriteria<SynpunktFilter> => ({
  anyOf: [
    { kind: 'handlaggare', userRefs: [me] },
    { kind: 'registeredBy', userRefs: [me] },
    { kind: 'unitLedBy', userRefs: [me] },
    { kind: 'unitIn', unitRefs: groups },
  ],
});

function driversOf(
  criteria: PermissionCriteria<SynpunktFilter> | undefined,
  filter: SynpunktListFilter = {},
) {
  return listDriversOf({ criteria, filter }, unitsLedBy);
}

/** Order does not matter to the merge; compare as sets. */
const sorted = (drivers: ListDriver[] | undefined) =>
  drivers &&
  [...drivers].sort((a, b) =>
    `${a.column} ${a.value}`.localeCompare(`${b.column} ${b.value}`),
  );

describe('listDriversOf', () => {
  beforeEach(() => unitsLedBy.mockClear());

  it("covers a chef's read criteria by their own refs and every unit they lead, once each", async () => {
    const drivers = await driversOf(readCriteria(LARS, [UTBILDNING]));

    expect(sorted(drivers)).toEqual(
      sorted([
        handlaggare(LARS),
        registrar(LARS),
        unit(UTBILDNING),
        unit(GRUNDSKOLA),
        unit(SKOLAN),
      ]),
    );
    expect(unitsLedBy).toHaveBeenCalledWith([LARS]);
  });

  it('covers an employee who leads nothing by their refs and their units', async () => {
    expect(sorted(await driversOf(readCriteria(ERIK, [IFO])))).toEqual(
      sorted([handlaggare(ERIK), registrar(ERIK), unit(IFO)]),
    );
  });

  it('gives one driver per user and per unit of a leaf', async () => {
    expect(
      await driversOf({ kind: 'handlaggare', userRefs: [LARS, ERIK] }),
    ).toEqual([handlaggare(LARS), handlaggare(ERIK)]);
    expect(await driversOf({ kind: 'registeredBy', userRefs: [ERIK] })).toEqual(
      [registrar(ERIK)],
    );
    expect(await driversOf({ kind: 'unitIn', unitRefs: [IFO, IFO] })).toEqual([
      unit(IFO),
    ]);
  });

  it('covers nothing when the criteria can match nothing, so the page is empty', async () => {
    expect(await driversOf({ kind: 'unitLedBy', userRefs: [ERIK] })).toEqual(
      [],
    );
    expect(await driversOf({ kind: 'unitIn', unitRefs: [] })).toEqual([]);
  });

  it('cannot cover anyOf when one of its children cannot be covered', async () => {
    expect(
      await driversOf({
        anyOf: [
          { kind: 'unitIn', unitRefs: [IFO] },
          { not: { kind: 'handlaggare', userRefs: [ERIK] } },
        ],
      }),
    ).toBeUndefined();
  });

  it('cannot cover an empty anyOf or allOf, which restrict nothing in SQL', async () => {
    expect(
      await driversOf({
        anyOf: [],
      } as unknown as PermissionCriteria<SynpunktFilter>),
    ).toBeUndefined();
    expect(
      await driversOf({
        allOf: [],
      } as unknown as PermissionCriteria<SynpunktFilter>),
    ).toBeUndefined();
  });

  it('covers allOf by its smallest coverable child, whatever the others are', async () => {
    expect(
      await driversOf({
        allOf: [
          { not: { kind: 'unitIn', unitRefs: [IFO] } },
          { kind: 'unitLedBy', userRefs: [LARS] },
          { kind: 'handlaggare', userRefs: [ERIK] },
        ],
      }),
    ).toEqual([handlaggare(ERIK)]);
  });

  it('cannot cover allOf when no child can be covered', async () => {
    expect(
      await driversOf({
        allOf: [
          { not: { kind: 'unitIn', unitRefs: [IFO] } },
          { not: { kind: 'handlaggare', userRefs: [ERIK] } },
        ],
      }),
    ).toBeUndefined();
  });

  it('cannot cover not', async () => {
    expect(
      await driversOf({ not: { kind: 'unitIn', unitRefs: [IFO] } }),
    ).toBeUndefined();
  });

  it('cannot cover full read access without a restricting filter', async () => {
    expect(await driversOf(undefined)).toBeUndefined();
    expect(
      await driversOf(undefined, { types: ['klagomal'], open: true }),
    ).toBeUndefined();
  });

  it("drives by the list's unit filter when it is narrower than the criteria, or there are none", async () => {
    expect(await driversOf(undefined, { unitRefs: [IFO] })).toEqual([
      unit(IFO),
    ]);
    expect(
      await driversOf(readCriteria(LARS, [UTBILDNING]), {
        unitRefs: [SKOLAN],
      }),
    ).toEqual([unit(SKOLAN)]);
    expect(await driversOf(undefined, { unitRefs: [] })).toEqual([]);
  });

  it('drives by the handläggare and "mine" filters, as applyListFilter restricts by them', async () => {
    expect(await driversOf(undefined, { handlaggareRef: ERIK })).toEqual([
      handlaggare(ERIK),
    ]);
    expect(sorted(await driversOf(undefined, { mineFor: ERIK }))).toEqual(
      sorted([handlaggare(ERIK), registrar(ERIK)]),
    );
  });

  it('gives up above the limit of drivers, where one walk of the sort index is quicker', async () => {
    const units = (n: number) =>
      Array.from({ length: n }, (_, i) => `group:default/unit-${i}`);

    expect(
      await driversOf({ kind: 'unitIn', unitRefs: units(MAX_LIST_DRIVERS) }),
    ).toHaveLength(MAX_LIST_DRIVERS);
    expect(
      await driversOf({
        anyOf: [
          { kind: 'unitIn', unitRefs: units(MAX_LIST_DRIVERS) },
          { kind: 'handlaggare', userRefs: [ERIK] },
        ],
      }),
    ).toBeUndefined();
    // A narrow filter still drives a wide scope.
    expect(
      await driversOf(
        { kind: 'unitIn', unitRefs: units(MAX_LIST_DRIVERS + 1) },
        { unitRefs: [IFO] },
      ),
    ).toEqual([unit(IFO)]);
  });
});
