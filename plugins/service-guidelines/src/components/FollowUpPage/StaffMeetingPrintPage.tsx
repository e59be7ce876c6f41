import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Button, Container, Flex, Header, Link, Text } from '@backstage/ui';
import { Synpunkt } from '@service-guidelines/plugin-service-guidelines-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { useFormatters } from '../../hooks/useFormatters';
import { useRegistry } from '../../hooks/useRegistry';
import { followUpRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { LoadingOrFailure } from '../shared/LoadingOrFailure';
import { useUnitTitle } from './useUnitTitle';

const cell = {
  padding: '6px 8px',
  textAlign: 'left' as const,
  verticalAlign: 'top' as const,
  borderBottom: '1px solid #999',
};

/** Every page of a list, for a printout that must be whole. */
async function allPages(
  load: (
    cursor?: string,
  ) => Promise<{ items: Synpunkt[]; nextCursor?: string }>,
): Promise<Synpunkt[]> {
  const items: Synpunkt[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * A unit's synpunkter for a staff meeting: the open ones and those closed in the period, with what
 * the customer said and what was done, and never contact details (they are not even rendered, and
 * sekretess texts are replaced by a notice). Laid out to print on paper.
 */
export function StaffMeetingPrintPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const format = useFormatters();
  const { settings } = useRegistry();
  const followUpLink = useRouteRef(followUpRouteRef);
  const [params] = useSearchParams();
  const unitRef = params.get('unit') ?? '';
  const title = useUnitTitle(unitRef);
  const state = useAsync(async () => {
    const overview = await api.getFollowUpOverview({
      from: params.get('from') ?? undefined,
      to: params.get('to') ?? undefined,
    });
    const { from, to } = overview.period;
    const [open, closed] = await Promise.all([
      allPages(cursor =>
        api.listSynpunkter({ unit: unitRef, open: 'true', limit: 200, cursor }),
      ),
      allPages(cursor =>
        api.listSynpunkter({
          unit: unitRef,
          closedFrom: from,
          closedTo: to,
          limit: 200,
          cursor,
        }),
      ),
    ]);
    return { period: overview.period, items: [...open, ...closed] };
  }, [api, unitRef, params.toString()]);
  const areaTitle = (id: string) =>
    settings.areas.find(a => a.id === id)?.title ?? id;

  return (
    <>
      <Header title={t('followUp.printTitle', { unit: title })} />
      <Container>
        <Flex direction="column" gap="3">
          <Flex gap="3" align="center" className="sg-no-print">
            <Button variant="primary" onPress={() => window.print()}>
              {t('followUp.printButton')}
            </Button>
            <Link
              href={`${followUpLink()}/enhet?${new URLSearchParams({
                unit: unitRef,
              })}`}
            >
              {t('followUp.unitLink', { unit: title })}
            </Link>
          </Flex>
          <style>
            {'@media print { .sg-no-print, nav { display: none !important; } }'}
          </style>
          <LoadingOrFailure
            loading={state.loading}
            error={state.error}
            failedTitle={t('followUp.loadFailed')}
          />
          {state.value && (
            <>
              <Text as="p">
                {t('followUp.printIntro', {
                  from: format.date(state.value.period.from),
                  to: format.date(state.value.period.to),
                })}
              </Text>
              {state.value.items.length === 0 ? (
                <Text as="p">{t('followUp.printEmpty')}</Text>
              ) : (
                <table style={{ width: '100%', borderCollapse: 'collapse' }}>
                  <thead>
                    <tr>
                      <th scope="col" style={cell}>
                        {t('list.columns.number')}
                      </th>
                      <th scope="col" style={cell}>
                        {t('list.columns.received')}
                      </th>
                      <th scope="col" style={cell}>
                        {t('list.columns.type')}
                      </th>
                      <th scope="col" style={cell}>
                        {t('detail.area')}
                      </th>
                      <th scope="col" style={cell}>
                        {t('list.columns.status')}
                      </th>
                      <th scope="col" style={cell}>
                        {t('detail.description')}
                      </th>
                      <th scope="col" style={cell}>
                        {t('detail.outcome')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {state.value.items.map(s => (
                      <tr key={s.id}>
                        <th scope="row" style={cell}>
                          {s.registrationNumber}
                        </th>
                        <td style={cell}>{format.date(s.receivedDate)}</td>
                        <td style={cell}>{t(`synpunkt.types.${s.type}`)}</td>
                        <td style={cell}>{areaTitle(s.area)}</td>
                        <td style={cell}>
                          {t(`synpunkt.statuses.${s.status}`)}
                        </td>
                        <td style={{ ...cell, whiteSpace: 'pre-wrap' }}>
                          {s.sekretess
                            ? t('followUp.sekretess')
                            : s.description ?? ''}
                        </td>
                        <td style={{ ...cell, whiteSpace: 'pre-wrap' }}>
                          {s.closed?.outcome ?? ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </Flex>
      </Container>
    </>
  );
}
