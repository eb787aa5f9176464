import { Link } from '@fluentui/react-components';

export type WebLinkProps = { url: string; text?: string };

/** Whether a stored address is a web page (and not `javascript:` or `data:`). */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);

    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A link to an outside web page, opened in a new tab. Addresses come from
 * imports, so anything but http(s) is shown as text, never made clickable.
 */
export function WebLink({ url, text }: WebLinkProps) {
  if (!isWebUrl(url)) return <span>{text ?? url}</span>;

  return (
    <Link href={url} target="_blank" rel="noopener noreferrer">
      {text ?? url}
    </Link>
  );
}
