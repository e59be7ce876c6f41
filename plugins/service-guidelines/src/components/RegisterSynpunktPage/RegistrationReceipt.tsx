import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  CardBody,
  Flex,
  Text,
} from '@backstage/ui';
import { Synpunkt } from '@service-guidelines/plugin-service-guidelines-common';
import { useEffect, useRef } from 'react';
import { useFormatters } from '../../hooks/useFormatters';
import { serviceGuidelinesTranslationRef } from '../../translation';

/**
 * What the employee reads out to the customer: the registration number and when to expect an
 * answer, as a date and in arbetsdagar.
 */
export function RegistrationReceipt(props: {
  synpunkt: Synpunkt;
  forstaSvarDays?: number;
  detailHref: string;
  onRegisterAnother: () => void;
}) {
  const { synpunkt, forstaSvarDays, detailHref } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const format = useFormatters();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const deadline = (date: string, days: number) =>
    t('register.successDeadline', {
      date: format.date(date),
      days: t('start.workingDays', { count: days }),
    });

  return (
    <Card>
      <CardBody>
        <Flex direction="column" gap="4">
          <Text as="h2" variant="title-medium" ref={headingRef} tabIndex={-1}>
            {t('register.successTitle', {
              number: synpunkt.registrationNumber,
            })}
          </Text>
          <dl
            style={{
              display: 'grid',
              gridTemplateColumns: 'max-content 1fr',
              gap: '8px 16px',
              margin: 0,
            }}
          >
            <dt style={{ fontWeight: 600 }}>{t('register.successNumber')}</dt>
            <dd style={{ margin: 0 }} data-testid="sg-registration-number">
              {synpunkt.registrationNumber}
            </dd>
            {synpunkt.forstaSvar && (
              <>
                <dt style={{ fontWeight: 600 }}>
                  {t('register.successForstaSvar')}
                </dt>
                <dd style={{ margin: 0 }}>
                  {synpunkt.forstaSvar.date
                    ? t('start.atOnce')
                    : deadline(synpunkt.forstaSvar.due, forstaSvarDays ?? 0)}
                </dd>
              </>
            )}
            {synpunkt.aterkopplingDue && (
              <>
                <dt style={{ fontWeight: 600 }}>
                  {t('register.successAterkoppling')}
                </dt>
                <dd style={{ margin: 0 }} data-testid="sg-aterkoppling-due">
                  {deadline(
                    synpunkt.aterkopplingDue,
                    synpunkt.aterkopplingDays ?? 0,
                  )}
                </dd>
              </>
            )}
          </dl>
          {synpunkt.anonymous && (
            <Alert status="info" title={t('register.successAnonymous')} />
          )}
          <Flex gap="3">
            <ButtonLink href={detailHref} variant="secondary">
              {t('register.openIt')}
            </ButtonLink>
            <Button variant="primary" onPress={props.onRegisterAnother}>
              {t('register.registerAnother')}
            </Button>
          </Flex>
        </Flex>
      </CardBody>
    </Card>
  );
}
