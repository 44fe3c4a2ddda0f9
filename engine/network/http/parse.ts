import { BufferedReader } from './buffered-reader.ts';
import { headerValue, hasToken, type Header, type Headers, type RequestHead, type ResponseHead } from './message.ts';

/** Reading HTTP/1.x messages (RFC 9112) off a connection, for servers and clients alike. */

export type ParseProblem = 'request-line' | 'status-line' | 'header' | 'chunk' | 'content-length' | 'too-long';

/** The peer sent something that is not HTTP/1.x; servers answer 400, clients give up. */
export class HttpParseError extends Error {
  override readonly name = 'HttpParseError';
  constructor(
    readonly problem: ParseProblem,
    /** The offending line, as received. */
    readonly line = '',
  ) {
    super(`malformed HTTP (${problem}): ${JSON.stringify(line)}`);
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VERSION = /^HTTP\/(\d)\.(\d)$/;

/**
 * The next request's head, or null when the client closed the connection before sending one (an idle keep-alive
 * connection ending). Empty lines before the request line are skipped, as RFC 9112 §2.2 allows.
 */
export async function readRequestHead(reader: BufferedReader): Promise<RequestHead | null> {
  let line: string | null;
  do line = await reader.readLine();
  while (line === '');
  if (line === null) return null;
  const parts = line.split(' ');
  if (parts.length !== 3 || !TOKEN.test(parts[0]!) || parts[1] === '' || !VERSION.test(parts[2]!)) throw new HttpParseError('request-line', line);
  const [method, target, version] = parts as [string, string, string];
  return { method, target, version, headers: await readHeaders(reader) };
}

/** The response's head, or null when the server closed without a byte (curl's "Empty reply from server"). */
export async function readResponseHead(reader: BufferedReader): Promise<ResponseHead | null> {
  const line = await reader.readLine();
  if (line === null) return null;
  const m = /^(HTTP\/\d\.\d) (\d{3})(?: (.*))?$/.exec(line);
  if (!m) throw new HttpParseError('status-line', line);
  return { version: m[1]!, status: Number(m[2]), reason: m[3] ?? '', headers: await readHeaders(reader) };
}

async function readHeaders(reader: BufferedReader): Promise<Headers> {
  const headers: Header[] = [];
  for (;;) {
    const line = await reader.readLine();
    if (line === null || line === '') return headers;
    const colon = line.indexOf(':');
    // No whitespace before the colon, and no obsolete line folding (RFC 9112 §5.1, §5.2).
    if (colon <= 0 || !TOKEN.test(line.slice(0, colon)) || /^[ \t]/.test(line)) throw new HttpParseError('header', line);
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
}

/** How a message's body is delimited (RFC 9112 §6.3). */
export type Framing = { readonly kind: 'none' } | { readonly kind: 'length'; readonly length: number } | { readonly kind: 'chunked' } | { readonly kind: 'close' };

export function requestFraming(head: RequestHead): Framing {
  return bodyFraming(head.headers, { kind: 'none' });
}

/** A response to HEAD, a 1xx, 204 or 304 has no body whatever its headers say; otherwise it may run until close. */
export function responseFraming(head: ResponseHead, requestMethod: string): Framing {
  if (requestMethod === 'HEAD' || head.status < 200 || head.status === 204 || head.status === 304) return { kind: 'none' };
  return bodyFraming(head.headers, { kind: 'close' });
}

function bodyFraming(headers: Headers, otherwise: Framing): Framing {
  if (hasToken(headers, 'Transfer-Encoding', 'chunked')) return { kind: 'chunked' };
  const length = headerValue(headers, 'Content-Length');
  if (length === undefined) return otherwise;
  if (!/^\d+$/.test(length)) throw new HttpParseError('content-length', length);
  return { kind: 'length', length: Number(length) };
}

export interface Body {
  readonly bytes: Uint8Array;
  /** False when the peer closed before the framing said the body ends (curl's error 18). */
  readonly complete: boolean;
  /** For a Content-Length body cut short: how many bytes were still expected. */
  readonly missing?: number;
}

/** Reads a body as framed; `onData` sees each piece as it arrives (progress meters). */
export async function readBody(reader: BufferedReader, framing: Framing, onData?: (received: number) => void): Promise<Body> {
  switch (framing.kind) {
    case 'none':
      return { bytes: new Uint8Array(0), complete: true };
    case 'length': {
      const bytes = await reader.readBytes(framing.length);
      onData?.(bytes.length);
      return bytes.length === framing.length ? { bytes, complete: true } : { bytes, complete: false, missing: framing.length - bytes.length };
    }
    case 'close': {
      const bytes = await reader.readToEnd();
      onData?.(bytes.length);
      return { bytes, complete: true };
    }
    case 'chunked':
      return readChunked(reader, onData);
  }
}

async function readChunked(reader: BufferedReader, onData?: (received: number) => void): Promise<Body> {
  const pieces: Uint8Array[] = [];
  let total = 0;
  const done = (complete: boolean): Body => {
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const p of pieces) {
      bytes.set(p, at);
      at += p.length;
    }
    return { bytes, complete };
  };
  for (;;) {
    const sizeLine = await reader.readLine();
    if (sizeLine === null) return done(false);
    // Chunk extensions (`;name=value`) are allowed and ignored.
    const size = /^([0-9A-Fa-f]+)[ \t]*(?:;.*)?$/.exec(sizeLine);
    if (!size) throw new HttpParseError('chunk', sizeLine);
    const n = parseInt(size[1]!, 16);
    if (n === 0) {
      // Trailer fields, then the final empty line.
      for (let line = await reader.readLine(); line !== null && line !== ''; line = await reader.readLine());
      return done(true);
    }
    const chunk = await reader.readBytes(n);
    pieces.push(chunk);
    total += chunk.length;
    onData?.(chunk.length);
    if (chunk.length < n) return done(false);
    const end = await reader.readLine();
    if (end === null) return done(false);
    if (end !== '') throw new HttpParseError('chunk', end);
  }
}
