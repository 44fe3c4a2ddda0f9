import { stringifyEJSON } from './bson.ts';

/**
 * mongod's structured log lines (4.4+): one JSON object per line, `t` `s` `c` `id` `ctx` `msg` `attr`, with the
 * severity, component and id padded as the server pads them so the columns line up:
 * `{"t":{"$date":"2025-07-14T09:00:01.000+00:00"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`
 */
export type Severity = 'I' | 'W' | 'E' | 'F';

export interface LogEntry {
  readonly s?: Severity;
  readonly c: string;
  readonly id: number;
  readonly ctx: string;
  readonly msg: string;
  readonly attr?: Record<string, unknown>;
  readonly tags?: readonly string[];
}

/** ISO-8601 with milliseconds and a numeric offset, as mongod's `$date` shows times (UTC in containers). */
export function logDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

export function formatLogLine(ms: number, e: LogEntry): string {
  const head = `{"t":{"$date":"${logDate(ms)}"},"s":"${e.s ?? 'I'}",${' '.repeat(2)}`;
  const c = `"c":"${e.c}",`.padEnd(16, ' ');
  const id = `"id":${e.id},`.padEnd(14, ' ');
  const ctx = `"ctx":${JSON.stringify(e.ctx)},"msg":${JSON.stringify(e.msg)}`;
  const attr = e.attr ? `,"attr":${stringifyEJSON(e.attr)}` : '';
  const tags = e.tags ? `,"tags":${JSON.stringify(e.tags)}` : '';
  return `${head}${c}${id}${ctx}${attr}${tags}}\n`;
}
