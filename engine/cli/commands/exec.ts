import { DockerError } from '../../core/errors.ts';
import { ExecStartError } from '../../runtime/containers/exec.ts';
import { exitStatusForSignal } from '../../programs/process.ts';
import { EMPTY_READER, NULL_WRITER, type Readable, type Tty, type Writable } from '../../programs/streams.ts';
import type { Command } from '../command.ts';
import { containerService, envFlags } from './container-service.ts';
import { interrupted } from './interrupt.ts';

const DEFAULT_TTY: Tty = { columns: 80, rows: 24 };

/**
 * `docker exec` / `docker container exec` (docker/cli container/exec.go; moby daemon/exec.go): a new process in a
 * running container. Attached (the default) its output streams to the client and the command ends with its exit
 * code; `-d` starts it and returns at once. A command runc cannot start is reported the way the daemon does it, on
 * the output stream (stdout; docker/cli#2025), with 127 for a missing command and 126 otherwise.
 *
 * Ctrl-C: without `-t` the client does not proxy signals for exec, so it dies (130) and the process keeps running in
 * the container; with `-t` the terminal is the container's, so the interrupt reaches the process (SIGINT).
 * `--privileged` and `--detach-keys` are accepted and change nothing here.
 */
export const execCommand: Command = {
  paths: ['docker container exec', 'docker exec'],
  args: { kind: 'min', n: 2 },
  interspersed: false,
  async run(ctx) {
    const service = containerService(ctx);
    const [ref, ...cmd] = ctx.args as [string, ...string[]];
    const f = ctx.flags;
    const detach = f.bool('detach');
    const tty = f.bool('tty');
    if (tty && !detach && ctx.host && !ctx.host.stdinIsTerminal) throw new DockerError('the input device is not a TTY', 1, 'ENOTTY');
    const attached = !detach;
    const terminal = ctx.host?.stdin.tty ?? ctx.stdout.tty ?? DEFAULT_TTY;
    const stdout: Writable = attached ? (tty ? { write: (d) => ctx.stdout.write(d), tty: terminal } : ctx.stdout) : NULL_WRITER;
    // A terminal has one output: with -t the process's stderr is the same stream as its stdout.
    const stderr: Writable = attached ? (tty ? stdout : ctx.stderr) : NULL_WRITER;
    const input = f.bool('interactive') && attached ? (ctx.host?.stdin ?? EMPTY_READER) : EMPTY_READER;
    const stdin: Readable = tty ? { read: () => input.read(), tty: terminal } : input;
    let proc;
    try {
      proc = service.exec(ref, {
        cmd,
        env: envFlags(ctx),
        ...(f.changed('workdir') ? { workdir: f.string('workdir') } : {}),
        ...(f.changed('user') ? { user: f.string('user') } : {}),
        tty,
        stdin,
        stdout,
        stderr,
      });
    } catch (e) {
      if (!(e instanceof ExecStartError)) throw e;
      // Detached, the start is the API call itself, so the daemon's answer is an error response.
      if (detach) throw new DockerError(`Error response from daemon: ${e.message}`, 1, e.code);
      await ctx.stdout.write(`${e.message}\n`);
      return e.exitCode;
    }
    if (detach) return 0;
    const end = await Promise.race([proc.exit, interrupted(ctx)]);
    if (end !== 'interrupted') return end;
    if (!tty) return exitStatusForSignal(ctx.signal?.reason);
    proc.kill(typeof ctx.signal?.reason === 'string' ? ctx.signal.reason : 'SIGINT');
    return proc.exit;
  },
};
