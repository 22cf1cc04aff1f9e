import { useEffect, useRef, type ReactNode } from 'react';

interface DrawerProps {
  title: string;
  /** Wider, for a preview of many rows beside the list they go into. */
  wide?: boolean;
  /** Asked to close (the × button); the form inside decides whether unsaved changes allow it. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A panel over the right of the screen for one record, so the list it came from stays in view. It
 * takes the keyboard to its first field when it opens and gives it back to where it was on close.
 */
export function Drawer({ title, wide = false, onClose, children }: DrawerProps) {
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The first field of the panel's body, not its × (Enter there would close what was just opened).
    const body = ref.current?.querySelector('.drawer__body');
    const control = 'input:not([type="search"]):not([type="hidden"]), select, textarea';
    const first =
      body?.querySelector<HTMLElement>(`form [data-field] :is(${control})`) ??
      body?.querySelector<HTMLElement>(control) ??
      body?.querySelector<HTMLElement>('button');
    (first ?? ref.current?.querySelector<HTMLElement>('button'))?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);

  return (
    <aside
      ref={ref}
      className={wide ? 'drawer drawer--wide' : 'drawer'}
      role="dialog"
      aria-label={title}
      onKeyDown={(event) => {
        // Esc anywhere in the panel closes it; a form inside that handles Esc itself stops it first.
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className="drawer__head">
        <h2 className="drawer__title">{title}</h2>
        <button type="button" className="drawer__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="drawer__body">{children}</div>
    </aside>
  );
}
