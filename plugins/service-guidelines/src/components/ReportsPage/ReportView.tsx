import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  ReportDimension,
  ReportFigures,
  reportKeyLabel,
  SYNPUNKT_TYPE_LABELS,
  SynpunktReport,
  SynpunktType,
} from '@service-guidelines/plugin-service-guidelines-common';
import { Text } from '@backstage/ui';
import { ReactNode } from 'react';
import { useFormatters } from '../../hooks/useFormatters';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { Bar, BarChart } from './BarChart';
import {
  definitionElementId,
  measureLines,
  ReportLanguage,
  reportNumberFormat,
} from './format';

const tableStyle = {
  borderCollapse: 'collapse',
  width: '100%',
  fontSize: 14,
  marginBottom: 24,
} as const;
const captionStyle = {
  textAlign: 'left',
  fontWeight: 600,
  fontSize: 16,
  padding: '8px 0',
} as const;
const cellStyle = {
  borderBottom: '1px solid #c4c4c4',
  padding: '6px 8px',
  verticalAlign: 'top',
} as const;
const numberStyle = {
  ...cellStyle,
  textAlign: 'right',
  whiteSpace: 'nowrap',
} as const;
const headStyle = { ...cellStyle, textAlign: 'left', fontWeight: 600 } as const;
const headNumberStyle = { ...headStyle, textAlign: 'right' } as const;
const scrollStyle = { overflowX: 'auto' } as const;
const sectionStyle = { marginTop: 32 } as const;

/** A wide table's scrolling box, reachable by keyboard so that it can be scrolled without a mouse. */
function ScrollRegion(props: { label: string; children: ReactNode }) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  return (
    <div
      style={scrollStyle}
      role="region"
      aria-label={t('reports.tableRegion', { name: props.label })}
      // axe: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
    >
      {props.children}
    </div>
  );
}

function Section(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id} style={sectionStyle}>
      <Text as="h2" variant="title-small" id={props.id}>
        {props.title}
      </Text>
      {props.children}
    </section>
  );
}

