import type { Word, WordPart } from './ast.ts';

/**
 * bash brace expansion (`src/{api,web}`, `{1..10..2}`, `{a..e}`), done on the word before any other expansion.
 * Only unquoted literal characters can form braces; quoted text and `$...` expansions are opaque pieces that ride
 * along inside whichever alternative holds them, so `"{a,b}"` and `${x:-{a,b}}` stay as written.
 */

/** One unquoted character of the source, or a part brace expansion never looks into. */
type Item = string | WordPart;

export function expandBraces(word: Word): Word[] {
  const items: Item[] = [];
  for (const p of word.parts) {
    if (p.kind === 'lit' && !p.quoted) items.push(...p.text);
    else items.push(p);
  }
  if (!items.includes('{')) return [word];
  return expandItems(items).map((r) => ({ parts: toParts(r), raw: word.raw }));
}

function expandItems(items: readonly Item[]): Item[][] {
  for (let open = 0; open < items.length; open++) {
    if (items[open] !== '{') continue;
    const found = alternatives(items, open);
    if (!found) continue;
    const prefix = items.slice(0, open);
    const suffix = items.slice(found.close + 1);
    // The prefix holds no expandable brace (the scan got past it); alternatives and suffix may.
    const tails = expandItems(suffix);
    const out: Item[][] = [];
    for (const alt of found.alts) for (const a of expandItems(alt)) for (const t of tails) out.push([...prefix, ...a, ...t]);
    return out;
  }
  return [[...items]];
}

/** The brace at `open`, when it closes and holds a comma list or a sequence; else it is literal text. */
function alternatives(items: readonly Item[], open: number): { alts: Item[][]; close: number } | undefined {
  let depth = 0;
  const commas: number[] = [];
  for (let i = open + 1; i < items.length; i++) {
    const c = items[i];
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) {
        if (commas.length > 0) {
          const bounds = [open, ...commas, i];
          return { alts: bounds.slice(1).map((b, k) => items.slice(bounds[k]! + 1, b)), close: i };
        }
        const seq = sequence(items.slice(open + 1, i));
        return seq ? { alts: seq.map((s) => [...s]), close: i } : undefined;
      }
      depth--;
    } else if (c === ',' && depth === 0) commas.push(i);
  }
  return undefined;
}

const NUMERIC = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/;
const LETTERS = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/;

/** `{1..5}`, `{01..10}` (zero-padded to the wider end), `{5..1}`, `{a..e}`, with an optional step whose sign is ignored. */
function sequence(inner: readonly Item[]): string[] | undefined {
  if (!inner.every((c) => typeof c === 'string')) return undefined;
  const text = inner.join('');
  const n = NUMERIC.exec(text);
  if (n) {
    const [from, to] = [Number(n[1]), Number(n[2])];
    const padded = [n[1]!, n[2]!].some((s) => /^[-+]?0\d/.test(s));
    const width = padded ? Math.max(n[1]!.length, n[2]!.length) : 0;
    return range(from, to, n[3]).map((v) => (v < 0 ? '-' + String(-v).padStart(width - 1, '0') : String(v).padStart(width, '0')));
  }
  const l = LETTERS.exec(text);
  if (l) return range(l[1]!.charCodeAt(0), l[2]!.charCodeAt(0), l[3]).map((c) => String.fromCharCode(c));
  return undefined;
}

function range(from: number, to: number, step: string | undefined): number[] {
  const by = Math.abs(Number(step ?? 1)) || 1;
  const out: number[] = [];
  if (from <= to) for (let v = from; v <= to; v += by) out.push(v);
  else for (let v = from; v >= to; v -= by) out.push(v);
  return out;
}

function toParts(items: readonly Item[]): WordPart[] {
  const parts: WordPart[] = [];
  let text = '';
  for (const c of items) {
    if (typeof c === 'string') {
      text += c;
      continue;
    }
    if (text) parts.push({ kind: 'lit', text, quoted: false });
    text = '';
    parts.push(c);
  }
  if (text) parts.push({ kind: 'lit', text, quoted: false });
  return parts;
}
