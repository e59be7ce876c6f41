import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Select,
  Text,
  TextField,
} from '@backstage/ui';
import {
  Fortroendevald,
  Uppdrag,
  UPPDRAG_ROLE_IDS,
  UppdragRole,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useEffect } from 'react';
import { fortroendevaldaApiRef } from '../../api/FortroendevaldaApi';
import { useKnownOrgans } from '../../hooks/useFortroendevalda';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { useUppdragText } from '../DirectoryPage/uppdragText';
import {
  fieldErrorProps,
  readableFieldErrors,
  optional,
  useFormState,
} from './formState';
import { ProblemAlert } from './ProblemAlert';

function fieldsOf(uppdrag?: Uppdrag) {
  return {
    organ: uppdrag?.organ ?? '',
    newOrgan: false,
    newOrganName: '',
    role: (uppdrag?.role ?? 'ledamot') as UppdragRole,
    from: uppdrag?.from ?? '',
    to: uppdrag?.to ?? '',
  };
}

/**
 * Adds an uppdrag to a förtroendevald, or corrects one. The organ is one the catalog or the
 * directory knows; a new one must be confirmed as new, so that a misspelling does not make a
 * second organ.
 */
export function UppdragDialog(props: {
  isOpen: boolean;
  person: Fortroendevald;
  uppdrag?: Uppdrag;
  onClose(): void;
  onSaved(person: Fortroendevald): void;
}) {
  const { isOpen, person, uppdrag, onClose, onSaved } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const text = useUppdragText();
  const api = useApi(fortroendevaldaApiRef);
  const organs = useKnownOrgans();
  const form = useFormState(fieldsOf(uppdrag));
  const { reset } = form;
  const { values } = form;

  useEffect(() => {
    if (isOpen) {
      reset(fieldsOf(uppdrag));
    }
    // Only a dialog that opens starts over; a failed save keeps what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOpen]);

  const save = async () => {
    const request = {
      version: person.version,
      organ: values.newOrgan ? values.newOrganName : values.organ,
      role: values.role,
      from: values.from,
      to: optional(values.to),
      ...(values.newOrgan ? { newOrgan: true } : {}),
    };
    const saved = await form.submit(() =>
      uppdrag
        ? api.changeUppdrag(person.id, uppdrag.id, request)
        : api.addUppdrag(person.id, request),
    );
    if (saved) {
      onClose();
      onSaved(saved);
    }
  };

  const organOptions = (organs.value ?? []).map(o => ({
    id: o.name,
    label: o.name,
  }));
  // An uppdrag being corrected may be in an organ the list no longer offers.
  if (values.organ && !organOptions.some(o => o.id === values.organ)) {
    organOptions.unshift({ id: values.organ, label: values.organ });
  }

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={open => !open && onClose()}
      isDismissable={false}
    >
      <form
        // The server checks every field and its message is shown by the field; the browser's
        // own checks would stop the form in the browser's language instead.
        noValidate
        style={readableFieldErrors}
        onSubmit={event => {
          event.preventDefault();
          save();
        }}
      >
        <DialogHeader>
          {uppdrag
            ? t('directory.admin.uppdrag.changeTitle', { name: person.name })
            : t('directory.admin.uppdrag.addTitle', { name: person.name })}
        </DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="3">
            <ProblemAlert problem={form.problem} />
            {organs.loading && (
              <Text>{t('directory.admin.uppdrag.loadingOrgans')}</Text>
            )}
            {!values.newOrgan && (
              <Select
                name="organ"
                label={t('directory.admin.uppdrag.organ')}
                secondaryLabel={t('form.required')}
                description={t('directory.admin.uppdrag.organDescription')}
                placeholder={t('directory.admin.uppdrag.organ')}
                value={values.organ || null}
                onChange={key => form.set('organ', key ? String(key) : '')}
                options={organOptions}
                {...fieldErrorProps(form.errorOf('organ'))}
              />
            )}
            <Checkbox
              isSelected={values.newOrgan}
              onChange={checked => form.set('newOrgan', checked)}
            >
              {t('directory.admin.uppdrag.newOrgan')}
            </Checkbox>
            {values.newOrgan && (
              <TextField
                name="organ"
                label={t('directory.admin.uppdrag.newOrganName')}
                secondaryLabel={t('form.required')}
                value={values.newOrganName}
                onChange={value => form.set('newOrganName', value)}
                {...fieldErrorProps(form.errorOf('organ'))}
              />
            )}
            <Select
              name="role"
              label={t('directory.admin.uppdrag.role')}
              secondaryLabel={t('form.required')}
              value={values.role}
              onChange={key => form.set('role', String(key) as UppdragRole)}
              options={UPPDRAG_ROLE_IDS.map(role => ({
                id: role,
                label: text.role(role),
              }))}
              {...fieldErrorProps(form.errorOf('role'))}
            />
            <TextField
              name="from"
              label={t('directory.admin.uppdrag.from')}
              secondaryLabel={t('form.required')}
              description={t('directory.admin.uppdrag.dateDescription')}
              value={values.from}
              onChange={value => form.set('from', value)}
              {...fieldErrorProps(form.errorOf('from'))}
            />
            <TextField
              name="to"
              label={t('directory.admin.uppdrag.to')}
              description={t('directory.admin.uppdrag.toDescription')}
              value={values.to}
              onChange={value => form.set('to', value)}
              {...fieldErrorProps(form.errorOf('to'))}
            />
          </Flex>
        </DialogBody>
        <DialogFooter>
          <Button variant="secondary" onPress={onClose}>
            {t('directory.admin.cancel')}
          </Button>
          <Button variant="primary" type="submit" isPending={form.saving}>
            {t('directory.admin.save')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
