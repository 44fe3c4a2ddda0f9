import type { Fs } from '../../fs/types.ts';
import { type Ctx, defineProgram, errText } from './common.ts';
import { applyMode } from './mode.ts';
import { groups, passwd } from './users.ts';

/** Applies `change` to `path` and, with -R, everything below it (symlinks inside the tree are not followed). */
async function each(ctx: Ctx, name: string, recursive: boolean, doing: string, change: (path: string) => void): Promise<boolean> {
  const path = ctx.path(name);
  try {
    ctx.fs.stat(path);
  } catch (e) {
    await ctx.error(`cannot access '${name}': ${errText(e)}`);
    return false;
  }
  let ok = true;
  const visit = async (p: string, shown: string, top: boolean) => {
    await ctx.visited();
    try {
      const st = top ? ctx.fs.stat(p) : ctx.fs.lstat(p);
      if (st.type === 'symlink') return;
      try {
        change(p);
      } catch (e) {
        // The file is there but may not be changed: GNU names the action (`changing permissions of 'x'`).
        await ctx.error(`${doing} '${shown}': ${errText(e)}`);
        ok = false;
      }
      if (recursive && st.type === 'dir') {
        for (const c of ctx.fs.readdir(p)) await visit(`${p.replace(/\/$/, '')}/${c}`, `${shown.replace(/\/$/, '')}/${c}`, false);
      }
    } catch (e) {
      await ctx.error(`cannot access '${shown}': ${errText(e)}`);
      ok = false;
    }
  };
  await visit(path, name, true);
  return ok;
}

/** chmod's own argument scan: `-w`, `-x` are modes, not options. */
function splitArgs(args: readonly string[]): { flags: Set<string>; rest: string[]; bad?: string } {
  const flags = new Set<string>();
  const rest: string[] = [];
  let ended = false;
  for (const a of args) {
    if (ended || !a.startsWith('-') || a === '-') rest.push(a);
    else if (a === '--') ended = true;
    else if (a === '--recursive') flags.add('R');
    else if (a === '--verbose') flags.add('v');
    else if (a === '--silent' || a === '--quiet') flags.add('f');
    else if (/^-[rwxXst]+$/.test(a) || /^-[ugoa]*[-+=]/.test(a)) rest.push(a);
    else if (/^-[Rcfv]+$/.test(a)) for (const c of a.slice(1)) flags.add(c);
    else return { flags, rest, bad: a };
  }
  return { flags, rest };
}

export const chmod = defineProgram('chmod', async (ctx) => {
  const { flags, rest, bad } = splitArgs(ctx.args);
  if (bad !== undefined) return ctx.usage(bad.startsWith('--') ? `unrecognized option '${bad}'` : `invalid option -- '${bad.replace(/^-[Rcfv]*/, '')[0]}'`);
  if (rest.length === 0) return ctx.usage('missing operand');
  const [spec, ...files] = rest as [string, ...string[]];
  if (files.length === 0) return ctx.usage(`missing operand after ‘${spec}’`);
  if (applyMode(spec, 0o644, false) === undefined) return ctx.usage(`invalid mode: ‘${spec}’`);
  let status = 0;
  for (const f of files) {
    const ok = await each(ctx, f, flags.has('R'), 'changing permissions of', (p) => {
      const st = ctx.fs.stat(p);
      ctx.fs.chmod(p, applyMode(spec, st.mode, st.type === 'dir')!);
    });
    if (!ok) status = 1;
  }
  return status;
});

/** `user`, `user:group`, `user:`, `:group`, numeric ids; undefined fields stay as they are. */
function parseOwner(fs: Fs, spec: string): { uid?: number; gid?: number } | string {
  const sep = spec.search(/[:.]/);
  const userPart = sep < 0 ? spec : spec.slice(0, sep);
  const groupPart = sep < 0 ? undefined : spec.slice(sep + 1);
  const out: { uid?: number; gid?: number } = {};
  if (userPart !== '') {
    const u = passwd(fs).find((x) => x.name === userPart);
    if (u) {
      out.uid = u.uid;
      if (groupPart === '') out.gid = u.gid;
    } else if (/^\d+$/.test(userPart)) out.uid = Number(userPart);
    else return `invalid user: ‘${spec}’`;
  }
  if (groupPart) {
    const g = groups(fs).find((x) => x.name === groupPart);
    if (g) out.gid = g.gid;
    else if (/^\d+$/.test(groupPart)) out.gid = Number(groupPart);
    else return `invalid group: ‘${spec}’`;
  }
  return out;
}

export const chown = defineProgram('chown', async (ctx) => {
  const o = await ctx.parse({ short: 'Rvfch', long: { recursive: { key: 'R' }, verbose: { key: 'v' }, silent: { key: 'f' }, quiet: { key: 'f' }, 'no-dereference': { key: 'h' } } });
  if (typeof o === 'number') return o;
  const [spec, ...files] = o.operands;
  if (spec === undefined) return ctx.usage('missing operand');
  if (files.length === 0) return ctx.usage(`missing operand after ‘${spec}’`);
  const owner = parseOwner(ctx.fs, spec);
  if (typeof owner === 'string') {
    await ctx.error(owner);
    return 1;
  }
  let status = 0;
  for (const f of files) {
    const ok = await each(ctx, f, o.has('R'), 'changing ownership of', (p) => {
      const st = ctx.fs.stat(p);
      ctx.fs.chown(p, owner.uid ?? st.uid, owner.gid ?? st.gid);
    });
    if (!ok) status = 1;
  }
  return status;
});
