import { basename, resolvePath } from '../../../fs/path.ts';
import type { Process, Program } from '../../process.ts';
import { resolveCommand } from '../../spawn.ts';
import { httpServer } from '../../http/python-http-server.ts';
import { runPip } from '../pip/pip.ts';
import { describeInterpreter } from './interpreter.ts';

/**
 * `python3`, as far as package installation and serving files need it: `--version`, `-m pip`, `-m http.server`
 * (engine/programs/http/python-http-server.ts), and the `pip` launcher scripts
 * (`#!/usr/local/bin/python3.12` files whose code imports pip's entry point), which the kernel runs as
 * `python3.12 /usr/local/bin/pip install ...`. Running any other Python code is the container runtime's job.
 */

const PIP_ENTRY = /from pip\._internal\.cli\.main import main|from pip\._internal import main|-m pip/;

/** Kept in one place so the runtime can replace it: what python3 says about code it cannot run yet. */
export async function cannotRunPython(p: Process, what: string): Promise<number> {
  await p.stderr.write(`${basename(p.argv[0] ?? 'python3')}: Dockyard cannot run ${what} yet: Python application runtimes arrive with the container runtime\n`);
  return 1;
}

/** The script a `#!` line handed us: the kernel passes the path the command was found at (a bare name is searched). */
function scriptPath(p: Process, arg: string): string {
  const direct = resolvePath(p.cwd, arg);
  if (arg.includes('/') || p.fs.exists(direct)) return direct;
  const found = resolveCommand(p.fs, arg, p.env.PATH, p.cwd);
  return found.kind === 'found' ? found.path : direct;
}

const run: Program = async (p) => {
  const py = describeInterpreter(p, p.argv[0] ?? 'python3');
  const args = p.argv.slice(1);
  let i = 0;
  // Interpreter options that do not change what runs.
  while (i < args.length && /^-[BEIOqsSuv]+$/.test(args[i]!)) i++;
  const first = args[i];
  if (first === '--version' || first === '-V') {
    await p.stdout.write(`Python ${py.version}\n`);
    return 0;
  }
  if (first === '-m') {
    const module = args[i + 1];
    if (module === 'pip') return runPip(p, py, args.slice(i + 2));
    if (module === 'http.server') return httpServer(p, { version: py.version, unbuffered: args.slice(0, i).some((o) => o.includes('u')) }, args.slice(i + 2));
    if (module === undefined) {
      await p.stderr.write('Argument expected for the -m option\n');
      return 2;
    }
    return cannotRunPython(p, `the module ${module}`);
  }
  if (first === '-c') return cannotRunPython(p, 'Python code');
  if (first === undefined) return cannotRunPython(p, 'the interactive interpreter');
  const path = scriptPath(p, first);
  let source: string;
  try {
    source = p.fs.readText(path);
  } catch {
    await p.stderr.write(`${p.argv[0]}: can't open file '${path}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  if (PIP_ENTRY.test(source)) return runPip(p, py, args.slice(i + 1));
  return cannotRunPython(p, `the script ${first}`);
};

/** Python installs a SIGINT handler (KeyboardInterrupt) and none for SIGTERM: as PID 1 it ignores `docker stop`. */
export const python3: Program = Object.assign(run, { handledSignals: ['SIGINT'] as const });
