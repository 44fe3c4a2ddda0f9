import { FsError } from '../../fs/types.ts';
import { type Ctx, defineProgram, errText } from './common.ts';

interface RmOpts {
  recursive: boolean;
  force: boolean;
  interactive: boolean;
  dir: boolean;
  verbose: boolean;
}

export const rm = defineProgram('rm', async (ctx) => {
  const o = await ctx.parse({
    short: 'fiIrRdv',
    long: {
      force: { key: 'f' },
      recursive: { key: 'r' },
      dir: { key: 'd' },
      verbose: { key: 'v' },
      'no-preserve-root': { key: 'no-preserve-root' },
      'preserve-root': { key: 'preserve-root' },
    },
  });
  if (typeof o === 'number') return o;
  const last = o.lastOf('f', 'i');
  const opts: RmOpts = {
    recursive: o.has('r') || o.has('R'),
    force: last === 'f',
    interactive: last === 'i',
    dir: o.has('d'),
    verbose: o.has('v'),
  };
  if (o.operands.length === 0) return opts.force ? 0 : ctx.usage('missing operand');
  let status = 0;
  for (const name of o.operands) {
    const base = name.replace(/\/+$/, '').split('/').pop();
    if (base === '.' || base === '..') {
      await ctx.error(`refusing to remove '.' or '..' directory: skipping '${name}'`);
      status = 1;
      continue;
    }
    const path = ctx.path(name);
    if (opts.recursive && path.replace(/\/+$/, '') === '' && !o.has('no-preserve-root')) {
      await ctx.error(`it is dangerous to operate recursively on '/'`);
      await ctx.error('use --no-preserve-root to override this failsafe');
      status = 1;
      continue;
    }
    if (!(await remove(ctx, name, path, opts))) status = 1;
  }
  return status;
});

/** Removes one operand (depth first for -r, so -v and -i see every entry as GNU rm does). Returns success. */
async function remove(ctx: Ctx, name: string, path: string, opts: RmOpts): Promise<boolean> {
  let type: string;
  let size: number;
  try {
    const st = ctx.fs.lstat(path);
    type = st.type;
    size = st.size;
  } catch (e) {
    if (opts.force && e instanceof FsError && e.code === 'ENOENT') return true;
    await ctx.error(`${ctx.busybox ? "can't" : 'cannot'} remove '${name}': ${errText(e)}`);
    return false;
  }
  if (type === 'dir') {
    const children = ctx.fs.readdir(path);
    if (!opts.recursive) {
      if (!opts.dir) {
        await ctx.error(`cannot remove '${name}': Is a directory`);
        return false;
      }
      if (children.length > 0) {
        await ctx.error(`cannot remove '${name}': Directory not empty`);
        return false;
      }
    }
    if (opts.interactive && children.length > 0 && !(await ctx.confirm(`descend into directory '${name}'`))) return true;
    let ok = true;
    for (const c of children) {
      if (!(await remove(ctx, `${name.replace(/\/+$/, '')}/${c}`, `${path.replace(/\/+$/, '')}/${c}`, opts))) ok = false;
    }
    if (!ok) return false;
    if (opts.interactive && !(await ctx.confirm(`remove directory '${name}'`))) return true;
  } else if (opts.interactive) {
    const what = type === 'symlink' ? 'symbolic link' : size === 0 ? 'regular empty file' : 'regular file';
    if (!(await ctx.confirm(`remove ${what} '${name}'`))) return true;
  }
  try {
    ctx.fs.rm(path, { recursive: true });
  } catch (e) {
    await ctx.error(`cannot remove '${name}': ${errText(e)}`);
    return false;
  }
  if (opts.verbose) await ctx.out(type === 'dir' ? `removed directory '${name}'\n` : `removed '${name}'\n`);
  return true;
}
