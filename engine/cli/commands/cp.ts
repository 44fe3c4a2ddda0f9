import { DockerError, isDockerError } from '../../core/errors.ts';
import { humanSizeWithPrecision } from '../../core/units.ts';
import { resolvePath } from '../../fs/path.ts';
import { tarBytes, tarLength, tarToTree } from '../../fs/tar.ts';
import { readAll } from '../../programs/streams.ts';
import type { Command, CommandContext } from '../command.ts';
import { containerService } from './container-service.ts';
import { archiveTree, copyInto, copySource, CopyError, ownedBy, type CopySource } from './cp-copy.ts';

const daemon = (message: string) => new DockerError(`Error response from daemon: ${message}`, 1, 'ECP');

/**
 * `docker cp` / `docker container cp` (docker/cli container/cp.go; moby daemon/archive.go): one side is
 * `CONTAINER:PATH` (relative to its `/`), the other a path on the client (relative to its directory) or `-` for a
 * tar stream. Works on stopped containers too (the daemon mounts the root filesystem and the container's mounts for
 * it). Without `-a` what lands in the container belongs to root and what lands on the host to the client's user.
 * On a terminal the client ends with `Successfully copied <tar size> to <dest>`.
 */
export const cpCommand: Command = {
  paths: ['docker container cp', 'docker cp'],
  args: { kind: 'exact', n: 2 },
  async run(ctx) {
    const [from, to] = ctx.args as [string, string];
    const src = splitContainer(from);
    const dst = splitContainer(to);
    if (src && dst) throw new DockerError('copying between containers is not supported', 1, 'EUSAGE');
    if (!src && !dst) throw new DockerError('must specify at least one container source', 1, 'EUSAGE');
    try {
      return src ? await fromContainer(ctx, src, to) : await toContainer(ctx, from, dst!);
    } catch (e) {
      if (e instanceof CopyError) throw new DockerError(e.message, 1, 'ECP');
      throw e;
    }
  },
};

/** `name:path`; a local path with a colon must start with `/` or `.` to be one (docker's splitCpArg). */
function splitContainer(arg: string): { ref: string; path: string } | undefined {
  if (arg.startsWith('/') || arg.startsWith('.')) return undefined;
  const i = arg.indexOf(':');
  if (i <= 0) return undefined;
  return { ref: arg.slice(0, i), path: arg.slice(i + 1) };
}

async function fromContainer(ctx: CommandContext, src: { ref: string; path: string }, to: string): Promise<number> {
  const service = containerService(ctx);
  const { record } = service.get(src.ref);
  const { fs } = service.archiveFs(record.id);
  const path = resolvePath('/', src.path);
  let source: CopySource | undefined;
  try {
    source = copySource(fs, path, src.path, ctx.flags.bool('follow-link'));
  } catch (e) {
    if (e instanceof CopyError) throw daemon(e.message);
    throw e;
  }
  if (!source) throw daemon(`Could not find the file ${path} in container ${src.ref}`);
  if (to === '-') {
    await ctx.stdout.write(tarBytes(archiveTree(source)));
    return 0;
  }
  const host = ctx.host;
  if (!host) throw new DockerError('no local filesystem', 1);
  const dest = resolvePath(host.cwd, to);
  const owned = { ...source, entry: ownedBy(source.entry, host.uid ?? 0, host.gid ?? 0) };
  try {
    copyInto(host.fs, dest, to, owned);
  } catch (e) {
    if (isDockerError(e) || e instanceof CopyError) throw e;
    throw new DockerError(e instanceof Error ? e.message : String(e), 1, 'ECP');
  }
  await copied(ctx, tarLength(archiveTree(source)), dest);
  return 0;
}

async function toContainer(ctx: CommandContext, from: string, dst: { ref: string; path: string }): Promise<number> {
  const service = containerService(ctx);
  const { record } = service.get(dst.ref);
  const target = service.archiveFs(record.id);
  const dest = resolvePath('/', dst.path);
  const keepOwners = ctx.flags.bool('archive');
  let source: CopySource;
  let size: number;
  if (from === '-') {
    // A tar on stdin is extracted into the destination, which must be a directory.
    const tree = tarToTree(await readAll(ctx.host!.stdin));
    if (!isDir(target.fs, dest)) throw daemon(`extraction point is not a directory`);
    source = { entry: tree, name: '.', contentsOnly: true };
    size = 0;
  } else {
    const host = ctx.host;
    if (!host) throw new DockerError('no local filesystem', 1);
    const path = resolvePath(host.cwd, from);
    const found = copySource(host.fs, path, from, ctx.flags.bool('follow-link'));
    if (!found) throw new DockerError(`lstat ${path}: no such file or directory`, 1, 'ENOENT');
    source = found;
    size = tarLength(archiveTree(found));
  }
  const placed = keepOwners ? source : { ...source, entry: ownedBy(source.entry, 0, 0) };
  try {
    copyInto(target.fs, dest, dst.path, placed);
  } catch (e) {
    if (e instanceof CopyError) throw daemon(e.message);
    throw daemon(e instanceof Error ? e.message : String(e));
  }
  target.save();
  if (from !== '-') await copied(ctx, size, `${dst.ref}:${dst.path}`);
  return 0;
}

/** The client's closing line, on stderr and only on a terminal (the progress output it belongs to). */
async function copied(ctx: CommandContext, bytes: number, dest: string): Promise<void> {
  if (ctx.flags.bool('quiet') || !ctx.stderr.tty) return;
  await ctx.stderr.write(`Successfully copied ${humanSizeWithPrecision(bytes, 3)} to ${dest}\n`);
}

function isDir(fs: { entry(p: string): { type: string } }, path: string): boolean {
  try {
    return fs.entry(path).type === 'dir';
  } catch {
    return false;
  }
}
