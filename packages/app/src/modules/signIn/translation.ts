import { createTranslationRef } from '@backstage/core-plugin-api/alpha';

/** Text of the demo portal's sign-in page; Swedish in `./sv`. */
export const demoSignInTranslationRef = createTranslationRef({
  id: 'app.demo-sign-in',
  messages: {
    title: 'Sign in to the demo portal',
    intro:
      'Choose a person of the demo organisation to try the portal in their role. There is no password: this sign-in exists only in development.',
    signInAs: 'Sign in as {{name}}',
    guest: 'Guest',
    guestDescription: 'Backstage guest user, no role in the organisation',
    failed: 'Sign-in failed',
    roles: {
      medarbetare: 'Employee',
      handlaggare: 'Case officer',
      chef: 'Manager of a unit',
      forvaltningschef: 'Head of administration',
      rapportlasare: 'Report reader, municipal executive board',
      administrator: 'Administrator',
    },
  },
  translations: {
    sv: () => import('./sv'),
  },
});
