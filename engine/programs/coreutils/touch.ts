import { FsError } from '../../fs/types.ts';
import { defineProgram, errText } from './common.ts';

/** The date forms people pass to `touch -d` / `date -d`: @epoch, ISO-like dates and times (UTC), "now". */
export function parseDate(s: string, nowMs: number): number | undefined {
  const t = s.trim();
  if (t === '' || t === 'now') return nowMs;
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (epoch) return Number(epoch[1]) * 1000;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC)?$/i.exec(t);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

/** `touch -t [[CC]YY]MMDDhhmm[.ss]`. */
function parseStamp(s: string): number | undefined {
  const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  let year = m[1] === undefined ? 2025 : Number(m[1]);
  if (m[1]?.length === 2) year += year < 69 ? 2000 : 1900;
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

export const touch = defineProgram('touch', async (ctx) => {
  const o = await ctx.parse({
    short: 'acd:fmr:t:h',
    long: { 'no-create': { key: 'c' }, date: { key: 'd', arg: 'required' }, reference: { key: 'r', arg: 'required' }, 'no-dereference': { key: 'h' } },
  });
  if (typeof o === 'number') return o;
  if (o.operands.length === 0) return ctx.usage('missing file operand');
  let mtime = ctx.p.clock.nowSeconds();
  const d = o.value('d');
  const t = o.value('t');
  const r = o.value('r');
  if (d !== undefined) {
    const ms = parseDate(d, ctx.p.clock.now());
    if (ms === undefined) {
      await ctx.error(`invalid date format ‘${d}’`);
      return 1;
    }
    mtime = Math.floor(ms / 1000);
  } else if (t !== undefined) {
    const ms = parseStamp(t);
    if (ms === undefined) {
      await ctx.error(`invalid date format ‘${t}’`);
      return 1;
    }
    mtime = ms / 1000;
  } else if (r !== undefined) {
    try {
      mtime = ctx.fs.stat(ctx.path(r)).mtime;
    } catch (e) {
      await ctx.error(`failed to get attributes of '${r}': ${errText(e)}`);
      return 1;
    }
  }
  let status = 0;
  for (const name of o.operands) {
    const path = ctx.path(name);
    try {
      if (!ctx.fs.exists(path)) {
        if (o.has('c')) continue;
        // A dangling symlink is followed: the file is created where it points, as open(O_CREAT) does.
        ctx.fs.writeFile(path, '', { mode: 0o644, uid: ctx.p.uid, gid: ctx.p.gid });
      }
      ctx.fs.utimes(path, mtime);
    } catch (e) {
      if (o.has('c') && e instanceof FsError && e.code === 'ENOENT') continue;
      await ctx.error(`cannot touch '${name}': ${errText(e)}`);
      status = 1;
    }
  }
  return status;
});
