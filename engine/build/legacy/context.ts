import { goQuote } from '../../core/go-quote.ts';
import { readContent } from '../../fs/content.ts';
import { normalize, resolvePath } from '../../fs/path.ts';
import { tarLength, tarToTree, TarError } from '../../fs/tar.ts';
import { deleteEntry, getEntry, makeDir, makeFile } from '../../fs/tree.ts';
import { FsError, type DirEntry, type Entry, type Fs } from '../../fs/types.ts';
import { filterTree, PatternError, PatternMatcher, readIgnoreFile } from '../context/index.ts';
import { LegacyBuildError } from './errors.ts';

/**
 * The build context as the legacy client sends it (docker/cli cli/command/image/build.go and build/context.go):
 * one tar of the whole context directory, with what `.dockerignore` excludes left out, except that the Dockerfile
 * and `.dockerignore` themselves are always sent (TrimBuildFilesFromExcludes); the daemon then deletes them again
 * if the patterns exclude them. Owners are reset to root. There is no FollowPaths and no reuse between builds:
 * every build sends everything, which `Sending build context to Docker daemon` counts in tar bytes.
 */
export interface LegacyContext {
  /** The context as the daemon extracted it. */
  readonly root: DirEntry;
  /** Bytes of the tar the client uploads. */
  readonly sentBytes: number;
  readonly dockerfile: string;
  /** The Dockerfile's path in the context, as the daemon opens it. */
  readonly dockerfileName: string;
}

export interface LegacyContextOptions {
  /** The client's working directory: the context argument and `-f` are relative to it. */
  readonly cwd: string;
  readonly contextArg: string;
  readonly file?: string;
  /** What the client read from its stdin, when the context (`-`) or the Dockerfile (`-f -`) comes from there. */
  readonly stdin?: Uint8Array;
}

/** A random-looking name the client gives a Dockerfile it adds to the tar (AddDockerfileToBuildContext). */
const ADDED_DOCKERFILE = '.dockerfile.6f8a2c1e9b3d7f5a0c4e';

