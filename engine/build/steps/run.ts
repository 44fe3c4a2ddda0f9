import { createNetworkNamespace } from '../../network/namespace.ts';
import type { VirtualClock } from '../../core/clock.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import type { DirEntry } from '../../fs/types.ts';
import type { Kernel, Program } from '../../programs/process.ts';
import { createProcess } from '../../programs/spawn.ts';
import { EMPTY_READER, type Writable } from '../../programs/streams.ts';
import { runcExecError } from '../../runtime/runc.ts';
import type { SolveProgress } from '../solve-progress.ts';

/** The hostname BuildKit gives the containers its RUN steps execute in. */
export const BUILD_HOSTNAME = 'buildkitsandbox';
/** Starting a container for a step costs a moment before the command itself runs. */
const CONTAINER_START_MS = 120;
/** Output lines kept for the error excerpt buildx prints when a step fails. */
const KEPT_LOG_LINES = 10;

export interface RunEnvironment {
  readonly clock: VirtualClock;
  readonly programs: Readonly<Record<string, Program>>;
  readonly kernel?: Kernel;
  readonly signal?: AbortSignal;
  readonly progress: SolveProgress;
  /** The container's hostname: BuildKit's sandbox name unless the caller runs a container of its own (legacy). */
  readonly hostname?: string;
}

export interface RunSpec {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly uid: number;
  readonly gid: number;
}

export interface RunOutcome {
  readonly exitCode: number;
  /** The filesystem after the command: the step's layer is its difference from the input. */
  readonly root: DirEntry;
  readonly lastLines: readonly string[];
  /** Set when the process could not start at all (runc's message). */
  readonly startError?: string;
}

/**
 * Runs one RUN command in a throwaway container over `root`, streaming its output into the vertex's logs. The
 * process sees a writable copy of the stage's filesystem; what it leaves behind becomes the layer.
 */
export async function executeRun(root: DirEntry, spec: RunSpec, vertex: string, env: RunEnvironment): Promise<RunOutcome> {
  await env.clock.sleep(CONTAINER_START_MS, env.signal);
  const fs = new TreeFs(root, () => env.clock.nowSeconds());
  // runc creates a missing working directory before starting the process.
  if (!fs.exists(spec.cwd)) fs.mkdir(spec.cwd, { recursive: true });
  const lines: string[] = [];
  const log = (stream: 1 | 2): Writable => {
    let partial = '';
    const decoder = new TextDecoder();
    return {
      write: async (data) => {
        const text = typeof data === 'string' ? data : decoder.decode(data, { stream: true });
        const parts = (partial + text).split('\n');
        partial = parts.pop()!;
        lines.push(...parts);
        if (lines.length > KEPT_LOG_LINES) lines.splice(0, lines.length - KEPT_LOG_LINES);
        await env.progress.log(vertex, stream, text);
      },
    };
  };
  const hostname = env.hostname ?? BUILD_HOSTNAME;
  // The step's own network namespace: its loopback, and no name the offline machine could resolve outside it.
  const net = createNetworkNamespace({ hostname });
  const machine = { fs, clock: env.clock, system: { hostname, ...(env.kernel ? { kernel: env.kernel } : {}), services: { net } }, registry: env.programs };
  const signal = env.signal ?? new AbortController().signal;
  const parent = createProcess(machine, { argv: ['runc'], env: spec.env, cwd: spec.cwd, stdin: EMPTY_READER, stdout: log(1), stderr: log(2), signal, uid: spec.uid, gid: spec.gid });
  let startError: string | undefined;
  const exitCode = await parent.spawn(spec.argv, {
    onFailure: (f) => {
      startError = runcExecError(spec.argv[0] ?? '', f);
    },
  });
  return { exitCode, root: fs.root, lastLines: lines, ...(startError ? { startError } : {}) };
}
