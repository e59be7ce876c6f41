import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Alert,
  Card,
  CardBody,
  Container,
  Flex,
  Header,
  Text,
} from '@backstage/ui';
import {
  synpunktHandlePermission,
  SynpunktWithHistory,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { useDueText } from '../../hooks/useDueText';
import { useFormatters } from '../../hooks/useFormatters';
import { useRegistry } from '../../hooks/useRegistry';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { LoadingOrFailure } from '../shared/LoadingOrFailure';
import { FactList } from '../shared/FactList';
import { ActionForms } from './ActionForms';
import { HistoryTimeline } from './HistoryTimeline';

/**
 * One synpunkt: its facts, deadlines, the customer's words and contact details (for those
 * allowed), the actions the signed-in person may take, and its whole history.
 */
export function SynpunktPage() {
  const { id = '' } = useParams();
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const format = useFormatters();
  const { settings, rules } = useRegistry();
  const dueText = useDueText(rules);
  const state = useAsyncRetry(() => api.getSynpunkt(id), [api, id]);
  const [latest, setLatest] = useState<SynpunktWithHistory>();
  const handle = usePermission({
    permission: synpunktHandlePermission,
    resourceRef: id,
  });

  // The answer of an action is shown at once; the reload that follows brings its history.
  const synpunkt =
    latest && latest.version > (state.value?.version ?? 0)
      ? latest
      : state.value;
  const area = settings.areas.find(a => a.id === synpunkt?.area);

  return (
    <>
      <Header
        title={synpunkt ? synpunkt.registrationNumber : t('list.title')}
      />
      <Container>
        <Flex direction="column" gap="4">
          <LoadingOrFailure
            loading={Boolean(state.loading && !synpunkt)}
            error={state.error}
            failedTitle={t('detail.loadFailed')}
            height={240}
          />
          {synpunkt && (
            <>
              <Card>
                <CardBody>
                  <FactList
                    facts={[
                      [
                        t('list.columns.type'),
                        t(`synpunkt.types.${synpunkt.type}`),
                      ],
                      [
                        t('list.columns.status'),
                        t(`synpunkt.statuses.${synpunkt.status}`),
                      ],
                      [
                        t('detail.received'),
                        format.dateTime(synpunkt.receivedAt),
                      ],
                      [
                        t('detail.channel'),
                        t(`synpunkt.channels.${synpunkt.channel}`),
                      ],
                      [
                        t('detail.unit'),
                        <EntityDisplayName
                          entityRef={synpunkt.unitRef}
                          hideIcon
                        />,
                      ],
                      [
                        t('detail.area'),
                        `${area?.title ?? synpunkt.area}${
                          synpunkt.legalDuty
                            ? ` (${t('detail.legalDuty')})`
                            : ''
                        }`,
                      ],
                      [
                        t('detail.handlaggare'),
                        synpunkt.handlaggareRef ? (
                          <EntityDisplayName
                            entityRef={synpunkt.handlaggareRef}
                            hideIcon
                          />
                        ) : (
                          t('detail.nobody')
                        ),
                      ],
                      [
                        t('detail.registeredBy'),
                        <EntityDisplayName
                          entityRef={synpunkt.registeredBy}
                          hideIcon
                        />,
                      ],
                    ]}
                  />
                </CardBody>
              </Card>
              <Card>
                <CardBody>
                  <Flex direction="column" gap="2">
                    <Text as="h2" variant="title-small">
                      {t('detail.deadlines')}
                    </Text>
                    <FactList
                      facts={[
                        synpunkt.forstaSvar && [
                          t('detail.forstaSvar'),
                          synpunkt.forstaSvar.date
                            ? format.date(synpunkt.forstaSvar.date)
                            : format.date(synpunkt.forstaSvar.due),
                        ],
                        [
                          t('detail.aterkoppling'),
                          `${
                            synpunkt.aterkopplingDue
                              ? `${format.date(synpunkt.aterkopplingDue)} · `
                              : ''
                          }${dueText(synpunkt).text}`,
                        ],
                        synpunkt.pauses.length > 0 && [
                          t('detail.pauses'),
                          synpunkt.pauses
                            .map(
                              p =>
                                `${format.date(p.from)}–${
                                  p.to ? format.date(p.to) : ''
                                }${p.reason ? ` (${p.reason})` : ''}`,
                            )
                            .join('; '),
                        ],
                      ]}
                    />
                  </Flex>
                </CardBody>
              </Card>
              <Card>
                <CardBody>
                  <Flex direction="column" gap="2">
                    <Text as="h2" variant="title-small">
                      {t('detail.description')}
                    </Text>
                    {synpunkt.gallradAt && (
                      <Alert
                        status="info"
                        title={t('detail.gallrad', {
                          date: format.date(synpunkt.gallradAt),
                        })}
                      />
                    )}
                    {synpunkt.description !== undefined && (
                      <Text as="p" style={{ whiteSpace: 'pre-wrap' }}>
                        {synpunkt.description}
                      </Text>
                    )}
                    {synpunkt.description === undefined &&
                      !synpunkt.gallradAt && (
                        <Text as="p">{t('detail.hiddenSekretess')}</Text>
                      )}
                    <Text as="h2" variant="title-small">
                      {t('detail.contact')}
                    </Text>
                    {synpunkt.anonymous && (
                      <Text as="p">{t('detail.anonymous')}</Text>
                    )}
                    {!synpunkt.anonymous && !synpunkt.personalDataVisible && (
                      <Text as="p">{t('detail.noContactAccess')}</Text>
                    )}
                    {synpunkt.contact && (
                      <FactList
                        facts={[
                          synpunkt.contact.name !== undefined && [
                            t('register.contactName'),
                            synpunkt.contact.name,
                          ],
                          synpunkt.contact.email !== undefined && [
                            t('register.contactEmail'),
                            synpunkt.contact.email,
                          ],
                          synpunkt.contact.phone !== undefined && [
                            t('register.contactPhone'),
                            synpunkt.contact.phone,
                          ],
                          synpunkt.contact.address !== undefined && [
                            t('register.contactAddress'),
                            synpunkt.contact.address,
                          ],
                        ]}
                      />
                    )}
                    {synpunkt.utredning?.text && (
                      <>
                        <Text as="h2" variant="title-small">
                          {t('detail.utredning')}
                        </Text>
                        <Text as="p" style={{ whiteSpace: 'pre-wrap' }}>
                          {synpunkt.utredning.text}
                        </Text>
                      </>
                    )}
                    {synpunkt.closed && (
                      <FactList
                        facts={[
                          [t('detail.outcome'), synpunkt.closed.outcome ?? ''],
                          synpunkt.closed.ledToImprovement && [
                            t('detail.improvement'),
                            synpunkt.closed.improvementDescription ?? '',
                          ],
                        ]}
                      />
                    )}
                  </Flex>
                </CardBody>
              </Card>
              {/* A gallrad synpunkt can no longer be changed; the server refuses it too. */}
              {handle.allowed && !synpunkt.gallradAt && (
                <ActionForms
                  synpunkt={synpunkt}
                  onChanged={updated => {
                    setLatest({ ...updated, history: synpunkt.history });
                    state.retry();
                  }}
                  onConflict={state.retry}
                />
              )}
              <HistoryTimeline events={synpunkt.history} />
            </>
          )}
        </Flex>
      </Container>
    </>
  );
}
