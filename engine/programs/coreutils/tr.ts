import { defineProgram } from './common.ts';

const CLASS_CHARS: Record<string, () => string[]> = {
  lower: () => range('a', 'z'),
  upper: () => range('A', 'Z'),
  alpha: () => [...range('A', 'Z'), ...range('a', 'z')],
  digit: () => range('0', '9'),
  alnum: () => [...range('0', '9'), ...range('A', 'Z'), ...range('a', 'z')],
  space: () => [...'\t\n\v\f\r '],
  blank: () => [...'\t '],
  punct: () => range('!', '~').filter((c) => !/[A-Za-z0-9]/.test(c)),
  xdigit: () => [...range('0', '9'), ...range('A', 'F'), ...range('a', 'f')],
  print: () => range(' ', '~'),
  graph: () => range('!', '~'),
  cntrl: () => [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\x7f'],
};

function range(a: string, b: string): string[] {
  const out: string[] = [];
  for (let c = a.codePointAt(0)!; c <= b.codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
  return out;
}

/** One character of a set, with tr's backslash escapes; returns it and the index after it. */
function charAt(s: string, i: number): [string, number] {
  if (s[i] !== '\\' || i + 1 >= s.length) return [String.fromCodePoint(s.codePointAt(i)!), i + (s.codePointAt(i)! > 0xffff ? 2 : 1)];
  const n = s[i + 1]!;
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };
  if (simple[n]) return [simple[n], i + 2];
  const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), i + 1 + oct[0].length];
  return [n, i + 2];
}

/** Expands a SET operand; `fill` is the length a `[c*]` in SET2 should pad to. Throws the error text. */
export function expandSet(s: string, fill = 0): string[] {
  const out: string[] = [];
  let padAt = -1;
  let padChar = '';
  for (let i = 0; i < s.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i));
    if (cls) {
      const chars = Object.hasOwn(CLASS_CHARS, cls[1]!) ? CLASS_CHARS[cls[1]!] : undefined;
      if (!chars) throw `invalid character class ‘${cls[1]}’`;
      out.push(...chars());
      i += cls[0].length;
      continue;
    }
    const eq = /^\[=(.)=\]/.exec(s.slice(i));
    if (eq) {
      out.push(eq[1]!);
      i += eq[0].length;
      continue;
    }
    const rep = /^\[(\\?.)\*(\d*)\]/.exec(s.slice(i));
    if (rep) {
      const [c] = charAt(rep[1]!, 0);
      if (rep[2]) out.push(...Array<string>(Number(rep[2])).fill(c));
      else {
        padAt = out.length;
        padChar = c;
      }
      i += rep[0].length;
      continue;
    }
    const [c, next] = charAt(s, i);
    if (s[next] === '-' && next + 1 < s.length) {
      const [end, after] = charAt(s, next + 1);
      if (end < c) throw `range-endpoints of ‘${c}-${end}’ are in reverse collating sequence order`;
      out.push(...range(c, end));
      i = after;
      continue;
    }
    out.push(c);
    i = next;
  }
  if (padAt >= 0) out.splice(padAt, 0, ...Array<string>(Math.max(0, fill - out.length)).fill(padChar));
  return out;
}

export const tr = defineProgram('tr', async (ctx) => {
  const o = await ctx.parse({
    short: 'cCdst',
    long: { complement: { key: 'c' }, delete: { key: 'd' }, 'squeeze-repeats': { key: 's' }, 'truncate-set1': { key: 't' } },
  });
  if (typeof o === 'number') return o;
  const del = o.has('d');
  const squeeze = o.has('s');
  const complement = o.has('c') || o.has('C');
  const ops = o.operands;
  const needed = del && squeeze ? 2 : del || (squeeze && ops.length < 2) ? 1 : 2;
  if (ops.length === 0) return ctx.usage('missing operand');
  if (ops.length < needed) {
    const why = del ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.';
    return ctx.usage(`missing operand after ‘${ops[ops.length - 1]}’\n${why}`);
  }
  if (ops.length > needed) {
    const why = del ? 'Only one string may be given when deleting without squeezing repeats.' : '';
    return ctx.usage(`extra operand ‘${ops[needed]}’${why ? '\n' + why : ''}`);
  }
  let set1: string[];
  let set2: string[];
  try {
    set1 = expandSet(ops[0]!);
    set2 = ops[1] === undefined ? [] : expandSet(ops[1], set1.length);
  } catch (e) {
    await ctx.error(String(e));
    return 1;
  }
  const in1 = new Set(set1);
  const member1 = (c: string) => in1.has(c) !== complement;
  const map = new Map<string, string>();
  if (!del && set2.length > 0) {
    if (complement) {
      // With -c every character outside SET1 becomes the last character of SET2.
    } else {
      if (o.has('t')) set1 = set1.slice(0, set2.length);
      set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)]!));
    }
  }
  const squeezeSet = new Set(del || ops.length === 1 ? (squeeze && !del ? set1 : set2) : set2);
  const squeezes = (c: string) => (ops.length === 1 && !del ? member1(c) : squeezeSet.has(c));
  let prev = '';
  // Streams chunk by chunk: tr sits in pipelines that may never end.
  const dec = new TextDecoder();
  for (let chunk = await ctx.stdin.read(); chunk; chunk = await ctx.stdin.read()) {
    let out = '';
    for (const ch of dec.decode(chunk, { stream: true })) {
      let c = ch;
      if (del && member1(c)) continue;
      if (!del && set2.length > 0) {
        if (complement) {
          if (member1(c)) c = set2[set2.length - 1]!;
        } else c = map.get(c) ?? c;
      }
      if (squeeze && c === prev && squeezes(c)) continue;
      out += c;
      prev = c;
    }
    await ctx.out(out);
  }
  return 0;
});
