import { mockServices } from '@backstage/backend-test-utils';
import { parseSvarstidConfig } from '@service-guidelines/plugin-service-guidelines-common';
import { Knex } from 'knex';
import { applyMigrations } from '../../database/migrations';
import { KnexOrganisationStore } from '../../database/OrganisationStore';
import { SynpunktRow } from '../../database/SynpunktStore';
import { syncReportCalendar } from '../ReportCalendarStore';

/**
 * A small organisation and fourteen synpunkter whose report figures are computed by hand in the
 * tests (not by the code under test). Calendar facts used (Swedish arbetsdagar, 2026): 2 March is
 * a Monday; 3 April (långfredag) and 6 April (annandag påsk) are holidays; 14 May is Kristi
 * himmelsfärdsdag; 6 June (nationaldagen) is a Saturday; 31 August is a Monday.
 *
 * ```
 * kommunen (kommun)
 * ├ bun (nämnd) → skolan (enhet)
 * └ soc (nämnd) → ifo (enhet)
 * ```
 */
export const FIXTURE_UNITS = [
  { unitRef: 'group:default/kommunen', type: 'kommun', title: 'Kommunen' },
  {
    unitRef: 'group:default/bun',
    parentRef: 'group:default/kommunen',
    type: 'nämnd',
    title: 'Barn- och utbildningsnämnden',
  },
  {
    unitRef: 'group:default/skolan',
    parentRef: 'group:default/bun',
    type: 'enhet',
    title: 'Skolan',
  },
  {
    unitRef: 'group:default/soc',
    parentRef: 'group:default/kommunen',
    type: 'nämnd',
    title: 'Socialnämnden',
  },
  {
    unitRef: 'group:default/ifo',
    parentRef: 'group:default/soc',
    type: 'enhet',
    title: 'IFO',
  },
];

export const SKOLAN = 'group:default/skolan';
export const IFO = 'group:default/ifo';

/** Contact details that must never appear in any figure, list or export. */
export const CUSTOMER = {
  name: 'Hemliga Kundsson',
  email: 'hemlig.kund@example.se',
  phone: '070-1740699',
  address: 'Hemliga gatan 1',
  description: 'Kundens egna ord som aldrig får synas i en rapport',
};

let sequence = 0;

function row(
  id: string,
  values: Partial<SynpunktRow> &
    Pick<
      SynpunktRow,
      'type' | 'channel' | 'received_at' | 'received_date' | 'arrival_date'
    >,
): SynpunktRow {
  sequence += 1;
  const anonymous = values.anonymous ?? false;
  return {
    id,
    registration_number: `SYN-TEST-${String(sequence).padStart(5, '0')}`,
    registration_year: Number(values.received_date.slice(0, 4)),
    registration_sequence: sequence,
    registered_at: values.received_at,
    registered_by: 'user:default/erik',
    unit_ref: SKOLAN,
    area: 'utbildning',
    legal_duty: false,
    description: CUSTOMER.description,
    sekretess: false,
    anonymous,
    contact_name: anonymous ? null : CUSTOMER.name,
    contact_email: anonymous ? null : CUSTOMER.email,
    contact_phone: anonymous ? null : CUSTOMER.phone,
    contact_address: anonymous ? null : CUSTOMER.address,
    handlaggare_ref: 'user:default/maria',
    status: 'tilldelad',
    forsta_svar_due: null,
    forsta_svar_date: null,
    aterkoppling_due: null,
    aterkoppling_days: anonymous ? null : 10,
    utredning: null,
    utredning_date: null,
    aterkoppling_date: null,
    aterkoppling_method: null,
    aterkoppling_summary: null,
    closed_date: null,
    outcome: null,
    led_to_improvement: null,
    improvement_description: null,
    search_text: null,
    version: 1,
    updated_at: values.received_at,
    ...values,
  };
}

