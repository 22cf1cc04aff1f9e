interface SubmitButtonProps {
  busy: boolean;
  label: string;
  /** Shown while saving, e.g. "Creating…". */
  busyLabel: string;
}

export function SubmitButton({ busy, label, busyLabel }: SubmitButtonProps) {
  return (
    <button type="submit" className="button button--primary" disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}
