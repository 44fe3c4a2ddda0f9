/** Runs simulated programs against a small in-memory machine and collects what they print. */
import { asUser } from '../../engine/fs/user-fs.ts';
import { VirtualClock } from '../../engine/core/clock.ts';
import { TreeFs } from '../../engine/fs/tree-fs.ts';
import type { Process, Program } from '../../engine/programs/process.ts';
import { BytesReader, Collector, type Readable, type Writable } from '../../engine/programs/streams.ts';
import { COREUTILS } from '../../engine/programs/coreutils/index.ts';

export interface Machine {
  fs: TreeFs;
  clock: VirtualClock;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface RunOptions {
  stdin?: string | Readable;
  cwd?: string;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  /** Makes stdout a terminal of this width. */
  tty?: number;
  signal?: AbortSignal;
  /** Collects stdout here (to watch it while the program runs). */
  stdout?: Collector;
}

/** A machine with the files most tests need: users, a home, programs on PATH, a few text files. */
export function machine(files: Record<string, string> = {}): Machine {
  // Pinned, so the dates these tests expect do not move with a new machine's default start.
  const clock = new VirtualClock(Date.UTC(2025, 0, 6, 9, 0, 0));
  const fs = new TreeFs(undefined, () => clock.nowSeconds());
  for (const d of ['/bin', '/usr/bin', '/etc', '/root', '/tmp', '/home/app']) fs.mkdir(d, { recursive: true });
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nnode:x:1000:1000::/home/node:/bin/sh\n');
  fs.writeFile('/etc/group', 'root:x:0:\nstaff:x:50:\nnode:x:1000:\n');
  for (const name of Object.keys(COREUTILS)) fs.writeFile(`/bin/${name}`, '', { mode: 0o755 });
  for (const [path, text] of Object.entries(files)) {
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (dir) fs.mkdir(dir, { recursive: true });
    fs.writeFile(path, text);
  }
  return { fs, clock };
}

function processFor(m: Machine, argv: readonly string[], o: RunOptions, stdin: Readable, stdout: Writable, stderr: Writable): Process {
  const env = o.env ?? { PATH: '/usr/bin:/bin', HOME: '/root' };
  const cwd = o.cwd ?? '/root';
  const self: Process = {
    argv,
    env,
    cwd,
    fs: asUser(m.fs, { uid: o.uid ?? 0, gid: o.gid ?? 0 }),
    stdin,
    stdout,
    stderr,
    clock: m.clock,
    signal: o.signal ?? new AbortController().signal,
    uid: o.uid ?? 0,
    gid: o.gid ?? 0,
    system: { hostname: 'dockyard', services: {} },
    async spawn(childArgv, so = {}) {
      const name = childArgv[0] ?? '';
      const prog = COREUTILS[name.slice(name.lastIndexOf('/') + 1)];
      if (!prog) return 127;
      const opts = { ...o, env: so.env ?? env, cwd: so.cwd ?? cwd };
      return prog(processFor(m, childArgv, opts, so.stdin ?? stdin, so.stdout ?? stdout, so.stderr ?? stderr));
    },
  };
  return self;
}

/** Runs `argv` (argv[0] picks the program from COREUTILS unless `program` is given). */
export async function run(m: Machine, argv: readonly string[], o: RunOptions = {}, program?: Program): Promise<RunResult> {
  const prog = program ?? COREUTILS[argv[0]!];
  if (!prog) throw new Error(`no program ${argv[0]}`);
  const out = o.stdout ?? new Collector();
  const err = new Collector();
  const stdout: Writable = o.tty ? { write: (d) => out.write(d), tty: { columns: o.tty, rows: 24 } } : out;
  const stdin = typeof o.stdin === 'object' ? o.stdin : new BytesReader(o.stdin ?? '');
  const code = await prog(processFor(m, argv, o, stdin, stdout, err));
  return { stdout: out.text(), stderr: err.text(), code };
}

/** Shorthand: run on a fresh default machine. */
export async function sh(argv: readonly string[], o: RunOptions & { files?: Record<string, string> } = {}): Promise<RunResult> {
  return run(machine(o.files), argv, o);
}
