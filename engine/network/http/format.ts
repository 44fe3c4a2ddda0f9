import { utf8, type Headers, type RequestHead, type ResponseHead } from './message.ts';

/** Writing HTTP/1.x heads and chunked bodies; heads are ASCII text ending in an empty line. */

export function formatRequestHead(head: RequestHead): string {
  return `${head.method} ${head.target} ${head.version}\r\n${formatHeaders(head.headers)}\r\n`;
}

export function formatResponseHead(head: ResponseHead): string {
  // A status line keeps its space even with an empty reason phrase (RFC 9112 §4).
  return `${head.version} ${head.status} ${head.reason}\r\n${formatHeaders(head.headers)}\r\n`;
}

function formatHeaders(headers: Headers): string {
  return headers.map(([name, value]) => `${name}: ${value}\r\n`).join('');
}

/** A whole body as one chunk and the last chunk (what a server that streams a small body sends). */
export function chunked(body: Uint8Array): Uint8Array {
  if (body.length === 0) return utf8('0\r\n\r\n');
  const head = utf8(`${body.length.toString(16)}\r\n`);
  const tail = utf8('\r\n0\r\n\r\n');
  const out = new Uint8Array(head.length + body.length + tail.length);
  out.set(head);
  out.set(body, head.length);
  out.set(tail, head.length + body.length);
  return out;
}

/** Joins a head and a body into the bytes of one message. */
export function messageBytes(head: string, body: Uint8Array): Uint8Array {
  const h = utf8(head);
  const out = new Uint8Array(h.length + body.length);
  out.set(h);
  out.set(body, h.length);
  return out;
}
