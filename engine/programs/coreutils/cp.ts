import { basename } from '../../fs/path.ts';
import type { Entry } from '../../fs/types.ts';
import { type Ctx, defineProgram, errText, isFsError } from './common.ts';

interface CopyOpts {
  recursive: boolean;
  preserve: boolean;
  noClobber: boolean;
  verbose: boolean;
  now: number;
  uid: number;
  gid: number;
}

/** A copy is a new file: it gets the copier's ownership and the current time unless -p/-a keep the originals. */
function restamp(e: Entry, o: CopyOpts): Entry {
  if (o.preserve) return e;
  const meta = { mtime: o.now, uid: o.uid, gid: o.gid, mode: e.type === 'symlink' ? e.mode : e.mode & 0o777 & ~0o022 };
  if (e.type !== 'dir') return { ...e, ...meta };
  return { ...e, ...meta, children: new Map([...e.children].map(([k, v]) => [k, restamp(v, o)])) };
}

const isUnder = (dir: string, p: string) => p === dir || p.startsWith(dir.endsWith('/') ? dir : dir + '/');

/** Copies one source to a destination path; returns false after printing an error. */
async function copy(ctx: Ctx, src: string, srcName: string, dst: string, dstName: string, o: CopyOpts): Promise<boolean> {
  let entry: Entry;
  try {
    entry = ctx.fs.entry(src, !o.recursive);
  } catch (e) {
    await ctx.error(`cannot stat '${srcName}': ${errText(e)}`);
    return false;
  }
  let existing: Entry | undefined;
  try {
    existing = ctx.fs.entry(dst);
  } catch {
    existing = undefined;
  }
  if (entry.type === 'dir') {
    if (!o.recursive) {
      await ctx.error(`-r not specified; omitting directory '${srcName}'`);
      return false;
    }
    const realSrc = ctx.fs.realpath(src);
    let realDst: string;
    try {
      realDst = ctx.fs.realpath(dst);
    } catch {
      realDst = ctx.fs.realpath(dst.slice(0, dst.lastIndexOf('/')) || '/') + '/' + basename(dst);
    }
    if (isUnder(realSrc, realDst)) {
      await ctx.error(`cannot copy a directory, '${srcName}', into itself, '${dstName}'`);
      return false;
    }
    if (existing && existing.type !== 'dir') {
      await ctx.error(`cannot overwrite non-directory '${dstName}' with directory '${srcName}'`);
      return false;
    }
    if (!existing) {
      ctx.fs.putEntry(dst, restamp(entry, o));
      if (o.verbose) await ctx.out(`'${srcName}' -> '${dstName}'\n`);
      return true;
    }
    let ok = true;
    for (const c of ctx.fs.readdir(src)) {
      if (!(await copy(ctx, `${src}/${c}`, `${srcName}/${c}`, `${dst}/${c}`, `${dstName}/${c}`, o))) ok = false;
    }
    return ok;
  }
  if (existing) {
    if (ctx.fs.realpath(src) === ctx.fs.realpath(dst)) {
      await ctx.error(`'${srcName}' and '${dstName}' are the same file`);
      return false;
    }
    if (existing.type === 'dir') {
      await ctx.error(`cannot overwrite directory '${dstName}' with non-directory`);
      return false;
    }
    if (o.noClobber) return true;
  }
  try {
    // Overwriting keeps the destination's inode: its mode and owner stay, only the content and time change.
    const put = existing && existing.type === 'file' && entry.type === 'file' && !o.preserve ? { ...existing, content: entry.content, mtime: o.now } : restamp(entry, o);
    ctx.fs.putEntry(existing ? ctx.fs.realpath(dst) : dst, put);
  } catch (e) {
    if (!isFsError(e)) throw e;
    await ctx.error(`cannot create regular file '${dstName}': ${errText(e)}`);
    return false;
  }
  if (o.verbose) await ctx.out(`'${srcName}' -> '${dstName}'\n`);
  return true;
}

/** Resolves cp/mv operands: the last is the target; several sources need a directory there. */
export async function targets(ctx: Ctx, operands: string[], targetDir: string | undefined): Promise<[string, string, string, string][] | number> {
  if (operands.length === 0) return ctx.usage('missing file operand');
  if (targetDir === undefined && operands.length === 1) return ctx.usage(`missing destination file operand after '${operands[0]}'`);
  const target = targetDir ?? operands[operands.length - 1]!;
  const sources = targetDir === undefined ? operands.slice(0, -1) : operands;
  const tpath = ctx.path(target);
  let isDir = false;
  try {
    isDir = ctx.fs.stat(tpath).type === 'dir';
  } catch (e) {
    if (sources.length > 1 || targetDir !== undefined) {
      await ctx.error(`target '${target}': ${errText(e)}`);
      return 1;
    }
  }
  if (!isDir && (sources.length > 1 || targetDir !== undefined)) {
    await ctx.error(`target '${target}' is not a directory`);
    return 1;
  }
  return sources.map((s) => {
    if (!isDir) return [ctx.path(s), s, tpath, target];
    const b = basename(s);
    const shown = target.endsWith('/') ? target + b : `${target}/${b}`;
    return [ctx.path(s), s, ctx.path(shown), shown];
  });
}

export const cp = defineProgram('cp', async (ctx) => {
  const o = await ctx.parse({
    short: 'rRapdfinvt:LPH',
    long: { recursive: { key: 'r' }, archive: { key: 'a' }, preserve: { key: 'p', arg: 'optional' }, force: { key: 'f' }, 'no-clobber': { key: 'n' }, verbose: { key: 'v' }, 'target-directory': { key: 't', arg: 'required' } },
  });
  if (typeof o === 'number') return o;
  const pairs = await targets(ctx, o.operands, o.value('t'));
  if (typeof pairs === 'number') return pairs;
  const opts: CopyOpts = {
    recursive: o.has('r') || o.has('R') || o.has('a'),
    preserve: o.has('p') || o.has('a'),
    noClobber: o.has('n'),
    verbose: o.has('v'),
    now: ctx.p.clock.nowSeconds(),
    uid: ctx.p.uid,
    gid: ctx.p.gid,
  };
  let status = 0;
  for (const [src, srcName, dst, dstName] of pairs) if (!(await copy(ctx, src, srcName, dst, dstName, opts))) status = 1;
  return status;
});
