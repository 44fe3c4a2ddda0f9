import { errorLogs } from './error-logs.ts';
import { durationSeconds, goFixed } from './go-format.ts';
import { intervalSeconds, mergeIntervals } from './intervals.ts';
import { Pacer } from './pacer.ts';
import { PrinterClock } from './printer-clock.ts';
import type { Now, TextSink } from './sink.ts';
import { Trace, type TraceVertex } from './trace.ts';
import type { ProgressWriter, SolveStatus, VertexWarning } from './types.ts';
import { progressBytes } from './units.ts';

/** A step that has been waiting this long to be shown is shown next, whatever else is busy (maxDelay). */
const MAX_DELAY_MS = 10_000;
/** How long the current step keeps the output before a busier one may take it (antiFlicker). */
const ANTI_FLICKER_S = 5;
/** A running status is printed again only after this much time or progress (minTimeDelta, minProgressDelta). */
const MIN_TIME_DELTA_MS = 5_000;
const MIN_PROGRESS_DELTA = 0.05;

export interface PlainOptions {
  readonly out: TextSink;
  /**
   * buildx's text description, printed once as `#0 <desc>` before the first step: `building with "default"
   * instance using docker driver` (see builderDescription).
   */
  readonly desc?: string;
  readonly now?: Now;
}

/**
 * `--progress=plain`: BuildKit's textMux. Each step gets a block (`#N name`, its statuses, warnings and output lines,
 * then `#N DONE 1.2s`, `#N CACHED`, `#N ERROR: …` or `#N CANCELED`), blocks separated by blank lines. When another
 * step needs the output before the current one is over, the current block is closed with `#N ...` and reopened later.
 */
export class PlainPrinter implements ProgressWriter {
  readonly #trace = new Trace();
  readonly #pacer = new Pacer();
  readonly #clock: PrinterClock;
  readonly #warnings: VertexWarning[] = [];
  #current = '';
  readonly #last = new Map<string, { current: number; timestamp: number }>();
  #notFirst = false;
  #nextIndex = 0;
  #out = '';

  constructor(private readonly options: PlainOptions) {
    this.#clock = new PrinterClock(options.now);
  }

  async write(status: SolveStatus): Promise<void> {
    const now = this.#clock.observe(status);
    this.#ticks(now);
    this.#trace.update(status, now);
    this.#warnings.push(...status.warnings);
    if (this.#pacer.allow(now)) this.#print(now);
    this.#pacer.reset(now);
    await this.#flush();
  }

  /** The display closing: what is still pending is printed, then the failed steps' output excerpts. */
  async done(at: number): Promise<void> {
    const now = this.#clock.advance(at);
    this.#ticks(now);
    this.#print(now);
    this.#out += errorLogs(this.#trace);
    await this.#flush();
  }

  /** Every warning the build reported, for the summary buildx prints after the progress. */
  warnings(): readonly VertexWarning[] {
    return this.#warnings;
  }

  /** A redraw without updates only ever switches to an open step once, so two ticks do all that many would. */
  #ticks(now: number): void {
    for (const t of this.#pacer.ticksBefore(now, 2)) this.#print(t);
  }

  async #flush(): Promise<void> {
    const text = this.#out;
    this.#out = '';
    if (text) await this.options.out.write(text);
  }

  #print(now: number): void {
    const t = this.#trace;
    const completed: string[] = [];
    const rest: string[] = [];
    for (const id of t.updates) {
      const v = t.byId.get(id);
      if (!v) continue;
      (v.isCompleted() ? completed : rest).push(id);
    }
    const current = this.#current;
    // Steps that finished are printed first, the current one before the others, the rest in the order they ended.
    if (completed.includes(current)) this.#printVtx(current, now);
    for (const id of sortCompleted(t, completed)) if (id !== current) this.#printVtx(id, now);

    if (rest.length === 0) {
      if (current !== '') {
        const v = t.byId.get(current);
        if (v && v.isStarted() && !v.isCompleted()) return;
      }
      for (const v of t.byId.values()) {
        if (v.isStarted() && !v.isCompleted()) {
          this.#printVtx(v.id, now);
          return;
        }
      }
      return;
    }

    if (rest.includes(current)) this.#printVtx(current, now);

    const stats = new Map<string, { blockTime: number; speed: number; share: number; overLimit: boolean }>();
    let sum = 0;
    let max = '';
    if (current !== '' && !rest.includes(current)) rest.push(current);
    for (const id of rest) {
      const v = t.byId.get(id);
      if (!v || v.lastBlockTime === undefined) continue;
      const blockTime = now - v.lastBlockTime;
      const speed = v.count / durationSeconds(blockTime);
      const overLimit = blockTime > MAX_DELAY_MS && id !== current;
      stats.set(id, { blockTime, speed, share: 0, overLimit });
      sum += speed;
      if (overLimit || max === '' || stats.get(max)!.speed < speed) max = id;
    }
    for (const s of stats.values()) s.share = s.speed / sum;

