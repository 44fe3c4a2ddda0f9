import { FsError } from '../../fs/types.ts';
import { defineProgram, errText } from './common.ts';
import { targets } from './cp.ts';

export const mv = defineProgram('mv', async (ctx) => {
  const o = await ctx.parse({
    short: 'finvt:T',
    long: { force: { key: 'f' }, interactive: { key: 'i' }, 'no-clobber': { key: 'n' }, verbose: { key: 'v' }, 'target-directory': { key: 't', arg: 'required' } },
  });
  if (typeof o === 'number') return o;
  const pairs = await targets(ctx, o.operands, o.value('t'));
  if (typeof pairs === 'number') return pairs;
  let status = 0;
  for (const [src, srcName, dst, dstName] of pairs) {
    try {
      ctx.fs.lstat(src);
    } catch (e) {
      await ctx.error(`cannot stat '${srcName}': ${errText(e)}`);
      status = 1;
      continue;
    }
    if (ctx.fs.exists(dst)) {
      if (ctx.fs.realpath(src) === ctx.fs.realpath(dst) && ctx.fs.lstat(src).type !== 'symlink') {
        await ctx.error(`'${srcName}' and '${dstName}' are the same file`);
        status = 1;
        continue;
      }
      if (o.has('n')) continue;
      if (o.lastOf('i', 'f') === 'i' && !(await ctx.confirm(`overwrite '${dstName}'`))) continue;
    }
    try {
      ctx.fs.rename(src, dst);
      if (o.has('v')) await ctx.out(`renamed '${srcName}' -> '${dstName}'\n`);
    } catch (e) {
      status = 1;
      if (e instanceof FsError && e.code === 'EINVAL') await ctx.error(`cannot move '${srcName}' to a subdirectory of itself, '${dstName}'`);
      else if (e instanceof FsError && e.code === 'EISDIR') await ctx.error(`cannot overwrite directory '${dstName}' with non-directory`);
      else if (e instanceof FsError && e.code === 'ENOTDIR') await ctx.error(`cannot overwrite non-directory '${dstName}' with directory '${srcName}'`);
      else await ctx.error(`cannot move '${srcName}' to '${dstName}': ${errText(e)}`);
    }
  }
  return status;
});
