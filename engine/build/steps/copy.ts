import type { AddCommand, CopyCommand } from '../../dockerfile/instructions/index.ts';
import type { DirEntry } from '../../fs/types.ts';
import type { BaseImage } from '../base-image.ts';
import { applyCopy, BuildContextError, copyChecksum, resolveChown, selectedFilesSliced, warmDigests, type CopyChecksum } from '../context/index.ts';
import { containsWildcards } from '../context/glob.ts';
import { normalizeSource } from '../context/sources.ts';
import { getEntry } from '../../fs/tree.ts';
import { recordId } from '../disk-usage.ts';
import { BuildFailure } from '../errors.ts';
import { stageReference, type BuildPlan } from '../stage-plan.ts';
import type { StageState } from '../stage-state.ts';
import type { LayerOp, StepContext } from './layer-step.ts';
import { expand } from './metadata.ts';

/** Where COPY and ADD read from: the build context, an earlier stage's result, or an image. */
export interface CopySources {
  context(): Promise<DirEntry>;
  stage(index: number): DirEntry | undefined;
  image(ref: string): BaseImage | undefined;
  /** An image's merged filesystem. */
  imageRoot(image: BaseImage): DirEntry;
}

/**
 * COPY/ADD: the key covers the action (sources as written, destination, owner, mode) and a checksum of exactly the
 * selected files' content, names and modes — never their mtimes — so touching a file keeps the cache and editing
 * one busts it. `--from` a stage keys on that stage's output content, so an identical rebuild upstream still hits.
 */
export async function copyStep(st: StageState, cmd: CopyCommand | AddCommand, plan: BuildPlan, sources: CopySources, ctx: StepContext): Promise<LayerOp> {
  const line = cmd.startLine;
  const at = { start: cmd.startLine, end: cmd.endLine };
  const from = cmd.kind === 'copy' && cmd.from !== '' ? expand(st, cmd.from, line) : '';
  const { root, origin } = await sourceRoot(st, from, plan, sources, at);
  const srcs = cmd.sourcePaths.map((p) => expand(st, p, line));
  const url = srcs.find((s) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^git@/.test(s));
  if (url !== undefined) {
    if (cmd.kind === 'copy') throw new BuildFailure('source can\'t be a URL for COPY', at);
    throw new BuildFailure(remoteSourceError(url), at);
  }
  const dest = expand(st, cmd.destPath, line);
  const chown = cmd.chown ? expand(st, cmd.chown, line) : '';
  const chmod = cmd.chmod ? expand(st, cmd.chmod, line) : '';
  const excludes = cmd.excludes.map((p) => expand(st, p, line));
  // The checksum is one synchronous pass; the directories it reads are digested first, in slices, so a COPY of a
  // 100,000-file context does not freeze the page.
  for (const src of srcs) {
    const dir = containsWildcards(src) ? undefined : getEntry(root, normalizeSource(src));
    if (dir?.type === 'dir') await warmDigests(dir, () => ctx.clock.yield());
  }
  let checksum: CopyChecksum;
  try {
    checksum = copyChecksum(root, srcs, { excludes, contextRoot: from === '' });
  } catch (e) {
    if (!(e instanceof BuildContextError)) throw e;
    const ref = `${recordId(`${origin}/ref`)}::${recordId(`${origin}/${ctx.clock.now()}`)}`;
    throw new BuildFailure(`failed to compute cache key: failed to calculate checksum of ref ${ref}: ${e.message}`, at);
  }
  const flags = [chown && `--chown=${chown}`, chmod && `--chmod=${chmod}`].filter(Boolean).join(' ');
  const keyword = cmd.kind.toUpperCase();
  const workdir = st.config.WorkingDir || '/';
  return {
    kind: 'copy',
    text: cmd.code,
    line,
    definition: { keyword, sources: JSON.stringify(srcs), dest, workdir, chown, chmod, excludes: JSON.stringify(excludes), checksum: checksum.digest },
    files: () => selectedFilesSliced(checksum, () => ctx.clock.yield()),
    history: `${keyword} ${flags ? `${flags} ` : ''}${srcs.join(' ')} ${dest} # buildkit`,
    async execute(input) {
      try {
        const owner = chown ? resolveChown(chown, input) : undefined;
        return await applyCopy(input, checksum.selected, { dest, workdir, ...(owner ? { chown: owner } : {}), ...(chmod ? { chmod } : {}), unpack: cmd.kind === 'add', now: ctx.clock.nowSeconds() });
      } catch (e) {
        if (e instanceof BuildContextError) throw new BuildFailure(e.message, at);
        throw e;
      }
    },
  };
}

async function sourceRoot(st: StageState, from: string, plan: BuildPlan, sources: CopySources, at: { start: number; end: number }): Promise<{ root: DirEntry; origin: string }> {
  if (from === '') return { root: await sources.context(), origin: 'context' };
  const index = stageReference(from, st.planned.index, plan.stages);
  if (index !== undefined) {
    const root = sources.stage(index);
    if (!root) throw new BuildFailure(`stage ${from} has not been built`, at);
    return { root, origin: `stage:${index}` };
  }
  const image = sources.image(from);
  if (!image) throw new BuildFailure(`failed to resolve source metadata for ${from}`, at);
  return { root: sources.imageRoot(image), origin: image.key };
}

/**
 * ADD of a URL or a Git repository fetches it when the cache key is computed; the simulated machine reaches only its
 * own registries, so the lookup fails as it does on a machine without a network (wording of BuildKit's http and git
 * sources).
 */
function remoteSourceError(url: string): string {
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:#?]+)/i.exec(url)?.[1] ?? url.replace(/^git@([^:]+):.*$/, '$1');
  if (/\.git(#|$)/.test(url) || url.startsWith('git@') || url.startsWith('git://')) {
    const repo = url.split('#')[0]!;
    return `failed to load cache key: failed to fetch remote ${repo}: git stderr:\nfatal: unable to access '${repo}/': Could not resolve host: ${host}\n: exit status 128`;
  }
  return `failed to load cache key: Get "${url}": dial tcp: lookup ${host}: no such host`;
}
