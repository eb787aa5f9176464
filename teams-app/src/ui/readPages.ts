/** One page of an API answer. */
type Page<T> = { items: T[]; total: number };

/**
 * Reads the first `pages` pages one after the other (a "more" button adds
 * one), stopping at the last, and says whether more remain.
 */
export async function readPages<T>(
  pages: number,
  pageSize: number,
  read: (page: number) => Promise<Page<T>>,
): Promise<{ items: T[]; total: number; more: boolean }> {
  const items: T[] = [];
  let total = 0;
  for (let page = 1; page <= pages; page += 1) {
    const answer = await read(page);
    items.push(...answer.items);
    total = answer.total;
    if (page * pageSize >= total) break;
  }

  return { items, total, more: pages * pageSize < total };
}
