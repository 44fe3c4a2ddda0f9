/**
 * The little terminal BuildKit's TTY view feeds a running step's output into (tonistiigi/vt100), so the last few
 * screen rows of it can be shown under the step as `=> => # …`. Only what build output needs is modelled: text,
 * newlines, carriage returns, tabs, autowrap at the right edge and scrolling; other escape sequences are skipped.
 * A newline also returns to the first column, which is how the lines of a process writing `\n` alone come out.
 */
export class Screen {
  #rows: string[][];
  #x = 0;
  #y = 0;
  #escape: 'none' | 'esc' | 'csi' = 'none';

  constructor(
    readonly height: number,
    readonly width: number,
  ) {
    this.#rows = Array.from({ length: height }, () => this.#blank());
  }

  write(data: string): void {
    for (const ch of data) this.#put(ch);
  }

  /** Every row, padded with spaces to the full width as vt100 keeps them. */
  content(): string[] {
    return this.#rows.map((r) => r.join(''));
  }

  /** How many rows from the top hold something (vt100's UsedHeight). */
  usedHeight(): number {
    for (let i = this.#rows.length - 1; i >= 0; i--) if (this.#rows[i]!.some((c) => c !== ' ')) return i + 1;
    return 0;
  }

  #blank(): string[] {
    return Array.from({ length: this.width }, () => ' ');
  }

  #put(ch: string): void {
    if (this.#escape === 'esc') {
      this.#escape = ch === '[' ? 'csi' : 'none';
      return;
    }
    if (this.#escape === 'csi') {
      if (ch >= '@' && ch <= '~') this.#escape = 'none';
      return;
    }
    switch (ch) {
      case '\x1b':
        this.#escape = 'esc';
        return;
      case '\n':
        this.#x = 0;
        this.#lineFeed();
        return;
      case '\r':
        this.#x = 0;
        return;
      case '\t':
        this.#x = Math.min(this.width - 1, (Math.floor(this.#x / 8) + 1) * 8);
        return;
      default:
        if (ch < ' ') return;
        if (this.#x >= this.width) {
          this.#x = 0;
          this.#lineFeed();
        }
        this.#rows[this.#y]![this.#x++] = ch;
    }
  }

  #lineFeed(): void {
    if (this.#y < this.height - 1) {
      this.#y++;
      return;
    }
    this.#rows.shift();
    this.#rows.push(this.#blank());
  }
}
