/**
 * HTTP/1.x messages as they travel: a start line, headers in the order and spelling they were sent (servers differ
 * in how they spell theirs, `Content-type` in Python's, `Content-Type` in nginx's), and a body. Bodies are whole
 * byte arrays: every file and page the simulated servers hand out is small.
 */

export type Header = readonly [name: string, value: string];
export type Headers = readonly Header[];

export interface RequestHead {
  readonly method: string;
  /** The request target as sent: `/index.html?x=1`, or an absolute URL through a proxy. */
  readonly target: string;
  /** `HTTP/1.1`, `HTTP/1.0`. */
  readonly version: string;
  readonly headers: Headers;
}

export interface Request extends RequestHead {
  readonly body: Uint8Array;
}

export interface ResponseHead {
  readonly version: string;
  readonly status: number;
  readonly reason: string;
  readonly headers: Headers;
}

export interface Response extends ResponseHead {
  readonly body: Uint8Array;
}

/** The first value of a header, names compared case-insensitively as RFC 9110 says. */
export function headerValue(headers: Headers, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

export function hasToken(headers: Headers, name: string, token: string): boolean {
  const value = headerValue(headers, name);
  return value !== undefined && value.split(',').some((t) => t.trim().toLowerCase() === token);
}

/** Whether the connection stays open after this message: HTTP/1.1 unless `close`, HTTP/1.0 only with keep-alive. */
export function keepsAlive(version: string, headers: Headers): boolean {
  if (hasToken(headers, 'Connection', 'close')) return false;
  return version === 'HTTP/1.1' || hasToken(headers, 'Connection', 'keep-alive');
}

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export const EMPTY_BODY = new Uint8Array(0);
