import { useState } from 'react';
import type { ControlProps } from '../form/Field';
import type { Option } from './field-spec';

interface MultiSelectProps {
  control: ControlProps;
  label: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/** Past this many choices a filter box helps find one (a county has up to 30-odd wards). */
const FILTER_FROM = 10;

/**
 * Several choices as tick boxes: plain keyboard use (Tab to the list, Space to tick), the chosen
 * ones named above the list so nothing is chosen out of sight.
 */
export function MultiSelect({ control, label, options, value, onChange }: MultiSelectProps) {
  const [filter, setFilter] = useState('');
  const chosen = new Set(value);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((option) => option.label.toLowerCase().includes(needle) || chosen.has(option.value)) : options;
  const toggle = (id: string) => {
    // Kept in the list's own order, so ticking and unticking again is no change at all.
    const next = chosen.has(id) ? value.filter((item) => item !== id) : options.map((o) => o.value).filter((item) => item === id || chosen.has(item));
    onChange(next);
  };
  const names = options.filter((option) => chosen.has(option.value)).map((option) => option.label);

  return (
    <div
      className="multi"
      id={control.id}
      role="group"
      aria-label={label}
      aria-invalid={control['aria-invalid']}
      aria-describedby={control['aria-describedby']}
    >
      <p className="multi__summary">{names.length === 0 ? 'None chosen' : `${names.length} chosen: ${names.join(', ')}`}</p>
      {options.length > FILTER_FROM ? (
        <input
          type="search"
          className="multi__filter"
          placeholder="Type to find…"
          aria-label={`Find in ${label}`}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the filter box must not save the whole form half-way through choosing.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      ) : null}
      <ul className="multi__list">
        {shown.map((option) => (
          <li key={option.value}>
            <label className="multi__option">
              <input type="checkbox" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} />
              <span>{option.label}</span>
            </label>
          </li>
        ))}
        {shown.length === 0 ? <li className="muted">Nothing matches “{filter}”.</li> : null}
      </ul>
    </div>
  );
}
