/**
 * A worker that turns an encoded snapshot into a session file (compression and checksum): for a session holding a
 * big file (an 8 MB `docker save` archive) that is hundreds of milliseconds the page must not spend on its own thread.
 */
import { sessionFile } from '../../engine/host/session-format.ts';

/** A payload comes in parts (a message each), the last one marked: one message of 100 MB is a long copy. */
export interface FileRequest {
  readonly id: number;
  readonly part: readonly Uint8Array[];
  readonly last: boolean;
}

export type FileResponse = { readonly id: number; readonly file: Uint8Array } | { readonly id: number; readonly error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FileRequest>) => void) | null;
  postMessage(message: FileResponse, transfer?: Transferable[]): void;
};

const received = new Map<number, Uint8Array[]>();

scope.onmessage = ({ data: { id, part, last } }) => {
  const payload = received.get(id) ?? [];
  payload.push(...part);
  if (!last) {
    received.set(id, payload);
    return;
  }
  received.delete(id);
  try {
    const file = sessionFile(payload);
    scope.postMessage({ id, file }, [file.buffer]);
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
