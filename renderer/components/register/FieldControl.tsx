import { Toggle } from '../ui/Toggle';
import { DateInput } from '../form/DateInput';
import type { ControlProps } from '../form/Field';
import type { DraftValue, FieldSpec } from './field-spec';
import { MultiSelect } from './MultiSelect';

interface FieldControlProps {
  field: FieldSpec;
  control: ControlProps;
  value: DraftValue | undefined;
  onChange: (value: DraftValue) => void;
}

const asText = (value: DraftValue | undefined) => (typeof value === 'string' ? value : '');

/** The control a field's kind calls for, wired to the form's draft. */
export function FieldControl({ field, control, value, onChange }: FieldControlProps) {
  switch (field.kind) {
    case 'textarea':
      return <textarea {...control} rows={3} value={asText(value)} placeholder={field.placeholder} onChange={(event) => onChange(event.target.value)} />;
    case 'select':
      return (
        <select {...control} value={asText(value)} onChange={(event) => onChange(event.target.value)}>
          {field.nullable || asText(value) === '' ? <option value="">{field.nullable ? '— none —' : 'Choose…'}</option> : null}
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
    case 'multi':
      return <MultiSelect control={control} label={field.label} options={field.options ?? []} value={Array.isArray(value) ? value : []} onChange={onChange} />;
    case 'checkbox':
      return <Toggle {...control} className="checkbox" checked={value === true} onChange={onChange} />;
    case 'date':
      return <DateInput {...control} value={asText(value)} onChange={onChange} />;
    case 'money':
    case 'number':
    case 'integer':
      return (
        <input
          {...control}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="input--number"
          placeholder={field.placeholder}
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (
        <input
          {...control}
          type="text"
          autoComplete="off"
          placeholder={field.placeholder}
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}