/** The figures of a report: summary, charts, breakdowns, improvements and definitions. */
export function ReportView(props: {
  report: SynpunktReport;
  language: ReportLanguage;
}) {
  const { report, language } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const dates = useFormatters();
  const format = reportNumberFormat(language);
  const name = (id: string) =>
    report.definitions.find(d => d.id === id)?.name[language] ?? id;
  const lines = measureLines(name);
  const show = (kind: 'count' | 'share' | 'days', value: number | null) => {
    if (kind === 'share') return format.share(value);
    if (kind === 'days') return format.days(value);
    return value === null ? '–' : format.count(value);
  };
  const change = (
    kind: 'count' | 'share' | 'days',
    current: number | null,
    previous: number | null,
  ) => {
    if (current === null || previous === null) return '–';
    if (kind === 'share') {
      return t('reports.points', {
        value: format.points((current - previous) * 100),
      });
    }
    return format.countChange(current - previous);
  };
  const legend = {
    current: t('reports.charts.current'),
    previous: t('reports.charts.previous'),
  };
  const countBars = (dimension: ReportDimension): Bar[] =>
    report.breakdowns[dimension].map(row => ({
      label: reportKeyLabel(dimension, row, language),
      current: row.current.antal,
      previous: row.previous?.antal ?? null,
    }));
  const describe = (formatValue: (v: number) => string) => (bar: Bar) =>
    t('reports.charts.description', {
      label: bar.label,
      current: formatValue(bar.current),
      previous:
        bar.previous === undefined || bar.previous === null
          ? '–'
          : formatValue(bar.previous),
    });
  const onTime = (f: ReportFigures | null) => f?.aterkoppling.andelITid ?? null;
  const shareText = (v: number) => format.share(v);
  const uppfoljning = report.uppfoljning.current;

  return (
    <div>
      <Text as="p" data-testid="sg-report-compared">
        {t('reports.comparedWith', {
          from: dates.date(report.previousPeriod.from),
          to: dates.date(report.previousPeriod.to),
        })}
        {report.period.stateDate < report.period.to &&
          ` ${t('reports.stateAsOf', {
            date: dates.date(report.period.stateDate),
          })}`}
      </Text>

      <Section id="sg-report-summary" title={t('reports.summary.title')}>
        <ScrollRegion label={t('reports.summary.title')}>
          <table style={tableStyle} data-testid="sg-report-summary">
            <caption style={captionStyle}>{t('reports.summary.title')}</caption>
            <thead>
              <tr>
                <th scope="col" style={headStyle}>
                  {t('reports.summary.measure')}
                </th>
                <th scope="col" style={headNumberStyle}>
                  {t('reports.summary.current')}
                </th>
                <th scope="col" style={headNumberStyle}>
                  {t('reports.summary.previous')}
                </th>
                <th scope="col" style={headNumberStyle}>
                  {t('reports.summary.change')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map(line => {
                const current = line.value(report.total.current);
                const previous = line.value(report.total.previous);
                return (
                  <tr key={line.label}>
                    <th
                      scope="row"
                      style={headStyle}
                      aria-describedby={definitionElementId(line.definitionId)}
                    >
                      {line.label}
                    </th>
                    <td style={numberStyle}>{show(line.kind, current)}</td>
                    <td style={numberStyle}>{show(line.kind, previous)}</td>
                    <td style={numberStyle}>
                      {change(line.kind, current, previous)}
                    </td>
                  </tr>
                );
              })}
              <tr>
                <th
                  scope="row"
                  style={headStyle}
                  aria-describedby={definitionElementId(
                    'andelEnheterUppfoljda',
                  )}
                >
                  {name('andelEnheterUppfoljda')}
                </th>
                <td style={numberStyle} colSpan={uppfoljning.available ? 1 : 3}>
                  {uppfoljning.available
                    ? format.share(uppfoljning.andel)
                    : `${t('reports.summary.notAvailable')}: ${
                        uppfoljning.note[language]
                      }`}
                </td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      </Section>

      <Section id="sg-report-charts" title={t('reports.charts.title')}>
        <Text as="p">{t('reports.charts.tableNote')}</Text>
        <BarChart
          id="sg-chart-type"
          title={t('reports.charts.byType')}
          bars={countBars('type')}
          format={format.count}
          legend={legend}
          describe={describe(format.count)}
        />
        <BarChart
          id="sg-chart-channel"
          title={t('reports.charts.byChannel')}
          bars={countBars('channel')}
          format={format.count}
          legend={legend}
          describe={describe(format.count)}
        />
        <BarChart
          id="sg-chart-month"
          title={t('reports.charts.byMonth')}
          bars={countBars('month')}
          format={format.count}
          legend={legend}
          describe={describe(format.count)}
        />
        <BarChart
          id="sg-chart-unit"
          title={t('reports.charts.onTimeByUnit')}
          bars={report.breakdowns.unit
            .filter(row => onTime(row.current) !== null)
            .map(row => ({
              label: row.label,
              current: onTime(row.current)!,
              previous: onTime(row.previous),
            }))}
          format={shareText}
          legend={legend}
          describe={describe(shareText)}
        />
      </Section>

      <Section id="sg-report-breakdowns" title={t('reports.breakdowns.title')}>
        {(['type', 'channel', 'area', 'month', 'unit'] as const).map(
          dimension => (
            <ScrollRegion
              key={dimension}
              label={t(`reports.breakdowns.${dimension}`)}
            >
              <table
                style={tableStyle}
                data-testid={`sg-report-breakdown-${dimension}`}
              >
                <caption style={captionStyle}>
                  {t(`reports.breakdowns.${dimension}`)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col" style={headStyle}>
                      {t(`reports.breakdowns.${dimension}`)}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {name('antal')}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {t('reports.breakdowns.previousAntal')}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {t('reports.breakdowns.changeAntal')}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {name('andelAnonyma')}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {`${name('forstaSvar')}: ${name(
                        'andelITid',
                      ).toLocaleLowerCase()}`}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {`${name('aterkoppling')}: ${name(
                        'andelITid',
                      ).toLocaleLowerCase()}`}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {name('medianArbetsdagar')}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {name('p90Arbetsdagar')}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {name('oppnaVidPeriodensSlut')}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {name('varavForsenade')}
                    </th>
                    <th scope="col" style={headNumberStyle}>
                      {name('forbattringar')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.breakdowns[dimension].map(row => (
                    <tr key={row.key}>
                      <th
                        scope="row"
                        style={{
                          ...headStyle,
                          fontWeight: 400,
                          paddingLeft: 8 + 16 * (row.depth ?? 0),
                        }}
                      >
                        {reportKeyLabel(dimension, row, language)}
                      </th>
                      <td style={numberStyle}>
                        {format.count(row.current.antal)}
                      </td>
                      <td style={numberStyle}>
                        {row.previous ? format.count(row.previous.antal) : '–'}
                      </td>
                      <td style={numberStyle}>
                        {row.previous
                          ? format.countChange(
                              row.current.antal - row.previous.antal,
                            )
                          : '–'}
                      </td>
                      <td style={numberStyle}>
                        {format.share(row.current.andelAnonyma)}
                      </td>
                      <td style={numberStyle}>
                        {format.share(row.current.forstaSvar.andelITid)}
                      </td>
                      <td style={numberStyle}>
                        {format.share(row.current.aterkoppling.andelITid)}
                      </td>
                      <td style={numberStyle}>
                        {format.days(
                          row.current.arbetsdagarTillAterkoppling.median,
                        )}
                      </td>
                      <td style={numberStyle}>
                        {format.days(
                          row.current.arbetsdagarTillAterkoppling.p90,
                        )}
                      </td>
                      <td style={numberStyle}>
                        {format.count(row.current.oppnaVidPeriodensSlut)}
                      </td>
                      <td style={numberStyle}>
                        {format.count(row.current.varavForsenade)}
                      </td>
                      <td style={numberStyle}>
                        {format.count(row.current.forbattringar)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ),
        )}
      </Section>

      <Section
        id="sg-report-improvements"
        title={t('reports.improvements.title')}
      >
        {report.improvements.total === 0 ? (
          <Text as="p">{t('reports.improvements.none')}</Text>
        ) : (
          <ScrollRegion label={t('reports.improvements.title')}>
            <table style={tableStyle} data-testid="sg-report-improvements">
              <caption style={captionStyle}>
                {t('reports.improvements.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={headStyle}>
                    {t('reports.improvements.unit')}
                  </th>
                  <th scope="col" style={headStyle}>
                    {t('reports.improvements.type')}
                  </th>
                  <th scope="col" style={headStyle}>
                    {t('reports.improvements.area')}
                  </th>
                  <th scope="col" style={headStyle}>
                    {t('reports.improvements.closed')}
                  </th>
                  <th scope="col" style={headStyle}>
                    {t('reports.improvements.description')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.improvements.items.map((item, i) => (
                  <tr key={`${item.unitRef}-${item.closedDate}-${i}`}>
                    <td style={cellStyle}>{item.unitTitle}</td>
                    <td style={cellStyle}>
                      {SYNPUNKT_TYPE_LABELS[item.type as SynpunktType]?.[
                        language
                      ] ?? item.type}
                    </td>
                    <td style={cellStyle}>{item.areaTitle}</td>
                    <td style={{ ...cellStyle, whiteSpace: 'nowrap' }}>
                      {dates.date(item.closedDate)}
                    </td>
                    <td style={cellStyle}>{item.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.improvements.truncated && (
              <Text as="p">
                {t('reports.improvements.truncated', {
                  shown: format.count(report.improvements.items.length),
                  total: format.count(report.improvements.total),
                })}
              </Text>
            )}
          </ScrollRegion>
        )}
      </Section>

      <Section
        id="sg-report-definitions"
        title={t('reports.definitions.title')}
      >
        <dl style={{ margin: 0 }}>
          {report.definitions.map(definition => (
            <div key={definition.id} style={{ marginBottom: 12 }}>
              <dt style={{ fontWeight: 600 }}>{definition.name[language]}</dt>
              <dd
                id={definitionElementId(definition.id)}
                style={{ margin: '2px 0 0 0' }}
              >
                {definition.definition[language]}
              </dd>
            </div>
          ))}
        </dl>
      </Section>
    </div>
  );
}
