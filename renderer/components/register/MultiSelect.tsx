import { Toggle } from '../ui/Toggle';
import { useRef, useState, type KeyboardEvent } from 'react';
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
 * Several choices as tick boxes, usable from the keyboard alone: type in the filter box and press
 * Enter to tick the first match (or ↓ to walk the matches, Space to tick), Tab onwards from there.
 * While filtering, the list shows only what matches — a chosen option is never pinned among the
 * matches, where Tab + Space would untick it by mistake; the chosen ones are named above the list,
 * each with its own button to take it out.
 */
export function MultiSelect({ control, label, options, value, onChange }: MultiSelectProps) {
  const [filter, setFilter] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const chosen = new Set(value);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? options.filter((option) => option.label.toLowerCase().includes(needle)) : options;
  const toggle = (id: string) => {
    // Kept in the list's own order, so ticking and unticking again is no change at all.
    const next = chosen.has(id) ? value.filter((item) => item !== id) : options.map((o) => o.value).filter((item) => item === id || chosen.has(item));
    onChange(next);
  };
  const chosenOptions = options.filter((option) => chosen.has(option.value));

  const onFilterKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      // Enter must not save the whole form half-way through choosing: it ticks the first match.
      event.preventDefault();
      const first = shown.find((option) => !chosen.has(option.value));
      if (needle && first) {
        toggle(first.value);
        setFilter('');
      }
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      listRef.current?.querySelector('input')?.focus();
    } else if (event.key === 'Escape' && filter) {
      // Clears the filter rather than closing the panel the form sits in.
      event.preventDefault();
      event.stopPropagation();
      setFilter('');
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const boxes = [...(listRef.current?.querySelectorAll('input') ?? [])];
    const at = boxes.findIndex((box) => box === document.activeElement);
    const next = boxes[at + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return (
    <div
      className="multi"
      id={control.id}
      role="group"
      aria-label={label}
      aria-invalid={control['aria-invalid']}
      aria-describedby={control['aria-describedby']}
    >
      <div className="multi__summary" aria-live="polite">
        {chosenOptions.length === 0 ? (
          'None chosen'
        ) : (
          <>
            <span>{chosenOptions.length} chosen:</span>
            {chosenOptions.map((option) => (
              <button
                key={option.value}
                type="button"
                className="multi__chip"
                aria-label={`Remove ${option.label} from ${label}`}
                onClick={() => {
                  toggle(option.value);
                  // The button goes away with the choice: the focus stays in the picker, not lost to the page.
                  (filterRef.current ?? listRef.current?.querySelector('input'))?.focus();
                }}
              >
                {option.label} <span aria-hidden="true">×</span>
              </button>
            ))}
          </>
        )}
      </div>
      {options.length > FILTER_FROM ? (
        <input
          ref={filterRef}
          type="search"
          className="multi__filter"
          placeholder="Type to find, Enter to tick…"
          aria-label={`Find in ${label}`}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={onFilterKey}
        />
      ) : null}
      <ul className="multi__list" ref={listRef} onKeyDown={onListKey}>
        {shown.map((option) => (
          <li key={option.value}>
            <Toggle className="multi__option" checked={chosen.has(option.value)} onChange={() => toggle(option.value)} label={option.label} />
          </li>
        ))}
        {shown.length === 0 ? <li className="muted">Nothing matches “{filter}”.</li> : null}
      </ul>
    </div>
  );
}
