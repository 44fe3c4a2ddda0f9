import { goQuote } from '../../core/go-quote.ts';
import type { RunCommand } from '../../dockerfile/instructions/index.ts';
import type { BuilderEnv } from '../builder.ts';
import { PROXY_ARGS } from '../build-args.ts';
import { BuildFailure } from '../errors.ts';
import { envMap, runArgs, type StageState } from '../stage-state.ts';
import { resolveUser } from '../user.ts';
import type { LayerOp, StepContext } from './layer-step.ts';
import { shellOf } from './metadata.ts';
import { BUILD_HOSTNAME, executeRun } from './run.ts';
import { prepareMounts, withMounts, type PreparedMount } from './run-mounts.ts';
import { buildTree, makeFile } from '../../fs/tree.ts';
import type { CopySources } from './copy.ts';
import type { BuildPlan } from '../stage-plan.ts';
import { putMount } from '../cache.ts';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * RUN: the command, its environment (ENV plus the ARGs in scope with values), working directory and user are the
 * cache key, with the input; its output is not. The history line records the ARGs as `|N k=v … cmd`.
 */
export async function runStep(st: StageState, cmd: RunCommand, plan: BuildPlan, sources: CopySources, env: BuilderEnv, ctx: StepContext): Promise<LayerOp> {
  const mounts = await prepareMounts(st, cmd.mounts, { start: cmd.startLine, end: cmd.endLine }, plan, sources, env.secrets);
  const { argv, scripts } = commandLine(st, cmd);
  if (scripts) mounts.push(scripts);
  const args = runArgs(st).filter(([k]) => !PROXY_ARGS.has(k));
  const environment: Record<string, string> = {};
  for (const [k, v] of args) environment[k] = v;
  for (const [k, v] of envMap(st.config)) environment[k] = v;
  environment.PATH ??= DEFAULT_PATH;
  environment.HOSTNAME ??= BUILD_HOSTNAME;
  const cwd = st.config.WorkingDir || '/';
  const user = st.config.User ?? '';
  const shown = argv.join(' ');
  const argPrefix = args.length > 0 ? `|${args.length} ${args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
  return {
    kind: 'run',
    text: progressText(cmd),
    line: cmd.startLine,
    definition: { args: JSON.stringify(argv), env: JSON.stringify(Object.entries(environment).sort()), cwd, user, ...(mounts.length > 0 ? { mounts: JSON.stringify(mounts.map((m) => m.key)) } : {}) },
    history: `RUN ${argPrefix}${shown} # buildkit`,
    async execute(root, vertex, label) {
      const { uid, gid } = resolveUser(root, user);
      const mounted = withMounts(root, mounts, new Map([...ctx.getCache().mounts].map(([id, m]) => [id, m.tree])));
      const outcome = await executeRun(mounted.root, { argv, env: environment, cwd, uid, gid }, vertex, { clock: env.clock, programs: env.programs, ...(env.kernel ? { kernel: env.kernel } : {}), ...(env.signal ? { signal: env.signal } : {}), progress: ctx.progress });
      if (env.signal?.aborted) throw new BuildFailure('context canceled');
      if (outcome.startError) {
        const message = `process ${goQuote(shown)} did not complete successfully: runc run failed: unable to start container process: error during container init: ${outcome.startError}: unknown`;
        throw new BuildFailure(message, { start: cmd.startLine, end: cmd.endLine }, label, outcome.lastLines);
      }
      if (outcome.exitCode !== 0) {
        const message = `process ${goQuote(shown)} did not complete successfully: exit code: ${outcome.exitCode}`;
        throw new BuildFailure(message, { start: cmd.startLine, end: cmd.endLine }, label, outcome.lastLines);
      }
      const { root: after, caches } = mounted.unmount(outcome.root);
      for (const [id, tree] of caches) ctx.setCache(putMount(ctx.getCache(), id, tree, env.clock.now()));
      return after;
    },
  };
}

/**
 * How the step is named in progress: the instruction as written, flags included (`RUN --mount=type=cache,… npm ci`);
 * a heredoc adds its first line, as BuildKit shows `RUN <<EOF (echo hello...)`.
 */
function progressText(cmd: RunCommand): string {
  const head = cmd.code.split('\n')[0]!;
  const first = cmd.files[0]?.data.split('\n').find((l) => l.trim() !== '');
  return first === undefined ? head : `${head} (${first.trim()}...)`;
}

/**
 * The process a RUN starts. Shell form runs under SHELL; a heredoc travels with the command text for the shell to
 * read, except a RUN that is only a heredoc: its body is the script, run by the shell or, when it starts with `#!`,
 * mounted at /dev/pipes/<name> and executed (BuildKit's dispatchRun).
 */
function commandLine(st: StageState, cmd: RunCommand): { argv: string[]; scripts?: PreparedMount } {
  const line = (cmd.cmdLine ?? []).join(' ');
  if (!cmd.prependShell) return { argv: [...(cmd.cmdLine ?? [])] };
  if (cmd.files.length === 0) return { argv: [...shellOf(st), line] };
  const only = cmd.files.length === 1 && /^\d?<<-?\s*["']?[^\s"']+["']?$/.test(line.trim());
  const file = cmd.files[0]!;
  if (only && file.data.startsWith('#!')) {
    const content = buildTree([{ path: `/${file.name}`, entry: makeFile(file.data, { mode: 0o755 }) }]);
    return { argv: [`/dev/pipes/${file.name}`], scripts: { mount: { type: 'bind', from: '', source: '', target: '/dev/pipes', readOnly: true, id: '', sharing: '', required: false }, target: '/dev/pipes', content, key: {} } };
  }
  if (only) return { argv: [...shellOf(st), file.data] };
  return { argv: [...shellOf(st), [line, ...cmd.files.map((f) => `${f.data}${f.name}`)].join('\n')] };
}
