import { RefObject, useEffect } from 'react';

/** After the server named bad fields, moves focus to the first of them in the form. */
export function useFocusFirstError(
  formRef: RefObject<HTMLFormElement | null>,
  fieldErrors: Record<string, string>,
) {
  useEffect(() => {
    if (Object.keys(fieldErrors).length === 0) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [data-invalid] input, [data-invalid] textarea, [data-invalid] button',
    );
    firstInvalid?.focus();
  }, [formRef, fieldErrors]);
}
