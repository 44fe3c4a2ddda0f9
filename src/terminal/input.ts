/**
 * Splits what the terminal emulator sends (xterm.js `onData`) into keys: single characters, escape sequences
 * (arrows, Home/End, Delete, Alt+key) and bracketed pastes. Sequences may be split across chunks; the
 * tokenizer keeps the unfinished tail until the next chunk. Pure: no DOM.
 */

export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';

export type InputToken =
  /** One key: a character (code point), a control character, or a whole escape sequence. */
  | { readonly type: 'key'; readonly key: string }
  /** Text pasted while bracketed paste mode was on, without its markers. */
  | { readonly type: 'paste'; readonly text: string };

export class InputTokenizer {
  #pending = '';
  #paste: string | undefined;

  /** Tokens completed by `data`. A lone ESC at the end of a chunk is the Escape key (xterm sends sequences whole). */
  push(data: string): InputToken[] {
    const s = this.#pending + data;
    this.#pending = '';
    const out: InputToken[] = [];
    let i = 0;
    while (i < s.length) {
      if (this.#paste !== undefined) {
        const end = s.indexOf(PASTE_END, i);
        if (end < 0) {
          const keep = partialSuffix(s, PASTE_END);
          this.#paste += s.slice(i, s.length - keep);
          this.#pending = s.slice(s.length - keep);
          return out;
        }
        out.push({ type: 'paste', text: this.#paste + s.slice(i, end) });
        this.#paste = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const ch = s[i]!;
      if (ch !== '\x1b') {
        const cp = s.codePointAt(i)!;
        const key = String.fromCodePoint(cp);
        out.push({ type: 'key', key });
        i += key.length;
        continue;
      }
      if (i + 1 >= s.length) {
        out.push({ type: 'key', key: '\x1b' });
        i++;
        continue;
      }
      const next = s[i + 1]!;
      if (next === '[') {
        let j = i + 2;
        while (j < s.length && !isFinalByte(s.charCodeAt(j))) j++;
        if (j >= s.length) {
          this.#pending = s.slice(i);
          return out;
        }
        const seq = s.slice(i, j + 1);
        i = j + 1;
        if (seq === PASTE_START) this.#paste = '';
        else if (seq !== PASTE_END) out.push({ type: 'key', key: seq });
        continue;
      }
      if (next === 'O') {
        if (i + 2 >= s.length) {
          this.#pending = s.slice(i);
          return out;
        }
        out.push({ type: 'key', key: s.slice(i, i + 3) });
        i += 3;
        continue;
      }
      // Alt+key (xterm sends ESC then the key).
      const cp = s.codePointAt(i + 1)!;
      const key = '\x1b' + String.fromCodePoint(cp);
      out.push({ type: 'key', key });
      i += key.length;
    }
    return out;
  }
}

function isFinalByte(code: number): boolean {
  return code >= 0x40 && code <= 0x7e;
}

/** Length of the longest suffix of `s` that is a proper prefix of `marker`. */
function partialSuffix(s: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, s.length); n > 0; n--) {
    if (s.endsWith(marker.slice(0, n))) return n;
  }
  return 0;
}
