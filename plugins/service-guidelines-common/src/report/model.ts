import { IsoDate } from '../calendar';

/**
 * The kinds of report period: delår (1 January to 31 August by default, configurable), helår
 * (the calendar year) and any range of dates.
 *
 * @public
 */
export const REPORT_PERIOD_KINDS = ['delar', 'helar', 'range'] as const;
/** @public */
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/**
 * A report period: first and last date, both inclusive, in Europe/Stockholm.
 *
 * @public
 */
export interface ReportPeriod {
  kind: ReportPeriodKind;
  from: IsoDate;
  to: IsoDate;
  /** The year of a delår or helår. */
  year?: number;
  /**
   * The date the figures describe the state on: the last day of the period, or today when the
   * period has not ended yet.
   */
  stateDate: IsoDate;
}

/**
 * The figures of one svarstid clock (första svar or återkoppling) over the synpunkter with
 * contact details.
 *
 * @public
 */
export interface SvarstidFigures {
  iTid: number;
  sent: number;
  pagaende: number;
  /** iTid ÷ (iTid + sent), from 0 to 1; null when both are 0. */
  andelITid: number | null;
}

/**
 * Every figure of MEASURES.md for one selection of synpunkter.
 *
 * @public
 */
export interface ReportFigures {
  antal: number;
  anonyma: number;
  /** anonyma ÷ antal, from 0 to 1; null when antal is 0. */
  andelAnonyma: number | null;
  forstaSvar: SvarstidFigures;
  aterkoppling: SvarstidFigures;
  /** Arbetsdagar till återkoppling, over those given återkoppling by the end of the period. */
  arbetsdagarTillAterkoppling: {
    antal: number;
    median: number | null;
    p90: number | null;
  };
  oppnaVidPeriodensSlut: number;
  varavForsenade: number;
  forbattringar: number;
}

/**
 * The breakdowns of a report.
 *
 * @public
 */
export const REPORT_DIMENSIONS = [
  'type',
  'channel',
  'area',
  'month',
  'unit',
] as const;
/** @public */
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/**
 * One row of a breakdown: the figures of the period and of the previous period.
 *
 * @public
 */
export interface ReportRow {
  /** Type or channel id, area id, `YYYY-MM`, or unit entity ref. */
  key: string;
  /** The area's or unit's title; for types, channels and months see `reportKeyLabel`. */
  label: string;
  /** For units: levels below the report's scope (0 is the scope itself). */
  depth?: number;
  current: ReportFigures;
  /**
   * The same figures for the previous period: the same type, channel, area or unit; for a month
   * of a delår or helår, the same month a year earlier; null for months of a range.
   */
  previous: ReportFigures | null;
}

/**
 * A synpunkt of the period that was closed by its end with "led to an improvement". Holds no
 * personal data: the description is written by staff, never the customer's words.
 *
 * @public
 */
export interface ReportImprovement {
  unitRef: string;
  unitTitle: string;
  type: string;
  area: string;
  areaTitle: string;
  closedDate: IsoDate;
  description: string | null;
}

/**
 * A text in both languages of the product.
 *
 * @public
 */
export interface BilingualText {
  sv: string;
  en: string;
}

/**
 * The ids of the measures whose definitions every report carries.
 *
 * @public
 */
export const MEASURE_IDS = [
  'urval',
  'period',
  'tidigarePeriod',
  'antal',
  'anonyma',
  'andelAnonyma',
  'ankomstdag',
  'arbetsdagarTill',
  'percentil',
  'forstaSvar',
  'aterkoppling',
  'iTid',
  'sent',
  'pagaende',
  'andelITid',
  'medianArbetsdagar',
  'p90Arbetsdagar',
  'oppnaVidPeriodensSlut',
  'varavForsenade',
  'forbattringar',
  'andelEnheterUppfoljda',
  'forandring',
] as const;
/** @public */
export type MeasureId = (typeof MEASURE_IDS)[number];

/**
 * The name and exact definition of a measure, in Swedish and English.
 *
 * @public
 */
export interface MeasureDefinition {
  id: MeasureId;
  name: BilingualText;
  definition: BilingualText;
}

/**
 * "Andel enheter uppföljda" needs the uppföljning records of the follow-up feature; until they
 * exist, the report says so instead of showing a figure.
 *
 * @public
 */
export type UppfoljningFigure =
  | { available: false; note: BilingualText }
  | {
      available: true;
      enheter: number;
      uppfoljda: number;
      andel: number | null;
    };

/**
 * The report on synpunkter for a period and a node of the organisation tree: aggregated and
 * anonymous, with the previous period beside every figure and the definition of every measure.
 *
 * @public
 */
export interface SynpunktReport {
  generatedAt: string;
  organisation: string;
  scope: {
    /** Null for the whole organisation. */
    unitRef: string | null;
    title: string;
    type: string | null;
  };
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  total: { current: ReportFigures; previous: ReportFigures };
  breakdowns: Record<ReportDimension, ReportRow[]>;
  improvements: {
    /** All improvements of the period; `items` holds at most a page of them (see `truncated`). */
    total: number;
    items: ReportImprovement[];
    /** True when `items` holds fewer than `total`; the exports always hold all. */
    truncated: boolean;
  };
  uppfoljning: { current: UppfoljningFigure; previous: UppfoljningFigure };
  definitions: MeasureDefinition[];
}

/**
 * A unit a report can be made for.
 *
 * @public
 */
export interface ReportUnitOption {
  unitRef: string;
  title: string;
  type: string;
  /** Levels below the top of the list, for indentation. */
  depth: number;
}

/**
 * What the caller can choose when making a report.
 *
 * @public
 */
export interface ReportOptions {
  /** The delår as configured: month and day of its first and last date. */
  delar: { from: string; to: string };
  maxYears: number;
  /** Whether the caller may report on the whole organisation (no unit). */
  wholeOrganisation: boolean;
  organisation: string;
  units: ReportUnitOption[];
}

/**
 * The file formats a report exports to.
 *
 * @public
 */
export const REPORT_EXPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
/** @public */
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];
