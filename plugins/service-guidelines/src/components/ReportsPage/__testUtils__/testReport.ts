import {
  ReportFigures,
  ReportOptions,
  SynpunktReport,
} from '@service-guidelines/plugin-service-guidelines-common';

/** Figures for tests, written out field by field. */
export function figures(f: {
  antal: number;
  anonyma: number;
  fs: [number, number, number];
  ak: [number, number, number];
  days: [number, number | null, number | null];
  open: number;
  forsenade: number;
  forbattringar: number;
}): ReportFigures {
  const share = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    antal: f.antal,
    anonyma: f.anonyma,
    andelAnonyma: share(f.anonyma, f.antal),
    forstaSvar: {
      iTid: f.fs[0],
      sent: f.fs[1],
      pagaende: f.fs[2],
      andelITid: share(f.fs[0], f.fs[0] + f.fs[1]),
    },
    aterkoppling: {
      iTid: f.ak[0],
      sent: f.ak[1],
      pagaende: f.ak[2],
      andelITid: share(f.ak[0], f.ak[0] + f.ak[1]),
    },
    arbetsdagarTillAterkoppling: {
      antal: f.days[0],
      median: f.days[1],
      p90: f.days[2],
    },
    oppnaVidPeriodensSlut: f.open,
    varavForsenade: f.forsenade,
    forbattringar: f.forbattringar,
  };
}

const current = figures({
  antal: 9,
  anonyma: 1,
  fs: [5, 2, 1],
  ak: [4, 2, 2],
  days: [5, 6, 11],
  open: 5,
  forsenade: 1,
  forbattringar: 2,
});
const previous = figures({
  antal: 1,
  anonyma: 0,
  fs: [1, 0, 0],
  ak: [1, 0, 0],
  days: [1, 9, 9],
  open: 0,
  forsenade: 0,
  forbattringar: 0,
});
const none = figures({
  antal: 0,
  anonyma: 0,
  fs: [0, 0, 0],
  ak: [0, 0, 0],
  days: [0, null, null],
  open: 0,
  forsenade: 0,
  forbattringar: 0,
});

const definition = (
  id: string,
  sv: string,
  en: string,
  defSv: string,
  defEn: string,
) =>
  ({
    id,
    name: { sv, en },
    definition: { sv: defSv, en: defEn },
  } as SynpunktReport['definitions'][number]);

