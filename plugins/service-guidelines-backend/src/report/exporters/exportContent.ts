import {
  ReportDimension,
  ReportFigures,
  ReportImprovement,
  reportKeyLabel,
  ReportPeriod,
  SYNPUNKT_TYPE_LABELS,
  SynpunktReport,
  SynpunktType,
} from '@service-guidelines/plugin-service-guidelines-common';

export type ExportLanguage = 'sv' | 'en';

/**
 * What a report says before its figures are computed: whom and which periods it covers, when it
 * was made, and the definitions. Known as soon as the request is validated and authorised, so an
 * export starts with it while the figures are being computed.
 */
export type ReportFrame = Pick<
  SynpunktReport,
  | 'generatedAt'
  | 'organisation'
  | 'scope'
  | 'period'
  | 'previousPeriod'
  | 'definitions'
>;

/** The computed figures of a report. */
export type ReportFigureSet = Pick<
  SynpunktReport,
  'total' | 'breakdowns' | 'uppfoljning'
>;

/**
 * What a cell holds: text, a count, a share (0–1), a change of a share in percentage points, a
 * number of arbetsdagar, or nothing.
 */
export type Cell =
  | { kind: 'text'; value: string }
  | { kind: 'count'; value: number }
  | { kind: 'share'; value: number }
  | { kind: 'points'; value: number }
  | { kind: 'days'; value: number }
  | { kind: 'empty' };

export interface ExportColumn {
  header: string;
  /** Width in characters, for the spreadsheet and the PDF. */
  width: number;
}

/**
 * One table of an export. Its title and columns are known at once; its rows may wait for the
 * figures, and the improvements' rows are read while they are written.
 */
export interface ExportTable {
  id: 'summary' | ReportDimension | 'improvements' | 'definitions';
  title: string;
  columns: ExportColumn[];
  rows: Iterable<Cell[]> | AsyncIterable<Cell[]>;
}

/** Everything an export writes, in the order it writes it. */
export interface ExportContent {
  language: ExportLanguage;
  title: string;
  /** Organisation, scope, period, previous period, state date, generated: label and value. */
  header: Array<[string, string]>;
  tables: ExportTable[];
  frame: ReportFrame;
  /** Settles when the figures are computed; rejects if computing them fails. */
  figures: Promise<ReportFigureSet>;
}

export const text = (value: string): Cell => ({ kind: 'text', value });
const count = (value: number): Cell => ({ kind: 'count', value });
const empty: Cell = { kind: 'empty' };
const share = (value: number | null): Cell =>
  value === null ? empty : { kind: 'share', value };
const days = (value: number | null): Cell =>
  value === null ? empty : { kind: 'days', value };
const countChange = (current: number, previous: number | undefined): Cell =>
  previous === undefined ? empty : count(current - previous);
const shareChange = (
  current: number | null,
  previous: number | null | undefined,
): Cell =>
  current === null || previous === null || previous === undefined
    ? empty
    : { kind: 'points', value: (current - previous) * 100 };

const WORDS = {
  sv: {
    title: 'Synpunkter',
    organisation: 'Organisation',
    scope: 'Urval',
    period: 'Period',
    previousPeriod: 'Föregående period',
    stateDate: 'Läget per',
    generated: 'Skapad',
    kinds: { delar: 'Delår', helar: 'Helår', range: 'Intervall' },
    measure: 'Mått',
    current: 'Perioden',
    previous: 'Föregående period',
    change: 'Förändring',
    summary: 'Sammanfattning',
    type: 'Per typ',
    channel: 'Per kanal',
    area: 'Per område',
    month: 'Per månad',
    unit: 'Per enhet',
    improvements: 'Förbättringar',
    definitions: 'Definitioner',
    typeCol: 'Typ',
    channelCol: 'Kanal',
    areaCol: 'Område',
    monthCol: 'Månad',
    unitCol: 'Enhet',
    closed: 'Avslutad',
    description: 'Beskrivning',
    definition: 'Definition',
    fs: 'Första svar',
    ak: 'Återkoppling',
    iTid: 'i tid',
    sent: 'sent',
    pagaende: 'pågående',
    andelITid: 'andel i tid',
    withAk: 'Antal med återkoppling',
    notAvailable: 'ej tillgänglig',
    previousAntal: 'Antal föregående period',
    changeAntal: 'Förändring antal',
    wholeOrganisation: 'hela organisationen',
  },
  en: {
    title: 'Synpunkter',
    organisation: 'Organisation',
    scope: 'Scope',
    period: 'Period',
    previousPeriod: 'Previous period',
    stateDate: 'State as of',
    generated: 'Generated',
    kinds: { delar: 'Interim (delår)', helar: 'Full year', range: 'Range' },
    measure: 'Measure',
    current: 'Period',
    previous: 'Previous period',
    change: 'Change',
    summary: 'Summary',
    type: 'By type',
    channel: 'By channel',
    area: 'By area',
    month: 'By month',
    unit: 'By unit',
    improvements: 'Improvements',
    definitions: 'Definitions',
    typeCol: 'Type',
    channelCol: 'Channel',
    areaCol: 'Area',
    monthCol: 'Month',
    unitCol: 'Unit',
    closed: 'Closed',
    description: 'Description',
    definition: 'Definition',
    fs: 'First answer',
    ak: 'Återkoppling',
    iTid: 'on time',
    sent: 'late',
    pagaende: 'pending',
    andelITid: 'share on time',
    withAk: 'Number given återkoppling',
    notAvailable: 'not available',
    previousAntal: 'Number, previous period',
    changeAntal: 'Change in number',
    wholeOrganisation: 'whole organisation',
  },
} as const;

