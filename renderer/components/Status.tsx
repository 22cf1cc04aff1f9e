import { Button } from './ui/Button';
import type { ApiError } from '../../shared/result';

export function Loading({ label }: { label: string }) {
  return (
    <p className="status status--loading" role="status">
      {label}
    </p>
  );
}

/** A failed read, in the API's own plain words (never a stack), with a way to try again. */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: ApiError; onRetry?: () => void }) {
  return (
    <div className="error-panel" role="alert">
      <p className="error-panel__title">{title}</p>
      <p>{error.message}</p>
      {onRetry ? <Button onClick={onRetry}>Try again</Button> : null}
    </div>
  );
}
