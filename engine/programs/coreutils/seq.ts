import { defineProgram } from './common.ts';
import { formatPrintf } from './printf.ts';

function decimals(s: string): number {
  const m = /\.(\d*)/.exec(s);
  return /e/i.test(s) ? 0 : (m?.[1]?.length ?? 0);
}

export const seq = defineProgram('seq', async (ctx) => {
  // Negative numbers look like options: only a leading -s/-w/-f (or their long forms) are options here.
  const args = [...ctx.args];
  let separator = '\n';
  let equalWidth = false;
  let format: string | undefined;
  while (args.length > 0 && /^-[^\d.]/.test(args[0]!)) {
    const a = args.shift()!;
    if (a === '--') break;
    if (a === '-w' || a === '--equal-width') equalWidth = true;
    else if (a.startsWith('-s') || a.startsWith('--separator')) separator = a.startsWith('-s') && a.length > 2 ? a.slice(2) : a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args.shift() ?? '');
    else if (a.startsWith('-f') || a.startsWith('--format')) format = a.startsWith('-f') && a.length > 2 ? a.slice(2) : a.includes('=') ? a.slice(a.indexOf('=') + 1) : args.shift();
    else return ctx.usage(a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`);
  }
  if (args.length === 0) return ctx.usage('missing operand');
  if (args.length > 3) return ctx.usage(`extra operand ‘${args[3]}’`);
  for (const a of args) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(a)) return ctx.usage(`invalid floating point argument: ‘${a}’`);
  }
  const [first, step, last] = args.length === 1 ? ['1', '1', args[0]!] : args.length === 2 ? [args[0]!, '1', args[1]!] : [args[0]!, args[1]!, args[2]!];
  const a = Number(first);
  const inc = Number(step);
  const z = Number(last);
  if (inc === 0) return ctx.usage(`invalid Zero increment value: ‘${step}’`);
  const prec = Math.max(decimals(first), decimals(step));
  const fmt = (v: number) => (format !== undefined ? formatPrintf(format, [String(v)]).output : v.toFixed(prec));
  const width = equalWidth && format === undefined ? Math.max(fmt(a).length, fmt(z).length) : 0;
  const pad = (v: string) => (v.startsWith('-') ? '-' + v.slice(1).padStart(width - 1, '0') : v.padStart(width, '0'));
  let values: string[] = [];
  let started = false;
  // Output goes in chunks so `seq 1 1000000000 | head` ends when head does.
  const flush = async () => {
    if (values.length === 0) return;
    await ctx.out((started ? separator : '') + values.join(separator));
    started = true;
    values = [];
  };
  for (let i = 0; ; i++) {
    const v = a + i * inc;
    if (inc > 0 ? v > z + 1e-10 * Math.abs(inc) : v < z - 1e-10 * Math.abs(inc)) break;
    values.push(pad(fmt(v)));
    if (values.length === 4096) {
      await flush();
      await ctx.flush();
      if (ctx.p.signal.aborted) throw ctx.p.signal.reason;
    }
  }
  await flush();
  if (started) await ctx.out('\n');
  return 0;
});
