import { DockerError, isDockerError } from '../../core/errors.ts';
import { resolvePath } from '../../fs/path.ts';
import { FsError, type FileContent } from '../../fs/types.ts';
import { loadArchive } from '../../image/archive/index.ts';
import { loadImages } from '../../image/load.ts';
import { readAll } from '../../programs/streams.ts';
import type { CliOutput, Command } from '../command.ts';
import { progressText } from '../pull-progress.ts';

const ESC = '\x1b[';

/**
 * `docker load [-i FILE] [-q]` (docker/cli image/load.go, moby image/tarexport/load.go): reads a docker-archive
 * from the file or stdin and loads it, reusing layers the store has. Output is the daemon's: `Loaded image: x`
 * per tag (or `Loaded image ID: sha256:…` for untagged images), and, only when stdout is a terminal that can
 * redraw and -q is not given, a `Loading layer` progress line for each layer it had to unpack. Off a terminal the
 * CLI asks for quiet output, so those lines never appear in pipes or transcripts.
 */
export const loadCommand: Command = {
  paths: ['docker image load', 'docker load'],
  args: { kind: 'none' },
  async run(ctx) {
    const input = ctx.flags.string('input');
    const host = ctx.host;
    let source: Uint8Array | FileContent;
    if (input === '') {
      if (!host || host.stdinIsTerminal) throw new DockerError('requested load from stdin, but stdin is empty', 1);
      source = await readAll(host.stdin);
    } else {
      if (!host) throw new DockerError(`open ${input}: no such file or directory`, 1);
      try {
        // The stored content, not its bytes: an archive docker save wrote is read in pieces (see loadArchive).
        source = host.fs.fileContent(resolvePath(host.cwd, input));
      } catch (e) {
        const verb = e instanceof FsError && e.code === 'EISDIR' ? 'read' : 'open';
        throw new DockerError(`${verb} ${input}: ${e instanceof FsError ? e.text.toLowerCase() : String(e)}`, 1);
      }
    }
    const images = ctx.engine.images;
    let archive;
    try {
      archive = loadArchive(source, { hasLayer: (chainId) => images.store.layers.has(chainId) });
    } catch (e) {
      if (isDockerError(e)) throw new DockerError(`Error response from daemon: ${e.message}`, 1, e.code);
      throw e;
    }
    const result = images.update((store) => loadImages(store, archive));
    const progress = !ctx.flags.bool('quiet') && ctx.stdout.tty !== undefined && ctx.stdout.tty.redraws !== false;
    let out = '';
    for (const event of result.events) {
      if (event.kind === 'line') out += event.text;
      else if (progress) out += layerLine(ctx.stdout, event.diffId, event.size);
    }
    await ctx.stdout.write(out);
    if (result.error) throw new DockerError(`Error response from daemon: ${result.error.message}`, 1, result.error.code);
    return 0;
  },
};

/**
 * A finished `Loading layer` line as jsonmessage leaves it on a terminal: a new line is opened, the cursor goes up
 * to write the layer's line over it and comes back down.
 */
function layerLine(out: CliOutput, diffId: string, size: number): string {
  const id = diffId.slice(diffId.indexOf(':') + 1, diffId.indexOf(':') + 13);
  const bar = progressText({ current: size, total: size }, out.tty?.columns ?? 80);
  return `\n${ESC}1A${ESC}2K\r${id}: Loading layer ${bar}\r${ESC}1B`;
}
