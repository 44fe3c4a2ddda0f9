import { VirtualClock } from '../../../engine/core/clock.ts';
import { syntheticContent } from '../../../engine/fs/content.ts';
import { makeFile } from '../../../engine/fs/tree.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import type { Program } from '../../../engine/programs/process.ts';
import { SHELL_PROGRAMS } from '../../../engine/programs/shell/program.ts';
import { ShellSession } from '../../../engine/programs/shell/session.ts';
import { createProcess, type Machine } from '../../../engine/programs/spawn.ts';
import { BytesReader, Collector, readLines, type Readable } from '../../../engine/programs/streams.ts';

/** Small fake programs: tests must not depend on coreutils, which another part of the project owns. */
const text = new TextDecoder();
export const FAKES: Record<string, Program> = {
  'fake-echo': async (p) => {
    await p.stdout.write(p.argv.slice(1).join(' ') + '\n');
    return 0;
  },
  cat: async (p) => {
    if (p.argv.length > 1) {
      for (const f of p.argv.slice(1)) await p.stdout.write(p.fs.readFile(f.startsWith('/') ? f : `${p.cwd}/${f}`));
      return 0;
    }
    for (let c = await p.stdin.read(); c; c = await p.stdin.read()) await p.stdout.write(c);
    return 0;
  },
  yes: async (p) => {
    for (;;) await p.stdout.write('y\n');
  },
  head: async (p) => {
    const n = Number((p.argv[1] ?? '-10').replace(/^-n?/, '') || p.argv[2]);
    let i = 0;
    if (n === 0) return 0;
    for await (const line of readLines(p.stdin)) {
      await p.stdout.write(line + '\n');
      if (++i >= n) break;
    }
    return 0;
  },
  sleep: async (p) => {
    await p.clock.sleep(Number(p.argv[1] ?? 0) * 1000, p.signal);
    return 0;
  },
  docker: async (p) => {
    const [cmd, ...rest] = p.argv.slice(1);
    if (cmd === 'ps') await p.stdout.write('abc123\ndef456\n');
    if (cmd === 'rm') for (const id of rest.filter((a) => !a.startsWith('-'))) await p.stdout.write(id + '\n');
    return 0;
  },
  env: async (p) => {
    await p.stdout.write(Object.entries(p.env).sort().map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  },
  exit3: async () => 3,
  upper: async (p) => {
    for (let c = await p.stdin.read(); c; c = await p.stdin.read()) await p.stdout.write(text.decode(c).toUpperCase());
    return 0;
  },
  errout: async (p) => {
    await p.stdout.write('out\n');
    await p.stderr.write('err\n');
    return 0;
  },
};

export interface TestMachine {
  readonly fs: TreeFs;
  readonly clock: VirtualClock;
  readonly machine: Machine;
}

export function makeMachine(): TestMachine {
  const fs = new TreeFs();
  for (const d of ['/bin', '/usr/bin', '/tmp', '/root', '/home/student/project', '/etc']) fs.mkdir(d, { recursive: true });
  const registry = { ...SHELL_PROGRAMS, ...FAKES };
  for (const name of Object.keys(registry)) fs.putEntry(`/bin/${name}`, makeFile(syntheticContent(name, 1000, name), { mode: 0o755 }));
  const clock = new VirtualClock();
  return { fs, clock, machine: { fs, clock, system: { hostname: 'test', services: {} }, registry } };
}

export const ENV = { PATH: '/usr/bin:/bin', HOME: '/root' };

export interface Result {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** One line in an interactive bash session (the host terminal). */
export async function bash(src: string, m: TestMachine = makeMachine(), stdin?: string): Promise<Result> {
  const session = new ShellSession({ machine: m.machine, env: ENV, cwd: '/root' });
  return line(session, src, stdin);
}

export async function line(session: ShellSession, src: string, stdin?: string, signal?: AbortSignal): Promise<Result> {
  const stdout = new Collector();
  const stderr = new Collector();
  const status = await session.run(src, { stdout, stderr, ...(stdin !== undefined ? { stdin: new BytesReader(stdin) } : {}), ...(signal ? { signal } : {}) });
  return { stdout: stdout.text(), stderr: stderr.text(), status };
}

/** Runs a shell program (`sh -c ...`, `bash script`) as a process on the machine. */
export async function program(argv: string[], m: TestMachine = makeMachine(), stdin: Readable = new BytesReader('')): Promise<Result> {
  const stdout = new Collector();
  const stderr = new Collector();
  const p = createProcess(m.machine, { argv: ['init'], env: ENV, cwd: '/root', stdin, stdout, stderr, signal: new AbortController().signal, uid: 0, gid: 0 });
  const status = await p.spawn(argv);
  return { stdout: stdout.text(), stderr: stderr.text(), status };
}
