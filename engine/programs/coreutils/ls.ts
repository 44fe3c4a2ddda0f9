import { compareNames } from '../../fs/path.ts';
import type { Stat } from '../../fs/types.ts';
import { type Ctx, defineProgram, errText, type Parsed } from './common.ts';
import { blocksK, columns, humanSize, modeString, width } from './format.ts';
import { strftime } from './time.ts';
import { Names } from './users.ts';

const LONG = {
  all: { key: 'a' },
  'almost-all': { key: 'A' },
  directory: { key: 'd' },
  'human-readable': { key: 'h' },
  recursive: { key: 'R' },
  reverse: { key: 'r' },
  classify: { key: 'F' },
  'numeric-uid-gid': { key: 'n' },
  width: { key: 'w', arg: 'required' },
  color: { key: 'color', arg: 'optional' },
} as const;

const SIX_MONTHS = 31556952 / 2;

interface Item {
  /** As shown: the operand as typed, or the entry name inside a directory. */
  readonly name: string;
  readonly path: string;
  readonly st: Stat;
  readonly target?: string;
}

interface Opts {
  all: boolean;
  almostAll: boolean;
  long: boolean;
  human: boolean;
  classify: boolean;
  numeric: boolean;
  recursive: boolean;
  dirsAsFiles: boolean;
  sort: 'name' | 'time' | 'size' | 'none';
  reverse: boolean;
  format: 'long' | 'columns' | 'single' | 'commas';
  lineWidth: number;
  quote: boolean;
  noOwner: boolean;
  noGroup: boolean;
}

function options(o: Parsed, ctx: Ctx): Opts {
  const tty = ctx.p.stdout.tty;
  const long = o.has('l') || o.has('n') || o.has('g') || o.has('o');
  const fmt = o.lastOf('l', 'n', 'g', 'o', '1', 'C', 'm');
  const format = fmt === '1' ? 'single' : fmt === 'C' ? 'columns' : fmt === 'm' ? 'commas' : long ? 'long' : tty ? 'columns' : 'single';
  const w = o.value('w');
  const env = Number(ctx.p.env.COLUMNS);
  const sortKey = o.lastOf('t', 'S', 'U', 'f');
  return {
    all: o.has('a') || o.has('f'),
    almostAll: o.has('A'),
    long: format === 'long',
    human: o.has('h'),
    classify: o.has('F'),
    numeric: o.has('n'),
    recursive: o.has('R'),
    dirsAsFiles: o.has('d'),
    sort: sortKey === 't' ? 'time' : sortKey === 'S' ? 'size' : sortKey === 'U' || sortKey === 'f' ? 'none' : 'name',
    reverse: o.has('r'),
    format,
    lineWidth: w !== undefined ? Number(w) || Infinity : tty?.columns ?? (env > 0 ? env : 80),
    quote: tty !== undefined,
    noOwner: o.has('g'),
    noGroup: o.has('o') || o.has('G'),
  };
}

const isControl = (c: string) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127;

