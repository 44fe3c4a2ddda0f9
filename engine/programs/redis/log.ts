/**
 * Redis's log lines (server.c serverLogRaw): `pid:role day Mon year hh:mm:ss.mmm level message`, the role C while
 * the configuration is read, M for the master, C again in a saving child; the level `*` notice, `#` warning,
 * `-` verbose, `.` debug. Times come from the virtual clock, in UTC (the images set no TZ).
 */
import type { Writable } from '../streams.ts';

export type Role = 'C' | 'M';
export type Level = '*' | '#' | '-' | '.';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

export function logTime(ms: number): string {
  const d = new Date(ms);
  return `${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

export function logLine(ms: number, pid: number, role: Role, level: Level, message: string): string {
  return `${pid}:${role} ${logTime(ms)} ${level} ${message}\n`;
}

/** Writes log lines to the server's stdout (logfile "" is stdout, which `docker logs` shows). */
export class Logger {
  role: Role = 'C';
  /** Lines go out in order even though commands log without waiting (a gone reader only loses the log). */
  #chain: Promise<void> = Promise.resolve();
  constructor(
    private readonly out: Writable,
    private readonly now: () => number,
    private readonly pid = 1,
  ) {}

  notice(message: string, pid = this.pid, role = this.role): Promise<void> {
    return this.raw(logLine(this.now(), pid, role, '*', message));
  }

  warning(message: string, pid = this.pid, role = this.role): Promise<void> {
    return this.raw(logLine(this.now(), pid, role, '#', message));
  }

  /** What the signal handler prints: no role, the time in Unix seconds (it must not call localtime there). */
  signal(name: string): Promise<void> {
    return this.raw(`${this.pid}:signal-handler (${Math.floor(this.now() / 1000)}) Received ${name} scheduling shutdown...\n`);
  }

  raw(text: string): Promise<void> {
    this.#chain = this.#chain.then(() => this.out.write(text)).catch(() => {});
    return this.#chain;
  }
}
