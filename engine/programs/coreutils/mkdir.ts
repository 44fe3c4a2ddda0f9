import { FsError } from '../../fs/types.ts';
import { defineProgram, errText } from './common.ts';
import { applyMode } from './mode.ts';

export const mkdir = defineProgram('mkdir', async (ctx) => {
  const o = await ctx.parse({
    short: 'pm:v',
    long: { parents: { key: 'p' }, mode: { key: 'm', arg: 'required' }, verbose: { key: 'v' } },
  });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return ctx.usage('missing operand');
  const modeSpec = o.value('m');
  let mode = 0o755;
  if (modeSpec !== undefined) {
    const m = applyMode(modeSpec, 0o777, true);
    if (m === undefined) {
      await ctx.error(`invalid mode ‘${modeSpec}’`);
      return 1;
    }
    mode = m;
  }
  const verbose = async (name: string) => {
    if (o.has('v')) await ctx.out(`${ctx.prog}: created directory '${name}'\n`);
  };
  let status = 0;
  for (const name of o.operands) {
    try {
      if (o.has('p')) {
        // Create each missing ancestor so -v can name it and a failure names the component that failed.
        const parts = name.split('/');
        for (let i = 1; i <= parts.length; i++) {
          const prefix = parts.slice(0, i).join('/');
          if (parts[i - 1] === '' || parts[i - 1] === '.' || parts[i - 1] === '..') continue;
          const path = ctx.path(prefix);
          const last = i === parts.length || parts.slice(i).every((p) => p === '');
          try {
            const st = ctx.fs.stat(path);
            if (st.type !== 'dir') throw new FsError(last ? 'EEXIST' : 'ENOTDIR', path);
            continue;
          } catch (e) {
            if (!(e instanceof FsError) || e.code !== 'ENOENT') throw Object.assign(e as object, { shown: prefix });
          }
          try {
            ctx.fs.mkdir(path, { mode: last ? mode : 0o755 });
          } catch (e) {
            throw Object.assign(e as object, { shown: prefix });
          }
          await verbose(prefix);
          if (last) break;
        }
      } else {
        ctx.fs.mkdir(ctx.path(name), { mode });
        await verbose(name);
      }
    } catch (e) {
      const shown = (e as { shown?: string }).shown ?? name;
      await ctx.error(ctx.busybox ? `can't create directory '${shown}': ${errText(e)}` : `cannot create directory ‘${shown}’: ${errText(e)}`);
      status = 1;
    }
  }
  return status;
});
