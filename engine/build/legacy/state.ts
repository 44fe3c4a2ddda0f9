import { processWord, processWords } from '../../dockerfile/words/index.ts';
import type { Digest } from '../../image/types.ts';
import type { Snapshot } from '../types.ts';
import type { BuildArgs } from './build-args.ts';
import { LegacyBuildError } from './errors.ts';
import type { RunConfig } from './run-config.ts';

/**
 * moby's dispatchState: where one stage of a legacy build stands. `imageId` is the image the last step committed
 * (or found in the cache): the next step's parent. `snapshot` is that image's filesystem.
 */
export interface DispatchState {
  runConfig: RunConfig;
  /** MAINTAINER's text: every later commit records it as the image's author. */
  maintainer: string;
  /** CMD was set in this stage, so a later ENTRYPOINT keeps it. */
  cmdSet: boolean;
  /** '' after `FROM scratch`, until a step commits. */
  imageId: Digest;
  stageName: string;
  readonly buildArgs: BuildArgs;
  snapshot: Snapshot;
  /** The Dockerfile's escape character, for word expansion. */
  readonly escapeToken: string;
}

/** The shell a shell-form command runs under: SHELL, else `/bin/sh -c`. */
export function shellOf(rc: RunConfig): string[] {
  return rc.Shell && rc.Shell.length > 0 ? [...rc.Shell] : ['/bin/sh', '-c'];
}

/** What `$x` expands to in an instruction: the stage's ENV, then the ARGs the ENV does not set. */
export function expansionEnv(st: DispatchState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const kv of [...(st.runConfig.Env ?? []), ...st.buildArgs.filterAllowed(st.runConfig.Env)]) {
    const i = kv.indexOf('=');
    if (i > 0 && !Object.hasOwn(env, kv.slice(0, i))) env[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return env;
}

export function expandWord(st: DispatchState, word: string, env = expansionEnv(st)): string {
  try {
    return processWord(word, env, st.escapeToken);
  } catch (e) {
    throw new LegacyBuildError(e instanceof Error ? e.message : String(e));
  }
}

export function expandWords(st: DispatchState, word: string, env = expansionEnv(st)): string[] {
  try {
    return processWords(word, env, st.escapeToken);
  } catch (e) {
    throw new LegacyBuildError(e instanceof Error ? e.message : String(e));
  }
}

/** An environment list as the process sees it: later entries win. */
export function envRecord(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i > 0) out[kv.slice(0, i)] = kv.slice(i + 1);
  }
  return out;
}

/** stringid.TruncateID: `sha256:` dropped, 12 characters kept ('' stays ''). */
export function shortId(id: string): string {
  const hex = id.includes(':') ? id.slice(id.indexOf(':') + 1) : id;
  return hex.slice(0, 12);
}
