// Swedish, the portal's default language. A plain object (not createTranslationMessages) so that
// the translation ref can import it lazily without a type cycle; the ref's `translations` option
// still checks that every key is here.
export default {
  title: 'Logga in i demoportalen',
  intro:
    'Välj en person i demoorganisationen för att prova portalen i hens roll. Det finns inget lösenord: den här inloggningen finns bara i utvecklingsläge.',
  signInAs: 'Logga in som {{name}}',
  guest: 'Gäst',
  guestDescription: 'Backstages gästanvändare, utan roll i organisationen',
  failed: 'Inloggningen misslyckades',
  'roles.medarbetare': 'Medarbetare',
  'roles.handlaggare': 'Handläggare',
  'roles.chef': 'Chef för en enhet',
  'roles.forvaltningschef': 'Förvaltningschef',
  'roles.rapportlasare': 'Rapportläsare, kommunstyrelsen',
  'roles.administrator': 'Administratör',
};
