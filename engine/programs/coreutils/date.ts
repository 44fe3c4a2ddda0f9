import { defineProgram } from './common.ts';
import { strftime } from './time.ts';
import { parseDate } from './touch.ts';

export const date = defineProgram('date', async (ctx) => {
  const o = await ctx.parse({
    short: 'd:uRI::r:',
    long: { date: { key: 'd', arg: 'required' }, utc: { key: 'u' }, universal: { key: 'u' }, 'rfc-email': { key: 'R' }, 'iso-8601': { key: 'I', arg: 'optional' }, reference: { key: 'r', arg: 'required' } },
  });
  if (typeof o === 'number') return o;
  let ms = ctx.p.clock.now();
  const d = o.value('d');
  if (d !== undefined) {
    const parsed = parseDate(d, ms);
    if (parsed === undefined) {
      await ctx.error(`invalid date ‘${d}’`);
      return 1;
    }
    ms = parsed;
  }
  const r = o.value('r');
  if (r !== undefined) ms = ctx.fs.stat(ctx.path(r)).mtime * 1000;
  let format = '%a %b %e %H:%M:%S %Z %Y';
  if (o.has('R')) format = '%a, %d %b %Y %H:%M:%S %z';
  if (o.has('I')) {
    const spec = o.value('I') ?? 'date';
    format = { date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z' }[spec] ?? '%Y-%m-%d';
  }
  for (const op of o.operands) {
    if (op.startsWith('+')) format = op.slice(1);
    else {
      // Setting the clock (`date MMDDhhmm`) is not something a simulated user may do.
      await ctx.error(`invalid date ‘${op}’`);
      return 1;
    }
  }
  await ctx.out(strftime(format, ms) + '\n');
  return 0;
});
