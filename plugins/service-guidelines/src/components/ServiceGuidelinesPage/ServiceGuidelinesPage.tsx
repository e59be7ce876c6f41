import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Container, Header } from '@backstage/ui';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { BackendStatusCard } from './BackendStatusCard';

/**
 * "Service och tillgänglighet": the plugin's start page.
 *
 * @public
 */
export function ServiceGuidelinesPage() {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  return (
    <>
      <Header
        title={t('startPage.title')}
        description={t('startPage.description')}
      />
      <Container>
        <BackendStatusCard />
      </Container>
    </>
  );
}
