import { goFixed, durationSeconds } from './go-format.ts';
import { mergeIntervals, type Interval } from './intervals.ts';
import { Screen } from './screen.ts';
import type { SolveStatus, Vertex, VertexStatus, VertexWarning } from './types.ts';

/** BuildKit marks a vertex stopped by another's failure (or Ctrl-C) with an error ending in this. */
const CANCELED = 'context canceled';

/** How many rows of a step's output the TTY view keeps on screen (progressui's termHeightMin/termHeight). */
export const TERM_HEIGHT = 6;
/** Columns the TTY view keeps free to the right of a step's output for its timer (termPad). */
export const TERM_PAD = 10;
/** Lines of a step's output the plain printer keeps to repeat when the step fails (logsBufferSize). */
const LOGS_BUFFER_SIZE = 10;

/** One vertex as progressui's trace tracks it across updates. */
export class TraceVertex {
  vertex: Vertex;
  prev: Vertex | undefined;
  /** `#N` in plain output: given when first printed, so numbers follow the order vertices appear in the text. */
  index = 0;
  readonly intervals = new Map<number, Interval>();
  merged: Interval[] = [];
  /** Status ids in the order they started; only started statuses are shown. */
  readonly statuses: string[] = [];
  readonly byId = new Map<string, VertexStatus>();
  statusUpdates = new Set<string>();
  /** Output lines, each `<seconds> <text>`; the last may still be growing when `logsPartial`. */
  logs: string[] = [];
  logsPartial = false;
  /** How much of `logs[0]` the plain printer already wrote (a partial line continued later). */
  logsOffset = 0;
  /** The plain printer's ring of the last lines it wrote, for the `------` excerpt when the step fails. */
  readonly logsBuffer: (string | undefined)[] = new Array<string | undefined>(LOGS_BUFFER_SIZE).fill(undefined);
  logsBufferAt = -1;
  readonly warnings: VertexWarning[] = [];
  warningIdx = 0;
  /** The plain printer's fairness bookkeeping: updates since it last showed this vertex, and since when. */
  count = 0;
  lastBlockTime: number | undefined;
  readonly term: Screen | undefined;
  termBytes = 0;
  termCount = 0;

  constructor(vertex: Vertex, termWidth: number | undefined) {
    this.vertex = vertex;
    this.term = termWidth === undefined ? undefined : new Screen(TERM_HEIGHT, Math.max(1, termWidth - TERM_PAD));
  }

  get id(): string {
    return this.vertex.id;
  }

  get name(): string {
    return this.vertex.name;
  }

  /** The vertex's error as BuildKit words it: a cancelled vertex carries `context canceled`. */
  get error(): string {
    if (this.vertex.canceled) return this.vertex.error ?? CANCELED;
    return this.vertex.error ?? '';
  }

  get isCanceled(): boolean {
    return this.error.endsWith(CANCELED);
  }

  isStarted(): boolean {
    return this.merged.length > 0;
  }

  mostRecentInterval(): Interval | undefined {
    return this.merged[this.merged.length - 1];
  }

  isCompleted(): boolean {
    const last = this.mostRecentInterval();
    return last !== undefined && last.stop !== undefined;
  }

  update(n: number, now: number): void {
    if (this.count === 0) this.lastBlockTime = now;
    this.count += n;
  }

  /** Remembers a line the plain printer wrote; the ring moves on only when the line is complete. */
  keepLog(line: string): void {
    if (this.logsBufferAt < 0) this.logsBufferAt = 0;
    this.logsBuffer[this.logsBufferAt] = line;
    if (!this.logsPartial) this.logsBufferAt = (this.logsBufferAt + 1) % LOGS_BUFFER_SIZE;
  }

  /** The ring read from its oldest slot, as printErrorLogs walks it. */
  keptLogs(): string[] {
    if (this.logsBufferAt < 0) return [];
    const out: string[] = [];
    for (let i = 0; i < LOGS_BUFFER_SIZE; i++) {
      const line = this.logsBuffer[(this.logsBufferAt + i) % LOGS_BUFFER_SIZE];
      if (line !== undefined) out.push(line);
    }
    return out;
  }
}

/**
 * progressui's trace: the state both human printers draw from. Vertices are kept in the order updates first name
 * them (`byId`, standing in for Go's map, whose order BuildKit never relies on for output) and in the order they
 * started (`vertexes`). `updates` holds the vertices changed since the plain printer last looked.
 */