/** ls's shell-escape quoting, used when writing to a terminal. */
function shellQuote(name: string): string {
  if (name === '' || /^[A-Za-z0-9_./:,+@%=^-][A-Za-z0-9_./:,+@%=^~#-]*$/.test(name)) return name;
  if ([...name].some(isControl)) {
    // Control characters leave the quotes as $'\n' pieces: 'a'$'\n''b'.
    let out = '';
    let run = '';
    for (const c of name) {
      if (!isControl(c)) {
        run += c === "'" ? "'\\''" : c;
        continue;
      }
      if (run) out += `'${run}'`;
      run = '';
      const esc = c === '\n' ? '\\n' : c === '\t' ? '\\t' : '\\' + c.charCodeAt(0).toString(8).padStart(3, '0');
      out += `$'${esc}'`;
    }
    return run ? `${out}'${run}'` : out;
  }
  if (name.includes("'")) return `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
  return `'${name}'`;
}

export const ls = defineProgram('ls', async (ctx) => {
  const o = await ctx.parse({ short: 'aAdfFghlnortRSU1Cmw:G', long: LONG }, 2);
  if (typeof o === 'number') return o;
  const opt = options(o, ctx);
  const names = new Names(ctx.fs);
  let status = 0;
  const operands = o.operands.length > 0 ? o.operands : ['.'];
  const files: Item[] = [];
  const dirs: Item[] = [];
  for (const name of operands) {
    const path = ctx.path(name);
    try {
      let st = ctx.fs.lstat(path);
      // A symlink operand is followed unless it is shown in long form (or -d/-F), as GNU does without -H/-L.
      // A dangling link is still listed (by its own lstat), as GNU falls back to.
      if (st.type === 'symlink' && !(opt.long || opt.dirsAsFiles || opt.classify) && ctx.fs.exists(path)) st = ctx.fs.stat(path);
      if (name.endsWith('/') && ctx.fs.stat(path).type !== 'dir') throw Object.assign(new Error(), { text: 'Not a directory' });
      if (st.type === 'symlink' && name.endsWith('/')) st = ctx.fs.stat(path);
      const item = withTarget(ctx, { name, path, st });
      if (st.type === 'dir' && !opt.dirsAsFiles) dirs.push(item);
      else files.push(item);
    } catch (e) {
      const why = (e as { text?: string }).text ?? errText(e);
      // BusyBox's my_stat: bb_simple_perror_msg(name), and EXIT_FAILURE rather than GNU's 2.
      await ctx.error(ctx.busybox ? `${name}: ${why}` : `cannot access '${name}': ${why}`);
      status = ctx.busybox ? 1 : 2;
    }
  }
  let first = true;
  if (files.length > 0) {
    await ctx.out(render(ctx, sortItems(files, opt), opt, names, false));
    first = false;
  }
  const showHeaders = operands.length > 1 || opt.recursive;
  const queue = sortItems(dirs, opt);
  const listDir = async (dir: Item): Promise<void> => {
    let entries: Item[];
    try {
      const children = ctx.fs.readdir(dir.path).filter((n) => opt.all || opt.almostAll || !n.startsWith('.'));
      if (opt.all) children.push('.', '..');
      entries = children.map((n) => {
        const path = n === '.' ? dir.path : n === '..' ? parentOf(dir.path) : join(dir.path, n);
        return withTarget(ctx, { name: n, path, st: ctx.fs.lstat(path) });
      });
    } catch (e) {
      await ctx.error(`cannot open directory '${dir.name}': ${errText(e)}`);
      status = 2;
      return;
    }
    const sorted = sortItems(entries, opt);
    let text = first ? '' : '\n';
    first = false;
    if (showHeaders) text += `${opt.quote ? shellQuote(dir.name) : dir.name}:\n`;
    await ctx.out(text + render(ctx, sorted, opt, names, true));
    if (opt.recursive) {
      for (const e of sorted) {
        if (e.st.type !== 'dir' || e.name === '.' || e.name === '..') continue;
        await listDir({ ...e, name: dir.name.endsWith('/') ? dir.name + e.name : `${dir.name}/${e.name}` });
      }
    }
  };
  for (const d of queue) await listDir(d);
  return status;
});

function withTarget(ctx: Ctx, item: Item): Item {
  if (item.st.type !== 'symlink') return item;
  try {
    return { ...item, target: ctx.fs.readlink(item.path) };
  } catch {
    return item;
  }
}

function join(dir: string, name: string): string {
  return dir === '/' ? '/' + name : `${dir}/${name}`;
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function sortItems(items: Item[], opt: Opts): Item[] {
  const byName = (a: Item, b: Item) => compareNames(a.name, b.name);
  const cmp =
    opt.sort === 'time'
      ? (a: Item, b: Item) => b.st.mtime - a.st.mtime || byName(a, b)
      : opt.sort === 'size'
        ? (a: Item, b: Item) => b.st.size - a.st.size || byName(a, b)
        : byName;
  const sorted = opt.sort === 'none' ? [...items] : [...items].sort(cmp);
  return opt.reverse ? sorted.reverse() : sorted;
}

function classifySuffix(st: Stat): string {
  if (st.type === 'dir') return '/';
  if (st.type === 'symlink') return '@';
  return st.mode & 0o111 ? '*' : '';
}

function render(ctx: Ctx, items: Item[], opt: Opts, names: Names, isDir: boolean): string {
  const display = items.map((i) => {
    const shown = opt.quote ? shellQuote(i.name) : i.name;
    return opt.classify && !(opt.long && i.st.type === 'symlink') ? shown + classifySuffix(i.st) : shown;
  });
  // GNU indents unquoted names by one space when some name in the listing is quoted, to keep them aligned.
  const anyQuoted = opt.quote && items.some((i, k) => display[k]!.startsWith("'") || display[k]!.startsWith('"'));
  const aligned = display.map((d) => (anyQuoted && !d.startsWith("'") && !d.startsWith('"') ? ' ' + d : d));
  if (opt.long) return longFormat(ctx, items, aligned, opt, names, isDir);
  if (items.length === 0) return '';
  if (opt.format === 'single') return aligned.join('\n') + '\n';
  if (opt.format === 'commas') return commas(aligned, opt.lineWidth);
  return columns(aligned, opt.lineWidth);
}

function commas(names: string[], lineWidth: number): string {
  let out = '';
  let pos = 0;
  names.forEach((n, i) => {
    const piece = n + (i < names.length - 1 ? ',' : '');
    if (pos > 0 && pos + 1 + width(piece) > lineWidth) {
      out += '\n';
      pos = 0;
    } else if (pos > 0) {
      out += ' ';
      pos++;
    }
    out += piece;
    pos += width(piece);
  });
  return out + '\n';
}

function timeString(mtime: number, now: number): string {
  const recent = mtime > now - SIX_MONTHS && mtime <= now + 1;
  return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', mtime * 1000);
}

function longFormat(ctx: Ctx, items: Item[], display: string[], opt: Opts, names: Names, isDir: boolean): string {
  const now = ctx.p.clock.nowSeconds();
  const rows = items.map((i, k) => {
    const links = i.st.type === 'dir' ? 2 + subdirCount(ctx, i) : 1;
    const size = opt.human ? humanSize(i.st.size) : String(i.st.size);
    let name = display[k]!;
    if (i.target !== undefined) name += ` -> ${opt.quote ? shellQuote(i.target) : i.target}`;
    return {
      mode: modeString(i.st.type, i.st.mode),
      links: String(links),
      user: opt.numeric ? String(i.st.uid) : names.user(i.st.uid),
      group: opt.numeric ? String(i.st.gid) : names.group(i.st.gid),
      size,
      time: timeString(i.st.mtime, now),
      name,
    };
  });
  const w = (f: 'links' | 'user' | 'group' | 'size') => Math.max(0, ...rows.map((r) => width(r[f])));
  const [wl, wu, wg, ws] = [w('links'), w('user'), w('group'), w('size')];
  let out = '';
  if (isDir) {
    const total = items.reduce((n, i) => n + blocksK(i.st), 0);
    out += `total ${opt.human ? humanSize(total * 1024) : total}\n`;
  }
  for (const r of rows) {
    let line = `${r.mode} ${r.links.padStart(wl)} `;
    if (!opt.noOwner) line += `${r.user.padEnd(wu)} `;
    if (!opt.noGroup) line += `${r.group.padEnd(wg)} `;
    out += `${line}${r.size.padStart(ws)} ${r.time} ${r.name}\n`;
  }
  return out;
}

function subdirCount(ctx: Ctx, i: Item): number {
  try {
    return ctx.fs.readdir(i.path).filter((n) => {
      try {
        return ctx.fs.lstat(join(i.path, n)).type === 'dir';
      } catch {
        return false;
      }
    }).length;
  } catch {
    return 0;
  }
}
