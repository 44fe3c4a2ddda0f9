import { FsError } from '../../fs/types.ts';
import { defineProgram, errText } from './common.ts';

export const rmdir = defineProgram('rmdir', async (ctx) => {
  const o = await ctx.parse({ short: 'pv', long: { parents: { key: 'p' }, verbose: { key: 'v' }, 'ignore-fail-on-non-empty': { key: 'ignore' } } });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return ctx.usage('missing operand');
  let status = 0;
  const one = async (name: string): Promise<boolean> => {
    const path = ctx.path(name);
    try {
      const st = ctx.fs.lstat(path);
      if (st.type !== 'dir') throw new FsError('ENOTDIR', path);
      if (ctx.fs.readdir(path).length > 0) throw new FsError('ENOTEMPTY', path);
      ctx.fs.rm(path, { recursive: true });
      if (o.has('v')) await ctx.out(`${ctx.prog}: removing directory, '${name}'\n`);
      return true;
    } catch (e) {
      if (o.has('ignore') && e instanceof FsError && e.code === 'ENOTEMPTY') return false;
      await ctx.error(`failed to remove '${name}': ${errText(e)}`);
      status = 1;
      return false;
    }
  };
  for (const name of o.operands) {
    if (!(await one(name)) || !o.has('p')) continue;
    // -p: then each parent named in the operand, stopping at the first failure.
    let p = name.replace(/\/+$/, '');
    while (p.includes('/')) {
      p = p.slice(0, p.lastIndexOf('/')).replace(/\/+$/, '');
      if (p === '' || !(await one(p))) break;
    }
  }
  return status;
});
