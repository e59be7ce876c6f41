import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  Container,
  Flex,
  Header,
  Link,
  Text,
  TextField,
} from '@backstage/ui';
import { UnitFollowUpSummary } from '@service-guidelines/plugin-service-guidelines-common';
import { FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { useFormatters } from '../../hooks/useFormatters';
import { followUpRouteRef, synpunkterRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { LoadingOrFailure } from '../shared/LoadingOrFailure';

const cell = {
  padding: '8px 12px',
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
};

/**
 * "Min uppföljning": each unit the chef leads, and each below, with its open, overdue, due-soon
 * and closed synpunkter (each a link to that list), what came in by type, and when the unit was
 * last followed up with its staff. The period is in the URL, so that the view can be shared.
 */
export function FollowUpOverviewPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const format = useFormatters();
  const followUpLink = useRouteRef(followUpRouteRef);
  const synpunkterLink = useRouteRef(synpunkterRouteRef);
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const overview = useAsync(
    () => api.getFollowUpOverview({ from, to }),
    [api, from, to],
  );
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({
    from,
    to,
  });

  const showPeriod = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (period.from) next.set('from', period.from);
    if (period.to) next.set('to', period.to);
    setParams(next);
  };

  const listOf = (query: Record<string, string>) =>
    `${synpunkterLink()}?${new URLSearchParams(query)}`;

  const countCell = (
    unit: UnitFollowUpSummary,
    count: number,
    what: string,
    query: Record<string, string>,
  ) => (
    <td style={cell}>
      {count === 0 ? (
        format.number(0)
      ) : (
        <Link
          href={listOf({ unit: unit.unitRef, ...query })}
          aria-label={t('followUp.countLink', {
            number: format.number(count),
            what,
            unit: unit.title,
          })}
        >
          {format.number(count)}
        </Link>
      )}
    </td>
  );

  const value = overview.value;
  return (
    <>
      <Header title={t('followUp.title')} />
      <Container>
        <Flex direction="column" gap="4">
          <Text as="p">{t('followUp.intro')}</Text>
          <form onSubmit={showPeriod} aria-label={t('followUp.showPeriod')}>
            <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
              <TextField
                label={t('followUp.periodFrom')}
                value={period.from ?? value?.period.from ?? ''}
                onChange={v => setPeriod(p => ({ ...p, from: v }))}
              />
              <TextField
                label={t('followUp.periodTo')}
                value={period.to ?? value?.period.to ?? ''}
                onChange={v => setPeriod(p => ({ ...p, to: v }))}
              />
              <Button type="submit" variant="secondary">
                {t('followUp.showPeriod')}
              </Button>
            </Flex>
          </form>

          <LoadingOrFailure
            loading={overview.loading}
            error={overview.error}
            failedTitle={t('followUp.loadFailed')}
          />
          {value && value.units.length === 0 && (
            <Text as="p">{t('followUp.notChef')}</Text>
          )}
          {value && value.units.length > 0 && (
            <div style={{ overflowX: 'auto' }}>
              <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                <caption
                  style={{
                    textAlign: 'left',
                    position: 'absolute',
                    left: -10000,
                  }}
                >
                  {t('followUp.caption')}
                </caption>
                <thead>
                  <tr
                    style={{
                      borderBottom: '2px solid var(--bui-border-2, #ccc)',
                    }}
                  >
                    <th scope="col" style={cell}>
                      {t('followUp.columns.unit')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('followUp.columns.open')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('followUp.columns.overdue')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('followUp.columns.dueSoon', {
                        days: String(value.dueWithinDays),
                      })}
                    </th>
                    <th scope="col" style={cell}>
                      {t('followUp.columns.closed')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('followUp.columns.received')}
                    </th>
                    <th scope="col" style={cell}>
                      {t('followUp.columns.lastFollowedUp')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {value.units.map(unit => (
                    <tr
                      key={unit.unitRef}
                      style={{
                        borderBottom: '1px solid var(--bui-border-1, #ddd)',
                      }}
                    >
                      <th
                        scope="row"
                        style={{ ...cell, paddingLeft: 12 + unit.depth * 20 }}
                      >
                        <Link
                          href={`${followUpLink()}/enhet?${new URLSearchParams({
                            unit: unit.unitRef,
                          })}`}
                        >
                          {unit.title}
                        </Link>
                      </th>
                      {countCell(unit, unit.open, t('followUp.columns.open'), {
                        open: 'true',
                      })}
                      {countCell(
                        unit,
                        unit.overdue,
                        t('followUp.columns.overdue'),
                        { overdue: 'true' },
                      )}
                      {countCell(
                        unit,
                        unit.dueSoon,
                        t('followUp.columns.dueSoon', {
                          days: String(value.dueWithinDays),
                        }),
                        {
                          dueWithinDays: String(value.dueWithinDays),
                          dueFrom: value.today,
                        },
                      )}
                      {countCell(
                        unit,
                        unit.closedInPeriod,
                        t('followUp.columns.closed'),
                        {
                          closedFrom: value.period.from,
                          closedTo: value.period.to,
                        },
                      )}
                      <td style={cell}>
                        {t('followUp.receivedByType', {
                          berom: format.number(unit.receivedByType.berom),
                          klagomal: format.number(unit.receivedByType.klagomal),
                          forslag: format.number(unit.receivedByType.forslag),
                        })}
                      </td>
                      <td style={cell}>
                        {unit.lastFollowedUp
                          ? format.date(unit.lastFollowedUp)
                          : t('followUp.never')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Flex>
      </Container>
    </>
  );
}
