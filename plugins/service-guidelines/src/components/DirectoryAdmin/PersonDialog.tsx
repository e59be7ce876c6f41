import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  TextField,
} from '@backstage/ui';
import { Fortroendevald } from '@service-guidelines/plugin-service-guidelines-common';
import { useEffect } from 'react';
import { fortroendevaldaApiRef } from '../../api/FortroendevaldaApi';
import { serviceGuidelinesTranslationRef } from '../../translation';
import {
  fieldErrorProps,
  readableFieldErrors,
  optional,
  useFormState,
} from './formState';
import { ProblemAlert } from './ProblemAlert';

const emptyPerson = { name: '', party: '', email: '', phone: '', photoUrl: '' };

function fieldsOf(person?: Fortroendevald) {
  return person
    ? {
        name: person.name,
        party: person.party,
        email: person.email,
        phone: person.phone ?? '',
        photoUrl: person.photoUrl ?? '',
      }
    : emptyPerson;
}

/** Adds a förtroendevald, or edits one (name, party, e-mail, phone, photo). */
export function PersonDialog(props: {
  isOpen: boolean;
  person?: Fortroendevald;
  onClose(): void;
  onSaved(person: Fortroendevald): void;
}) {
  const { isOpen, person, onClose, onSaved } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const api = useApi(fortroendevaldaApiRef);
  const form = useFormState(fieldsOf(person));
  const { reset } = form;

  useEffect(() => {
    if (isOpen) {
      reset(fieldsOf(person));
    }
    // Only a dialog that opens starts over; a failed save keeps what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOpen]);

  const save = async () => {
    const { values } = form;
    const fields = {
      name: values.name,
      party: values.party,
      email: values.email,
      phone: optional(values.phone),
      photoUrl: optional(values.photoUrl),
    };
    const saved = await form.submit(() =>
      person
        ? api.update(person.id, { version: person.version, ...fields })
        : api.create(fields),
    );
    if (saved) {
      onClose();
      onSaved(saved);
    }
  };

  const text = (
    field: keyof typeof emptyPerson,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      name={field}
      label={label}
      value={form.values[field]}
      onChange={value => form.set(field, value)}
      {...fieldErrorProps(form.errorOf(field))}
      {...extra}
    />
  );

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={open => !open && onClose()}
      // A click beside the dialog must not throw away what was typed.
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
          {person
            ? t('directory.admin.person.editTitle', { name: person.name })
            : t('directory.admin.person.addTitle')}
        </DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="3">
            <ProblemAlert problem={form.problem} />
            {text('name', t('directory.admin.person.name'), {
              secondaryLabel: t('form.required'),
              autoFocus: true,
            })}
            {text('party', t('directory.admin.person.party'), {
              secondaryLabel: t('form.required'),
              description: t('directory.admin.person.partyDescription'),
            })}
            {text('email', t('directory.admin.person.email'), {
              type: 'email',
              secondaryLabel: t('form.required'),
              description: t('directory.admin.person.emailDescription'),
            })}
            {text('phone', t('directory.admin.person.phone'), {
              type: 'tel',
              secondaryLabel: t('directory.admin.person.optional'),
            })}
            {text('photoUrl', t('directory.admin.person.photoUrl'), {
              type: 'url',
              secondaryLabel: t('directory.admin.person.optional'),
            })}
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
