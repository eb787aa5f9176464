/** Query-string values a request may carry. */
export type Query = Record<string, string | number | boolean | undefined>;

/** The request function of `createRelaisClient`, as feature clients use it. */
export type Call = <T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
) => Promise<T>;
