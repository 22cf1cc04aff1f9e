/**
 * What one field of a register form is: the API field it fills, how it is typed in, and how the
 * typed text becomes the API's value. Every register screen describes its form with these, and one
 * editor draws them all.
 */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  /** Several choices from a list (wards, supporting organisations), as a list of ids. */
  | 'multi'
  | 'date'
  /** Shillings or dollars typed as "1,250,000.50", held as integer minor units. */
  | 'money'
  /** A measure such as 58.5 (indicator values). */
  | 'number'
  /** A whole number (completion %, order). */
  | 'integer'
  | 'checkbox';

export interface Option {
  value: string;
  label: string;
}

export interface FieldSpec {
  /** The API's field name; also the key of the form's draft. */
  key: string;
  /** The field as users name it; messages start with it, as the server's do. */
  label: string;
  kind: FieldKind;
  options?: readonly Option[];
  /** Left empty, the field is sent as null (dates and measures that may be unknown). */
  nullable?: boolean;
  /** A choice must be made (an empty select is refused before anything is sent). */
  required?: boolean;
  hint?: string;
  /** Spans both columns of the form. */
  wide?: boolean;
  maxLength?: number;
  /** Typed example shown in an empty field. */
  placeholder?: string;
}

/** The form as typed: text for text-like fields, ids for multi-selects, a flag for checkboxes. */
export type DraftValue = string | readonly string[] | boolean;
export type Draft = Readonly<Record<string, DraftValue>>;

export const fieldKeys = (fields: readonly FieldSpec[]): string[] => fields.map((field) => field.key);
