import { useState } from 'react';
import type { Query } from '../../api/use-api-query';

type Answered<T> = Exclude<Query<T>, { status: 'loading' }>;

/** What an answer holds; one object per answer, while the query object is new on every render. */
const contentOf = <T>(answer: Answered<T>): unknown => (answer.status === 'ready' ? answer.value : answer.error);

/**
 * The query, except that while a new request of it is loading (the next page asked for) it stays
 * at its last answer: the list keeps its place instead of turning into "Reading…" and back.
 */
export function useLastAnswer<T>(query: Query<T>): Query<T> {
  const [last, setLast] = useState<Answered<T> | null>(null);
  // Kept during render (React's pattern for state that follows a prop), not in an effect, so the
  // screen never draws one frame of "Reading…" between two answers.
  if (query.status !== 'loading' && (last === null || contentOf(last) !== contentOf(query))) setLast(query);
  return query.status === 'loading' && last ? last : query;
}
