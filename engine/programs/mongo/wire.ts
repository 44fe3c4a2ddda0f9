import { parseEJSON, stringifyEJSON, type Doc } from './bson.ts';

/**
 * Dockyard's MongoDB wire protocol: one Extended JSON object per line over the TCP stream. A request names its
 * database and carries a command document, as an OP_MSG section does (`{insert: 'c', documents: [...], $db: 'test'}`);
 * the reply carries the server's reply document. A simplification of OP_MSG with BSON bodies: same commands, same
 * replies, readable bytes.
 */
export interface WireRequest {
  readonly requestID: number;
  readonly db: string;
  readonly command: Doc;
}

export interface WireReply {
  readonly responseTo: number;
  readonly reply: Doc;
}

export function encodeRequest(r: WireRequest): string {
  return stringifyEJSON({ requestID: r.requestID, db: r.db, command: r.command }) + '\n';
}

export function encodeReply(r: WireReply): string {
  return stringifyEJSON({ responseTo: r.responseTo, reply: r.reply }) + '\n';
}

export function decodeRequest(line: string): WireRequest {
  const v = parseEJSON(line) as Doc;
  return { requestID: Number(v.requestID), db: String(v.db), command: v.command as Doc };
}

export function decodeReply(line: string): WireReply {
  const v = parseEJSON(line) as Doc;
  return { responseTo: Number(v.responseTo), reply: v.reply as Doc };
}
