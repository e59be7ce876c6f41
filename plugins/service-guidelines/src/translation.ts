import { createTranslationRef } from '@backstage/core-plugin-api/alpha';

/**
 * All text of the service-guidelines frontend. English is the reference language of the messages
 * below (as in Backstage's own plugins); Swedish, the portal's default, comes from `translations/sv`.
 *
 * @public
 */
export const serviceGuidelinesTranslationRef = createTranslationRef({
  id: 'plugin.service-guidelines',
  messages: {
    nav: {
      title: 'Service and accessibility',
    },
    startPage: {
      title: 'Service and accessibility',
      description:
        'Guidelines for accessibility and service: feedback (synpunkter), response times and elected officials.',
    },
    backendStatus: {
      title: 'Backend status',
      loading: 'Asking the backend…',
      answering: 'The backend answers',
      notAnswering: 'The backend does not answer',
      pluginVersion: 'Plugin version',
      database: 'Database',
      schemaVersion: 'Schema version',
      installedAt: 'Installed',
      databaseClients: {
        'better-sqlite3': 'SQLite (embedded)',
        pg: 'PostgreSQL',
        other: 'Other ({{client}})',
      },
    },
  },
  translations: {
    sv: () => import('./translations/sv'),
  },
});
