import { defineProgram, errText } from './common.ts';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  longest: number;
}

function count(data: Uint8Array): Counts {
  const text = new TextDecoder().decode(data);
  let lines = 0;
  let words = 0;
  let inWord = false;
  let longest = 0;
  let col = 0;
  for (const ch of text) {
    if (ch === '\n') {
      lines++;
      longest = Math.max(longest, col);
      col = 0;
    } else col += ch === '\t' ? 8 - (col % 8) : 1;
    const space = /\s/.test(ch);
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return { lines, words, chars: [...text].length, bytes: data.length, longest: Math.max(longest, col) };
}

export const wc = defineProgram('wc', async (ctx) => {
  const o = await ctx.parse({
    short: 'clmwL',
    long: { bytes: { key: 'c' }, lines: { key: 'l' }, chars: { key: 'm' }, words: { key: 'w' }, 'max-line-length': { key: 'L' } },
  });
  if (typeof o === 'number') return o;
  let fields = (['l', 'w', 'm', 'c', 'L'] as const).filter((k) => o.has(k));
  if (fields.length === 0) fields = ['l', 'w', 'c'];
  const files = o.operands.length > 0 ? o.operands : ['-'];
  const results: { name: string; c: Counts }[] = [];
  let status = 0;
  // GNU sizes the columns from the files' total size before reading; streams (stdin, pipes) get at least 7.
  let sizeSum = 0;
  let nonRegular = false;
  for (const f of files) {
    if (f === '-') nonRegular = true;
    else {
      try {
        const st = ctx.fs.stat(ctx.path(f));
        if (st.type === 'file') sizeSum += st.size;
        else nonRegular = true;
      } catch {
        // reported when read
      }
    }
  }
  for (const f of files) {
    try {
      results.push({ name: f === '-' ? '' : f, c: count(await ctx.readInput(f)) });
    } catch (e) {
      await ctx.error(`${f}: ${errText(e)}`);
      if (errText(e) === 'Is a directory') results.push({ name: f, c: count(new Uint8Array()) });
      status = 1;
    }
  }
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
  for (const { c } of results) {
    total.lines += c.lines;
    total.words += c.words;
    total.chars += c.chars;
    total.bytes += c.bytes;
    total.longest = Math.max(total.longest, c.longest);
  }
  const single = fields.length === 1 && files.length === 1;
  const width = single ? 1 : Math.max(String(sizeSum).length, nonRegular ? 7 : 1);
  const value = (c: Counts, k: (typeof fields)[number]) =>
    ({ l: c.lines, w: c.words, m: c.chars, c: c.bytes, L: c.longest })[k];
  const row = (c: Counts, name: string) => fields.map((k) => String(value(c, k)).padStart(width)).join(' ') + (name ? ` ${name}` : '') + '\n';
  let out = '';
  for (const r of results) out += row(r.c, r.name);
  if (files.length > 1) out += row(total, 'total');
  await ctx.out(out);
  return status;
});
