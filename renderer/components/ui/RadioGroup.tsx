import type { ReactNode } from 'react';

/** One choice out of a few, as a group with its question: styled as every other choice in the app. */
export function RadioGroup<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: V; label: ReactNode }[];
  value: V | null;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset className="choice-group">
      <legend className="choice-group__legend">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice-group__option">
          <input type="radio" name={name} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
