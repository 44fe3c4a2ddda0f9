import { quote, structJson } from '../../image/archive/gojson.ts';
import { rfc3339Nano } from '../../image/inspect.ts';
import type { TextSink } from './sink.ts';
import type { ProgressWriter, SolveStatus, Vertex, VertexLog, VertexStatus, VertexWarning } from './types.ts';

/**
 * `--progress=rawjson`: every update as one line of JSON, BuildKit's client.SolveStatus as Go's encoder writes it
 * (field names and order from client/graph.go, empty fields left out where Go omits them, times in RFC 3339 with
 * nanoseconds, byte fields such as log data in base64). Vertex digests are the builder's vertex ids.
 */
export class RawJsonPrinter implements ProgressWriter {
  readonly #warnings: VertexWarning[] = [];

  constructor(private readonly out: TextSink) {}

  async write(status: SolveStatus): Promise<void> {
    this.#warnings.push(...status.warnings);
    await this.out.write(`${solveStatusJson(status)}\n`);
  }

  done(): void {}

  warnings(): readonly VertexWarning[] {
    return this.#warnings;
  }
}

export function solveStatusJson(s: SolveStatus): string {
  return structJson([
    ['vertexes', list(s.vertexes, vertexJson)],
    ['statuses', list(s.statuses, statusJson)],
    ['logs', list(s.logs, logJson)],
    ['warnings', list(s.warnings, warningJson)],
  ]);
}

function list<T>(items: readonly T[], json: (t: T) => string): string | undefined {
  return items.length === 0 ? undefined : `[${items.map(json).join(',')}]`;
}

/** Go's time.Time in JSON; the zero time for a time.Time field that was never set. */
function time(ms: number | undefined): string {
  if (ms === undefined) return quote('0001-01-01T00:00:00Z');
  return quote(rfc3339Nano(new Date(ms).toISOString()));
}

const optTime = (ms: number | undefined) => (ms === undefined ? undefined : time(ms));
const optString = (s: string | undefined) => (s ? quote(s) : undefined);
const optInt = (n: number | undefined) => (n ? String(Math.trunc(n)) : undefined);

function vertexJson(v: Vertex): string {
  const error = v.canceled ? (v.error ?? 'context canceled') : v.error;
  return structJson([
    ['digest', optString(v.id)],
    ['name', optString(v.name)],
    ['started', optTime(v.started)],
    ['completed', optTime(v.completed)],
    ['cached', v.cached ? 'true' : undefined],
    ['error', optString(error)],
  ]);
}

function statusJson(s: VertexStatus): string {
  return structJson([
    // BuildKit's status ID is the text the printers show.
    ['id', quote(s.name)],
    ['vertex', optString(s.vertex)],
    ['total', optInt(s.total)],
    ['current', String(Math.trunc(s.current ?? 0))],
    ['timestamp', time(s.timestamp)],
    ['started', optTime(s.started)],
    ['completed', optTime(s.completed)],
  ]);
}

function logJson(l: VertexLog): string {
  return structJson([
    ['vertex', optString(l.vertex)],
    ['stream', optInt(l.stream)],
    ['data', quote(base64(l.data))],
    ['timestamp', time(l.timestamp)],
  ]);
}

function warningJson(w: VertexWarning): string {
  return structJson([
    ['vertex', optString(w.vertex)],
    ['short', w.short ? quote(base64(w.short)) : undefined],
    ['detail', w.detail.length > 0 ? `[${w.detail.map((d) => quote(base64(d))).join(',')}]` : undefined],
    ['url', optString(w.url)],
    [
      'sourceInfo',
      w.sourceInfo
        ? structJson([
            ['filename', optString(w.sourceInfo.filename)],
            ['data', w.sourceInfo.data ? quote(base64(w.sourceInfo.data)) : undefined],
          ])
        : undefined,
    ],
    [
      'range',
      w.range
        ? `[${structJson([
            ['start', structJson([['line', optInt(w.range.start)]])],
            ['end', structJson([['line', optInt(w.range.end)]])],
          ])}]`
        : undefined,
    ],
  ]);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Go's []byte in JSON: standard base64 of the UTF-8 bytes, padded. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : ALPHABET[c & 63]!;
  }
  return out;
}
