import type { RunCommand } from '../../dockerfile/instructions/index.ts';
import type { BuilderEnv } from '../builder.ts';
import { PROXY_ARGS } from '../build-args.ts';
import { BuildFailure } from '../errors.ts';
import { envMap, runArgs, type StageState } from '../stage-state.ts';
import { resolveUser } from '../user.ts';
import type { LayerOp, StepContext } from './layer-step.ts';
import { shellOf } from './metadata.ts';
import { executeRun } from './run.ts';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * RUN: the command, its environment (ENV plus the ARGs in scope with values), working directory and user are the
 * cache key, with the input; its output is not. The history line records the ARGs as `|N k=v … cmd`.
 */
export function runStep(st: StageState, cmd: RunCommand, env: BuilderEnv, ctx: StepContext): LayerOp {
  // Heredoc bodies travel with the command text: the shell reads them as here-documents.
  const shellText = [(cmd.cmdLine ?? []).join(' '), ...cmd.files.map((f) => `${f.data}${f.name}`)].join('\n');
  const argv = cmd.prependShell ? [...shellOf(st), cmd.files.length > 0 ? shellText : (cmd.cmdLine ?? []).join(' ')] : [...(cmd.cmdLine ?? [])];
  const args = runArgs(st).filter(([k]) => !PROXY_ARGS.has(k));
  const environment: Record<string, string> = {};
  for (const [k, v] of args) environment[k] = v;
  for (const [k, v] of envMap(st.config)) environment[k] = v;
  environment.PATH ??= DEFAULT_PATH;
  environment.HOSTNAME ??= 'buildkitsandbox';
  const cwd = st.config.WorkingDir || '/';
  const user = st.config.User ?? '';
  const shown = argv.join(' ');
  const argPrefix = args.length > 0 ? `|${args.length} ${args.map(([k, v]) => `${k}=${v}`).join(' ')} ` : '';
  return {
    kind: 'run',
    text: `RUN ${cmd.files.length > 0 ? `${(cmd.cmdLine ?? []).join(' ')}` : cmd.prependShell ? (cmd.cmdLine ?? []).join(' ') : cmd.code.replace(/^\S+\s+/, '')}`,
    line: cmd.startLine,
    definition: { args: JSON.stringify(argv), env: JSON.stringify(Object.entries(environment).sort()), cwd, user },
    history: `RUN ${argPrefix}${shown} # buildkit`,
    async execute(root, vertex, label) {
      const { uid, gid } = resolveUser(root, user);
      const outcome = await executeRun(root, { argv, env: environment, cwd, uid, gid }, vertex, { clock: env.clock, programs: env.programs, ...(env.kernel ? { kernel: env.kernel } : {}), ...(env.signal ? { signal: env.signal } : {}), progress: ctx.progress });
      if (env.signal?.aborted) throw new BuildFailure('context canceled');
      if (outcome.startError) {
        const message = `process "${shown}" did not complete successfully: runc run failed: unable to start container process: error during container init: ${outcome.startError}: unknown`;
        throw new BuildFailure(message, { start: cmd.startLine, end: cmd.endLine }, label, outcome.lastLines);
      }
      if (outcome.exitCode !== 0) {
        const message = `process "${shown}" did not complete successfully: exit code: ${outcome.exitCode}`;
        throw new BuildFailure(message, { start: cmd.startLine, end: cmd.endLine }, label, outcome.lastLines);
      }
      return outcome.root;
    },
  };
}