    if (completed.includes(current) || current === '') {
      this.#printVtx(max, now);
      return;
    }
    for (const id of rest) {
      if (stats.get(id)?.overLimit) {
        this.#printVtx(id, now);
        return;
      }
    }
    // Fair split: a busier step takes over once the current one has held the output long enough.
    const cur = stats.get(current);
    if (cur && (1 / (1 - cur.share)) * ANTI_FLICKER_S < durationSeconds(cur.blockTime)) this.#printVtx(max, now);
  }

  #printVtx(id: string, now: number): void {
    const t = this.#trace;
    const v = t.byId.get(id);
    if (!v) return;
    if (v.index === 0) v.index = ++this.#nextIndex;

    if (id !== this.#current) {
      if (this.#current !== '') {
        const old = t.byId.get(this.#current)!;
        if (old.logsPartial) this.#out += '\n';
        old.logsOffset = 0;
        old.count = 0;
        this.#out += `#${old.index} ...\n`;
      }
      if (this.#notFirst) this.#out += '\n';
      else {
        if (this.options.desc) this.#out += `#0 ${this.options.desc}\n\n`;
        this.#notFirst = true;
      }
      this.#out += `#${v.index} ${v.name}\n`;
    }

    // Remote cache loading can report statuses while no vertex is open; such a status keeps the step open.
    let isOpenStatus = false;
    for (const sid of v.statuses) {
      if (!v.statusUpdates.has(sid)) continue;
      const s = v.byId.get(sid)!;
      const ts = s.timestamp ?? now;
      const last = this.#last.get(sid);
      if (last && s.completed === undefined) {
        const progressDelta = (s.total ?? 0) > 0 ? ((s.current ?? 0) - last.current) / s.total! : 0;
        if (progressDelta < MIN_PROGRESS_DELTA && ts - last.timestamp < MIN_TIME_DELTA_MS) continue;
      }
      this.#last.set(sid, { timestamp: ts, current: s.current ?? 0 });
      let bytes = '';
      if (s.total) bytes = ` ${progressBytes(s.current ?? 0)} / ${progressBytes(s.total)}`;
      else if (s.current) bytes = ` ${progressBytes(s.current)}`;
      let tm = '';
      if (s.started !== undefined) {
        const diff = durationSeconds((s.completed ?? ts) - s.started);
        if (diff > 0.01) tm = ` ${goFixed(diff, 1)}s`;
      }
      if (s.completed !== undefined) tm += ' done';
      else isOpenStatus = true;
      this.#out += `#${v.index} ${s.name}${bytes}${tm}\n`;
    }
    v.statusUpdates = new Set();

    for (const w of v.warnings.slice(v.warningIdx)) {
      this.#out += `#${v.index} WARN: ${w.short}\n`;
      v.warningIdx++;
    }

    this.#printLogs(v);

    this.#current = id;
    if (v.isCompleted() && !isOpenStatus) {
      this.#current = '';
      v.count = 0;
      if (v.logsPartial) this.#out += '\n';
      if (v.error !== '') {
        this.#out += v.isCanceled ? `#${v.index} CANCELED\n` : `#${v.index} ERROR: ${v.error}\n`;
      } else if (v.vertex.cached) {
        this.#out += `#${v.index} CACHED\n`;
      } else {
        const ivals = mergeIntervals(v.intervals.values());
        const tm = ivals.length > 0 ? ` ${goFixed(ivals.reduce((dt, i) => dt + intervalSeconds(i, now), 0), 1)}s` : '';
        this.#out += `#${v.index} DONE${tm}\n`;
      }
    }
    t.updates.delete(id);
  }

  /**
   * Output lines as `#N <seconds> <text>`. A line that was cut short (no newline yet) is continued without a second
   * prefix when more of it arrives; the lines written are kept for the error excerpt.
   */
  #printLogs(v: TraceVertex): void {
    v.logs.forEach((line, i) => {
      let l = line;
      if (i === 0) l = l.slice(v.logsOffset);
      if (!(i === 0 && v.logsOffset > 0)) this.#out += `#${v.index} `;
      this.#out += l;
      if (i !== v.logs.length - 1 || !v.logsPartial) this.#out += '\n';
      v.keepLog(l);
    });
    if (v.logs.length > 0) {
      if (v.logsPartial) {
        v.logs = v.logs.slice(-1);
        v.logsOffset = v.logs[0]!.length;
      } else {
        v.logs = [];
        v.logsOffset = 0;
      }
    }
  }
}

/** Finished steps by when they (last) finished; steps that finished together keep the order they were reported in. */
function sortCompleted(t: Trace, ids: readonly string[]): string[] {
  const stop = (id: string) => t.byId.get(id)!.mostRecentInterval()!.stop!;
  return [...ids].sort((a, b) => stop(a) - stop(b));
}

/** buildx's two descriptions of the builder: the plain `#0` line and the TTY header's right-hand side. */
export function builderDescription(name = 'default', driver = 'docker'): { readonly text: string; readonly console: string } {
  return { text: `building with "${name}" instance using ${driver} driver`, console: `${driver}:${name}` };
}
