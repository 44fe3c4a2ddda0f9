import { readTable } from '../../fs/passwd.ts';
import type { DirEntry } from '../../fs/types.ts';
import { union } from '../../fs/union.ts';
import type { ProcessEntry } from '../../runtime/containers/processes.ts';
import { execNotRunning } from '../../runtime/containers/exec-errors.ts';
import type { Command } from '../command.ts';
import { tabwrite } from '../tabwriter.ts';
import { containerService } from './container-service.ts';

const TITLES = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];

/**
 * `docker top` / `docker container top` (docker/cli container/top.go; moby daemon/top_unix.go): the daemon runs
 * `ps -ef` and keeps the container's processes; the client prints them through tabwriter(20, 1, 3). Extra
 * `ps` options are accepted but the columns stay `-ef`'s. A container that does not run is refused.
 */
export const topCommand: Command = {
  paths: ['docker container top', 'docker top'],
  args: { kind: 'min', n: 1 },
  interspersed: false,
  async run(ctx) {
    const service = containerService(ctx);
    const { record, state } = service.get(ctx.args[0]!);
    if (!state.Running) throw execNotRunning(record.id);
    const { imageRoot, layer } = service.rootfs(record.id);
    const root = service.liveFs(record.id)?.root ?? union([imageRoot, layer]);
    const now = service.clock.now();
    const rows = service.processes(record.id).map((p) => psRow(p, root, now));
    await ctx.stdout.write(tabwrite([TITLES, ...rows].map((r) => r.join('\t')).join('\n'), { minWidth: 20, padding: 3 }) + '\n');
    return 0;
  },
};

/** One `ps -ef` line: C and TIME are 0 (no process here uses measurable CPU). */
function psRow(p: ProcessEntry, root: DirEntry, now: number): string[] {
  return [userName(root, p.uid), String(p.pid), String(p.ppid), '0', stime(p.started, now), p.tty ?? '?', '00:00:00', p.argv.join(' ')];
}

/**
 * The UID column: the user's name, as procps prints it (cut to 7 characters and `+` past 8), else the number. The
 * daemon's `ps` reads the host's /etc/passwd; the simulation reads the container's, whose names are the ones the
 * image's users expect (root, nobody, node, mongodb...).
 */
function userName(root: DirEntry, uid: number): string {
  const name = readTable(root, '/etc/passwd').find((r) => r[2] === String(uid))?.[0];
  if (!name) return String(uid);
  return name.length > 8 ? `${name.slice(0, 7)}+` : name;
}

/** procps STIME: `HH:MM` within a day, `MonDD` within the year, else the year (the host's clock is UTC). */
function stime(started: number, now: number): string {
  const d = new Date(started);
  if (now - started < 24 * 3600_000) return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  if (d.getUTCFullYear() === new Date(now).getUTCFullYear()) return `${MONTHS[d.getUTCMonth()]}${pad(d.getUTCDate())}`;
  return String(d.getUTCFullYear());
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
