import { runSteps, runStepsSliced, type Steps } from '../../core/slicer.ts';
import { readContent } from '../../fs/content.ts';
import { basename, dirname, resolvePath } from '../../fs/path.ts';
import { buildTree, makeDir, makeFile } from '../../fs/tree.ts';
import { FsError, type DirEntry, type Entry, type Fs } from '../../fs/types.ts';
import { readIgnoreFile } from './dockerignore.ts';
import { BuildContextError } from './errors.ts';
import { filtering } from './filter.ts';
import { followLinks } from './follow-paths.ts';
import { PatternError } from './patternmatcher.ts';
import { transferring } from './transfer.ts';

/**
 * The build context as `docker build` (buildx + BuildKit) gets it from a local directory:
 * - buildx checks the context is a directory (`unable to prepare context: path "x" not found`);
 * - `[internal] load build definition`: the Dockerfile's own directory is a separate source, of which only the
 *   Dockerfile (`dockerfile` too when it is named `Dockerfile`) and `<Dockerfile>.dockerignore` are sent, so a
 *   Dockerfile excluded by `.dockerignore` still builds;
 * - `[internal] load .dockerignore`: unless `<Dockerfile>.dockerignore` was found beside the Dockerfile, the
 *   context's `.dockerignore` is fetched on its own;
 * - `[internal] load build context`: what the patterns leave (and, given FollowPaths, only what the Dockerfile
 *   reads), every owner reset to root as buildx's `resetUIDAndGID` does, modes and mtimes kept.
 */

export interface LoadOptions {
  /** `-f`: the Dockerfile, relative to the context directory or absolute; `Dockerfile` in the context by default. */
  readonly dockerfile?: string;
  /** The context path as the user typed it, for the error message (`dir` otherwise). */
  readonly contextArg?: string;
  /** BuildKit's FollowPaths for the context (`contextFollowPaths`); everything is sent when undefined. */
  readonly followPaths?: readonly string[];
  /** The context as the previous build of this directory sent it: files the daemon already has are not resent. */
  readonly previous?: DirEntry;
  /**
   * Read only the Dockerfile (and its ignore file): the frontend reads it before it knows which context paths to
   * ask for. The returned `root` is then empty.
   */
  readonly dockerfileOnly?: boolean;
  /** `-f -`: the Dockerfile came on stdin; buildx sends it as `Dockerfile` from a directory of its own. */
  readonly stdinDockerfile?: Uint8Array;
}

export interface LoadedFile {
  /** Absolute path on the host. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface LoadedContext {
  /** The context as the daemon receives it. Keep it: it is `previous` for the next build of this directory. */
  readonly root: DirEntry;
  /** What `transferring context: N` reports for the context. */
  readonly transferredBytes: number;
  readonly dockerfile: LoadedFile & {
    /** The name BuildKit reads it by (`Dockerfile`, `dockerfile`, or the `-f` file's base name). */
    readonly name: string;
    /** What `transferring dockerfile: N` reports. */
    readonly transferredBytes: number;
  };
  /** The ignore file used, if any: `<Dockerfile>.dockerignore` beside the Dockerfile or the context's `.dockerignore`. */
  readonly ignoreFile?: LoadedFile;
  /** `[internal] load .dockerignore`'s `transferring context: N`; undefined when that step does not run. */
  readonly dockerignoreTransferredBytes?: number;
  readonly patterns: readonly string[];
}

export function loadBuildContext(fs: Fs, dir: string, options: LoadOptions = {}): LoadedContext {
  return runSteps(loading(fs, dir, options));
}

/** Paths walked between two pauses: a few milliseconds. */
const SLICE_PATHS = 2000;

/** loadBuildContext with a pause every few thousand paths: a context of 100,000 files is sent without holding the page. */
export function loadBuildContextSliced(fs: Fs, dir: string, options: LoadOptions, pause: () => Promise<void>): Promise<LoadedContext> {
  return runStepsSliced(loading(fs, dir, options), pause, SLICE_PATHS);
}

