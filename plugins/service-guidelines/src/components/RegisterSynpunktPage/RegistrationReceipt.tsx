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
import { FactList } from '../shared/FactList';

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
          <FactList
            facts={[
              {
                term: t('register.successNumber'),
                value: synpunkt.registrationNumber,
                testId: 'sg-registration-number',
              },
              synpunkt.forstaSvar && [
                t('register.successForstaSvar'),
                synpunkt.forstaSvar.date
                  ? t('start.atOnce')
                  : deadline(synpunkt.forstaSvar.due, forstaSvarDays ?? 0),
              ],
              synpunkt.aterkopplingDue && {
                term: t('register.successAterkoppling'),
                value: deadline(
                  synpunkt.aterkopplingDue,
                  synpunkt.aterkopplingDays ?? 0,
                ),
                testId: 'sg-aterkoppling-due',
              },
            ]}
          />
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