function periodText(period: ReportPeriod, language: ExportLanguage): string {
  return `${WORDS[language].kinds[period.kind]} ${period.from} – ${period.to}`;
}

function nameOf(frame: ReportFrame, id: string, language: ExportLanguage) {
  return frame.definitions.find(d => d.id === id)?.name[language] ?? id;
}

/** The measures of the summary and of each breakdown row, in order. */
function measureColumns(frame: ReportFrame, language: ExportLanguage) {
  const w = WORDS[language];
  const name = (id: string) => nameOf(frame, id, language);
  return [
    { header: name('antal'), cell: (f: ReportFigures) => count(f.antal) },
    { header: name('anonyma'), cell: (f: ReportFigures) => count(f.anonyma) },
    {
      header: `${name('andelAnonyma')} (%)`,
      cell: (f: ReportFigures) => share(f.andelAnonyma),
    },
    {
      header: `${w.fs} ${w.iTid}`,
      cell: (f: ReportFigures) => count(f.forstaSvar.iTid),
    },
    {
      header: `${w.fs} ${w.sent}`,
      cell: (f: ReportFigures) => count(f.forstaSvar.sent),
    },
    {
      header: `${w.fs} ${w.pagaende}`,
      cell: (f: ReportFigures) => count(f.forstaSvar.pagaende),
    },
    {
      header: `${w.fs} ${w.andelITid} (%)`,
      cell: (f: ReportFigures) => share(f.forstaSvar.andelITid),
    },
    {
      header: `${w.ak} ${w.iTid}`,
      cell: (f: ReportFigures) => count(f.aterkoppling.iTid),
    },
    {
      header: `${w.ak} ${w.sent}`,
      cell: (f: ReportFigures) => count(f.aterkoppling.sent),
    },
    {
      header: `${w.ak} ${w.pagaende}`,
      cell: (f: ReportFigures) => count(f.aterkoppling.pagaende),
    },
    {
      header: `${w.ak} ${w.andelITid} (%)`,
      cell: (f: ReportFigures) => share(f.aterkoppling.andelITid),
    },
    {
      header: w.withAk,
      cell: (f: ReportFigures) => count(f.arbetsdagarTillAterkoppling.antal),
    },
    {
      header: name('medianArbetsdagar'),
      cell: (f: ReportFigures) => days(f.arbetsdagarTillAterkoppling.median),
    },
    {
      header: name('p90Arbetsdagar'),
      cell: (f: ReportFigures) => days(f.arbetsdagarTillAterkoppling.p90),
    },
    {
      header: name('oppnaVidPeriodensSlut'),
      cell: (f: ReportFigures) => count(f.oppnaVidPeriodensSlut),
    },
    {
      header: name('varavForsenade'),
      cell: (f: ReportFigures) => count(f.varavForsenade),
    },
    {
      header: name('forbattringar'),
      cell: (f: ReportFigures) => count(f.forbattringar),
    },
  ];
}

/** The change between two cells of the same measure, or nothing. */
function changeOf(current: Cell, previous: Cell): Cell {
  if (current.kind === 'share' && previous.kind === 'share') {
    return shareChange(current.value, previous.value);
  }
  if (
    (current.kind === 'count' || current.kind === 'days') &&
    previous.kind === current.kind
  ) {
    return { kind: current.kind, value: current.value - previous.value };
  }
  return empty;
}

function summaryTable(
  frame: ReportFrame,
  figures: Promise<ReportFigureSet>,
  language: ExportLanguage,
): ExportTable {
  const w = WORDS[language];
  return {
    id: 'summary',
    title: w.summary,
    columns: [
      { header: w.measure, width: 44 },
      { header: w.current, width: 14 },
      { header: w.previous, width: 18 },
      { header: w.change, width: 18 },
    ],
    rows: summaryRows(frame, figures, language),
  };
}

async function* summaryRows(
  frame: ReportFrame,
  figures: Promise<ReportFigureSet>,
  language: ExportLanguage,
): AsyncGenerator<Cell[]> {
  const w = WORDS[language];
  const report = await figures;
  const rows: Cell[][] = measureColumns(frame, language).map(measure => {
    const current = measure.cell(report.total.current);
    const previous = measure.cell(report.total.previous);
    return [
      text(measure.header),
      current,
      previous,
      changeOf(current, previous),
    ];
  });
  const uppfoljning = report.uppfoljning.current;
  rows.push([
    text(nameOf(frame, 'andelEnheterUppfoljda', language)),
    uppfoljning.available
      ? share(uppfoljning.andel)
      : text(`${w.notAvailable}: ${uppfoljning.note[language]}`),
    report.uppfoljning.previous.available
      ? share(report.uppfoljning.previous.andel)
      : empty,
    empty,
  ]);
  yield* rows;
}

