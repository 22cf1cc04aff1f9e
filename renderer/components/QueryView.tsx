import type { ReactNode } from 'react';
import type { Query } from '../api/use-api-query';
import { ErrorPanel, Loading } from './Status';

interface QueryViewProps<T> {
  query: Query<T>;
  /** What is being read, e.g. "the risk register". */
  what: string;
  /** Drawn once the read has answered; `reload` reads again after a change. */
  children: (value: T, reload: () => void) => ReactNode;
}

/** A read's three states drawn the same way on every screen; an error offers to try again. */
export function QueryView<T>({ query, what, children }: QueryViewProps<T>) {
  if (query.status === 'loading') return <Loading label={`Reading ${what}…`} />;
  if (query.status === 'error') return <ErrorPanel title={`Could not read ${what}.`} error={query.error} onRetry={query.reload} />;
  return <>{children(query.value, query.reload)}</>;
}
