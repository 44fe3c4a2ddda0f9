import { EOF } from './chars.ts';

/** The slice of Go's text/scanner that lex.go uses: rune-wise Peek and Next. */
export class RuneScanner {
  private readonly runes: number[] = [];
  private pos = 0;

  constructor(text: string) {
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0xfffd;
      // A lone surrogate cannot come from UTF-8 input; Go would see it as an invalid byte, i.e. RuneError.
      this.runes.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
    }
    // text/scanner drops a byte-order mark at the very start of its input.
    if (this.runes[0] === 0xfeff) this.pos = 1;
  }

  peek(): number {
    return this.runes[this.pos] ?? EOF;
  }

  next(): number {
    const cp = this.peek();
    if (cp !== EOF) this.pos++;
    return cp;
  }
}
