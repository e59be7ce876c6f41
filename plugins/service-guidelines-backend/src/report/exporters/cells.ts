import { Cell } from './exportContent';

/**
 * A text a spreadsheet could take for a formula (`=`, `+`, `-`, `@`, tab, carriage return at its
 * start) gets a leading apostrophe, so that it stays text (OWASP's advice for CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Whether a text would start a formula in a spreadsheet. */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}

/**
 * A number as the export writes it: shares as percent with one decimal (66.7 for 2/3), changes
 * of shares in percentage points with one decimal, counts and arbetsdagar whole.
 */
export function cellNumberText(
  cell: Cell,
  decimal: 'comma' | 'point',
): string | undefined {
  let formatted: string;
  switch (cell.kind) {
    case 'count':
    case 'days':
      formatted = String(cell.value);
      break;
    case 'share':
      formatted = (cell.value * 100).toFixed(1);
      break;
    case 'points':
      formatted = cell.value.toFixed(1);
      break;
    default:
      return undefined;
  }
  // -0.0 reads oddly in a report.
  if (/^-0(\.0)?$/.test(formatted)) formatted = formatted.slice(1);
  return decimal === 'comma' ? formatted.replace('.', ',') : formatted;
}
