import type { Option } from './register/field-spec';

interface FilterChoiceProps {
  label: string;
  /** The first entry, meaning "no filter" (its value is ''). */
  all: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}

/** One labelled drop-down of a filter bar (the action plan's, the map's): '' is "all". */
export function FilterChoice({ label, all, value, options, onChange }: FilterChoiceProps) {
  return (
    <label className="filter">
      <span className="filter__label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
