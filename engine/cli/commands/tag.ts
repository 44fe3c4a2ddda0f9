import { DockerError, isDockerError } from '../../core/errors.ts';
import { parseReference } from '../../image/reference.ts';
import { tagImage } from '../../image/tag.ts';
import type { Command } from '../command.ts';

/**
 * `docker tag` / `docker image tag`: the client checks both names (docker/cli's client ImageTag: SOURCE may be
 * an ID or digest, TARGET must be a repository with an optional tag, never a digest), the daemon does the rest.
 */
export const tagCommand: Command = {
  paths: ['docker image tag', 'docker tag'],
  args: { kind: 'exact', n: 2 },
  interspersed: false,
  async run(ctx) {
    const [source, target] = [ctx.args[0]!, ctx.args[1]!];
    if (!/^(?:sha256:)?[0-9a-f]{64}$/.test(source)) checked(source);
    const ref = checked(target);
    if (ref.digest !== undefined) throw new DockerError('refusing to create a tag with a digest reference', 1, 'EREFERENCE');
    const now = ctx.engine.images.clock.now();
    ctx.engine.images.update((store) => tagImage(store, source, ref, now));
    return 0;
  },
};

function checked(text: string) {
  try {
    return parseReference(text);
  } catch (e) {
    if (!isDockerError(e)) throw e;
    throw new DockerError(`Error parsing reference: ${JSON.stringify(text)} is not a valid repository/tag: ${e.message}`, 1, e.code);
  }
}
