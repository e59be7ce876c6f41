import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  CardBody,
  Container,
  Flex,
  Header,
  Link,
  Text,
} from '@backstage/ui';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import {
  stockholmDateOf,
  Uppfoljning,
  UppfoljningAction,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { useFormatters } from '../../hooks/useFormatters';
import { followUpRouteRef, synpunktRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { FactList } from '../shared/FactList';
import { LoadingOrFailure } from '../shared/LoadingOrFailure';
import { serverProblemOf } from '../shared/serverErrors';
import { useUnitTitle } from './useUnitTitle';

/**
 * One unit's uppföljningar, newest first, with their actions; the chef who recorded one marks
 * its actions carried out here. Links to record a new one and to the printable list.
 */
export function UnitFollowUpPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const followUpLink = useRouteRef(followUpRouteRef);
  const [params] = useSearchParams();
  const unitRef = params.get('unit') ?? '';
  const title = useUnitTitle(unitRef);
  const records = useAsyncRetry(
    () => api.listUppfoljningar(unitRef),
    [api, unitRef],
  );
  const unitQuery = new URLSearchParams({ unit: unitRef }).toString();

  return (
    <>
      <Header title={t('followUp.unitTitle', { unit: title })} />
      <Container>
        <Flex direction="column" gap="4">
          <Flex gap="3" style={{ flexWrap: 'wrap' }}>
            <ButtonLink
              href={`${followUpLink()}/ny?${unitQuery}`}
              variant="primary"
            >
              {t('followUp.record')}
            </ButtonLink>
            <ButtonLink
              href={`${followUpLink()}/utskrift?${unitQuery}`}
              variant="secondary"
            >
              {t('followUp.print')}
            </ButtonLink>
            <Link href={followUpLink()}>{t('followUp.back')}</Link>
          </Flex>
          <LoadingOrFailure
            loading={Boolean(records.loading && !records.value)}
            error={records.error}
            failedTitle={t('followUp.loadFailed')}
          />
          {records.value?.length === 0 && (
            <Text as="p">{t('followUp.none')}</Text>
          )}
          {records.value?.map(record => (
            <UppfoljningCard
              key={record.id}
              record={record}
              onChanged={records.retry}
            />
          ))}
        </Flex>
      </Container>
    </>
  );
}

function UppfoljningCard(props: {
  record: Uppfoljning;
  onChanged: () => void;
}) {
  const { record } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const format = useFormatters();
  const synpunktLink = useRouteRef(synpunktRouteRef);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const headingId = `sg-uppfoljning-${record.id}`;

  const markDone = async (action: UppfoljningAction) => {
    setBusy(true);
    setFailure(undefined);
    const today = stockholmDateOf(new Date().toISOString());
    try {
      await api.updateUppfoljning(record.id, {
        version: record.version,
        heldDate: record.heldDate,
        participants: record.participants,
        synpunktIds: record.synpunkter.map(s => s.id),
        conclusions: record.conclusions,
        actions: record.actions.map(a =>
          a.id === action.id ? { ...a, doneDate: today } : a,
        ),
      });
      props.onChanged();
    } catch (error) {
      setFailure(serverProblemOf(error).message);
      props.onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <CardBody>
        <section aria-labelledby={headingId}>
          <Flex direction="column" gap="3">
            <Text as="h2" variant="title-small" id={headingId}>
              {t('followUp.heldOn', { date: format.date(record.heldDate) })}
            </Text>
            {failure && (
              <Alert
                status="danger"
                role="alert"
                title={t('followUp.saveFailed')}
                description={failure}
              />
            )}
            <FactList
              facts={[
                [
                  t('followUp.recordedBy'),
                  <EntityDisplayName entityRef={record.recordedBy} hideIcon />,
                ],
                [
                  t('followUp.participants'),
                  record.participants.map(p => p.name).join(', '),
                ],
                record.synpunkter.length > 0 && [
                  t('followUp.discussed'),
                  <Flex gap="2" style={{ flexWrap: 'wrap' }}>
                    {record.synpunkter.map(s => (
                      <Link key={s.id} href={synpunktLink({ id: s.id })}>
                        {s.registrationNumber}
                      </Link>
                    ))}
                  </Flex>,
                ],
                [t('followUp.conclusions'), record.conclusions],
              ]}
            />
            {record.actions.length > 0 && (
              <>
                <Text as="h3" variant="body-large" weight="bold">
                  {t('followUp.actions')}
                </Text>
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {record.actions.map(action => (
                    <li key={action.id} style={{ marginBottom: 8 }}>
                      <Text as="span" weight="bold">
                        {action.description}
                      </Text>{' '}
                      <Text as="span">
                        — {t('followUp.responsible')}: {action.responsible} ·{' '}
                        {t('followUp.due')}: {format.date(action.dueDate)} ·{' '}
                        {action.doneDate
                          ? t('followUp.done', {
                              date: format.date(action.doneDate),
                            })
                          : t('followUp.notDone')}
                      </Text>
                      {record.editable && !action.doneDate && (
                        <Button
                          size="small"
                          variant="secondary"
                          isDisabled={busy}
                          style={{ marginLeft: 8 }}
                          onPress={() => markDone(action)}
                          aria-label={t('followUp.markDone', {
                            action: action.description,
                          })}
                        >
                          {t('followUp.markDone', {
                            action: action.description,
                          })}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Flex>
        </section>
      </CardBody>
    </Card>
  );
}
