import { useApi } from '@backstage/core-plugin-api';
import {
  appLanguageApiRef,
  useTranslationRef,
} from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  Container,
  Flex,
  Header,
  Skeleton,
  Text,
} from '@backstage/ui';
import {
  REPORT_EXPORT_FORMATS,
  ReportExportFormat,
  ReportOptions,
  ReportPeriodKind,
  reportReadPermission,
} from '@service-guidelines/plugin-service-guidelines-common';
import { DateTime } from 'luxon';
import { ChangeEvent, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useObservable from 'react-use/esm/useObservable';
import {
  ReportDownload,
  ReportRequest,
  reportsApiRef,
} from '../../api/ReportsApi';
import { useFormatters } from '../../hooks/useFormatters';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { errorText } from '../shared/errorText';
import { ReportLanguage } from './format';
import { ReportView } from './ReportView';

const fieldStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: 4,
  minWidth: 180,
} as const;
const labelStyle = { fontWeight: 600, fontSize: 14 } as const;
const controlStyle = {
  font: 'inherit',
  padding: '6px 8px',
  border: '1px solid #767676',
  borderRadius: 4,
  background: 'inherit',
  color: 'inherit',
} as const;

/** The portal's language as a report language: English when chosen, Swedish otherwise. */
function useReportLanguage(): ReportLanguage {
  const languageApi = useApi(appLanguageApiRef);
  const { language } = useObservable(
    languageApi.language$(),
    languageApi.getLanguage(),
  );
  return language === 'en' ? 'en' : 'sv';
}

