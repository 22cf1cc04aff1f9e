import type { ComponentProps } from 'react';

/**
 * What a button does, shown the same way on every screen: the one next step (primary), another
 * action (secondary), an action beside the content that should not draw the eye (quiet), a
 * destructive one (danger; danger-quiet for a "Remove" in a row), or a step written as a link.
 */
export type ButtonKind = 'primary' | 'secondary' | 'quiet' | 'danger' | 'danger-quiet' | 'link';

const KIND_CLASSES: Record<ButtonKind, string> = {
  primary: 'button button--primary',
  secondary: 'button',
  quiet: 'button button--quiet',
  danger: 'button button--danger',
  'danger-quiet': 'button button--danger-quiet',
  link: 'link-button',
};

const SIZE_CLASSES = { normal: '', small: 'button--small', large: 'button--large' } as const;

export interface ButtonProps extends ComponentProps<'button'> {
  kind?: ButtonKind;
  /** Small in tables and toolbars; large for the one thing a screen is for (Create cycle). */
  size?: keyof typeof SIZE_CLASSES;
}

/** Every button of the app: a plain `<button>` (type "button" unless it submits) with its kind's look. */
export function Button({ kind = 'secondary', size = 'normal', type = 'button', className, ...props }: ButtonProps) {
  const classes = [KIND_CLASSES[kind], kind === 'link' ? '' : SIZE_CLASSES[size], className ?? ''].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...props} />;
}
