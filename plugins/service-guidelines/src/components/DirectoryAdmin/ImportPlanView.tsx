import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Flex, Text } from '@backstage/ui';
import {
  ImportPlan,
  ImportUppdrag,
  ImportUppdragChange,
} from '@service-guidelines/plugin-service-guidelines-common';
import { ReactNode } from 'react';
import { useFormatters } from '../../hooks/useFormatters';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { useUppdragText } from '../DirectoryPage/uppdragText';

const factListStyle = {
  display: 'grid',
  gridTemplateColumns: 'max-content max-content',
  columnGap: 'var(--bui-space-4, 16px)',
  rowGap: 'var(--bui-space-1, 4px)',
  margin: 0,
} as const;

function Section(props: { title: string; count: number; children: ReactNode }) {
  if (props.count === 0) {
    return null;
  }
  return (
    <section>
      <Text as="h3" variant="title-x-small">
        {props.title} ({props.count})
      </Text>
      <ul style={{ marginTop: 'var(--bui-space-1, 4px)' }}>{props.children}</ul>
    </section>
  );
}

/** What an import would do, or did: counts, then every change, person by person. */
export function ImportPlanView({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const text = useUppdragText();
  const format = useFormatters();
  const none = t('directory.import.none');
  const date = (value?: string) => (value ? format.date(value) : none);
  const uppdragLine = (u: ImportUppdrag) =>
    `${u.name} (${u.email}): ${text.line(u)}, ${text.term(u)}`;
  const counts: Array<[string, number]> = [
    [t('directory.import.summary.peopleAdded'), plan.people.added.length],
    [t('directory.import.summary.peopleChanged'), plan.people.changed.length],
    [t('directory.import.summary.uppdragAdded'), plan.uppdrag.added.length],
    [t('directory.import.summary.uppdragChanged'), plan.uppdrag.changed.length],
    [t('directory.import.summary.uppdragEnded'), plan.uppdrag.ended.length],
    [t('directory.import.summary.uppdragRemoved'), plan.uppdrag.removed.length],
    [t('directory.import.summary.unchanged'), plan.uppdrag.unchanged],
  ];
  const changeOf = (u: ImportUppdragChange, key: 'endedTo' | 'changedTo') =>
    `${u.name} (${u.email}): ${text.line(u)} – ${t(`directory.import.${key}`, {
      to: date(u.to),
      previousTo: date(u.previousTo),
    })}`;

  return (
    <Flex direction="column" gap="3" data-testid="sg-import-plan">
      {plan.organs.length > 0 && (
        <Text>
          {t('directory.import.rules', {
            organs: plan.organs.join(', '),
            endDate: format.date(plan.endDate),
          })}
        </Text>
      )}
      {plan.ignoredColumns.length > 0 && (
        <Text color="secondary">
          {t('directory.import.ignoredColumns', {
            columns: plan.ignoredColumns.join(', '),
          })}
        </Text>
      )}
      <dl style={factListStyle}>
        {counts.map(([label, count]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd style={{ margin: 0, textAlign: 'right' }}>
              {format.number(count)}
            </dd>
          </div>
        ))}
      </dl>
      <Section
        title={t('directory.import.summary.peopleAdded')}
        count={plan.people.added.length}
      >
        {plan.people.added.map(p => (
          <li key={p.email}>
            {p.name} ({p.party}, {p.email})
          </li>
        ))}
      </Section>
      <Section
        title={t('directory.import.summary.peopleChanged')}
        count={plan.people.changed.length}
      >
        {plan.people.changed.map(p => (
          <li key={p.email}>
            {p.name} ({p.email}):{' '}
            {Object.entries(p.changes)
              .map(([field, change]) =>
                t('directory.import.changeFrom', {
                  field,
                  from: change.from ?? none,
                  to: change.to ?? none,
                }),
              )
              .join('; ')}
          </li>
        ))}
      </Section>
      <Section
        title={t('directory.import.summary.uppdragAdded')}
        count={plan.uppdrag.added.length}
      >
        {plan.uppdrag.added.map(u => (
          <li key={`${u.email}|${u.organ}|${u.role}|${u.from}`}>
            {uppdragLine(u)}
          </li>
        ))}
      </Section>
      <Section
        title={t('directory.import.summary.uppdragChanged')}
        count={plan.uppdrag.changed.length}
      >
        {plan.uppdrag.changed.map(u => (
          <li key={`${u.email}|${u.organ}|${u.role}|${u.from}`}>
            {changeOf(u, 'changedTo')}
          </li>
        ))}
      </Section>
      <Section
        title={t('directory.import.summary.uppdragEnded')}
        count={plan.uppdrag.ended.length}
      >
        {plan.uppdrag.ended.map(u => (
          <li key={`${u.email}|${u.organ}|${u.role}|${u.from}`}>
            {changeOf(u, 'endedTo')}
          </li>
        ))}
      </Section>
      <Section
        title={t('directory.import.summary.uppdragRemoved')}
        count={plan.uppdrag.removed.length}
      >
        {plan.uppdrag.removed.map(u => (
          <li key={`${u.email}|${u.organ}|${u.role}|${u.from}`}>
            {uppdragLine(u)}
          </li>
        ))}
      </Section>
    </Flex>
  );
}
