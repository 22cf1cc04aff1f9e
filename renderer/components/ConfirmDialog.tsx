import { InlineNotice } from './ui/InlineNotice';
import { Button } from './ui/Button';
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in plain words. */
  message: string;
  confirmLabel: string;
  busyLabel: string;
  /** Resolves to null when done, or to a message to show (e.g. the record is still in use). */
  onConfirm: () => Promise<string | null>;
  onCancel: () => void;
  danger?: boolean;
  /** Heads a refusal, e.g. "Nothing was deleted." */
  failureTitle?: string;
  /** Asked before confirming, e.g. the title typed to delete a whole cycle. */
  children?: ReactNode;
  /** The confirm button waits until this is true (the title typed matches). */
  ready?: boolean;
}

/**
 * A modal question before anything that cannot be undone. The browser's own <dialog> traps focus
 * and closes on Esc; the safe choice (Cancel) has the keyboard first.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  busyLabel,
  onConfirm,
  onCancel,
  danger = false,
  failureTitle = 'Nothing was deleted.',
  children,
  ready = true,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const confirm = async () => {
    setBusy(true);
    const problem = await onConfirm();
    setBusy(false);
    setRefusal(problem);
  };

  return (
    <dialog
      ref={ref}
      className={danger ? 'confirm confirm--danger' : 'confirm'}
      aria-labelledby="confirm-title"
      onKeyDown={(event) => {
        // Esc answers this question only, not the panel the dialog was opened from.
        if (event.key === 'Escape') event.stopPropagation();
      }}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="confirm-title" className="confirm__title">
        {title}
      </h2>
      <p className="confirm__message">{message}</p>
      {children}
      {refusal ? (
        <InlineNotice title={failureTitle}>
          <p>{refusal}</p>
        </InlineNotice>
      ) : null}
      <div className="confirm__actions">
        <Button autoFocus onClick={onCancel} disabled={busy}>
          {refusal ? 'Close' : 'Cancel'}
        </Button>
        {refusal ? null : (
          <Button kind={danger ? 'danger' : 'primary'} disabled={busy || !ready} onClick={() => void confirm()}>
            {busy ? busyLabel : confirmLabel}
          </Button>
        )}
      </div>
    </dialog>
  );
}
