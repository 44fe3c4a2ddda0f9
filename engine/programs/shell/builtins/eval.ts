import { resolvePath } from '../../../fs/path.ts';
import { resolveCommand } from '../../spawn.ts';
import { ExitSignal, ReturnSignal } from '../control.ts';
import type { Builtin, BuiltinContext } from './types.ts';

/** Builtins that run other commands: `eval`, `.`/`source`, `exec`, `command`, and `type` which says what would run. */

export const evalBuiltin: Builtin = async (ctx) => ctx.sh.runSource(ctx.argv.slice(1).join(' '), ctx.fds);

export const source: Builtin = async (ctx) => {
  const s = ctx.sh.state;
  const name = ctx.argv[1];
  if (name === undefined) {
    await ctx.error('filename argument required');
    return 2;
  }
  let path = resolvePath(s.cwd, name);
  if (!name.includes('/')) {
    const found = resolveCommand(ctx.sh.fs, name, s.get('PATH'), s.cwd);
    if (found.kind === 'found' || found.kind === 'permission-denied') path = found.kind === 'found' ? found.path : found.path;
  }
  const text = ctx.sh.readScript(path);
  if (text === undefined) {
    const d = s.origin.dialect;
    await ctx.error(d === 'bash' ? `${name}: No such file or directory` : d === 'dash' ? `cannot open ${name}: No such file` : `can't open '${name}': No such file or directory`);
    if (d !== 'bash' && !s.origin.interactive) throw new ExitSignal(2);
    return 1;
  }
  const saved = s.positional;
  if (ctx.argv.length > 2) s.positional = ctx.argv.slice(2);
  s.sourceDepth++;
  try {
    return await ctx.sh.runSource(text, ctx.fds);
  } catch (e) {
    if (e instanceof ReturnSignal) return e.status;
    throw e;
  } finally {
    s.sourceDepth--;
    if (ctx.argv.length > 2) s.positional = saved;
  }
};

export const exec: Builtin = async (ctx) => {
  const argv = ctx.argv.slice(1);
  if (argv.length === 0) return 0;
  const status = await ctx.sh.runExternal(argv, ctx.sh.state.environment(), ctx.fds, true);
  throw new ExitSignal(status);
};

type Kind = { kind: 'alias'; value: string } | { kind: 'keyword' } | { kind: 'function' } | { kind: 'builtin' } | { kind: 'file'; path: string } | { kind: 'none' };

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', '{', '}', '!', 'in', 'function']);

function classify(ctx: BuiltinContext, name: string, useFunctions = true): Kind {
  const s = ctx.sh.state;
  const alias = s.aliases.get(name);
  if (alias !== undefined && useFunctions) return { kind: 'alias', value: alias };
  if (KEYWORDS.has(name)) return { kind: 'keyword' };
  if (useFunctions && s.functions.has(name)) return { kind: 'function' };
  if (ctx.sh.builtin(name)) return { kind: 'builtin' };
  const found = resolveCommand(ctx.sh.fs, name, s.get('PATH'), s.cwd);
  return found.kind === 'found' ? { kind: 'file', path: name.includes('/') ? name : found.path } : { kind: 'none' };
}

export const command: Builtin = async (ctx) => {
  const args = ctx.argv.slice(1);
  let mode: '' | 'v' | 'V' = '';
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const a = args.shift()!;
    if (a === '--') break;
    if (a.includes('v')) mode = 'v';
    if (a.includes('V')) mode = 'V';
  }
  if (mode) {
    let status = 0;
    for (const name of args) {
      const k = classify(ctx, name);
      if (k.kind === 'none') {
        if (mode === 'V') await ctx.error(`${name}: not found`);
        status = 1;
      } else if (mode === 'v') await ctx.stdout.write((k.kind === 'file' ? k.path : k.kind === 'alias' ? `alias ${name}='${k.value}'` : name) + '\n');
      else await ctx.stdout.write(describe(name, k) + '\n');
    }
    return status;
  }
  if (args.length === 0) return 0;
  const builtin = ctx.sh.builtin(args[0]!);
  if (builtin) return builtin({ ...ctx, argv: args, error: (m) => ctx.sh.error(ctx.fds, `${args[0]}: ${m}`) });
  return ctx.sh.runExternal(args, ctx.sh.state.environment(), ctx.fds);
};

function describe(name: string, k: Kind): string {
  switch (k.kind) {
    case 'alias': return `${name} is aliased to \`${k.value}'`;
    case 'keyword': return `${name} is a shell keyword`;
    case 'function': return `${name} is a function`;
    case 'builtin': return `${name} is a shell builtin`;
    case 'file': return `${name} is ${k.path}`;
    case 'none': return `${name}: not found`;
  }
}

export const type: Builtin = async (ctx) => {
  let status = 0;
  const bash = ctx.sh.state.origin.dialect === 'bash';
  for (const name of ctx.argv.slice(1)) {
    const k = classify(ctx, name);
    if (k.kind === 'none') {
      status = bash ? 1 : 127;
      if (bash) await ctx.error(`${name}: not found`);
      else await ctx.stdout.write(`${name}: not found\n`);
    } else await ctx.stdout.write(describe(name, k) + '\n');
  }
  return status;
};
