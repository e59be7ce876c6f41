import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import { SynpunktEvent } from '@service-guidelines/plugin-service-guidelines-common';
import { useFormatters } from '../../hooks/useFormatters';
import { serviceGuidelinesTranslationRef } from '../../translation';

/** Who did what and when, oldest first, as an ordered list a screen reader reads in order. */
export function HistoryTimeline(props: { events: SynpunktEvent[] }) {
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const format = useFormatters();
  return (
    <section aria-labelledby="sg-history-title">
      <Text as="h2" variant="title-small" id="sg-history-title">
        {t('detail.history')}
      </Text>
      <ol
        style={{
          listStyle: 'none',
          margin: 0,
          padding: 0,
          borderLeft: '2px solid var(--bui-border-2, #ccc)',
        }}
      >
        {props.events.map(event => (
          <li key={event.id} style={{ padding: '6px 0 6px 16px' }}>
            <Text as="strong" weight="bold">
              {t(`detail.historyKinds.${event.kind}`)}
            </Text>{' '}
            <Text as="span">
              {format.dateTime(event.at)} ·{' '}
              <EntityDisplayName entityRef={event.actorRef} hideIcon />
            </Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
