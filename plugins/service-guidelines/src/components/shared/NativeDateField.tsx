import { FieldLabel } from '@backstage/ui';
import { CSSProperties } from 'react';
import {
  FieldError,
  Input,
  InputRenderProps,
  TextField,
  TextFieldProps,
} from 'react-aria-components';

/** @backstage/ui's TextField look (size small), in its design tokens. */
const rootStyle: CSSProperties = {
  display: 'flex',
  flexDirection: 'column',
  width: '100%',
  fontFamily: 'var(--bui-font-regular)',
};

const inputStyle = ({
  isFocused,
  isInvalid,
  isDisabled,
}: InputRenderProps): CSSProperties => {
  const ring = isInvalid ? 'var(--bui-negative-border)' : 'var(--bui-ring)';
  return {
    boxSizing: 'border-box',
    width: '100%',
    height: '2rem',
    padding: '0 var(--bui-space-3)',
    border: 'none',
    borderRadius: 'var(--bui-radius-2)',
    backgroundColor: 'var(--bui-bg-neutral-1)',
    color: 'var(--bui-fg-primary)',
    fontSize: 'var(--bui-font-size-3)',
    fontFamily: 'var(--bui-font-regular)',
    lineHeight: 1.15,
    // The picker's own icon follows the theme in dark mode too.
    colorScheme: 'light dark',
    outline: 'none',
    boxShadow: isFocused || isInvalid ? `inset 0 0 0 1px ${ring}` : undefined,
    opacity: isDisabled ? 0.5 : undefined,
  };
};

const errorStyle: CSSProperties = {
  display: 'inline-block',
  marginTop: 'var(--bui-space-2)',
  color: 'var(--bui-fg-negative)',
  fontSize: 'var(--bui-font-size-2)',
  lineHeight: 1.15,
};

/**
 * A date, or date and time, in the browser's own input, looking like the @backstage/ui fields
 * beside it. It is a react-aria TextField, as those are, so a react-aria Form's server errors
 * show beneath it and set `aria-invalid` and `aria-describedby` the same way.
 *
 * Why not @backstage/ui: its DatePicker brings react-aria's calendar, react-stately and
 * `@internationalized/date` (about 50 KB gzipped) that nothing else in the portal ships, and its
 * TextField's `type` allows only text-like inputs.
 */
export function NativeDateField(
  props: Omit<TextFieldProps, 'type' | 'children' | 'className' | 'style'> & {
    type: 'date' | 'datetime-local';
    label: string;
    /** Beside the label, as on @backstage/ui fields; for instance that the field is required. */
    secondaryLabel?: string;
    /** The earliest value allowed, in the input's own format (`yyyy-MM-dd[THH:mm]`). */
    min?: string;
    /** The latest value allowed, in the input's own format. */
    max?: string;
  },
) {
  const { label, secondaryLabel, min, max, ...fieldProps } = props;
  return (
    <TextField {...fieldProps} style={rootStyle}>
      <FieldLabel label={label} secondaryLabel={secondaryLabel} />
      <Input min={min} max={max} style={inputStyle} />
      <FieldError style={errorStyle} />
    </TextField>
  );
}
