/**
 * A scenario's lesson (markdown) as the lesson panel shows it: runs of ordinary markdown as sanitised HTML, and each
 * ```sh block apart, as its command lines, so the panel can give it Run and Copy buttons of its own. Nothing from the
 * lesson reaches the page unsanitised: HTML written in the lesson is shown as text (a lesson is markdown; raw tags
 * would only be a way in), what markdown makes goes through `sanitize` (DOMPurify in the page), and command blocks
 * are shown as text, never as HTML.
 */
import { Lexer, Parser, Renderer, type Token, type Tokens, type TokensList } from 'marked';

export type LessonPart = { readonly kind: 'html'; readonly html: string } | { readonly kind: 'commands'; readonly text: string; readonly lines: readonly string[] };

/**
 * Raw HTML in the lesson comes out as the text it is. Escaped here rather than left to the sanitiser: parsing it, even
 * in DOMPurify's inert document, makes the browser report every inline handler as a CSP violation.
 */
class LessonRenderer extends Renderer {
  override html({ text }: Tokens.HTML | Tokens.Tag): string {
    return escapeHtml(text);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fence languages whose blocks run in the terminal (the format says `sh`; people also write these). */
const RUNNABLE = new Set(['sh', 'bash', 'shell', 'console']);

export function lessonParts(markdown: string, sanitize: (html: string) => string): LessonPart[] {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const parts: LessonPart[] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length === 0) return;
    // Reference-style links are defined anywhere in the document: every run needs the whole table.
    const list = Object.assign(run, { links: tokens.links }) as TokensList;
    const html = sanitize(new Parser({ gfm: true, renderer: new LessonRenderer() }).parse(list));
    if (html.trim() !== '') parts.push({ kind: 'html', html });
    run = [];
  };
  for (const token of tokens) {
    if (token.type === 'code' && RUNNABLE.has(((token as { lang?: string }).lang ?? '').trim().split(/\s/)[0]!)) {
      flush();
      const text = (token as { text: string }).text;
      parts.push({ kind: 'commands', text, lines: commandLines(text) });
    } else {
      run.push(token);
    }
  }
  flush();
  return parts;
}

/**
 * The command lines a block holds, as the shell would read them when typed: a line ending in a backslash goes on on
 * the next, and a here-document runs to its delimiter. Blank lines and `#` comments are left out (typing them does
 * nothing). Each entry is what one press of Enter submits, newlines included.
 */
export function commandLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) line += `\n${lines[++i]}`;
    for (const delimiter of hereDocDelimiters(line)) {
      while (i + 1 < lines.length) {
        const next = lines[++i]!;
        line += `\n${next}`;
        if (next.replace(/^\t+/, '') === delimiter) break;
      }
    }
    out.push(line);
  }
  return out;
}

/** `<<EOF`, `<<-'EOF'`, `<< "EOF"`: the words that end the here-documents a line opens, in order. */
function hereDocDelimiters(line: string): string[] {
  const found: string[] = [];
  for (const m of line.matchAll(/<<-?\s*(?:'([^']+)'|"([^"]+)"|([A-Za-z_][A-Za-z0-9_]*))/g)) found.push(m[1] ?? m[2] ?? m[3]!);
  return found;
}

/** One line of markdown (a hint): `code`, emphasis and links, as sanitised HTML without a paragraph around it. */
export function inlineHtml(markdown: string, sanitize: (html: string) => string): string {
  const tokens = new Lexer({ gfm: true }).inlineTokens(markdown);
  return sanitize(new Parser({ gfm: true, renderer: new LessonRenderer() }).parseInline(tokens));
}
