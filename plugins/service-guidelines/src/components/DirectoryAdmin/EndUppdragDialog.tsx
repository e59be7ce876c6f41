import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextField,
} from '@backstage/ui';
import {
  Fortroendevald,
  Uppdrag,
} from '@service-guidelines/plugin-service-guidelines-common';
import { useEffect } from 'react';
import { fortroendevaldaApiRef } from '../../api/FortroendevaldaApi';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { useUppdragText } from '../DirectoryPage/uppdragText';
import { yesterdayInStockholm } from './dates';
import {
  fieldErrorProps,
  readableFieldErrors,
  useFormState,
} from './formState';
import { ProblemAlert } from './ProblemAlert';

/** Ends an uppdrag on a last day the administrator chooses; yesterday unless changed. */
export function EndUppdragDialog(props: {
  isOpen: boolean;
  person: Fortroendevald;
  uppdrag: Uppdrag;
  onClose(): void;
  onSaved(person: Fortroendevald): void;
}) {
  const { isOpen, person, uppdrag, onClose, onSaved } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const text = useUppdragText();
  const api = useApi(fortroendevaldaApiRef);
  const form = useFormState({ to: yesterdayInStockholm() });
  const { reset } = form;

  useEffect(() => {
    if (isOpen) {
      reset({ to: yesterdayInStockholm() });
    }
    // Only a dialog that opens starts over; a failed save keeps what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOpen]);

  const save = async () => {
    const saved = await form.submit(() =>
      api.endUppdrag(person.id, uppdrag.id, {
        version: person.version,
        to: form.values.to,
      }),
    );
    if (saved) {
      onClose();
      onSaved(saved);
    }
  };

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
        <DialogHeader>{t('directory.admin.end.title')}</DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="3">
            <ProblemAlert problem={form.problem} />
            <Text>
              {person.name}: {text.line(uppdrag)} ({text.term(uppdrag)})
            </Text>
            <TextField
              name="to"
              label={t('directory.admin.end.lastDay')}
              description={t('directory.admin.end.lastDayDescription')}
              value={form.values.to}
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
            {t('directory.admin.end.confirm')}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
