// Swedish, the portal's default language. A plain object (not createTranslationMessages) so that
// the translation ref can import it lazily without a type cycle; the ref's `translations` option
// still checks that every key is here.
export default {
  'nav.title': 'Service och tillgänglighet',
  'startPage.title': 'Service och tillgänglighet',
  'startPage.description':
    'Riktlinjer för tillgänglighet och service: synpunkter, svarstider och förtroendevalda.',
  'backendStatus.title': 'Status för backend',
  'backendStatus.loading': 'Frågar backend…',
  'backendStatus.answering': 'Backend svarar',
  'backendStatus.notAnswering': 'Backend svarar inte',
  'backendStatus.pluginVersion': 'Pluginversion',
  'backendStatus.database': 'Databas',
  'backendStatus.schemaVersion': 'Schemaversion',
  'backendStatus.installedAt': 'Installerad',
  'backendStatus.databaseClients.better-sqlite3': 'SQLite (inbyggd)',
  'backendStatus.databaseClients.pg': 'PostgreSQL',
  'backendStatus.databaseClients.other': 'Annan ({{client}})',
};
