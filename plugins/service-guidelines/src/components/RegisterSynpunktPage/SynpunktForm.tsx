import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Select,
  Text,
  TextAreaField,
  TextField,
} from '@backstage/ui';
import {
  CHANNELS,
  RegistrySettings,
  SYNPUNKT_TYPES,
  TEXT_LIMITS,
} from '@service-guidelines/plugin-service-guidelines-common';
import { FormEvent, useRef } from 'react';
import { Form } from 'react-aria-components';
import { UnitOption } from '../../hooks/useUnits';
import { useFocusFirstError } from '../../hooks/useFocusFirstError';
import { NativeDateField } from '../shared/NativeDateField';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { SynpunktDraft } from './formState';

/**
 * The registration form. Every value lives in the parent's draft, so a failed save, a step back
 * to the triage or a server error never loses what was typed; the server's messages appear
 * beside the fields they name, and focus goes to the first of them.
 */
export function SynpunktForm(props: {
  draft: SynpunktDraft;
  onChange: (draft: SynpunktDraft) => void;
  settings: RegistrySettings;
  units: UnitOption[];
  unitsLoading: boolean;
  fieldErrors: Record<string, string>;
  failure?: string;
  submitting: boolean;
  onSubmit: () => void;
  onBack: () => void;
}) {
  const { draft, onChange, settings, units, fieldErrors, failure, submitting } =
    props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof SynpunktDraft>(
    key: K,
    value: SynpunktDraft[K],
  ) => onChange({ ...draft, [key]: value });

  useFocusFirstError(formRef, fieldErrors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };

  return (
    <Form
      ref={formRef}
      onSubmit={submit}
      validationErrors={fieldErrors}
      validationBehavior="aria"
      aria-label={t('register.title')}
    >
      <Flex direction="column" gap="4">
        {failure && (
          <Alert
            status="danger"
            role="alert"
            title={t('register.failed')}
            description={`${failure} ${t('register.fixFields')}`}
          />
        )}
        <Select
          name="type"
          label={t('register.type')}
          isRequired
          secondaryLabel={t('form.required')}
          options={SYNPUNKT_TYPES.map(type => ({
            id: type,
            label: t(`synpunkt.types.${type}`),
          }))}
          value={draft.type}
          onChange={value => set('type', value as SynpunktDraft['type'])}
        />
        <Select
          name="channel"
          label={t('register.channel')}
          isRequired
          secondaryLabel={t('form.required')}
          options={CHANNELS.map(channel => ({
            id: channel,
            label: t(`synpunkt.channels.${channel}`),
          }))}
          value={draft.channel || null}
          onChange={value => set('channel', value as SynpunktDraft['channel'])}
        />
        <NativeDateField
          name="receivedAt"
          type="datetime-local"
          label={t('register.receivedAt')}
          secondaryLabel={t('form.required')}
          isRequired
          value={draft.receivedAt}
          onChange={value => set('receivedAt', value)}
        />
        <Select
          name="unitRef"
          label={t('register.unit')}
          isRequired
          secondaryLabel={t('form.required')}
          searchable
          searchPlaceholder={t('register.unitPlaceholder')}
          options={units.map(unit => ({ id: unit.ref, label: unit.title }))}
          value={draft.unitRef || null}
          onChange={value => set('unitRef', String(value ?? ''))}
        />
        <Select
          name="area"
          label={t('register.area')}
          isRequired
          secondaryLabel={t('form.required')}
          options={settings.areas.map(area => ({
            id: area.id,
            label: area.title,
          }))}
          value={draft.area || null}
          onChange={value => set('area', String(value ?? ''))}
        />
        <TextAreaField
          name="description"
          label={t('register.description')}
          isRequired
          secondaryLabel={t('form.required')}
          maxLength={TEXT_LIMITS.description}
          rows={5}
          value={draft.description}
          onChange={value => set('description', value)}
        />
        <Flex direction="column" gap="1">
          <Checkbox
            isSelected={draft.anonymous}
            onChange={value => set('anonymous', value)}
          >
            {t('register.anonymous')}
          </Checkbox>
          <Text as="p" variant="body-small" id="sg-anonymous-explained">
            {t('register.anonymousExplained')}
          </Text>
        </Flex>
        {!draft.anonymous && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Text as="strong" weight="bold">
                {t('register.contactTitle')}
              </Text>
            </legend>
            <Flex direction="column" gap="3">
              <TextField
                name="contactName"
                label={t('register.contactName')}
                autoComplete="off"
                maxLength={TEXT_LIMITS.name}
                value={draft.contactName}
                onChange={value => set('contactName', value)}
              />
              <TextField
                name="contactEmail"
                type="email"
                label={t('register.contactEmail')}
                autoComplete="off"
                maxLength={TEXT_LIMITS.email}
                value={draft.contactEmail}
                onChange={value => set('contactEmail', value)}
              />
              <TextField
                name="contactPhone"
                type="tel"
                label={t('register.contactPhone')}
                autoComplete="off"
                maxLength={TEXT_LIMITS.phone}
                value={draft.contactPhone}
                onChange={value => set('contactPhone', value)}
              />
              <TextField
                name="contactAddress"
                label={t('register.contactAddress')}
                autoComplete="off"
                maxLength={TEXT_LIMITS.address}
                value={draft.contactAddress}
                onChange={value => set('contactAddress', value)}
              />
            </Flex>
          </fieldset>
        )}
        <Checkbox
          isSelected={draft.sekretess}
          onChange={value => set('sekretess', value)}
        >
          {t('register.sekretess')}
        </Checkbox>
        <Flex gap="3">
          <Button type="submit" variant="primary" isPending={submitting}>
            {submitting ? t('register.submitting') : t('register.submit')}
          </Button>
          <Button variant="secondary" onPress={props.onBack}>
            {t('register.backToTriage')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
