/**
 * Hands a downloaded file to the browser under its name: a link to the
 * blob, clicked, then released once the browser has taken it.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL may go after it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
