import type {
  RowsResultDto,
  TableRowDto,
  TargetCountDto,
} from 'core-api/client';

/** How a page of rows is asked for: after a cursor, or from an offset. */
export type PageRequest = { after?: string; offset: number; limit: number };

/** Reads one page of rows (the API's `targeting.rows`, for one query). */
export type LoadPage = (request: PageRequest) => Promise<RowsResultDto>;

type Page = { rows: TableRowDto[]; next: string | null };

/**
 * The rows of a table, read a page at a time as they come into view and
 * kept: a page that follows a loaded one continues from its cursor (the
 * API walks on from there); a page further away is read from its offset
 * (a scroll bar dragged to the middle). One instance per query and order:
 * the answers of an instance the table no longer shows change nothing.
 */
export class RowPages {
  count: TargetCountDto | null = null;
  error: unknown = null;
  private readonly pages = new Map<number, Page>();
  private readonly loading = new Set<number>();

  constructor(
    private readonly load: LoadPage,
    private readonly onChange: () => void,
    readonly pageSize = 100,
  ) {}

  /** Rows matching, once the first answer came. */
  get total(): number {
    return this.count?.included ?? 0;
  }

  /** The row at `index`, if its page is loaded. */
  rowAt(index: number): TableRowDto | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.rows[
      index % this.pageSize
    ];
  }

  /** True once every row from `first` to `last` is loaded. */
  loaded(first: number, last: number): boolean {
    for (let page = this.pageOf(first); page <= this.pageOf(last); page++) {
      if (!this.pages.has(page)) return false;
    }
    return true;
  }

  /** Asks for the pages that hold rows `first` to `last` (0 for the first). */
  ensure(first: number, last: number): void {
    const top = this.count ? Math.max(0, this.total - 1) : 0;
    const from = this.pageOf(Math.max(0, Math.min(first, top)));
    const to = this.pageOf(Math.max(0, Math.min(last, top)));
    for (let page = from; page <= to; page++) this.fetch(page);
  }

  /**
   * Forgets a failure: the first page is read again if it was the one that
   * failed; the table asks again for the pages it shows.
   */
  retry(): void {
    this.error = null;
    if (!this.count) this.fetch(0);
    this.onChange();
  }

  private pageOf(index: number): number {
    return Math.floor(index / this.pageSize);
  }

  private fetch(page: number): void {
    if (this.pages.has(page) || this.loading.has(page) || this.error) return;
    this.loading.add(page);
    const previous = this.pages.get(page - 1);
    const request: PageRequest = previous?.next
      ? { after: previous.next, offset: 0, limit: this.pageSize }
      : { offset: page * this.pageSize, limit: this.pageSize };
    this.load(request).then(
      (result) => {
        this.loading.delete(page);
        this.pages.set(page, { rows: result.items, next: result.next });
        this.count = result.count;
        this.onChange();
      },
      (error: unknown) => {
        this.loading.delete(page);
        this.error = error;
        this.onChange();
      },
    );
  }
}
