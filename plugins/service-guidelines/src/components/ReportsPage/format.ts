import { ReportFigures } from '@service-guidelines/plugin-service-guidelines-common';

/** Report language: the portal's language when it is English, Swedish otherwise. */
export type ReportLanguage = 'sv' | 'en';

/** Numbers of a report as the page shows them, in the portal's language. */
export interface ReportNumberFormat {
  count(value: number): string;
  /** A change of a count, with its sign: "+3", "−2", "0". */
  countChange(value: number): string;
  /** A share 0–1 as percent with one decimal: "66,7 %"; "–" when there is none. */
  share(value: number | null): string;
  /** A change of a share in percentage points, with its sign, one decimal: "−33,3". */
  points(value: number): string;
  days(value: number | null): string;
}

export function reportNumberFormat(
  language: ReportLanguage,
): ReportNumberFormat {
  const locale = language === 'sv' ? 'sv-SE' : 'en-GB';
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, {
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const signedPoints = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return {
    count: value => whole.format(value),
    countChange: value => signed.format(value),
    share: value => (value === null ? '–' : percent.format(value)),
    points: value => signedPoints.format(value),
    days: value => (value === null ? '–' : whole.format(value)),
  };
}

/** One line of the summary: how to read it from the figures, and how to show it. */
export interface MeasureLine {
  /** The definition it is described by. */
  definitionId: string;
  /** The measure's name, from the definitions, with a qualifier for the svarstid counts. */
  label: string;
  kind: 'count' | 'share' | 'days';
  value(figures: ReportFigures): number | null;
}

/** The lines of the summary, named from the report's own definitions. */
export function measureLines(name: (id: string) => string): MeasureLine[] {
  const clock = (
    id: 'forstaSvar' | 'aterkoppling',
    pick: (f: ReportFigures) => ReportFigures['forstaSvar'],
  ): MeasureLine[] => [
    {
      definitionId: 'iTid',
      label: `${name(id)}: ${name('iTid').toLocaleLowerCase()}`,
      kind: 'count',
      value: f => pick(f).iTid,
    },
    {
      definitionId: 'sent',
      label: `${name(id)}: ${name('sent').toLocaleLowerCase()}`,
      kind: 'count',
      value: f => pick(f).sent,
    },
    {
      definitionId: 'pagaende',
      label: `${name(id)}: ${name('pagaende').toLocaleLowerCase()}`,
      kind: 'count',
      value: f => pick(f).pagaende,
    },
    {
      definitionId: 'andelITid',
      label: `${name(id)}: ${name('andelITid').toLocaleLowerCase()}`,
      kind: 'share',
      value: f => pick(f).andelITid,
    },
  ];
  return [
    {
      definitionId: 'antal',
      label: name('antal'),
      kind: 'count',
      value: f => f.antal,
    },
    {
      definitionId: 'anonyma',
      label: name('anonyma'),
      kind: 'count',
      value: f => f.anonyma,
    },
    {
      definitionId: 'andelAnonyma',
      label: name('andelAnonyma'),
      kind: 'share',
      value: f => f.andelAnonyma,
    },
    ...clock('forstaSvar', f => f.forstaSvar),
    ...clock('aterkoppling', f => f.aterkoppling),
    {
      definitionId: 'medianArbetsdagar',
      label: name('medianArbetsdagar'),
      kind: 'days',
      value: f => f.arbetsdagarTillAterkoppling.median,
    },
    {
      definitionId: 'p90Arbetsdagar',
      label: name('p90Arbetsdagar'),
      kind: 'days',
      value: f => f.arbetsdagarTillAterkoppling.p90,
    },
    {
      definitionId: 'oppnaVidPeriodensSlut',
      label: name('oppnaVidPeriodensSlut'),
      kind: 'count',
      value: f => f.oppnaVidPeriodensSlut,
    },
    {
      definitionId: 'varavForsenade',
      label: name('varavForsenade'),
      kind: 'count',
      value: f => f.varavForsenade,
    },
    {
      definitionId: 'forbattringar',
      label: name('forbattringar'),
      kind: 'count',
      value: f => f.forbattringar,
    },
  ];
}

/** The id a definition has on the page, for aria-describedby. */
export const definitionElementId = (id: string) => `sg-report-definition-${id}`;
