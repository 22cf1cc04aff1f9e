import type { ComponentProps, ReactNode } from 'react';

export interface ToggleProps extends Omit<ComponentProps<'input'>, 'type' | 'checked' | 'onChange'> {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The words beside the box; left out where a form field's label (or an aria-label) names it. */
  label?: ReactNode;
}

/** A yes/no choice: one tick box in the app's green, its words beside it and clickable with it. */
export function Toggle({ checked, onChange, label, className, ...props }: ToggleProps) {
  const box = (boxClass: string | undefined) => (
    <input {...props} type="checkbox" className={boxClass} checked={checked} onChange={(event) => onChange(event.target.checked)} />
  );
  // Alone, the box takes the class (a form field's larger box); with its words, the label does.
  if (label === undefined) return box(className);
  return (
    <label className={['toggle', className ?? ''].filter(Boolean).join(' ')}>
      {box(undefined)}
      <span className="toggle__label">{label}</span>
    </label>
  );
}
