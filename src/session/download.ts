// Session files on the student's disk: saving them (an `a[download]` on a blob: URL; the page's CSP restricts
// fetches, not this), naming them, and refusing one too large to read before the tab runs out of memory on it.


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

/**
 * The largest session file the page reads. A session holding a `docker save` of a big image is tens of megabytes
 * compressed; a file far beyond that is not one, and reading it whole would take the tab's memory with it.
 */
export const MAX_SESSION_FILE_BYTES = 512 * 1024 * 1024;

/** Why a file of `size` bytes cannot be imported, or undefined when its size is fine. */
export function sessionFileTooLarge(size: number): string | undefined {
  if (size <= MAX_SESSION_FILE_BYTES) return undefined;
  return `the file is ${Math.ceil(size / 1024 / 1024)} MB, too large to be a Dockyard session (at most ${MAX_SESSION_FILE_BYTES / 1024 / 1024} MB).`;
}