/** The synpunkter of the fixture; comments give what each is there to test. */
export const FIXTURE_SYNPUNKTER: SynpunktRow[] = [
  // S1: e-mail, första svar and återkoppling in time (6 arbetsdagar), closed with an improvement.
  row('s01', {
    type: 'klagomal',
    channel: 'epost',
    received_at: '2026-03-02T08:00:00.000Z',
    received_date: '2026-03-02',
    arrival_date: '2026-03-02',
    forsta_svar_due: '2026-03-04',
    forsta_svar_date: '2026-03-03',
    aterkoppling_due: '2026-03-16',
    aterkoppling_date: '2026-03-10',
    aterkoppling_summary: `Svar till ${CUSTOMER.name}`,
    status: 'avslutad',
    closed_date: '2026-03-12',
    led_to_improvement: true,
    improvement_description: 'Nya rutiner för skolskjuts',
  }),
  // S2: after 16:00 on a Friday → arrives Monday; första svar late; paused 4 arbetsdagar;
  // återkoppling after 13 arbetsdagar less 4 paused = 9, in time; open at the end.
  row('s02', {
    type: 'klagomal',
    channel: 'epost',
    received_at: '2026-03-06T16:00:00.000Z',
    received_date: '2026-03-06',
    arrival_date: '2026-03-09',
    forsta_svar_due: '2026-03-11',
    forsta_svar_date: '2026-03-12',
    aterkoppling_due: '2026-03-27',
    aterkoppling_date: '2026-03-26',
    status: 'aterkopplad',
  }),
  // S3: telefon (första svar at once); two overlapping pauses (3 distinct arbetsdagar, not 4);
  // återkoppling on 23 March after its deadline 20 March: 14 − 3 = 11 arbetsdagar, late.
  row('s03', {
    type: 'forslag',
    channel: 'telefon',
    received_at: '2026-03-03T09:00:00.000Z',
    received_date: '2026-03-03',
    arrival_date: '2026-03-03',
    forsta_svar_due: '2026-03-03',
    forsta_svar_date: '2026-03-03',
    aterkoppling_due: '2026-03-20',
    aterkoppling_date: '2026-03-23',
    status: 'avslutad',
    closed_date: '2026-03-25',
    led_to_improvement: false,
  }),
  // S4: anonymous beröm: no clocks, closed.
  row('s04', {
    type: 'berom',
    channel: 'webb',
    anonymous: true,
    received_at: '2026-04-02T07:00:00.000Z',
    received_date: '2026-04-02',
    arrival_date: '2026-04-02',
    status: 'avslutad',
    closed_date: '2026-04-08',
    led_to_improvement: false,
  }),
  // S5: letter, nothing done: both deadlines passed by 31 August → late, and försenad.
  row('s05', {
    type: 'klagomal',
    channel: 'brev',
    received_at: '2026-08-10',
    received_date: '2026-08-10',
    arrival_date: '2026-08-10',
    forsta_svar_due: '2026-08-12',
    aterkoppling_due: '2026-08-24',
  }),
  // S6 (ifo): clock paused since 5 March and still paused: återkoppling pågående, not försenad,
  // though the stored deadline (as computed when the pause began) lies long before the end.
  row('s06', {
    type: 'klagomal',
    channel: 'epost',
    unit_ref: IFO,
    area: 'socialtjanst',
    received_at: '2026-03-02T08:00:00.000Z',
    received_date: '2026-03-02',
    arrival_date: '2026-03-02',
    forsta_svar_due: '2026-03-04',
    forsta_svar_date: '2026-03-04',
    aterkoppling_due: '2026-03-16',
  }),
  // S7 (ifo): sms; återkoppling given and closed only after the period: late and försenad at
  // its end. Deadline 19 May: still pågående when read on 19 May, passed on 20 May.
  row('s07', {
    type: 'klagomal',
    channel: 'sms',
    unit_ref: IFO,
    area: 'socialtjanst',
    received_at: '2026-05-04T07:00:00.000Z',
    received_date: '2026-05-04',
    arrival_date: '2026-05-04',
    forsta_svar_due: '2026-05-04',
    forsta_svar_date: '2026-05-04',
    aterkoppling_due: '2026-05-19',
    aterkoppling_date: '2026-09-10',
    status: 'avslutad',
    closed_date: '2026-09-15',
    led_to_improvement: false,
  }),
  // S8 (ifo): closed in February with an improvement, reopened in September and answered again:
  // at the end of the period it was closed, with its improvement, and its first återkoppling
  // (10 February, 6 arbetsdagar) counts.
  row('s08', {
    type: 'forslag',
    channel: 'epost',
    unit_ref: IFO,
    area: 'socialtjanst',
    received_at: '2026-02-02T08:00:00.000Z',
    received_date: '2026-02-02',
    arrival_date: '2026-02-02',
    forsta_svar_due: '2026-02-04',
    forsta_svar_date: '2026-02-03',
    aterkoppling_due: '2026-02-16',
    aterkoppling_date: '2026-09-25',
    status: 'aterkopplad',
  }),
  // S9: closed 8 June and reopened 10 June, still open at the end; återkoppling 5 June (4).
  row('s09', {
    type: 'klagomal',
    channel: 'telefon',
    received_at: '2026-06-01T08:00:00.000Z',
    received_date: '2026-06-01',
    arrival_date: '2026-06-01',
    forsta_svar_due: '2026-06-01',
    forsta_svar_date: '2026-06-01',
    aterkoppling_due: '2026-06-15',
    aterkoppling_date: '2026-06-05',
    status: 'aterkopplad',
  }),
  // S10: received on the last day, answered and closed after it: pågående and open.
  row('s10', {
    type: 'berom',
    channel: 'muntligt',
    area: 'ovrigt',
    received_at: '2026-08-31T08:00:00.000Z',
    received_date: '2026-08-31',
    arrival_date: '2026-08-31',
    forsta_svar_due: '2026-08-31',
    forsta_svar_date: '2026-08-31',
    aterkoppling_due: '2026-09-14',
    aterkoppling_date: '2026-09-01',
    status: 'avslutad',
    closed_date: '2026-09-02',
    led_to_improvement: true,
    improvement_description: 'Efter perioden: räknas inte',
  }),
  // S11: received 17:30 on the last day: in the period, but arrives 1 September.
  row('s11', {
    type: 'klagomal',
    channel: 'epost',
    received_at: '2026-08-31T15:30:00.000Z',
    received_date: '2026-08-31',
    arrival_date: '2026-09-01',
    forsta_svar_due: '2026-09-03',
    aterkoppling_due: '2026-09-15',
  }),
  // S12: answered on its arrival day (0 arbetsdagar); an improvement whose text starts with '='.
  row('s12', {
    type: 'klagomal',
    channel: 'epost',
    received_at: '2026-03-16T07:00:00.000Z',
    received_date: '2026-03-16',
    arrival_date: '2026-03-16',
    forsta_svar_due: '2026-03-18',
    forsta_svar_date: '2026-03-16',
    aterkoppling_due: '2026-03-30',
    aterkoppling_date: '2026-03-16',
    status: 'avslutad',
    closed_date: '2026-03-17',
    led_to_improvement: true,
    improvement_description: '=HYPERLINK("http://example.invalid","klicka")',
  }),
  // S13: the previous delår (2025): in time, 9 arbetsdagar, closed.
  row('s13', {
    type: 'klagomal',
    channel: 'epost',
    received_at: '2025-03-03T08:00:00.000Z',
    received_date: '2025-03-03',
    arrival_date: '2025-03-03',
    forsta_svar_due: '2025-03-05',
    forsta_svar_date: '2025-03-04',
    aterkoppling_due: '2025-03-17',
    aterkoppling_date: '2025-03-14',
    status: 'avslutad',
    closed_date: '2025-03-20',
    led_to_improvement: false,
  }),
  // S14 (ifo): the previous delår, anonymous, closed.
  row('s14', {
    type: 'berom',
    channel: 'webb',
    unit_ref: IFO,
    area: 'socialtjanst',
    anonymous: true,
    received_at: '2025-05-05T08:00:00.000Z',
    received_date: '2025-05-05',
    arrival_date: '2025-05-05',
    status: 'avslutad',
    closed_date: '2025-05-06',
    led_to_improvement: false,
  }),
  // S15, S16: outside both delår (after 31 August, and in the autumn between them).
  row('s15', {
    type: 'klagomal',
    channel: 'epost',
    received_at: '2026-09-02T08:00:00.000Z',
    received_date: '2026-09-02',
    arrival_date: '2026-09-02',
    forsta_svar_due: '2026-09-04',
    aterkoppling_due: '2026-09-16',
  }),
  row('s16', {
    type: 'klagomal',
    channel: 'epost',
    received_at: '2025-12-01T08:00:00.000Z',
    received_date: '2025-12-01',
    arrival_date: '2025-12-01',
    forsta_svar_due: '2025-12-03',
    aterkoppling_due: '2025-12-15',
  }),
];

