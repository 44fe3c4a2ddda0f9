import type { Socket } from '../socket.ts';
import { BufferedReader } from './buffered-reader.ts';
import { formatRequestHead, messageBytes } from './format.ts';
import type { RequestHead, ResponseHead } from './message.ts';
import { readBody, readResponseHead, responseFraming, type Body } from './parse.ts';

/** One request/response exchange on an open connection, for the clients (curl, wget, the node runtime's http). */

export async function sendRequest(socket: Socket, head: RequestHead, body: Uint8Array): Promise<void> {
  await socket.output.write(messageBytes(formatRequestHead(head), body));
}

export interface Received {
  /** null: the server closed the connection without answering. */
  readonly head: ResponseHead | null;
  readonly body: Body;
}

export async function receiveResponse(socket: Socket, method: string, onData?: (received: number) => void): Promise<Received> {
  const reader = new BufferedReader(socket.input);
  const head = await readResponseHead(reader);
  if (!head) return { head, body: { bytes: new Uint8Array(0), complete: true } };
  // Interim 100 Continue responses precede the real one.
  if (head.status === 100) return receiveResponse(socket, method, onData);
  return { head, body: await readBody(reader, responseFraming(head, method), onData) };
}
