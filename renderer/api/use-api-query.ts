import { useCallback, useEffect, useState } from 'react';
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/result';
import { api } from './api';
import { useDataVersion } from './data-version';

export type Query<T> = { status: 'loading' } | { status: 'error'; error: ApiError; reload: () => void } | { status: 'ready'; value: T; reload: () => void };

/**
 * Reads through the API when the method or input changes. `reload` fetches again but keeps showing
 * the last answer meanwhile, so a list does not blink after a save.
 */
export function useApiQuery<M extends ApiMethod>(method: M, input: ApiInput<M>): Query<ApiOutput<M>> {
  // Keyed by the input's JSON: a fresh object literal on every render must not refetch.
  const inputJson = JSON.stringify(input);
  const key = `${method} ${inputJson}`;
  const [answer, setAnswer] = useState<{ key: string; result: Result<ApiOutput<M>> } | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const dataVersion = useDataVersion();

  useEffect(() => {
    let current = true;
    const request: ApiInput<M> = JSON.parse(inputJson);
    void api(method, request).then((result) => {
      if (current) setAnswer({ key: `${method} ${inputJson}`, result });
    });
    return () => {
      current = false;
    };
  }, [method, inputJson, version, dataVersion]);

  if (answer === null || answer.key !== key) return { status: 'loading' };
  return answer.result.ok ? { status: 'ready', value: answer.result.value, reload } : { status: 'error', error: answer.result.error, reload };
}
