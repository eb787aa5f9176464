import type { TargetQuery, TargetSort } from 'core-api/client';
import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../../ApiContext.ts';
import { useExpireOnUnauthenticated } from '../../auth/SessionContext.ts';
import { RowPages } from './rowPages.ts';

/**
 * The pages of a table for one query and order, read from the API as the
 * table asks for them; a new query, order or `reload` starts afresh (the
 * rows read before stay shown until its first answer). The screen is drawn
 * again whenever a page arrives.
 */
export function useRowPages(
  query: TargetQuery,
  sort: TargetSort,
  reload: number,
): RowPages {
  const client = useApi();
  const expireOn401 = useExpireOnUnauthenticated();
  const [, setVersion] = useState(0);
  const key = JSON.stringify([query, sort, reload]);
  const pages = useMemo(
    () =>
      new RowPages(
        (request) => client.targeting.rows({ query, sort, ...request }),
        () => setVersion((version) => version + 1),
      ),
    // `key` stands for the query and the order: a new object that says the
    // same thing keeps the rows already read.
    [client, key],
  );

  // The first page says how many rows there are, before any is drawn.
  useEffect(() => pages.ensure(0, 0), [pages]);

  useEffect(() => {
    if (pages.error) expireOn401(pages.error);
  }, [pages, pages.error, expireOn401]);

  // While a new filter's first page is on its way, the rows of the last
  // answer stay on screen rather than a spinner at each pause in typing.
  const answered = pages.count !== null || pages.error !== null;
  const [last, setLast] = useState<RowPages | null>(null);
  useEffect(() => {
    if (answered) setLast(pages);
  }, [answered, pages]);

  return answered || !last ? pages : last;
}
