/**
 * A worker that turns an encoded snapshot into a session file (compression and checksum): for a session holding a
 * big file (an 8 MB `docker save` archive) that is hundreds of milliseconds the page must not spend on its own thread.
 */
import { sessionFile } from '../../engine/host/session-format.ts';

export interface FileRequest {
  readonly id: number;
  readonly payload: readonly Uint8Array[];
}

export type FileResponse = { readonly id: number; readonly file: Uint8Array } | { readonly id: number; readonly error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FileRequest>) => void) | null;
  postMessage(message: FileResponse, transfer?: Transferable[]): void;
};

scope.onmessage = ({ data: { id, payload } }) => {
  try {
    const file = sessionFile(payload);
    scope.postMessage({ id, file }, [file.buffer]);
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