/** Hands a downloaded file to the browser as a download. */
function saveFile(download: ReportDownload) {
  const url = URL.createObjectURL(download.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = download.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has started the download by now; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function todayInStockholm() {
  return DateTime.now().setZone('Europe/Stockholm');
}

function Selection(props: {
  options: ReportOptions;
  request: ReportRequest;
  onChange: (request: ReportRequest) => void;
}) {
  const { options, request, onChange } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const thisYear = todayInStockholm().year;
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i);
  const set = (patch: Partial<ReportRequest>) =>
    onChange({ ...request, ...patch });
  return (
    <Card>
      <CardBody>
        <form
          aria-labelledby="sg-report-selection-title"
          onSubmit={event => event.preventDefault()}
        >
          <Text as="h2" variant="title-small" id="sg-report-selection-title">
            {t('reports.selection.title')}
          </Text>
          <Flex gap="4" style={{ flexWrap: 'wrap', marginTop: 12 }}>
            <div style={fieldStyle}>
              <label htmlFor="sg-report-period" style={labelStyle}>
                {t('reports.selection.period')}
              </label>
              <select
                id="sg-report-period"
                style={controlStyle}
                value={request.period}
                onChange={(e: ChangeEvent<HTMLSelectElement>) =>
                  set({ period: e.target.value as ReportPeriodKind })
                }
              >
                {(['delar', 'helar', 'range'] as const).map(kind => (
                  <option key={kind} value={kind}>
                    {t(`reports.selection.periods.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            {request.period === 'range' ? (
              <>
                <div style={fieldStyle}>
                  <label htmlFor="sg-report-from" style={labelStyle}>
                    {t('reports.selection.from')}
                  </label>
                  <input
                    id="sg-report-from"
                    type="date"
                    style={controlStyle}
                    value={request.from ?? ''}
                    onChange={e => set({ from: e.target.value })}
                  />
                </div>
                <div style={fieldStyle}>
                  <label htmlFor="sg-report-to" style={labelStyle}>
                    {t('reports.selection.to')}
                  </label>
                  <input
                    id="sg-report-to"
                    type="date"
                    style={controlStyle}
                    value={request.to ?? ''}
                    onChange={e => set({ to: e.target.value })}
                  />
                </div>
              </>
            ) : (
              <div style={fieldStyle}>
                <label htmlFor="sg-report-year" style={labelStyle}>
                  {t('reports.selection.year')}
                </label>
                <select
                  id="sg-report-year"
                  style={controlStyle}
                  value={String(request.year ?? thisYear)}
                  onChange={e => set({ year: Number(e.target.value) })}
                >
                  {years.map(year => (
                    <option key={year} value={year}>
                      {year}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div style={{ ...fieldStyle, minWidth: 280 }}>
              <label htmlFor="sg-report-unit" style={labelStyle}>
                {t('reports.selection.unit')}
              </label>
              <select
                id="sg-report-unit"
                style={controlStyle}
                value={request.unit ?? ''}
                onChange={e => set({ unit: e.target.value || undefined })}
              >
                {options.wholeOrganisation && (
                  <option value="">
                    {t('reports.selection.wholeOrganisation', {
                      name: options.organisation,
                    })}
                  </option>
                )}
                {options.units.map(unit => (
                  <option key={unit.unitRef} value={unit.unitRef}>
                    {`${'\u00a0\u00a0\u00a0'.repeat(unit.depth)}${unit.title}`}
                  </option>
                ))}
              </select>
            </div>
          </Flex>
        </form>
      </CardBody>
    </Card>
  );
}

function Downloads(props: {
  request: ReportRequest;
  language: ReportLanguage;
}) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(reportsApiRef);
  const [busy, setBusy] = useState<ReportExportFormat | undefined>();
  const [error, setError] = useState<Error | undefined>();
  const download = async (format: ReportExportFormat) => {
    setBusy(format);
    setError(undefined);
    try {
      saveFile(await api.downloadReport(props.request, format, props.language));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="sg-report-downloads" style={{ marginTop: 24 }}>
      <Text as="h2" variant="title-small" id="sg-report-downloads">
        {t('reports.download.title')}
      </Text>
      <Text as="p">{t('reports.download.description')}</Text>
      <Flex gap="3" style={{ flexWrap: 'wrap', marginTop: 8 }}>
        {REPORT_EXPORT_FORMATS.map(format => (
          <Button
            key={format}
            variant="secondary"
            isDisabled={busy !== undefined}
            onPress={() => download(format)}
          >
            {t(`reports.download.${format}`)}
          </Button>
        ))}
      </Flex>
      <div aria-live="polite">
        {busy && (
          <Text as="p">
            {t('reports.download.preparing', {
              format: t(`reports.download.${busy}`),
            })}
          </Text>
        )}
      </div>
      {error && (
        <Alert
          status="danger"
          title={t('reports.download.failed')}
          description={errorText(error)}
        />
      )}
    </section>
  );
}

/** A request the server will accept: a range needs both dates, the first not after the last. */
function isComplete(request: ReportRequest) {
  if (request.period !== 'range') return true;
  return Boolean(request.from && request.to && request.from <= request.to);
}

function ReportsContent() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(reportsApiRef);
  const language = useReportLanguage();
  const dates = useFormatters();
  const options = useAsync(() => api.getOptions(), [api]);
  const [chosen, setChosen] = useState<ReportRequest | undefined>();
  const request: ReportRequest | undefined = useMemo(() => {
    if (chosen) return chosen;
    if (!options.value) return undefined;
    const today = todayInStockholm();
    return {
      period: 'delar',
      year: today.year,
      from: today.startOf('year').toISODate()!,
      to: today.toISODate()!,
      // A reader limited to part of the organisation starts with the first unit they may see.
      unit: options.value.wholeOrganisation
        ? undefined
        : options.value.units[0]?.unitRef,
    };
  }, [chosen, options.value]);
  const report = useAsync(async () => {
    if (!request || !isComplete(request)) return undefined;
    return api.getReport(request);
  }, [
    api,
    request?.period,
    request?.year,
    request?.from,
    request?.to,
    request?.unit,
  ]);

  if (options.loading) {
    return (
      <Flex direction="column" gap="2" aria-busy="true">
        <Text>{t('reports.selection.loadingOptions')}</Text>
        <Skeleton width="60%" />
      </Flex>
    );
  }
  if (options.error || !options.value || !request) {
    return (
      <Alert
        status="danger"
        title={t('reports.failed')}
        description={options.error ? errorText(options.error) : undefined}
      />
    );
  }
  return (
    <>
      <Selection
        options={options.value}
        request={request}
        onChange={setChosen}
      />
      <div aria-live="polite" aria-busy={report.loading}>
        {report.loading && (
          <Flex direction="column" gap="2" style={{ marginTop: 16 }}>
            <Text>{t('reports.loading')}</Text>
            <Skeleton width="80%" />
          </Flex>
        )}
      </div>
      {report.error && (
        <Alert
          status="danger"
          title={t('reports.failed')}
          description={errorText(report.error)}
        />
      )}
      {report.value && !report.loading && (
        <>
          <Text
            as="h2"
            variant="title-medium"
            style={{ marginTop: 24 }}
            data-testid="sg-report-heading"
          >
            {t('reports.heading', {
              scope: report.value.scope.title,
              from: dates.date(report.value.period.from),
              to: dates.date(report.value.period.to),
            })}
          </Text>
          <Downloads request={request} language={language} />
          <ReportView report={report.value} language={language} />
        </>
      )}
    </>
  );
}

/**
 * "Rapporter": the figures of R4 for kommunstyrelsen and the nämnder, with charts, definitions
 * and downloads. Shown to report readers and administrators; the server enforces the same.
 *
 * @public
 */
export function ReportsPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const { loading, allowed } = usePermission({
    permission: reportReadPermission,
  });
  return (
    <>
      <Header
        title={t('reports.title')}
        description={t('reports.description')}
      />
      <Container>
        {loading && <Text>{t('reports.checkingAccess')}</Text>}
        {!loading && !allowed && (
          <Alert
            status="info"
            title={t('reports.notAllowed.title')}
            description={t('reports.notAllowed.description')}
          />
        )}
        {!loading && allowed && <ReportsContent />}
      </Container>
    </>
  );
}