export class Trace {
  startTime: number | undefined;
  readonly byId = new Map<string, TraceVertex>();
  readonly vertexes: TraceVertex[] = [];
  readonly updates = new Set<string>();

  /** `termWidth` is set for the TTY view, whose vertices get a screen for their output. */
  constructor(private readonly termWidth?: number) {}

  update(s: SolveStatus, now: number): void {
    for (const v of s.vertexes) this.#vertex(v, now);
    for (const st of s.statuses) this.#status(st, now);
    for (const w of s.warnings) {
      const v = this.byId.get(w.vertex);
      if (!v) continue;
      // A warning alone does not mark the vertex for printing: the plain printer shows it with the next update.
      v.warnings.push(w);
      v.update(1, now);
    }
    for (const l of s.logs) {
      const v = this.byId.get(l.vertex);
      if (!v) continue;
      if (v.term) {
        v.termBytes += l.data.length;
        v.term.write(l.data);
      }
      this.#log(v, l.data, l.timestamp);
      this.updates.add(v.id);
      v.update(1, now);
    }
  }

  #vertex(v: Vertex, now: number): void {
    if (this.startTime === undefined) this.startTime = v.started;
    const prev = this.byId.get(v.id);
    const rec = prev ?? new TraceVertex(v, this.termWidth);
    if (!prev) this.byId.set(v.id, rec);
    this.#event(rec, v, now);
    if (v.started !== undefined && (!prev || !prev.isStarted())) this.vertexes.push(rec);
    // A repeated announcement of a vertex that has not started must not reset one that has.
    if (!prev || !prev.isStarted() || v.started !== undefined) rec.vertex = v;
    if (v.started !== undefined) {
      rec.intervals.set(v.started, { start: v.started, stop: v.completed });
      rec.merged = mergeIntervals(rec.intervals.values());
    }
  }

  /** triggerVertexEvent: a started vertex whose state changed is due for printing. */
  #event(rec: TraceVertex, v: Vertex, now: number): void {
    if (v.started === undefined) return;
    const old = rec.prev;
    const changed =
      !old ||
      v.id !== old.id ||
      v.name !== old.name ||
      old.started === undefined ||
      v.started !== old.started ||
      // Go compares the Completed pointers, which differ for every decoded update: any completed update counts.
      v.completed !== undefined ||
      Boolean(v.cached) !== Boolean(old.cached) ||
      errorOf(v) !== errorOf(old);
    if (changed) {
      rec.update(1, now);
      this.updates.add(v.id);
    }
    rec.prev = v;
  }

  #status(s: VertexStatus, now: number): void {
    const v = this.byId.get(s.vertex);
    if (!v) return;
    const prev = v.byId.get(s.id);
    if (s.started !== undefined && (!prev || prev.started === undefined)) v.statuses.push(s.id);
    // BuildKit stamps every status update when it is sent; one without a stamp is taken as sent when it arrived.
    v.byId.set(s.id, s.timestamp === undefined ? { ...s, timestamp: now } : s);
    v.statusUpdates.add(s.id);
    this.updates.add(v.id);
    v.update(1, now);
  }

  /** Splits output into lines stamped with the seconds since the step (re)started: 3 decimals under 10 s, 2 under 100. */
  #log(v: TraceVertex, data: string, timestamp: number): void {
    let i = 0;
    let rest = data;
    let complete = false;
    const add = (line: string) => {
      if (v.logsPartial && v.logs.length > 0 && i === 0) {
        v.logs[v.logs.length - 1] += line;
      } else {
        const since = v.mostRecentInterval();
        const sec = since?.start !== undefined ? durationSeconds(timestamp - since.start) : 0;
        const prec = sec < 10 ? 3 : sec < 100 ? 2 : 1;
        v.logs.push(`${goFixed(sec, prec)} ${line}`);
      }
      i++;
    };
    if (rest.length > 0) {
      for (;;) {
        if (rest.length === 0) {
          complete = true;
          break;
        }
        const nl = rest.indexOf('\n');
        if (nl < 0) {
          add(rest);
          break;
        }
        add(rest.slice(0, nl));
        rest = rest.slice(nl + 1);
      }
    }
    v.logsPartial = !complete;
  }
}

function errorOf(v: Vertex): string {
  return v.canceled ? (v.error ?? CANCELED) : (v.error ?? '');
}
