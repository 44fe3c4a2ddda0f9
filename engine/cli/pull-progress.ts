import type { PullProgress } from '../image/pull.ts';
import type { CliOutput } from './command.ts';
import { humanSizeWithPrecision } from '../core/units.ts';

/**
 * Pull progress as the docker CLI shows the daemon's JSON message stream (docker/docker pkg/jsonmessage,
 * DisplayJSONMessagesStream). Layer messages carry a progress detail, even an empty one, so on a terminal each
 * layer owns a line that later messages rewrite in place: the cursor goes up to it, clears it, writes, comes
 * back down. Any other message (`Digest:`, `Status:`) is a plain line and forgets the layer lines. Off a terminal,
 * or on one that cannot redraw (a transcript), a message with a non-empty progress bar is dropped, so
 * `Downloading` and `Extracting` never appear and every other status is its own line. `docker pull`, and the
 * implicit pulls of `run` and `build`, all print through this.
 */
export interface PullDisplay {
  /** Feed to ImageService.pull's onProgress. */
  readonly onProgress: (p: PullProgress) => void;
  /** Resolves once everything fed so far is written. */
  flush(): Promise<void>;
}

const ESC = '\x1b[';

export function pullDisplay(out: CliOutput): PullDisplay {
  const terminal = out.tty !== undefined && out.tty.redraws !== false;
  const width = out.tty?.columns ?? 200;
  // Lines of the layers shown since the last plain message, by layer ID.
  let lines = new Map<string, number>();
  let pending: Promise<void> = Promise.resolve();
  const write = (text: string) => {
    if (text) pending = pending.then(() => out.write(text));
  };

  const onProgress = (p: PullProgress) => {
    const message = toMessage(p);
    let text = '';
    let diff = 0;
    if (message.id !== undefined && message.progress) {
      let line = lines.get(message.id);
      if (line === undefined) {
        line = lines.size;
        lines.set(message.id, line);
        if (terminal) text += '\n';
      }
      diff = lines.size - line;
      if (terminal) text += up(diff);
    } else {
      lines = new Map();
    }
    const bar = message.progress ? progressText(message.progress, width) : '';
    if (terminal && message.progress) {
      text += `${ESC}2K\r`;
    } else if (bar !== '') {
      write(text);
      return;
    }
    const endl = terminal && message.progress ? '\r' : '';
    if (message.id !== undefined) text += `${message.id}: `;
    text += message.progress && terminal ? `${message.status} ${bar}${endl}` : `${message.status}${endl}\n`;
    if (message.id !== undefined && terminal) text += down(diff);
    write(text);
  };
  return { onProgress, flush: () => pending };
}

interface Message {
  readonly id?: string;
  readonly status: string;
  readonly progress?: { readonly current: number; readonly total: number };
}

function toMessage(p: PullProgress): Message {
  switch (p.kind) {
    case 'pulling-from':
      return { id: p.tag, status: `Pulling from ${p.repository}` };
    case 'layer':
      return { id: p.id, status: p.status, progress: { current: p.current ?? 0, total: p.total ?? 0 } };
    case 'digest':
      return { status: `Digest: ${p.digest}` };
    case 'status':
      return { status: `Status: ${p.text}` };
  }
}

const up = (n: number) => (n === 0 ? '' : `${ESC}${n}A`);
const down = (n: number) => (n === 0 ? '' : `${ESC}${n}B`);

/** units.HumanSize: four significant digits (`12.35MB`), unlike the three of `docker images`. */
const size = (n: number) => humanSizeWithPrecision(n, 4);

/**
 * JSONProgress.String: a 50-cell bar only on terminals wider than 110 columns, then `current/total` with current
 * right-aligned in 8 cells. The daemon sends no start time for pulls, so there is never a time-left estimate.
 */
export function progressText(p: { readonly current: number; readonly total: number }, width: number): string {
  if (p.current <= 0 && p.total <= 0) return '';
  if (p.total <= 0) return size(p.current).padStart(8);
  const percentage = Math.min(50, Math.trunc(Math.trunc((p.current / p.total) * 100) / 2));
  const bar = width > 110 ? `[${'='.repeat(percentage)}>${' '.repeat(Math.max(0, 50 - percentage))}] ` : '';
  const numbers = p.current > p.total ? size(p.current).padStart(8) : `${size(p.current).padStart(8)}/${size(p.total)}`;
  return bar + numbers;
}
