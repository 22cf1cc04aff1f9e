import { Button } from '../ui/Button';
interface SubmitButtonProps {
  busy: boolean;
  label: string;
  /** Shown while saving, e.g. "Creating…". */
  busyLabel: string;
}

export function SubmitButton({ busy, label, busyLabel }: SubmitButtonProps) {
  return (
    <Button kind="primary" type="submit" disabled={busy}>
      {busy ? busyLabel : label}
    </Button>
  );
}
