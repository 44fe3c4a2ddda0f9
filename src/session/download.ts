/** Saving bytes to the student's disk: an `a[download]` on a blob: URL (the page's CSP restricts fetches, not this). */

export function downloadBytes(bytes: Uint8Array, filename: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const two = (n: number) => String(n).padStart(2, '0');

/** `dockyard-session-20260131-0942.dockyard`, in the student's local time. */
export function sessionFileName(at: number, kind = 'session'): string {
  const date = new Date(at);
  const stamp = `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}`;
  return `dockyard-${kind}-${stamp}.dockyard`;
}
