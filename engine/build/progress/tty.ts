import type { Tty } from '../../programs/streams.ts';
import { DEFAULT_COLORS, FAINT, paint, type ProgressColors } from './colors.ts';
import { errorLogs } from './error-logs.ts';
import { durationSeconds, goFixed, padRight } from './go-format.ts';
import { intervalSeconds, mergeIntervals, type Interval } from './intervals.ts';
import { Pacer } from './pacer.ts';
import { PrinterClock } from './printer-clock.ts';
import type { Now, TextSink } from './sink.ts';
import { TERM_HEIGHT, Trace, type TraceVertex } from './trace.ts';
import type { ProgressWriter, SolveStatus, VertexWarning } from './types.ts';
import { progressBytes } from './units.ts';

export interface TtyOptions {
  readonly out: TextSink;
  readonly tty: Tty;
  /** Right-hand side of the header: `docker:default` (builderDescription's `console`). */
  readonly desc?: string;
  /** The header's verb, `Building` unless the caller says otherwise. */
  readonly phase?: string;
  /** progressColors(env); none when NO_COLOR is set. */
  readonly colors?: ProgressColors;
  readonly now?: Now;
}

/** One row of the view: a step, one of its statuses (`=> transferring context: 1.21kB`) or one of its warnings. */
interface Job {
  name: string;
  intervals: Interval[];
  isCompleted: boolean;
  status: string;
  hasError: boolean;
  isCanceled: boolean;
  vertex?: TraceVertex;
  showTerm: boolean;
}

const ESC = '\x1b[';

/**
 * The TTY view (progressui's ttyDisplay): a `[+] Building 12.3s (11/14)` header and one row per step with its time,
 * redrawn in place. Running steps with output get its last screen rows under them (`=> => # …`). On a terminal that
 * cannot redraw (a recorded transcript) only the last frame is printed, as it would be left on the screen.
 */
export class TtyPrinter implements ProgressWriter {
  readonly #trace: Trace;
  readonly #pacer = new Pacer();
  readonly #clock: PrinterClock;
  readonly #warnings: VertexWarning[] = [];
  #lineCount = 0;
  #repeated = false;
  #out = '';

  constructor(private readonly options: TtyOptions) {
    this.#trace = new Trace(options.tty.columns);
    this.#clock = new PrinterClock(options.now);
  }

