import { EMPTY_READER } from '../streams.ts';
import { decoder, defineProgram } from './common.ts';
import { searchPath } from './path-search.ts';

/** xargs's own quoting: blanks split, '...' "..." and backslash protect; throws GNU's message on an open quote. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) {
        throw `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`;
      }
      cur += text.slice(i + 1, end);
      has = true;
      i = end;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

export const xargs = defineProgram('xargs', async (ctx) => {
  const o = await ctx.parse(
    {
      short: '0n:I:L:rtd:P:s:',
      long: { null: { key: '0' }, 'max-args': { key: 'n', arg: 'required' }, replace: { key: 'I', arg: 'optional' }, 'max-lines': { key: 'L', arg: 'required' }, 'no-run-if-empty': { key: 'r' }, verbose: { key: 't' }, delimiter: { key: 'd', arg: 'required' }, 'max-procs': { key: 'P', arg: 'required' } },
      stopAtOperand: true,
    },
    1,
  );
  if (typeof o === 'number') return o;
  const command = o.operands.length > 0 ? o.operands : ['echo'];
  const text = decoder.decode(await ctx.readInput('-'));
  const replace = o.has('I') ? (o.value('I') ?? '{}') : undefined;
  // Each invocation's arguments: one input line for -I/-L, else up to -n items.
  let groups: string[][];
  try {
    if (o.has('0') || o.has('d')) {
      const sep = o.has('0') ? '\0' : (o.value('d') ?? '\n').replace('\\n', '\n').replace('\\t', '\t');
      const items = text.split(sep);
      if (items[items.length - 1] === '') items.pop();
      groups = chunk(items, Number(o.value('n') ?? Infinity));
    } else if (replace !== undefined) {
      groups = text
        .split('\n')
        .map((l) => l.replace(/^\s+/, ''))
        .filter((l) => l !== '')
        .map((l) => [l]);
    } else if (o.has('L')) {
      const per = Number(o.value('L'));
      const lines = text.split('\n').map(tokens).filter((t) => t.length > 0);
      groups = chunk(lines, per).map((g) => g.flat());
    } else groups = chunk(tokens(text), Number(o.value('n') ?? Infinity));
  } catch (e) {
    await ctx.error(String(e));
    return 1;
  }
  if (groups.length === 0 && !o.has('r') && replace === undefined) groups = [[]];
  if (groups.length > 0 && searchPath(ctx.p, command[0]!).length === 0) {
    await ctx.error(`${command[0]}: No such file or directory`);
    return 127;
  }
  let status = 0;
  for (const g of groups) {
    const argv = replace !== undefined ? command.map((a) => a.split(replace).join(g[0] ?? '')) : [...command, ...g];
    if (o.has('t')) await ctx.error(argv.join(' ').replace(/^xargs: /, ''));
    await ctx.flush();
    const code = await ctx.p.spawn(argv, { stdin: EMPTY_READER });
    if (code === 255) {
      await ctx.error(`${command[0]}: exited with status 255; aborting`);
      return 124;
    }
    if (code >= 128 && code < 255) {
      await ctx.error(`${command[0]}: terminated by signal ${code - 128}`);
      return 125;
    }
    if (code === 127) return 127;
    if (code === 126) return 126;
    if (code !== 0) status = 123;
  }
  return status;
});

function chunk<T>(items: T[], size: number): T[][] {
  if (!Number.isFinite(size) || size <= 0) return items.length > 0 ? [items] : [];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
