import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Button,
  Flex,
  Link,
  Radio,
  RadioGroup,
  SearchField,
  Text,
} from '@backstage/ui';
import { useNavigate } from 'react-router-dom';
import {
  NOT_SYNPUNKT_CATEGORIES,
  NotSynpunktCategory,
  RegistrySettings,
  SYNPUNKT_TYPES,
  SynpunktType,
} from '@service-guidelines/plugin-service-guidelines-common';
import { serviceGuidelinesTranslationRef } from '../../translation';

/** What the matter is: a synpunkt type, or one of the matters guided elsewhere. */
export type MatterKind = SynpunktType | NotSynpunktCategory;

export const isSynpunktType = (kind: MatterKind): kind is SynpunktType =>
  (SYNPUNKT_TYPES as readonly string[]).includes(kind);

/**
 * The first question: what is the matter? For what is not a synpunkt it shows where it goes
 * instead, before anything is typed.
 */
export function TriageStep(props: {
  settings: RegistrySettings;
  kind?: MatterKind;
  onKindChange: (kind: MatterKind) => void;
  onContinue: () => void;
  directoryPath?: string;
}) {
  const { settings, kind, onKindChange, onContinue, directoryPath } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const guided = kind && !isSynpunktType(kind) ? kind : undefined;
  const navigate = useNavigate();

  return (
    <Flex direction="column" gap="4">
      <RadioGroup
        label={t('register.triageQuestion')}
        description={t('register.triageHelp')}
        value={kind ?? null}
        onChange={value => onKindChange(value as MatterKind)}
      >
        <Text as="strong" weight="bold">
          {t('register.isSynpunkt')}
        </Text>
        {SYNPUNKT_TYPES.map(type => (
          <Radio key={type} value={type}>
            {t(`synpunkt.types.${type}`)}
          </Radio>
        ))}
        <Text as="strong" weight="bold">
          {t('register.notSynpunkt')}
        </Text>
        {NOT_SYNPUNKT_CATEGORIES.map(category => (
          <Radio key={category} value={category}>
            {t(`synpunkt.categories.${category}`)}
          </Radio>
        ))}
      </RadioGroup>

      {guided && (
        <Alert
          status="info"
          role="status"
          title={t('register.guidanceTitle')}
          description={
            <Flex direction="column" gap="2">
              <Text as="p">{settings.guidance[guided]}</Text>
              {guided === 'fortroendevald' && directoryPath && (
                <Flex direction="column" gap="2">
                  <SearchField
                    label={t('register.searchOfficial')}
                    onSubmit={(name: string) =>
                      navigate(`${directoryPath}?q=${encodeURIComponent(name)}`)
                    }
                  />
                  <Link href={directoryPath}>{t('register.findOfficial')}</Link>
                </Flex>
              )}
            </Flex>
          }
        />
      )}

      {kind && isSynpunktType(kind) && (
        <Flex>
          <Button variant="primary" onPress={onContinue}>
            {t('register.continue')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
