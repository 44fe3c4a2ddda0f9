import { defineProgram } from './common.ts';
import { afterLines, countLines, eachFile, obsoleteCount, parseCountOption } from './head.ts';

const LONG = { lines: { key: 'n', arg: 'required' }, bytes: { key: 'c', arg: 'required' }, quiet: { key: 'q' }, silent: { key: 'q' }, verbose: { key: 'v' }, follow: { key: 'f' } } as const;

export const tail = defineProgram(
  'tail',
  async (ctx) => {
    const o = await ctx.parse({ short: 'n:c:qvfF', long: LONG });
    if (typeof o === 'number') return o;
    const c = parseCountOption(o, 10);
    if (typeof c === 'string') {
      await ctx.error(c);
      return 1;
    }
    // -f is not followed: the simulated files do not grow behind a running tail, so it prints and exits.
    return eachFile(ctx, o, (data) => {
      if (c.bytes) return c.sign === '+' ? data.subarray(Math.max(0, c.n - 1)) : data.subarray(Math.max(0, data.length - c.n));
      if (c.sign === '+') return data.subarray(afterLines(data, Math.max(0, c.n - 1)));
      return data.subarray(afterLines(data, Math.max(0, countLines(data) - c.n)));
    });
  },
  (args) => obsoleteCount(args, true),
);