function* loading(fs: Fs, dir: string, options: LoadOptions): Steps<LoadedContext> {
  const contextDir = resolvePath('/', dir);
  const host = dirEntry(fs, contextDir);
  if (host === undefined) {
    throw new BuildContextError(`unable to prepare context: path "${options.contextArg ?? dir}" not found`, 'ECONTEXTNOTFOUND');
  }

  const stdin = options.stdinDockerfile;
  const dockerfilePath = stdin || options.dockerfile === undefined ? `${contextDir}/Dockerfile` : resolvePath(contextDir, options.dockerfile);
  const dockerfileDir = dirname(dockerfilePath);
  const requested = basename(dockerfilePath);
  const dockerfileTree = stdin ? buildTree([{ path: '/Dockerfile', entry: makeFile(stdin) }]) : (dirEntry(fs, dockerfileDir) ?? makeDir());
  const candidates = [requested, `${requested}.dockerignore`, ...(requested === 'Dockerfile' ? ['dockerfile'] : [])];
  const dockerfileSent = yield* sending(dockerfileTree, { includePatterns: followLinks(dockerfileTree, candidates) ?? [] });
  const dockerfileTransferred = yield* transferring(dockerfileSent);
  const name = stdin ? 'Dockerfile' : [requested, ...(requested === 'Dockerfile' ? ['dockerfile'] : [])].find((n) => fileIn(fs, `${dockerfileDir}/${n}`));
  if (name === undefined) {
    const isDir = dirEntry(fs, dockerfilePath) !== undefined;
    // A directory named like the Dockerfile: Go's read fails rather than its open (wording inferred).
    const why = isDir ? `read ${requested}: is a directory` : `open ${requested}: no such file or directory`;
    throw new BuildContextError(`failed to solve: failed to read dockerfile: ${why}`, 'EDOCKERFILENOTFOUND');
  }
  const dockerfile = { path: stdin ? '-' : `${dockerfileDir}/${name}`, name, bytes: stdin ?? fs.readFile(`${dockerfileDir}/${name}`), transferredBytes: dockerfileTransferred };

  let ignoreFile: LoadedFile | undefined;
  let dockerignoreTransferredBytes: number | undefined;
  const beside = `${dockerfileDir}/${requested}.dockerignore`;
  if (!stdin && fileIn(fs, beside)) ignoreFile = { path: beside, bytes: fs.readFile(beside) };
  else {
    const sent = yield* sending(host, { includePatterns: followLinks(host, ['.dockerignore']) ?? [] });
    dockerignoreTransferredBytes = yield* transferring(sent);
    const file = sent.children.get('.dockerignore');
    if (file?.type === 'file') ignoreFile = { path: `${contextDir}/.dockerignore`, bytes: readContent(file.content) };
  }
  const patterns = ignoreFile ? readIgnoreFile(ignoreFile.bytes) : [];

  if (options.dockerfileOnly) {
    return { root: makeDir(), transferredBytes: 0, dockerfile, ...(ignoreFile ? { ignoreFile } : {}), ...(dockerignoreTransferredBytes === undefined ? {} : { dockerignoreTransferredBytes }), patterns };
  }
  const includePatterns = options.followPaths ? followLinks(host, options.followPaths) : undefined;
  let root: DirEntry;
  try {
    root = yield* sending(host, { excludePatterns: patterns, includePatterns: includePatterns ?? [] });
  } catch (e) {
    // The client's fsutil refuses the patterns before sending anything (wording of the wrap unverified).
    if (e instanceof PatternError) {
      const why = e.message.startsWith('failed to match') ? e.message : `invalid excludepatterns: [${patterns.join(' ')}]: ${e.message}`;
      throw new BuildContextError(`failed to solve: ${why}`, 'EIGNOREPATTERN');
    }
    throw e;
  }
  const transferredBytes = yield* transferring(root, options.previous);
  return {
    root,
    transferredBytes,
    dockerfile,
    ...(ignoreFile ? { ignoreFile } : {}),
    ...(dockerignoreTransferredBytes === undefined ? {} : { dockerignoreTransferredBytes }),
    patterns,
  };
}

/** A filtered walk with buildx's owner reset. */
function sending(tree: DirEntry, options: { excludePatterns?: readonly string[]; includePatterns: readonly string[] }): Steps<DirEntry> {
  return filtering(tree, { ...options, map: resetOwner, mapKey: 'buildx-reset-uid-gid' });
}

const reset = new WeakMap<Entry, Entry>();

/** buildx's resetUIDAndGID, remembered per entry so an unchanged file is the same object build after build. */
function resetOwner(e: Entry): Entry {
  if (e.uid === 0 && e.gid === 0) return e;
  let r = reset.get(e);
  if (r === undefined) {
    r = { ...e, uid: 0, gid: 0 };
    reset.set(e, r);
  }
  return r;
}

function dirEntry(fs: Fs, path: string): DirEntry | undefined {
  try {
    const e = fs.entry(path, true);
    return e.type === 'dir' ? e : undefined;
  } catch (e) {
    if (e instanceof FsError) return undefined;
    throw e;
  }
}

function fileIn(fs: Fs, path: string): boolean {
  try {
    return fs.entry(path, true).type === 'file';
  } catch (e) {
    if (e instanceof FsError) return false;
    throw e;
  }
}
