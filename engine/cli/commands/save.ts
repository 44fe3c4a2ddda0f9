import { DockerError } from '../../core/errors.ts';
import { basename, dirname, resolvePath } from '../../fs/path.ts';
import { FsError, type FileContent, type Fs } from '../../fs/types.ts';
import { saveArchive } from '../../image/archive/index.ts';
import { archiveContent, imagesToSave } from '../../image/save.ts';
import type { CliHost, Command } from '../command.ts';

/**
 * `docker save [-o FILE] IMAGE...` (docker/cli image/save.go of 28.x): the daemon's docker-archive, to stdout or to
 * a file. The client refuses to put a tar on a terminal, and checks the output path before asking the daemon
 * (moby/sys/atomicwriter): the file is written beside its target under a temporary name, made 0600 and renamed
 * into place, so a failed save leaves no half-written file, and it belongs to the user who ran docker.
 */
export const saveCommand: Command = {
  paths: ['docker image save', 'docker save'],
  args: { kind: 'min', n: 1 },
  async run(ctx) {
    const output = ctx.flags.string('output');
    if (output === '' && ctx.stdout.tty) throw new DockerError('cowardly refusing to save to a terminal. Use the -o flag or redirect', 1);
    const host = ctx.host;
    if (output !== '') {
      if (!host) throw new DockerError('failed to save image: no filesystem to write to', 1);
      checkDestination(host, output);
    }
    const images = ctx.engine.images;
    const toSave = imagesToSave(images.store, ctx.args);
    const options = { now: images.clock.nowSeconds() };
    if (output === '') {
      for (const chunk of saveArchive(toSave, options)) await ctx.stdout.write(chunk);
      return 0;
    }
    writeAtomically(host!, output, archiveContent(toSave, options));
    return 0;
  },
};

const failed = (message: string) => new DockerError(`failed to save image: ${message}`, 1);
const strerror = (e: unknown) => (e instanceof FsError ? e.text.toLowerCase() : String(e));

/** atomicwriter's validateDestination: the directory must exist, the target be absent or a regular file. */
function checkDestination(host: CliHost, output: string): void {
  const dir = goDir(output);
  if (dir !== '.' && dir !== '..') {
    let isDir: boolean;
    try {
      isDir = host.fs.stat(resolvePath(host.cwd, dir)).type === 'dir';
    } catch (e) {
      throw failed(`invalid output path: stat ${dir}: ${strerror(e)}`);
    }
    if (!isDir) throw failed(`invalid output path: stat ${dir}: not a directory`);
  }
  let type: string;
  try {
    type = host.fs.lstat(resolvePath(host.cwd, output)).type;
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') return;
    throw failed(`failed to stat output path: lstat ${output}: ${strerror(e)}`);
  }
  if (type === 'dir') throw failed('cannot write to a directory');
  if (type === 'symlink') throw failed('cannot write to a symbolic link directly');
}

/** Go's filepath.Dir: `.` for a bare name, the path without its last element otherwise. */
function goDir(p: string): string {
  if (!p.includes('/')) return '.';
  return dirname(p.replace(/\/+$/, '') === '' ? '/' : p) || '.';
}

// os.CreateTemp draws a random suffix; a fixed one keeps transcripts the same from run to run.
const TEMP_SUFFIX = '1804289383';

function writeAtomically(host: CliHost, output: string, content: FileContent): void {
  const target = resolvePath(host.cwd, output);
  const temp = `${dirname(target)}/.tmp-${basename(target)}${TEMP_SUFFIX}`;
  const fs: Fs = host.fs;
  try {
    fs.writeFile(temp, content, { mode: 0o600 });
  } catch (e) {
    throw failed(`open ${temp}: ${strerror(e)}`);
  }
  try {
    fs.chmod(temp, 0o600);
    fs.rename(temp, target);
  } catch (e) {
    try {
      fs.rm(temp, { force: true });
    } catch {
      // The temporary file is the user's; if even that fails there is nothing more to undo.
    }
    throw failed(`rename ${temp} ${target}: ${strerror(e)}`);
  }
}
