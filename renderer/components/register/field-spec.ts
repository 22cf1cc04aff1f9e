import { fieldLabel } from '../../../shared/api/field-labels';
import { registerSchemas, type RegisterField, type RegisterName } from '../../../shared/api/registers';
import { maxLengthOf } from '../../../shared/api/schemas/fields';

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

export interface FieldSpec<K extends string = string> {
  /** The API's field name; also the key of the form's draft. */
  key: K;
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
  /** Read from the register's schema (see `registerForm`), so the form and the server agree. */
  maxLength?: number;
  /** Typed example shown in an empty field. */
  placeholder?: string;
  /** A money field that may stay empty (sent as 0) while this checkbox of the form is ticked: in-kind support not valued. */
  emptyWhenTicked?: string;
}

/** The form as typed: text for text-like fields, ids for multi-selects, a flag for checkboxes. */
export type DraftValue = string | readonly string[] | boolean;
export type Draft = Readonly<Record<string, DraftValue>>;

export const fieldKeys = (fields: readonly FieldSpec[]): string[] => fields.map((field) => field.key);

/** How a register's form shows one field; its label and length limit are the register's own (shared/). */
export type FieldLayout = Omit<FieldSpec, 'key' | 'label' | 'maxLength'>;

/**
 * A register's form: every field of its create schema, in the order the form shows them. A field
 * added to the schema and not placed here does not compile, nor does a field the schema lacks.
 */
export type FormLayout<R extends RegisterName> = { readonly [K in RegisterField<R>]: FieldLayout };

/** The form's fields, labelled in the register's words and limited as its schema limits them. */
export function registerForm<R extends RegisterName>(register: R, layout: FormLayout<R>): FieldSpec<RegisterField<R>>[] {
  const shape: Readonly<Record<string, Parameters<typeof maxLengthOf>[0]>> = registerSchemas[register].create.shape;
  const isField = (key: string): key is RegisterField<R> => key !== 'cycleId' && Object.hasOwn(shape, key);
  return Object.keys(layout)
    .filter(isField)
    .map((key) => ({ key, label: fieldLabel(key, register), maxLength: maxLengthOf(shape[key]), ...layout[key] }));
}
