import { resolveUser as resolve } from '../fs/passwd.ts';
import type { DirEntry } from '../fs/types.ts';
import { BuildFailure } from './errors.ts';

/** USER for a build step: runc's resolution, its failure a build failure with runc's words. */
export function resolveUser(root: DirEntry, spec: string): { uid: number; gid: number } {
  try {
    return resolve(root, spec);
  } catch (e) {
    throw new BuildFailure(e instanceof Error ? e.message : String(e));
  }
}
