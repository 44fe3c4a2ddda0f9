import { parseRunMount, type RunMount } from '../../dockerfile/instructions/run-mount.ts';
import { basename, resolvePath } from '../../fs/path.ts';
import { EMPTY_DIR, getEntry, makeDir, makeFile, setEntry } from '../../fs/tree.ts';
import type { DirEntry, Entry } from '../../fs/types.ts';
import { copyChecksum } from '../context/index.ts';
import { BuildFailure } from '../errors.ts';
import { stageReference, type BuildPlan } from '../stage-plan.ts';
import { expansionScope, type StageState } from '../stage-state.ts';
import { processWord } from '../../dockerfile/words/index.ts';
import type { CopySources } from './copy.ts';

/** A `RUN --mount` ready to apply: where it goes, what it shows there, and what the cache key knows of it. */
export interface PreparedMount {
  readonly mount: RunMount;
  /** Absolute, resolved against WORKDIR. */
  readonly target: string;
  /** What a bind mount shows (a context path, a stage's or an image's directory). */
  readonly content?: Entry;
  /** The cache mount's id: BuildKit keys cache mounts by id, the target when none is given. */
  readonly cacheId?: string;
  readonly key: Readonly<Record<string, string | number | boolean>>;
}

/**
 * BuildKit's dispatchRunMounts: each mount's fields expanded, its target made absolute, a bind mount's source found
 * (its content checksum joins the RUN's cache key, so editing a bound file reruns the step).
 */
export async function prepareMounts(
  st: StageState,
  values: readonly string[],
  line: { start: number; end: number },
  plan: BuildPlan,
  sources: CopySources,
  secrets: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<PreparedMount[]> {
  const scope = expansionScope(st);
  const out: PreparedMount[] = [];
  for (const value of values) {
    let mount: RunMount;
    try {
      mount = parseRunMount(value, (w) => processWord(w, scope));
    } catch (e) {
      throw new BuildFailure(e instanceof Error ? e.message : String(e), line);
    }
    if (mount.type === 'secret') {
      // A secret's id defaults to its target's name, its target to /run/secrets/<id> (dockerfile2llb).
      const id = mount.id || mount.source || basename(mount.target);
      const target = mount.target ? resolvePath(st.config.WorkingDir || '/', mount.target) : `/run/secrets/${id}`;
      const data = secrets.get(id);
      if (data === undefined) {
        if (mount.required) throw new BuildFailure(`secret ${id}: not found`, line);
        continue;
      }
      const content = makeFile(data, { mode: mount.mode ?? 0o400, uid: mount.uid ?? 0, gid: mount.gid ?? 0 });
      out.push({ mount, target, content, key: { type: 'secret', target, id } });
      continue;
    }
    const target = resolvePath(st.config.WorkingDir || '/', mount.target);
    if (target === '/') throw new BuildFailure(`invalid mount target "${target}"`, line);
    const key: Record<string, string | number | boolean> = { type: mount.type, target, readOnly: mount.readOnly };
    if (mount.type === 'cache') {
      const cacheId = mount.id || target;
      out.push({ mount, target, cacheId, key: { ...key, id: cacheId, sharing: mount.sharing || 'shared', mode: mount.mode ?? 0o755, uid: mount.uid ?? 0, gid: mount.gid ?? 0 } });
    } else if (mount.type === 'bind') {
      const root = await bindRoot(st, mount.from, plan, sources, line);
      const source = resolvePath('/', mount.source || '/');
      const content = getEntry(root, source);
      if (!content) throw new BuildFailure(`failed to compute cache key: "${source}" not found`, line);
      key.from = mount.from;
      key.source = source;
      key.checksum = copyChecksum(root, [source], { contextRoot: mount.from === '' }).digest;
      out.push({ mount, target, content, key });
    } else if (mount.type === 'tmpfs') {
      out.push({ mount, target, key });
    } else if (mount.required) {
      // No SSH agent is forwarded to this builder.
      throw new BuildFailure(`no SSH key "${mount.id || 'default'}" forwarded from the client`, line);
    }
  }
  return out;
}

async function bindRoot(st: StageState, from: string, plan: BuildPlan, sources: CopySources, line: { start: number; end: number }): Promise<DirEntry> {
  if (from === '') return sources.context();
  const index = stageReference(from, st.planned.index, plan.stages);
  if (index !== undefined) {
    const root = sources.stage(index);
    if (!root) throw new BuildFailure(`stage ${from} has not been built`, line);
    return root;
  }
  const image = sources.image(from);
  if (!image) throw new BuildFailure(`failed to resolve source metadata for ${from}`, line);
  return sources.imageRoot(image);
}

/**
 * Puts the mounts over the root for the command, and afterwards takes them away again: what the command wrote into
 * a cache mount is kept in the build cache, never in the layer. A mountpoint the mount had to create is removed
 * again, with the directories made for it while they are still empty (BuildKit's mount stub cleaner).
 */
export function withMounts(root: DirEntry, mounts: readonly PreparedMount[], cacheMounts: ReadonlyMap<string, DirEntry>): { root: DirEntry; unmount(after: DirEntry): { root: DirEntry; caches: Map<string, DirEntry> } } {
  const parents = { mode: 0o755, uid: 0, gid: 0 };
  const saved: { target: string; before: Entry | undefined; stubs: string[] }[] = [];
  let mounted = root;
  for (const m of mounts) {
    const before = getEntry(mounted, m.target);
    saved.push({ target: m.target, before, stubs: before ? [] : createdPaths(mounted, m.target) });
    let shown: Entry;
    if (m.mount.type === 'cache') shown = cacheMounts.get(m.cacheId!) ?? makeDir([], { mode: m.mount.mode ?? 0o755, uid: m.mount.uid ?? 0, gid: m.mount.gid ?? 0 });
    else if (m.content) shown = m.content;
    else shown = EMPTY_DIR;
    mounted = setEntry(mounted, m.target, shown, parents);
  }
  return {
    root: mounted,
    unmount(after) {
      const caches = new Map<string, DirEntry>();
      for (const m of mounts) {
        const left = getEntry(after, m.target);
        if (m.mount.type === 'cache' && left?.type === 'dir') caches.set(m.cacheId!, left);
      }
      let restored = after;
      for (const { target, before, stubs } of [...saved].reverse()) {
        if (before) {
          restored = setEntry(restored, target, before, parents);
          continue;
        }
        restored = setEntry(restored, target, undefined);
        for (const stub of stubs) {
          const e = getEntry(restored, stub);
          if (e?.type === 'dir' && e.children.size === 0) restored = setEntry(restored, stub, undefined);
        }
      }
      return { root: restored, caches };
    },
  };
}

/** The directories a mount at `target` has to create, deepest first (the target itself excluded). */
function createdPaths(root: DirEntry, target: string): string[] {
  const out: string[] = [];
  for (let p = target.slice(0, target.lastIndexOf('/')); p !== '' && !getEntry(root, p); p = p.slice(0, p.lastIndexOf('/'))) out.push(p);
  return out;
}
