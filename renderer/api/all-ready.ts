import type { Query } from './use-api-query';

type Values<T extends readonly Query<unknown>[]> = { [K in keyof T]: T[K] extends Query<infer V> ? V : never };

/**
 * Several reads a screen needs together: loading until all have answered, the first error (with a
 * retry that asks again for all of them), else every value in order.
 */
export function allReady<const T extends readonly Query<unknown>[]>(...queries: T): Query<Values<T>> {
  const reload = () => {
    for (const query of queries) if (query.status !== 'loading') query.reload();
  };
  for (const query of queries) if (query.status === 'error') return { status: 'error', error: query.error, reload };
  if (queries.some((query) => query.status === 'loading')) return { status: 'loading' };
  const values = queries.map((query) => (query.status === 'ready' ? query.value : undefined));
  return { status: 'ready', value: values as Values<T>, reload };
}
