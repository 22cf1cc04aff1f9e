import type { ControlProps } from './Field';

interface DateInputProps extends Partial<ControlProps> {
  /** The text as typed (a saved date is shown as "1 Jul 2026" by `shownDate`). */
  value: string;
  onChange: (text: string) => void;
  'aria-label'?: string;
  disabled?: boolean;
  /** e.g. `input--cell` in a table. */
  className?: string;
}

/**
 * The one date field: text typed day first ("1/7/2026", "1 Jul 2026", "2026-07-01"), never the
 * browser's date picker, which follows the machine's locale (07/01/2026 for 1 July under en-US).
 * `readDateText` turns the text into a date when the form is saved; `dateHint` says beneath the
 * field which date it understood.
 */
export function DateInput({ value, onChange, className = 'input--date', ...rest }: DateInputProps) {
  return (
    <input
      {...rest}
      type="text"
      autoComplete="off"
      className={className}
      placeholder="e.g. 1/7/2026"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
