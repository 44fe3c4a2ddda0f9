import type { Stat } from '../../fs/types.ts';
import { type Ctx, defineProgram, errText } from './common.ts';

/** fnmatch(3) for -name: `*`, `?`, `[...]` (with `!` or `^` negation); a leading dot is not special in find. */
export function globToRegExp(glob: string, ignoreCase = false): RegExp {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') src += '.*';
    else if (c === '?') src += '.';
    else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const end = glob.indexOf(']', i + 2);
      let body = glob.slice(i + 1, end);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      src += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < glob.length) src += '\\' + glob[++i];
    else src += /[.+^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
  }
  return new RegExp(`^${src}$`, ignoreCase ? 'is' : 's');
}

/** A user or group by name (from the process's /etc files) or by number, as find's -user and -group take them. */
function ownerId(ctx: Ctx, table: string, spec: string): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec);
  try {
    const row = ctx.fs.readText(table).split('\n').map((l) => l.split(':')).find((r) => r[0] === spec);
    return row ? Number(row[2]) : undefined;
  } catch {
    return undefined;
  }
}

interface Node {
  test(path: string, name: string, st: Stat): Promise<boolean>;
}

interface Parsed {
  expr: Node | undefined;
  maxDepth: number;
  minDepth: number;
  /** No -print/-exec: matches are printed. */
  printDefault: boolean;
  /** `-exec ... {} +` commands, run once over the paths they gathered when the walk ends. */
  batches: { cmd: string[]; paths: string[] }[];
}

const TYPES: Record<string, Stat['type']> = { f: 'file', d: 'dir', l: 'symlink' };

function parseExpr(ctx: Ctx, args: string[]): Parsed | string {
  let i = 0;
  const p: Parsed = { expr: undefined, maxDepth: Infinity, minDepth: 0, printDefault: true, batches: [] };
  const and = (a: Node, b: Node): Node => ({ test: async (...x) => (await a.test(...x)) && b.test(...x) });
  const or = (a: Node, b: Node): Node => ({ test: async (...x) => (await a.test(...x)) || b.test(...x) });
  const TRUE: Node = { test: async () => true };
  const needArg = (name: string) => {
    const v = args[i++];
    if (v === undefined) throw `missing argument to \`${name}'`;
    return v;
  };
  const primary = (): Node => {
    const a = args[i++]!;
    if (a === '!' || a === '-not') {
      const n = primary();
      return { test: async (...x) => !(await n.test(...x)) };
    }
    if (a === '(') {
      const n = orExpr();
      if (args[i++] !== ')') throw 'invalid expression';
      return n;
    }
    switch (a) {
      case '-name':
      case '-iname': {
        const re = globToRegExp(needArg(a), a === '-iname');
        return { test: async (_p, name) => re.test(name) };
      }
      case '-path':
      case '-wholename': {
        const re = globToRegExp(needArg(a));
        return { test: async (path) => re.test(path) };
      }
      case '-type': {
        const t = needArg(a);
        const type = TYPES[t];
        if (!type) throw `Unknown argument to -type: ${t}`;
        return { test: async (_p, _n, st) => st.type === type };
      }
      case '-maxdepth':
      case '-mindepth': {
        const v = needArg(a);
        if (!/^\d+$/.test(v)) throw `Expected a positive decimal integer argument to ${a}, but got ‘${v}’`;
        if (a === '-maxdepth') p.maxDepth = Number(v);
        else p.minDepth = Number(v);
        return TRUE;
      }
      case '-empty':
        return { test: async (path, _n, st) => (st.type === 'dir' ? ctx.fs.readdir(ctx.path(path)).length === 0 : st.type === 'file' && st.size === 0) };
      case '-print':
        p.printDefault = false;
        return { test: async (path) => (await ctx.out(path + '\n'), true) };
      case '-user':
      case '-group': {
        const v = needArg(a);
        const id = ownerId(ctx, a === '-user' ? '/etc/passwd' : '/etc/group', v);
        if (id === undefined) throw a === '-user' ? `‘${v}’ is not the name of a known user` : `‘${v}’ is not the name of an existing group`;
        return { test: async (_p, _n, st) => (a === '-user' ? st.uid : st.gid) === id };
      }
      case '-true':
        return TRUE;
      case '-false':
        return { test: async () => false };
      case '-exec': {
        p.printDefault = false;
        const cmd: string[] = [];
        while (i < args.length && args[i] !== ';' && args[i] !== '+') cmd.push(args[i++]!);
        if (i >= args.length) throw 'missing argument to `-exec\'';
        if (args[i++] === '+') {
          // `{} +` appends every path to one command line, run at the end; it always counts as true.
          if (cmd[cmd.length - 1] !== '{}') throw 'missing argument to `-exec\'';
          const batch = { cmd: cmd.slice(0, -1), paths: [] as string[] };
          p.batches.push(batch);
          return { test: async (path) => (batch.paths.push(path), true) };
        }
        return {
          test: async (path) => {
            await ctx.flush();
            return (await ctx.p.spawn(cmd.map((c) => c.split('{}').join(path)))) === 0;
          },
        };
      }
      default:
        throw a.startsWith('-') ? `unknown predicate \`${a}'` : `paths must precede expression: \`${a}'`;
    }
  };
  const andExpr = (): Node => {
    let n = primary();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      n = and(n, primary());
    }
    return n;
  };
  const orExpr = (): Node => {
    let n = andExpr();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      n = or(n, andExpr());
    }
    return n;
  };
  try {
    if (args.length > 0) p.expr = orExpr();
    if (i < args.length) throw `paths must precede expression: \`${args[i]}'`;
  } catch (e) {
    return String(e);
  }
  return p;
}

export const find = defineProgram('find', async (ctx) => {
  const args = [...ctx.args];
  const paths: string[] = [];
  while (args.length > 0 && !args[0]!.startsWith('-') && args[0] !== '!' && args[0] !== '(') paths.push(args.shift()!);
  const parsed = parseExpr(ctx, args);
  if (typeof parsed === 'string') {
    await ctx.error(parsed);
    return 1;
  }
  let status = 0;
  const visit = async (path: string, depth: number, top: boolean): Promise<void> => {
    await ctx.visited();
    let st: Stat;
    try {
      st = top ? ctx.fs.stat(ctx.path(path)) : ctx.fs.lstat(ctx.path(path));
    } catch (e) {
      await ctx.error(`‘${path}’: ${errText(e)}`);
      status = 1;
      return;
    }
    if (depth >= parsed.minDepth) {
      const name = path === '/' ? '/' : path.replace(/\/+$/, '').split('/').pop()!;
      const ok = parsed.expr ? await parsed.expr.test(path, name, st) : true;
      if (ok && parsed.printDefault) await ctx.out(path + '\n');
    }
    if (st.type === 'dir' && depth < parsed.maxDepth) {
      for (const c of ctx.fs.readdir(ctx.path(path))) await visit(path.endsWith('/') ? path + c : `${path}/${c}`, depth + 1, false);
    }
  };
  for (const p of paths.length > 0 ? paths : ['.']) await visit(p, 0, true);
  for (const b of parsed.batches) {
    if (b.paths.length === 0) continue;
    await ctx.flush();
    if ((await ctx.p.spawn([...b.cmd, ...b.paths])) !== 0) status = 1;
  }
  return status;
});
