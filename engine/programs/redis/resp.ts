/**
 * RESP2, the protocol Redis speaks over TCP (https://redis.io/docs/latest/develop/reference/protocol-spec/): a client
 * sends an array of bulk strings (or an "inline" line of words, as typed in telnet), the server answers with one of
 * five reply types. Bulk lengths count bytes, so parsing works on bytes, not text.
 */
import { splitArgs } from './split-args.ts';

export type Reply =
  | { readonly kind: 'status'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'integer'; readonly value: number }
  /** `value` null is the nil bulk (`$-1`). */
  | { readonly kind: 'bulk'; readonly value: string | null }
  /** `items` null is the nil array (`*-1`), what LPOP with a count gives for a missing key. */
  | { readonly kind: 'array'; readonly items: readonly Reply[] | null };

export const OK: Reply = { kind: 'status', text: 'OK' };
export const NIL: Reply = { kind: 'bulk', value: null };
export const status = (text: string): Reply => ({ kind: 'status', text });
export const error = (text: string): Reply => ({ kind: 'error', text });
export const integer = (value: number): Reply => ({ kind: 'integer', value });
export const bulk = (value: string | null): Reply => ({ kind: 'bulk', value });
export const array = (items: readonly Reply[] | null): Reply => ({ kind: 'array', items });
export const bulks = (values: readonly (string | null)[]): Reply => array(values.map(bulk));

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function byteLength(s: string): number {
  return encoder.encode(s).length;
}

export function encodeReply(r: Reply): string {
  switch (r.kind) {
    case 'status':
      return `+${r.text}\r\n`;
    case 'error':
      return `-${r.text}\r\n`;
    case 'integer':
      return `:${r.value}\r\n`;
    case 'bulk':
      return r.value === null ? '$-1\r\n' : `$${byteLength(r.value)}\r\n${r.value}\r\n`;
    case 'array':
      return r.items === null ? '*-1\r\n' : `*${r.items.length}\r\n${r.items.map(encodeReply).join('')}`;
  }
}

/** A command as clients send it: an array of bulk strings. */
export function encodeCommand(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** Malformed input; Redis answers `-ERR Protocol error: ...` and closes the connection. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** What Redis accepts before refusing a request (proto-max-bulk-len and the inline limit). */
const MAX_BULK = 512 * 1024 * 1024;
const MAX_INLINE = 64 * 1024;
const MAX_MULTIBULK = 1024 * 1024;

/**
 * An incremental reader: bytes arrive in arbitrary chunks, `nextRequest`/`nextReply` give a complete message once
 * one is buffered, or undefined (consuming nothing) until then.
 */
export class RespReader {
  #buf = new Uint8Array(0);
  #pos = 0;

  push(chunk: Uint8Array): void {
    const rest = this.#buf.subarray(this.#pos);
    const next = new Uint8Array(rest.length + chunk.length);
    next.set(rest);
    next.set(chunk, rest.length);
    this.#buf = next;
    this.#pos = 0;
  }

  /** True when unread bytes remain. */
  get pending(): boolean {
    return this.#pos < this.#buf.length;
  }

  /** Server side: the next command's arguments (an empty array for a blank inline line). */
  nextRequest(): string[] | undefined {
    if (!this.pending) return undefined;
    if (this.#buf[this.#pos] !== 0x2a /* * */) return this.#inline();
    const header = this.#line(this.#pos);
    if (!header) return undefined;
    const count = Number(header.text.slice(1));
    if (!Number.isInteger(count) || count > MAX_MULTIBULK) throw new ProtocolError('invalid multibulk length');
    let at = header.next;
    const args: string[] = [];
    for (let i = 0; i < count; i++) {
      if (at >= this.#buf.length) return undefined;
      if (this.#buf[at] !== 0x24 /* $ */) throw new ProtocolError(`expected '$', got '${String.fromCharCode(this.#buf[at]!)}'`);
      const line = this.#line(at);
      if (!line) return undefined;
      const len = Number(line.text.slice(1));
      if (!Number.isInteger(len) || len < 0 || len > MAX_BULK) throw new ProtocolError('invalid bulk length');
      if (line.next + len + 2 > this.#buf.length) return undefined;
      args.push(decoder.decode(this.#buf.subarray(line.next, line.next + len)));
      at = line.next + len + 2;
    }
    this.#pos = at;
    return args;
  }

  /** Client side: the next reply. */
  nextReply(): Reply | undefined {
    const r = this.#reply(this.#pos);
    if (!r) return undefined;
    this.#pos = r.next;
    return r.reply;
  }

  #reply(at: number): { reply: Reply; next: number } | undefined {
    const line = this.#line(at);
    if (!line) return undefined;
    const body = line.text.slice(1);
    switch (line.text[0]) {
      case '+':
        return { reply: status(body), next: line.next };
      case '-':
        return { reply: error(body), next: line.next };
      case ':':
        return { reply: integer(Number(body)), next: line.next };
      case '$': {
        const len = Number(body);
        if (len < 0) return { reply: NIL, next: line.next };
        if (line.next + len + 2 > this.#buf.length) return undefined;
        return { reply: bulk(decoder.decode(this.#buf.subarray(line.next, line.next + len))), next: line.next + len + 2 };
      }
      case '*': {
        const count = Number(body);
        if (count < 0) return { reply: array(null), next: line.next };
        const items: Reply[] = [];
        let next = line.next;
        for (let i = 0; i < count; i++) {
          const item = this.#reply(next);
          if (!item) return undefined;
          items.push(item.reply);
          next = item.next;
        }
        return { reply: array(items), next };
      }
      default:
        throw new ProtocolError(`invalid reply type byte '${line.text[0] ?? ''}'`);
    }
  }

  #inline(): string[] | undefined {
    const nl = this.#buf.indexOf(0x0a, this.#pos);
    if (nl < 0) {
      if (this.#buf.length - this.#pos > MAX_INLINE) throw new ProtocolError('too big inline request');
      return undefined;
    }
    const text = decoder.decode(this.#buf.subarray(this.#pos, nl)).replace(/\r$/, '');
    this.#pos = nl + 1;
    const args = splitArgs(text);
    if (!args) throw new ProtocolError('unbalanced quotes in request');
    return args;
  }

  /** A CRLF-terminated header line starting at `at`. */
  #line(at: number): { text: string; next: number } | undefined {
    for (let i = at; i + 1 < this.#buf.length; i++) {
      if (this.#buf[i] === 0x0d && this.#buf[i + 1] === 0x0a) return { text: decoder.decode(this.#buf.subarray(at, i)), next: i + 2 };
    }
    return undefined;
  }
}