function breakdownTable(
  frame: ReportFrame,
  figures: Promise<ReportFigureSet>,
  dimension: ReportDimension,
  language: ExportLanguage,
): ExportTable {
  const w = WORDS[language];
  const measures = measureColumns(frame, language);
  const firstColumn = {
    type: w.typeCol,
    channel: w.channelCol,
    area: w.areaCol,
    month: w.monthCol,
    unit: w.unitCol,
  }[dimension];
  return {
    id: dimension,
    title: w[dimension],
    columns: [
      { header: firstColumn, width: dimension === 'unit' ? 36 : 24 },
      ...measures.map(m => ({ header: m.header, width: 12 })),
      { header: w.previousAntal, width: 12 },
      { header: w.changeAntal, width: 12 },
      {
        header: `${w.ak} ${w.andelITid}, ${w.previous.toLowerCase()} (%)`,
        width: 12,
      },
    ],
    rows: (async function* breakdownRows() {
      for (const row of (await figures).breakdowns[dimension]) {
        // Units are indented by their depth below the scope, as on the page.
        const label = `${'  '.repeat(row.depth ?? 0)}${reportKeyLabel(
          dimension,
          row,
          language,
        )}`;
        yield [
          text(label),
          ...measures.map(m => m.cell(row.current)),
          row.previous ? count(row.previous.antal) : empty,
          countChange(row.current.antal, row.previous?.antal),
          row.previous ? share(row.previous.aterkoppling.andelITid) : empty,
        ];
      }
    })(),
  };
}

async function* improvementRows(
  items: AsyncIterable<ReportImprovement>,
  language: ExportLanguage,
): AsyncGenerator<Cell[]> {
  for await (const item of items) {
    yield [
      text(item.unitTitle),
      text(
        SYNPUNKT_TYPE_LABELS[item.type as SynpunktType]?.[language] ??
          item.type,
      ),
      text(item.areaTitle),
      text(item.closedDate),
      text(item.description ?? ''),
    ];
  }
}

/**
 * The content every export writes: header, summary, breakdowns, improvements (all of them, read
 * while they are written) and the definition of every measure in Swedish and English. The title
 * and the header come from the frame and can be written at once; the tables' rows wait for the
 * figures.
 */
export function exportContent(
  frame: ReportFrame,
  figures: Promise<ReportFigureSet>,
  improvements: AsyncIterable<ReportImprovement>,
  language: ExportLanguage,
): ExportContent {
  const w = WORDS[language];
  return {
    language,
    title: `${w.title}: ${frame.scope.title}, ${periodText(
      frame.period,
      language,
    )}`,
    header: [
      [w.organisation, frame.organisation],
      [
        w.scope,
        frame.scope.unitRef
          ? `${frame.scope.title} (${frame.scope.type})`
          : `${frame.scope.title} (${w.wholeOrganisation})`,
      ],
      [w.period, periodText(frame.period, language)],
      [w.previousPeriod, periodText(frame.previousPeriod, language)],
      [w.stateDate, frame.period.stateDate],
      [w.generated, frame.generatedAt],
    ],
    tables: [
      summaryTable(frame, figures, language),
      ...(['type', 'channel', 'area', 'month', 'unit'] as const).map(d =>
        breakdownTable(frame, figures, d, language),
      ),
      {
        id: 'improvements',
        title: w.improvements,
        columns: [
          { header: w.unitCol, width: 30 },
          { header: w.typeCol, width: 12 },
          { header: w.areaCol, width: 24 },
          { header: w.closed, width: 12 },
          { header: w.description, width: 80 },
        ],
        rows: improvementRows(improvements, language),
      },
      {
        id: 'definitions',
        title: w.definitions,
        columns: [
          { header: 'Mått', width: 30 },
          { header: 'Definition', width: 90 },
          { header: 'Measure', width: 30 },
          { header: 'Definition (English)', width: 90 },
        ],
        rows: frame.definitions.map(d => [
          text(d.name.sv),
          text(d.definition.sv),
          text(d.name.en),
          text(d.definition.en),
        ]),
      },
    ],
    frame,
    figures,
  };
}

/** A file name for the export: `synpunkter-delar-2026-barn-och-utbildningsnamnden.xlsx`. */
export function exportFileName(frame: ReportFrame, extension: string) {
  const period =
    frame.period.kind === 'range'
      ? `${frame.period.from}_${frame.period.to}`
      : `${frame.period.kind}-${frame.period.year}`;
  const scope = frame.scope.unitRef
    ? frame.scope.unitRef.split('/').pop()!
    : 'hela-organisationen';
  const safe = `synpunkter-${period}-${scope}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-');
  return `${safe}.${extension}`;
}