export function loadLegacyContext(fs: Fs, options: LegacyContextOptions): LegacyContext {
  const { contextArg } = options;
  if (contextArg === '-') return stdinContext(options);
  const contextDir = resolvePath(options.cwd, contextArg);
  const found = entryAt(fs, contextDir);
  if (found === undefined) {
    if (/^https?:\/\//.test(contextArg)) {
      const host = /^https?:\/\/([^/:?#]+)/.exec(contextArg)?.[1] ?? contextArg;
      throw new LegacyBuildError(`unable to prepare context: unable to download remote context ${contextArg}: Get ${goQuote(contextArg)}: dial tcp: lookup ${host}: no such host`);
    }
    if (/^(git:\/\/|git@|github\.com\/)/.test(contextArg) || /\.git(#.*)?$/.test(contextArg)) {
      // The simulated host has no git (wording of exec.LookPath's error as docker/cli wraps it).
      throw new LegacyBuildError(`unable to prepare context: unable to find 'git': exec: "git": executable file not found in $PATH`);
    }
    throw new LegacyBuildError(`unable to prepare context: path ${goQuote(contextArg)} not found`);
  }
  if (found.type !== 'dir') throw new LegacyBuildError(`unable to prepare context: context must be a directory: ${contextDir}`);

  const dockerfileFromStdin = options.file === '-';
  const dockerfilePath = dockerfileFromStdin ? '' : dockerfileIn(fs, contextDir, options.file === undefined ? undefined : resolvePath(options.cwd, options.file));
  const rel = dockerfileFromStdin ? ADDED_DOCKERFILE : relative(contextDir, dockerfilePath);
  const outside = dockerfileFromStdin || rel.startsWith('../');
  const dockerfile = dockerfileFromStdin ? (options.stdin ?? new Uint8Array(0)) : fs.readFile(dockerfilePath);

  let excludes: string[] = [];
  if (entryAt(fs, `${contextDir}/.dockerignore`)?.type === 'file') excludes = readIgnoreFile(fs.readFile(`${contextDir}/.dockerignore`));
  let matcher: PatternMatcher | undefined;
  try {
    matcher = excludes.length > 0 ? PatternMatcher.create(excludes) : undefined;
  } catch (e) {
    if (e instanceof PatternError) throw new LegacyBuildError(`error checking context: ${e.message}`);
    throw e;
  }
  const sentExcludes = [...excludes];
  if (matcher?.matches('.dockerignore')) sentExcludes.push('!.dockerignore');
  if (!outside && matcher?.matches(rel)) sentExcludes.push(`!${rel}`);
  const sent = filterTree(found, { excludePatterns: sentExcludes, map: rootOwned, mapKey: 'legacy-client-chown-root' });

  let root = sent;
  for (const path of ['.dockerignore', ...(outside ? [] : [rel])]) {
    if (matcher?.matches(path) && getEntry(root, path)) root = deleteEntry(root, path);
  }
  // A Dockerfile outside the context (or from stdin) travels inside the tar under a random name
  // (AddDockerfileToBuildContext), and .dockerignore is rewritten to ignore it; only the Dockerfile's own bytes are
  // counted here.
  const extra = outside ? 512 + padded(dockerfile.length) : 0;
  return {
    root,
    sentBytes: tarLength(sent) + extra,
    dockerfile: new TextDecoder().decode(dockerfile),
    dockerfileName: outside ? ADDED_DOCKERFILE : rel,
  };
}

/**
 * `docker build -`: stdin is either a tar (the whole context, the Dockerfile inside it) or a Dockerfile, which the
 * client puts alone in a tar (GetContextFromReader).
 */
function stdinContext(options: LegacyContextOptions): LegacyContext {
  const bytes = options.stdin ?? new Uint8Array(0);
  const isTar = bytes.length >= 512 && new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar';
  if (!isTar) {
    if (options.file === '-') throw new LegacyBuildError('invalid argument: can\'t use stdin for both build context and dockerfile');
    if (options.file !== undefined) throw new LegacyBuildError('unable to prepare context: ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles');
    const root = makeDir([['Dockerfile', makeFile(bytes, { mode: 0o600 })]]);
    return { root, sentBytes: tarLength(root), dockerfile: new TextDecoder().decode(bytes), dockerfileName: 'Dockerfile' };
  }
  let root: DirEntry;
  try {
    root = tarToTree(bytes);
  } catch (e) {
    if (e instanceof TarError) throw new LegacyBuildError(`Error response from daemon: ${e.message}`);
    throw e;
  }
  const name = options.file ?? 'Dockerfile';
  const file = getEntry(root, name) ?? (options.file === undefined ? getEntry(root, 'dockerfile') : undefined);
  if (file?.type !== 'file') throw new LegacyBuildError(`Error response from daemon: Cannot locate specified Dockerfile: ${name}`);
  return { root, sentBytes: bytes.length, dockerfile: new TextDecoder().decode(readContent(file.content)), dockerfileName: name };
}

/** getDockerfileRelPath: `-f`, else `Dockerfile` in the context, else `dockerfile` if that is there. */
function dockerfileIn(fs: Fs, contextDir: string, given: string | undefined): string {
  let path = given ?? `${contextDir}/Dockerfile`;
  if (given === undefined && entryAt(fs, path, false) === undefined && entryAt(fs, `${contextDir}/dockerfile`, false) !== undefined) path = `${contextDir}/dockerfile`;
  // filepath.EvalSymlinks fails on the first component that is not there.
  const parts = path.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const prefix = `/${parts.slice(0, i).join('/')}`;
    if (entryAt(fs, prefix, false) === undefined) {
      throw new LegacyBuildError(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${prefix}: no such file or directory`);
    }
  }
  return path;
}

function entryAt(fs: Fs, path: string, follow = true): Entry | undefined {
  try {
    return fs.entry(path, follow);
  } catch (e) {
    if (e instanceof FsError) return undefined;
    throw e;
  }
}

function rootOwned(e: Entry): Entry {
  return e.uid === 0 && e.gid === 0 ? e : { ...e, uid: 0, gid: 0 };
}

function padded(n: number): number {
  return Math.ceil(n / 512) * 512;
}

/** filepath.Rel for two clean absolute paths. */
function relative(from: string, to: string): string {
  const a = normalize(from).split('/').filter(Boolean);
  const b = normalize(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/');
}
