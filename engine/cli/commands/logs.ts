import { DockerError } from '../../core/errors.ts';
import { exitStatusForSignal } from '../../programs/process.ts';
import type { LogEntry } from '../../runtime/containers/types.ts';
import type { Command, CommandContext } from '../command.ts';
import { containerService } from './container-service.ts';
import { logWindow } from '../log-window.ts';

/**
 * `docker logs` / `docker container logs` (docker/cli container/logs.go, the json-file driver): what the container
 * wrote, stdout to stdout and stderr to stderr, line by line. `--tail N` keeps the last N lines, `-t` prefixes each
 * with its RFC 3339 nano time, `-f` keeps streaming while the container runs (until it exits or Ctrl-C).
 */
export const logsCommand: Command = {
  paths: ['docker container logs', 'docker logs'],
  args: { kind: 'exact', n: 1 },
  async run(ctx) {
    const service = containerService(ctx);
    const { record } = service.get(ctx.args[0]!);
    const tail = parseTail(ctx.flags.string('tail'));
    const timestamps = ctx.flags.bool('timestamps');
    const window = logWindow(ctx.flags.string('since'), ctx.flags.string('until'), service.clock.now());
    const initial = service.logs(record.id);
    const lines = logLines(initial).filter(window.includes);
    for (const line of tail < 0 ? lines : lines.slice(Math.max(0, lines.length - tail))) await show(ctx, line, timestamps);
    // With --until in the past there is nothing more to follow.
    if (!ctx.flags.bool('follow') || !service.get(record.id).state.Running || window.ended(service.clock.now())) return 0;
    let sent = initial.length;
    const flush = async () => {
      const all = service.logs(record.id);
      const fresh = all.slice(sent);
      sent = all.length;
      for (const line of logLines(fresh).filter(window.includes)) await show(ctx, line, timestamps);
    };
    const detach = service.attach(record.id, flush);
    // What arrived while the backlog was being printed.
    await flush();
    try {
      const interrupted = new Promise<'interrupted'>((resolve) => {
        if (ctx.signal?.aborted) resolve('interrupted');
        ctx.signal?.addEventListener('abort', () => resolve('interrupted'), { once: true });
      });
      const end = await Promise.race([service.waitFor(record.id, (s) => !s.Running), interrupted]);
      return end === 'interrupted' ? exitStatusForSignal(ctx.signal?.reason) : 0;
    } finally {
      detach();
    }
  },
};

/** `--tail`: "all" (or anything negative) for everything, else a count; moby rejects what is not a number. */
function parseTail(text: string): number {
  if (text === 'all' || text === '') return -1;
  if (!/^-?\d+$/.test(text)) throw new DockerError(`Error response from daemon: invalid value for "tail": "${text}"`, 1, 'EINVAL');
  return Number(text);
}

/** The json-file driver keeps one record per line (a last line without a newline is its own record). */
function logLines(entries: readonly LogEntry[]): LogEntry[] {
  return entries.flatMap((e) => (e.text.match(/[^\n]*\n|[^\n]+$/g) ?? []).map((text) => ({ ...e, text })));
}

async function show(ctx: CommandContext, line: LogEntry, timestamps: boolean): Promise<void> {
  const text = timestamps ? `${rfc3339Nano(line.time)} ${line.text}` : line.text;
  await (line.stream === 'stdout' ? ctx.stdout : ctx.stderr).write(text);
}

/** jsonmessage.RFC3339NanoFixed: always nine fractional digits, UTC as `Z`. */
function rfc3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}
