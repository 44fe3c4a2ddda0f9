import { pad2 } from '../../../network/http/date.ts';
import type { LogWriter } from '../log-target.ts';

/** nginx's error log: `2025/07/14 09:00:00 [notice] 1#1: message`, filtered by the configured level. */

const LEVELS = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'];

export type Level = 'debug' | 'info' | 'notice' | 'warn' | 'error' | 'crit' | 'alert' | 'emerg';

export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

export class ErrorLog {
  constructor(
    private write: LogWriter,
    private threshold: string,
    private now: () => number,
  ) {}

  /** Switches to the configured log once the configuration is read (before, everything goes to stderr). */
  reopen(write: LogWriter, threshold: string): void {
    this.write = write;
    this.threshold = threshold;
  }

  async log(level: Level, pid: number, message: string): Promise<void> {
    if (LEVELS.indexOf(level) < LEVELS.indexOf(this.threshold)) return;
    await this.write(`${logTime(this.now())} [${level}] ${pid}#${pid}: ${message}\n`);
  }
}
