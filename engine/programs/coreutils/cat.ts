import { type Ctx, defineProgram, errText } from './common.ts';

const LONG = {
  number: { key: 'n' },
  'number-nonblank': { key: 'b' },
  'squeeze-blank': { key: 's' },
  'show-ends': { key: 'E' },
  'show-tabs': { key: 'T' },
  'show-nonprinting': { key: 'v' },
  'show-all': { key: 'A' },
};

/** `^X` / `M-x` notation of cat -v. */
function visible(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 127) return '^?';
  if (c < 32 && ch !== '\n' && ch !== '\t') return '^' + String.fromCharCode(c + 64);
  return ch;
}

export const cat = defineProgram('cat', async (ctx) => {
  const o = await ctx.parse({ short: 'AbeEnstTuv', long: LONG });
  if (typeof o === 'number') return o;
  const showAll = o.has('A');
  const ends = showAll || o.has('E') || o.has('e');
  const tabs = showAll || o.has('T') || o.has('t');
  const nonprint = showAll || o.has('v') || o.has('e') || o.has('t');
  const numberNonBlank = o.has('b');
  const number = numberNonBlank || o.has('n');
  const squeeze = o.has('s');
  const plain = !ends && !tabs && !nonprint && !number && !squeeze;
  const files = o.operands.length > 0 ? o.operands : ['-'];
  let status = 0;
  // Numbering runs over the concatenation: a file whose last line lacks a newline continues into the next file.
  let lineNo = 0;
  let atStart = true;
  let blanks = 0;
  for (const f of files) {
    // Stdin is copied chunk by chunk (an interactive `cat` echoes each line; `yes | cat | head` ends).
    let chunks: AsyncIterable<Uint8Array> | Uint8Array[];
    try {
      chunks = f === '-' ? stdinChunks(ctx) : [ctx.fs.readFile(ctx.path(f))];
    } catch (e) {
      await ctx.error(ctx.busybox ? `can't open '${f}': ${errText(e)}` : `${f}: ${errText(e)}`);
      status = 1;
      continue;
    }
    const dec = new TextDecoder();
    for await (const data of chunks) {
      if (plain) {
        await ctx.outBytes(data);
        continue;
      }
      await ctx.out(render(dec.decode(data, { stream: true })));
    }
  }
  return status;

  function render(text: string): string {
    let out = '';
    for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
      const nl = line.endsWith('\n');
      const body = nl ? line.slice(0, -1) : line;
      if (atStart && body === '' && nl) {
        blanks++;
        if (squeeze && blanks > 1) continue;
      } else if (atStart) blanks = 0;
      if (atStart && number && !(numberNonBlank && body === '' && nl)) out += String(++lineNo).padStart(6) + '\t';
      let b = body;
      if (nonprint) b = [...b].map(visible).join('');
      if (tabs) b = b.replace(/\t/g, '^I');
      out += b + (nl ? (ends ? '$\n' : '\n') : '');
      atStart = nl;
    }
    return out;
  }
});

async function* stdinChunks(ctx: Ctx): AsyncGenerator<Uint8Array> {
  for (let c = await ctx.stdin.read(); c; c = await ctx.stdin.read()) yield c;
}
