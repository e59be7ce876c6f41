import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Skeleton,
  Text,
} from '@backstage/ui';
import { DatabaseStatus } from '@service-guidelines/plugin-service-guidelines-common';
import { useBackendHealth } from '../../hooks/useBackendHealth';
import { useFormatters } from '../../hooks/useFormatters';
import { errorText } from '../shared/errorText';
import { FactList } from '../shared/FactList';
import { serviceGuidelinesTranslationRef } from '../../translation';

/** Shows that the backend answers: the plugin version it runs and the database it uses. */
export function BackendStatusCard() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const format = useFormatters();
  const { loading, value, error } = useBackendHealth();

  const databaseName = (database: DatabaseStatus) => {
    if (database.client === 'better-sqlite3' || database.client === 'pg') {
      return t(`backendStatus.databaseClients.${database.client}`);
    }
    return t('backendStatus.databaseClients.other', {
      client: database.client,
    });
  };

  return (
    <Card aria-labelledby="sg-backend-status-title">
      <CardHeader>
        <Text as="h2" variant="title-small" id="sg-backend-status-title">
          {t('backendStatus.title')}
        </Text>
      </CardHeader>
      <CardBody>
        {loading && (
          <Flex direction="column" gap="2" aria-busy="true">
            <Text>{t('backendStatus.loading')}</Text>
            <Skeleton width="60%" />
          </Flex>
        )}
        {error && (
          <Alert
            status="danger"
            title={t('backendStatus.notAnswering')}
            description={errorText(error)}
          />
        )}
        {value && (
          <Flex direction="column" gap="3">
            <Alert status="success" title={t('backendStatus.answering')} />
            <FactList
              facts={[
                {
                  term: t('backendStatus.pluginVersion'),
                  value: value.plugin.version,
                  testId: 'sg-plugin-version',
                },
                {
                  term: t('backendStatus.database'),
                  value: databaseName(value.database),
                  testId: 'sg-database',
                },
                value.database.schemaVersion && [
                  t('backendStatus.schemaVersion'),
                  value.database.schemaVersion,
                ],
                value.database.installedAt && [
                  t('backendStatus.installedAt'),
                  format.dateTime(value.database.installedAt),
                ],
              ]}
            />
          </Flex>
        )}
      </CardBody>
    </Card>
  );
}
