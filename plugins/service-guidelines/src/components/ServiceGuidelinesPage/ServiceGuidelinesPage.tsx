import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Header,
  Skeleton,
  Text,
} from '@backstage/ui';
import { CHANNELS } from '@service-guidelines/plugin-service-guidelines-common';
import useAsync from 'react-use/esm/useAsync';
import { serviceGuidelinesApiRef } from '../../api/ServiceGuidelinesApi';
import { useRegistry } from '../../hooks/useRegistry';
import { registerRouteRef, synpunkterRouteRef } from '../../routes';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { serverProblemOf } from '../shared/serverErrors';
import { SynpunktTable } from '../shared/SynpunktTable';
import { BackendStatusCard } from './BackendStatusCard';

const LEDORD = [
  'bemotande',
  'fortroende',
  'delaktighet',
  'tillganglighet',
  'likabehandling',
] as const;

/**
 * "Service och tillgänglighet": what every employee must know in one screen — the ledord, the
 * svarstider in force, a prominent way to register a synpunkt, and the person's own open ones.
 *
 * @public
 */
export function ServiceGuidelinesPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(serviceGuidelinesApiRef);
  const registerLink = useRouteRef(registerRouteRef);
  const listLink = useRouteRef(synpunkterRouteRef);
  const { rules } = useRegistry();
  const mine = useAsync(
    () => api.listSynpunkter({ mine: 'true', open: 'true', limit: 20 }),
    [api],
  );
  const days = (count: number) =>
    count === 0 ? t('start.atOnce') : t('start.workingDays', { count });

  return (
    <>
      <Header
        title={t('startPage.title')}
        description={t('startPage.description')}
        customActions={
          <Flex gap="2">
            <ButtonLink href={registerLink()} variant="primary" size="medium">
              {t('start.registerButton')}
            </ButtonLink>
            <ButtonLink href={listLink()} variant="secondary" size="medium">
              {t('start.listButton')}
            </ButtonLink>
          </Flex>
        }
      />
      <Container>
        <Flex direction="column" gap="5">
          <section aria-labelledby="sg-mine-title">
            <Card>
              <CardHeader>
                <Text as="h2" variant="title-small" id="sg-mine-title">
                  {t('start.myOpenTitle')}
                </Text>
              </CardHeader>
              <CardBody>
                {mine.loading && <Skeleton width="100%" height={80} />}
                {mine.error && (
                  <Alert
                    status="danger"
                    title={t('list.loadFailed')}
                    description={serverProblemOf(mine.error).message}
                  />
                )}
                {mine.value && mine.value.items.length === 0 && (
                  <Text as="p">{t('start.myOpenEmpty')}</Text>
                )}
                {mine.value && mine.value.items.length > 0 && (
                  <SynpunktTable
                    items={mine.value.items}
                    rules={rules}
                    caption={t('start.myOpenTitle')}
                  />
                )}
              </CardBody>
            </Card>
          </section>

          <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
            <section aria-labelledby="sg-svarstider-title">
              <Card>
                <CardHeader>
                  <Text as="h2" variant="title-small" id="sg-svarstider-title">
                    {t('start.svarstiderTitle')}
                  </Text>
                </CardHeader>
                <CardBody>
                  <table style={{ borderCollapse: 'collapse', width: '100%' }}>
                    <thead>
                      <tr>
                        <th
                          scope="col"
                          style={{ textAlign: 'left', padding: 4 }}
                        >
                          {t('detail.channel')}
                        </th>
                        <th
                          scope="col"
                          style={{ textAlign: 'left', padding: 4 }}
                        >
                          {t('start.forstaSvar')}
                        </th>
                        <th
                          scope="col"
                          style={{ textAlign: 'left', padding: 4 }}
                        >
                          {t('start.aterkoppling')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {CHANNELS.map(channel => (
                        <tr key={channel}>
                          <th
                            scope="row"
                            style={{
                              textAlign: 'left',
                              padding: 4,
                              fontWeight: 400,
                            }}
                          >
                            {t(`synpunkt.channels.${channel}`)}
                          </th>
                          <td style={{ padding: 4 }}>
                            {days(rules.forstaSvarDays(channel))}
                          </td>
                          <td style={{ padding: 4 }}>
                            {days(rules.aterkopplingDays(channel, 'klagomal'))}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </CardBody>
              </Card>
            </section>
            <section aria-labelledby="sg-ledord-title">
              <Card>
                <CardHeader>
                  <Text as="h2" variant="title-small" id="sg-ledord-title">
                    {t('start.ledordTitle')}
                  </Text>
                </CardHeader>
                <CardBody>
                  <dl style={{ margin: 0 }}>
                    {LEDORD.map(word => (
                      <div key={word} style={{ marginBottom: 8 }}>
                        <dt style={{ fontWeight: 600 }}>
                          {t(`start.ledord.${word}.title`)}
                        </dt>
                        <dd style={{ margin: 0 }}>
                          {t(`start.ledord.${word}.text`)}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </CardBody>
              </Card>
            </section>
          </Grid.Root>
          <BackendStatusCard />
        </Flex>
      </Container>
    </>
  );
}