const PAUSES = [
  { synpunkt_id: 's02', from_date: '2026-03-12', to_date: '2026-03-18' },
  { synpunkt_id: 's03', from_date: '2026-03-05', to_date: '2026-03-09' },
  { synpunkt_id: 's03', from_date: '2026-03-06', to_date: '2026-03-10' },
  { synpunkt_id: 's06', from_date: '2026-03-05', to_date: null },
];

const EVENTS = [
  { synpunkt_id: 's08', at: '2026-02-02T08:05:00.000Z', kind: 'registrerad' },
  {
    synpunkt_id: 's08',
    at: '2026-02-10T09:00:00.000Z',
    kind: 'aterkopplad',
    changes: { aterkopplingDate: { to: '2026-02-10' } },
  },
  {
    synpunkt_id: 's08',
    at: '2026-02-12T10:00:00.000Z',
    kind: 'avslutad',
    changes: {
      status: { from: 'aterkopplad', to: 'avslutad' },
      ledToImprovement: { to: true },
      improvementDescription: { to: 'Tydligare information på webben' },
    },
  },
  {
    synpunkt_id: 's08',
    at: '2026-09-20T08:00:00.000Z',
    kind: 'ateroppnad',
    changes: { ledToImprovement: { from: true } },
  },
  {
    synpunkt_id: 's08',
    at: '2026-09-25T08:00:00.000Z',
    kind: 'aterkopplad',
    changes: { aterkopplingDate: { from: '2026-02-10', to: '2026-09-25' } },
  },
  {
    synpunkt_id: 's09',
    at: '2026-06-05T08:00:00.000Z',
    kind: 'aterkopplad',
    changes: { aterkopplingDate: { to: '2026-06-05' } },
  },
  {
    synpunkt_id: 's09',
    at: '2026-06-08T09:00:00.000Z',
    kind: 'avslutad',
    changes: { ledToImprovement: { to: false } },
  },
  { synpunkt_id: 's09', at: '2026-06-10T09:00:00.000Z', kind: 'ateroppnad' },
  { synpunkt_id: 's01', at: '2026-03-12T09:00:00.000Z', kind: 'avslutad' },
];

/**
 * Migrates the database, fills the report calendar and inserts the organisation and fixture.
 * With `organisation: false` the units are left to the plugin's own mirror of the catalog (a
 * running test backend, whose test organisation also has skolan and ifo).
 */
export async function loadReportFixture(
  knex: Knex,
  options: { organisation?: boolean } = {},
): Promise<void> {
  await applyMigrations(mockServices.database({ knex }), knex);
  await syncReportCalendar(knex, parseSvarstidConfig(undefined).calendar);
  if (options.organisation !== false) {
    await new KnexOrganisationStore(knex).replaceAll(FIXTURE_UNITS);
  }
  await knex.batchInsert('synpunkter', FIXTURE_SYNPUNKTER, 5);
  await knex('synpunkt_pauses').insert(
    PAUSES.map(p => ({
      ...p,
      reason: 'Väntar på kunden',
      paused_by: 'user:default/maria',
    })),
  );
  await knex('synpunkt_events').insert(
    EVENTS.map(e => ({
      synpunkt_id: e.synpunkt_id,
      at: e.at,
      kind: e.kind,
      actor_ref: 'user:default/maria',
      changes: e.changes ? JSON.stringify(e.changes) : null,
    })),
  );
}
