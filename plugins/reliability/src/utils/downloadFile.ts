/**
 * Hands text to the browser as a file download, without another round trip
 * to the backend.
 */
export function downloadFile(
  fileName: string,
  parts: BlobPart[],
  type: string,
): void {
  const blob = new Blob(parts, { type });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoke after the click has been handled, or some browsers cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
