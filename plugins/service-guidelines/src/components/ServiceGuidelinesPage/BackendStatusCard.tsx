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
import { serviceGuidelinesTranslationRef } from '../../translation';

const factListStyle = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: 'var(--bui-space-4, 16px)',
  rowGap: 'var(--bui-space-2, 8px)',
  margin: 0,
} as const;
const termStyle = { fontWeight: 600 } as const;
const valueStyle = { margin: 0 } as const;

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
            <dl style={factListStyle}>
              <dt style={termStyle}>{t('backendStatus.pluginVersion')}</dt>
              <dd style={valueStyle} data-testid="sg-plugin-version">
                {value.plugin.version}
              </dd>
              <dt style={termStyle}>{t('backendStatus.database')}</dt>
              <dd style={valueStyle} data-testid="sg-database">
                {databaseName(value.database)}
              </dd>
              {value.database.schemaVersion && (
                <>
                  <dt style={termStyle}>{t('backendStatus.schemaVersion')}</dt>
                  <dd style={valueStyle}>{value.database.schemaVersion}</dd>
                </>
              )}
              {value.database.installedAt && (
                <>
                  <dt style={termStyle}>{t('backendStatus.installedAt')}</dt>
                  <dd style={valueStyle}>
                    {format.dateTime(value.database.installedAt)}
                  </dd>
                </>
              )}
            </dl>
          </Flex>
        )}
      </CardBody>
    </Card>
  );
}
