import { DockerError } from '../../core/errors.ts';
import { exitStatusForSignal } from '../../programs/process.ts';
import { canonicalString, parseReference, withDefaultTag } from '../../image/reference.ts';
import type { Command } from '../command.ts';
import { pullDisplay } from '../pull-progress.ts';

/**
 * `docker pull` / `docker image pull` (docker/cli cli/command/image/pull.go): the client parses the reference,
 * says `Using default tag: latest` when none was given, shows the daemon's progress (nothing of it with `-q`) and
 * ends with the full reference it pulled, `docker.io/library/node:20`. Errors are the daemon's, exit 1. Ctrl-C
 * stops the transfer and leaves the store as it was.
 */
export const pullCommand: Command = {
  paths: ['docker image pull', 'docker pull'],
  args: { kind: 'exact', n: 1 },
  async run(ctx) {
    const text = ctx.args[0]!;
    const quiet = ctx.flags.bool('quiet');
    const ref = parseReference(text);
    const nameOnly = ref.tag === undefined && ref.digest === undefined;
    if (ctx.flags.bool('all-tags')) {
      if (!nameOnly) throw new DockerError("tag can't be used with --all-tags/-a", 1, 'EUSAGE');
      // The offline registry cannot list a repository's tags, so there is nothing to pull them all from.
      throw new DockerError(`Error response from daemon: pulling all tags of ${text} is not supported by this registry`, 1, 'EUNSUPPORTED');
    }
    if (nameOnly && !quiet) await ctx.stdout.write('Using default tag: latest\n');
    const display = quiet ? undefined : pullDisplay(ctx.stdout);
    try {
      await ctx.engine.images.pull(text, {
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(display ? { onProgress: display.onProgress } : {}),
      });
    } catch (e) {
      await display?.flush();
      if (ctx.signal?.aborted) return exitStatusForSignal(ctx.signal.reason);
      throw e;
    }
    await display?.flush();
    await ctx.stdout.write(`${canonicalString(withDefaultTag(ref))}\n`);
    return 0;
  },
};
