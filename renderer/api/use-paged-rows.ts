import { useCallback, useEffect, useState } from 'react';
import { FIRST_PAGE_ROWS, type Page } from '../../shared/api/schemas/paging';
import type { ApiError, Result } from '../../shared/result';
import { useDataVersion } from './data-version';
import type { Query } from './use-api-query';

/** A register's rows as far as they have been read, in display order. */
export interface PagedRows<Row> {
  rows: readonly Row[];
  /** How many rows the register holds: a count to show before all of them are here. */
  total: number;
  /** Every row is here: counts, filters and sums over `rows` are now the register's. */
  complete: boolean;
}

/** One call of `<register>:page` for the screen's cycle. */
export type PageReader<Row> = (offset: number, limit: number) => Promise<Result<Page<Row>>>;

/** Rows a page after the first asks for: few calls, each short enough to keep the screen responsive. */
const LATER_PAGE_ROWS = 1_000;
/** A register that keeps changing while it is read is read again from its start, this many times at most. */
const RESTARTS = 3;

/** An answer remembers the reader it came from: another cycle's rows are never shown as this one's. */
type Answer<Row> = { reader: PageReader<Row>; rows: PagedRows<Row> } | { reader: PageReader<Row>; error: ApiError };

/**
 * Reads a register page by page, so its screen paints from the first page (100 rows) and fills in
 * behind it. The first read shows rows as they come, `complete: false` until the last page. A
 * reload (after a save, an undo anywhere) keeps showing the complete rows it had until the new
 * ones are all here: the table never shrinks to a page and grows back under the officer's eyes.
 * `readPage` must be stable (useCallback): a new one reads again.
 */
export function usePagedRows<Row>(readPage: PageReader<Row>): Query<PagedRows<Row>> {
  const [answer, setAnswer] = useState<Answer<Row> | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const dataVersion = useDataVersion();

  useEffect(() => {
    let current = true;
    const show = (rows: Row[], total: number, complete: boolean) =>
      setAnswer((previous) => {
        const showingComplete = previous?.reader === readPage && 'rows' in previous && previous.rows.complete;
        // A reload's partial rows stay hidden behind the complete ones on screen.
        if (showingComplete && !complete) return previous;
        return { reader: readPage, rows: { rows, total, complete } };
      });

    async function readAll(): Promise<void> {
      for (let attempt = 0; attempt <= RESTARTS; attempt++) {
        const rows: Row[] = [];
        let offset: number | null = 0;
        let total: number | null = null;
        while (offset !== null) {
          const result = await readPage(offset, offset === 0 ? FIRST_PAGE_ROWS : LATER_PAGE_ROWS);
          if (!current) return;
          if (!result.ok) {
            setAnswer({ reader: readPage, error: result.error });
            return;
          }
          const page = result.value;
          // Rows added or deleted between two pages shift the pages after: start again.
          if (total !== null && page.total !== total) break;
          total = page.total;
          rows.push(...page.rows);
          offset = page.nextOffset;
          show([...rows], total, offset === null);
        }
        if (offset === null) return;
      }
      setAnswer({ reader: readPage, error: { code: 'internal', message: 'The register kept changing while it was read. Try again.' } });
    }
    void readAll();
    return () => {
      current = false;
    };
  }, [readPage, version, dataVersion]);

  if (answer === null || answer.reader !== readPage) return { status: 'loading' };
  return 'rows' in answer ? { status: 'ready', value: answer.rows, reload } : { status: 'error', error: answer.error, reload };
}
