import { ProxiedSignInPage } from '@backstage/core-components';
import { IdentityApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { SignInPageProps } from '@backstage/plugin-app-react';
import {
  Alert,
  Button,
  Card,
  CardBody,
  Container,
  Flex,
  Text,
} from '@backstage/ui';
import { useState } from 'react';
import { demoUsers } from './demoUsers';
import { demoSignInTranslationRef } from './translation';

const STORAGE_KEY = 'service-guidelines.demo-user';
const GUEST = 'guest';

/** Forgets the chosen person on sign-out, so that the next visit asks again. */
function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      window.localStorage.removeItem(STORAGE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * The demo portal's sign-in: pick a person of the demo organisation (or the guest). The choice is
 * remembered until sign-out, so a reload keeps the person signed in.
 */
export function DemoSignInPage({ onSignInSuccess }: SignInPageProps) {
  const { t } = useTranslationRef(demoSignInTranslationRef);
  const [chosen, setChosen] = useState(() =>
    window.localStorage.getItem(STORAGE_KEY),
  );
  const [failure, setFailure] = useState<string>();

  const choose = (userName: string) => {
    window.localStorage.setItem(STORAGE_KEY, userName);
    setFailure(undefined);
    setChosen(userName);
  };

  if (chosen) {
    return (
      <ProxiedSignInPage
        provider={chosen === GUEST ? 'guest' : 'demo'}
        headers={{ 'x-demo-user': chosen }}
        onSignInSuccess={identity => onSignInSuccess(forgetOnSignOut(identity))}
        ErrorComponent={({ error }) => {
          // Back to the choice, with the reason, rather than a dead end.
          window.localStorage.removeItem(STORAGE_KEY);
          setTimeout(() => {
            setFailure(error?.message);
            setChosen(null);
          });
          return null;
        }}
      />
    );
  }

  return (
    <main>
      <Container>
        <Flex direction="column" gap="4" py="6">
          <Text as="h1" variant="title-large">
            {t('title')}
          </Text>
          <Text as="p">{t('intro')}</Text>
          {failure && (
            <Alert status="danger" title={t('failed')} description={failure} />
          )}
          <ul
            aria-label={t('title')}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {demoUsers.map(user => (
              <li key={user.userName} style={{ marginBottom: 12 }}>
                <Card>
                  <CardBody>
                    <Flex justify="between" align="center" gap="4">
                      <Flex direction="column" gap="1">
                        <Text as="strong" weight="bold">
                          {user.displayName}
                        </Text>
                        <Text as="span">
                          {t(`roles.${user.role}`)} · {user.unit}
                        </Text>
                      </Flex>
                      <Button
                        onPress={() => choose(user.userName)}
                        aria-label={t('signInAs', { name: user.displayName })}
                      >
                        {t('signInAs', {
                          name: user.displayName.split(' ')[0],
                        })}
                      </Button>
                    </Flex>
                  </CardBody>
                </Card>
              </li>
            ))}
            <li>
              <Card>
                <CardBody>
                  <Flex justify="between" align="center" gap="4">
                    <Flex direction="column" gap="1">
                      <Text as="strong" weight="bold">
                        {t('guest')}
                      </Text>
                      <Text as="span">{t('guestDescription')}</Text>
                    </Flex>
                    <Button
                      variant="secondary"
                      onPress={() => choose(GUEST)}
                      aria-label={t('signInAs', { name: t('guest') })}
                    >
                      {t('signInAs', { name: t('guest') })}
                    </Button>
                  </Flex>
                </CardBody>
              </Card>
            </li>
          </ul>
        </Flex>
      </Container>
    </main>
  );
}