  get #redraws(): boolean {
    return this.options.tty.redraws !== false;
  }

  async write(status: SolveStatus): Promise<void> {
    const now = this.#clock.observe(status);
    this.#tick(now);
    this.#trace.update(status, now);
    this.#warnings.push(...status.warnings);
    if (this.#pacer.allow(now) && this.#redraws) this.#print(now, false);
    this.#pacer.reset(now);
    await this.#flush();
  }

  /** A redraw with no news, as the 150 ms ticker does (the caller may drive it from the clock for a live timer). */
  async refresh(now = this.#clock.read()): Promise<void> {
    if (this.#redraws) this.#print(now, false);
    await this.#flush();
  }

  /** The final frame (every row, `FINISHED` when all steps ended), then the failed steps' output. */
  async done(at: number): Promise<void> {
    const now = this.#clock.advance(at);
    this.#tick(now);
    this.#print(now, true);
    this.#out += errorLogs(this.#trace);
    await this.#flush();
  }

  warnings(): readonly VertexWarning[] {
    return this.#warnings;
  }

  /** Ticks between updates only move the timers, so drawing the last of them leaves the same screen. */
  #tick(now: number): void {
    const t = this.#pacer.lastTickBefore(now);
    if (t !== undefined && this.#redraws) this.#print(t, false);
  }

  async #flush(): Promise<void> {
    const text = this.#out;
    this.#out = '';
    if (text) await this.options.out.write(text);
  }

  #jobs(): Job[] {
    const jobs: Job[] = [];
    for (const v of this.#trace.vertexes) {
      const j: Job = {
        name: v.name.replaceAll('\t', ' '),
        intervals: [],
        isCompleted: true,
        status: '',
        hasError: false,
        isCanceled: false,
        vertex: v,
        showTerm: false,
      };
      for (const i of v.intervals.values()) if (i.stop === undefined) j.isCompleted = false;
      j.intervals = mergeIntervals(v.intervals.values());
      if (v.error !== '') {
        if (v.isCanceled) {
          j.isCanceled = true;
          j.name = `CANCELED ${j.name}`;
        } else {
          j.hasError = true;
          j.name = `ERROR ${j.name}`;
        }
      }
      if (v.vertex.cached) j.name = `CACHED ${j.name}`;
      jobs.push(j);
      for (const sid of v.statuses) {
        const s = v.byId.get(sid)!;
        let status = '';
        if (s.total) status = `${progressBytes(s.current ?? 0)} / ${progressBytes(s.total)}`;
        else if (s.current) status = progressBytes(s.current);
        jobs.push({
          name: `=> ${s.name}`,
          intervals: [{ start: s.started, stop: s.completed }],
          isCompleted: s.completed !== undefined,
          status,
          hasError: false,
          isCanceled: false,
          showTerm: false,
        });
      }
      for (const w of v.warnings) {
        // Drawn like a cancelled row, over the step's last span; never counted as finished, so never coloured.
        const last = v.mostRecentInterval() ?? {};
        jobs.push({
          name: `WARN: ${w.short}`,
          intervals: [{ start: last.start, stop: last.stop }],
          isCompleted: false,
          status: '',
          hasError: false,
          isCanceled: true,
          showTerm: false,
        });
      }
    }
    return jobs;
  }

  #print(now: number, all: boolean): void {
    const { columns: width, rows: height } = this.options.tty;
    const colors = this.options.colors ?? DEFAULT_COLORS;
    const t = this.#trace;
    const jobs = setupTerminals(this.#jobs(), height, all);

    const redraw = this.#redraws;
    if (redraw) {
      let move = `${ESC}1A`.repeat(this.#lineCount + 1);
      if (!this.#repeated) move += `${ESC}1B`;
      this.#repeated = true;
      this.#out += `${move}${ESC}0G`;
      this.#out += `${ESC}?25l`;
    }

    let total = 0;
    let finished = 0;
    for (const v of t.byId.values()) {
      total++;
      if (v.isCompleted()) finished++;
    }
    const statusStr = finished > 0 && finished === total && all ? 'FINISHED' : '';
    const elapsed = durationSeconds(now - (t.startTime ?? now));
    let header = `[+] ${this.options.phase ?? 'Building'} ${goFixed(elapsed, 1)}s (${finished}/${total}) ${statusStr}`;
    header = this.options.desc ? align(header, this.options.desc, width - 1) : align(header, '', width);
    if (header.length > width) header = header.slice(0, width);
    this.#out += `${header}\n`;

    let lineCount = 0;
    for (const j of jobs) {
      if (j.intervals.length === 0) continue;
      let dt = j.intervals.reduce((sum, i) => sum + intervalSeconds(i, now), 0);
      if (dt < 0.05) dt = 0;
      const pfx = ' => ';
      const timer = ` ${goFixed(dt, 1).padStart(3)}s\n`;
      let showStatus = false;
      let left = width - pfx.length - timer.length - 1;
      if (j.status !== '' && left + j.status.length > 20) {
        showStatus = true;
        left -= j.status.length + 1;
      }
      if (left < 12) continue; // too narrow to show this row
      let line = pfx + (j.name.length > left ? j.name.slice(0, left) : j.name);
      if (showStatus) line += ` ${j.status}`;
      line = align(line, timer, width);
      if (j.isCompleted) {
        const color = j.isCanceled ? colors.cancel : j.hasError ? colors.error : colors.run;
        line = paint(line, color);
      }
      this.#out += line;
      lineCount++;
      if (j.showTerm && j.vertex?.term) {
        for (const row of j.vertex.term.content()) {
          if (/^ *$/.test(row)) continue;
          this.#out += paint(` => => # ${row}\n`, FAINT);
          lineCount++;
        }
        j.vertex.termCount++;
      }
    }

    if (redraw) {
      // Rows left over from a taller previous frame are blanked, then the cursor goes back up.
      const diff = this.#lineCount - lineCount;
      if (diff > 0) {
        this.#out += `${' '.repeat(width)}\n`.repeat(diff);
        this.#out += `${ESC}${diff}A${ESC}0G`;
      }
      this.#out += `${ESC}?25h`;
    }
    this.#lineCount = lineCount;
  }
}

/** `%-*s %s`: the left text padded so the right one ends at column `w`. */
function align(l: string, r: string, w: number): string {
  return `${padRight(l, w - r.length - 1)} ${r}`;
}

/**
 * Which running steps get their output shown, and (while the build runs) which rows fit the terminal: a step's
 * output takes its rows plus three only while enough rows stay free, busiest output first.
 */
function setupTerminals(jobs: Job[], height: number, all: boolean): Job[] {
  const candidates = jobs.filter((j) => j.vertex !== undefined && j.vertex.termBytes > 0 && !j.isCompleted);
  const numInUse = jobs.filter((j) => !j.isCompleted).length;
  const weight = (j: Job) => j.vertex!.termBytes + j.vertex!.termCount * 50;
  candidates.sort((a, b) => weight(b) - weight(a));
  let numFree = height - 2 - numInUse;
  let numToHide = 0;
  const termLimit = TERM_HEIGHT + 3;
  for (let i = 0; numFree > termLimit && i < candidates.length; i++) {
    candidates[i]!.showTerm = true;
    numToHide += candidates[i]!.vertex!.term!.usedHeight();
    numFree -= termLimit;
  }
  return all ? jobs : wrapHeight(jobs, height - 2 - numToHide);
}

/** Keeps the last `limit` rows, but brings back running rows that fell off the top in place of finished ones. */
function wrapHeight(jobs: Job[], limit: number): Job[] {
  if (limit < 0) return [];
  let wrapped = [...jobs];
  if (jobs.length > limit) {
    wrapped = wrapped.slice(jobs.length - limit);
    const invisible = jobs.slice(0, jobs.length - limit).filter((j) => !j.isCompleted);
    let l = invisible.length;
    if (l > 0) {
      const rewrapped: Job[] = [];
      for (const j of wrapped) {
        if (!j.isCompleted || l <= 0) rewrapped.push(j);
        l--;
      }
      const freespace = wrapped.length - rewrapped.length;
      wrapped = [...invisible.slice(invisible.length - freespace), ...rewrapped];
    }
  }
  return wrapped;
}
