import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Alert, Flex, Text } from '@backstage/ui';
import { Synpunkt } from '@service-guidelines/plugin-service-guidelines-common';
import { useFormatters } from '../../hooks/useFormatters';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { FactList, FactRow } from '../shared/FactList';

/**
 * After a 409: the person's own change (kept, not saved) beside what someone else saved meanwhile,
 * field by field as "before → now", so that they can decide whether to save theirs again.
 */
export function ConflictComparison(props: {
  /** The synpunkt as it was when the person started their change. */
  before: Synpunkt;
  /** The synpunkt as saved now. */
  now: Synpunkt;
  /** What the person typed, as term and value. */
  mine: FactRow[];
}) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const format = useFormatters();
  const date = (d?: string) => (d ? format.date(d) : '–');
  const fields: Array<[string, (s: Synpunkt) => string]> = [
    [t('list.columns.status'), s => t(`synpunkt.statuses.${s.status}`)],
    [t('detail.handlaggare'), s => s.handlaggareRef ?? t('detail.nobody')],
    [t('detail.unit'), s => s.unitRef],
    [t('detail.area'), s => s.area],
    [t('list.columns.type'), s => t(`synpunkt.types.${s.type}`)],
    [t('detail.description'), s => s.description ?? ''],
    [
      t('detail.pauses'),
      s =>
        s.pauses.some(p => !p.to)
          ? t('detail.conflict.yes')
          : t('detail.conflict.no'),
    ],
    [t('detail.utredning'), s => date(s.utredning?.date)],
    [t('detail.aterkoppling'), s => date(s.aterkoppling?.date)],
    [t('detail.outcome'), s => s.closed?.outcome ?? ''],
  ];
  const theirs: FactRow[] = fields
    .map(([term, of]) => [term, of(props.before), of(props.now)] as const)
    .filter(([, was, is]) => was !== is)
    .map(([term, was, is]) => [term, `${was || '–'} → ${is || '–'}`]);

  return (
    <Alert
      status="warning"
      role="alert"
      title={t('detail.conflictTitle')}
      description={
        <Flex direction="column" gap="3">
          <Text as="p">{t('detail.conflictText')}</Text>
          <Flex gap="6" style={{ flexWrap: 'wrap' }}>
            <section aria-labelledby="sg-conflict-mine">
              <Text
                as="h3"
                variant="body-large"
                weight="bold"
                id="sg-conflict-mine"
              >
                {t('detail.conflict.mine')}
              </Text>
              <FactList facts={props.mine} />
            </section>
            <section aria-labelledby="sg-conflict-theirs">
              <Text
                as="h3"
                variant="body-large"
                weight="bold"
                id="sg-conflict-theirs"
              >
                {t('detail.conflict.theirs', {
                  version: String(props.now.version),
                })}
              </Text>
              {theirs.length > 0 ? (
                <FactList facts={theirs} />
              ) : (
                <Text as="p">{t('detail.conflict.noVisibleChange')}</Text>
              )}
            </section>
          </Flex>
        </Flex>
      }
    />
  );
}
