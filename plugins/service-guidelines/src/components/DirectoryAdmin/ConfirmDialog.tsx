import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { useEffect } from 'react';
import { serviceGuidelinesTranslationRef } from '../../translation';
import { useFormState } from './formState';
import { ProblemAlert } from './ProblemAlert';

/** Asks before something that cannot be undone (a removal), and shows why it failed if it did. */
export function ConfirmDialog(props: {
  isOpen: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): Promise<unknown>;
  onClose(): void;
}) {
  const { isOpen, title, body, confirmLabel, onConfirm, onClose } = props;
  const { t } = useTranslationRef(serviceGuidelinesTranslationRef);
  const form = useFormState({});
  const { reset } = form;

  useEffect(() => {
    if (isOpen) {
      reset({});
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOpen]);

  const confirm = async () => {
    const done = await form.submit(async () => {
      await onConfirm();
      return true;
    });
    if (done) {
      onClose();
    }
  };

  return (
    <Dialog isOpen={isOpen} onOpenChange={open => !open && onClose()}>
      <DialogHeader>{title}</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="3">
          <ProblemAlert problem={form.problem} />
          <Text>{body}</Text>
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          {t('directory.admin.cancel')}
        </Button>
        <Button
          variant="primary"
          destructive
          onPress={confirm}
          isPending={form.saving}
        >
          {confirmLabel}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