/** The report of barn- och utbildningsnämnden for delår 2026, as the backend answers it. */
export const testReport: SynpunktReport = {
  generatedAt: '2026-11-24T10:00:00.000Z',
  organisation: 'Värmdö kommun',
  scope: {
    unitRef: 'group:default/barn-och-utbildningsnamnden',
    title: 'Barn- och utbildningsnämnden',
    type: 'nämnd',
  },
  period: {
    kind: 'delar',
    from: '2026-01-01',
    to: '2026-08-31',
    year: 2026,
    stateDate: '2026-08-31',
  },
  previousPeriod: {
    kind: 'delar',
    from: '2025-01-01',
    to: '2025-08-31',
    year: 2025,
    stateDate: '2025-08-31',
  },
  total: { current, previous },
  breakdowns: {
    type: [
      {
        key: 'berom',
        label: 'berom',
        current: { ...none, antal: 2 },
        previous: none,
      },
      {
        key: 'klagomal',
        label: 'klagomal',
        current: { ...current, antal: 6 },
        previous,
      },
      {
        key: 'forslag',
        label: 'forslag',
        current: { ...none, antal: 1 },
        previous: none,
      },
    ],
    channel: [
      {
        key: 'epost',
        label: 'epost',
        current: { ...current, antal: 4 },
        previous,
      },
      {
        key: 'telefon',
        label: 'telefon',
        current: { ...none, antal: 5 },
        previous: none,
      },
    ],
    area: [
      { key: 'utbildning', label: 'Förskola och skola', current, previous },
    ],
    month: [
      {
        key: '2026-03',
        label: '2026-03',
        current: { ...current, antal: 4 },
        previous,
      },
      {
        key: '2026-04',
        label: '2026-04',
        current: { ...none, antal: 5 },
        previous: none,
      },
    ],
    unit: [
      {
        key: 'group:default/barn-och-utbildningsnamnden',
        label: 'Barn- och utbildningsnämnden',
        depth: 0,
        current,
        previous,
      },
      {
        key: 'group:default/gustavsbergsskolan',
        label: 'Gustavsbergsskolan',
        depth: 1,
        current,
        previous,
      },
    ],
  },
  improvements: {
    total: 1,
    truncated: false,
    items: [
      {
        unitRef: 'group:default/gustavsbergsskolan',
        unitTitle: 'Gustavsbergsskolan',
        type: 'klagomal',
        area: 'utbildning',
        areaTitle: 'Förskola och skola',
        closedDate: '2026-03-12',
        description: 'Nya rutiner för skolskjuts',
      },
    ],
  },
  uppfoljning: {
    current: {
      available: false,
      note: { sv: 'Inte tillgänglig ännu.', en: 'Not available yet.' },
    },
    previous: {
      available: false,
      note: { sv: 'Inte tillgänglig ännu.', en: 'Not available yet.' },
    },
  },
  definitions: [
    definition(
      'antal',
      'Antal',
      'Number',
      'Synpunkter i urvalet.',
      'Synpunkter in the selection.',
    ),
    definition(
      'anonyma',
      'Anonyma',
      'Anonymous',
      'Anonyma.',
      'Anonymous ones.',
    ),
    definition(
      'andelAnonyma',
      'Andel anonyma',
      'Share anonymous',
      'Anonyma ÷ antal.',
      'Anonymous ÷ number.',
    ),
    definition(
      'forstaSvar',
      'Första svar',
      'First answer',
      'Första svar.',
      'First answer.',
    ),
    definition(
      'aterkoppling',
      'Återkoppling',
      'Återkoppling (reply)',
      'Återkoppling.',
      'The reply.',
    ),
    definition(
      'iTid',
      'I tid',
      'On time',
      'På eller före tidsgränsen.',
      'On or before the deadline.',
    ),
    definition(
      'sent',
      'Sent',
      'Late',
      'Efter tidsgränsen.',
      'After the deadline.',
    ),
    definition(
      'pagaende',
      'Pågående',
      'Pending',
      'Inte skett.',
      'Not happened.',
    ),
    definition(
      'andelITid',
      'Andel i tid',
      'Share on time',
      'I tid ÷ (i tid + sent).',
      'On time ÷ (on time + late).',
    ),
    definition(
      'medianArbetsdagar',
      'Median arbetsdagar till återkoppling',
      'Median working days to återkoppling',
      'Median.',
      'Median.',
    ),
    definition(
      'p90Arbetsdagar',
      '90:e percentil arbetsdagar till återkoppling',
      '90th percentile working days to återkoppling',
      'P90.',
      'P90.',
    ),
    definition(
      'oppnaVidPeriodensSlut',
      'Öppna vid periodens slut',
      'Open at the end of the period',
      'Öppna.',
      'Open.',
    ),
    definition(
      'varavForsenade',
      'Varav försenade',
      'Of which overdue',
      'Försenade.',
      'Overdue.',
    ),
    definition(
      'forbattringar',
      'Förbättringar',
      'Improvements',
      'Förbättringar.',
      'Improvements.',
    ),
    definition(
      'andelEnheterUppfoljda',
      'Andel enheter uppföljda',
      'Share of units followed up',
      'Uppföljda.',
      'Followed up.',
    ),
  ],
};

export const testOptions: ReportOptions = {
  delar: { from: '01-01', to: '08-31' },
  maxYears: 5,
  wholeOrganisation: true,
  organisation: 'Värmdö kommun',
  units: [
    {
      unitRef: 'group:default/varmdo-kommun',
      title: 'Värmdö kommun',
      type: 'kommun',
      depth: 0,
    },
    {
      unitRef: 'group:default/barn-och-utbildningsnamnden',
      title: 'Barn- och utbildningsnämnden',
      type: 'nämnd',
      depth: 1,
    },
    {
      unitRef: 'group:default/gustavsbergsskolan',
      title: 'Gustavsbergsskolan',
      type: 'enhet',
      depth: 2,
    },
  ],
};
