/**
 * A tiny terminal emulator for tests: enough of VT100/xterm (autowrap with pending wrap, CR, LF, BS, cursor moves,
 * erase in line/display) to check what the line editor draws, including at the right margin.
 */
import { charWidth } from '../../../src/terminal/width.ts';

export class Screen {
  rows: string[][] = [[]];
  x = 0;
  y = 0;
  #pendingWrap = false;

  constructor(readonly cols: number) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const ch = data[i]!;
      if (ch === '\x1b') {
        // eslint-disable-next-line no-control-regex
        const m = /^\x1b\[([?0-9;]*)([@-~])/.exec(data.slice(i));
        if (!m) throw new Error(`unsupported escape at ${JSON.stringify(data.slice(i, i + 8))}`);
        this.#csi(m[1]!, m[2]!);
        i += m[0].length;
        continue;
      }
      if (ch === '\r') {
        this.x = 0;
        this.#pendingWrap = false;
      } else if (ch === '\n') {
        this.#down(1);
      } else if (ch === '\b') {
        if (this.#pendingWrap) this.#pendingWrap = false;
        else this.x = Math.max(0, this.x - 1);
      } else if (ch === '\x07') {
        // bell
      } else {
        const cp = data.codePointAt(i)!;
        const s = String.fromCodePoint(cp);
        this.#print(s);
        i += s.length;
        continue;
      }
      i++;
    }
  }

  #row(y: number): string[] {
    while (this.rows.length <= y) this.rows.push([]);
    return this.rows[y]!;
  }

  #down(n: number): void {
    this.y += n;
    this.#row(this.y);
    this.#pendingWrap = false;
  }

  #print(s: string): void {
    const w = charWidth(s);
    if (this.#pendingWrap || this.x + w > this.cols) {
      this.x = 0;
      this.#down(1);
    }
    const row = this.#row(this.y);
    while (row.length < this.x) row.push(' ');
    row[this.x] = s;
    if (w === 2) row[this.x + 1] = '';
    this.x += w;
    if (this.x >= this.cols) {
      this.x = this.cols - 1;
      this.#pendingWrap = true;
    }
  }

  #csi(params: string, final: string): void {
    const n = params === '' ? 1 : Number(params.split(';')[0]);
    this.#pendingWrap = false;
    switch (final) {
      case 'A':
        this.y = Math.max(0, this.y - n);
        break;
      case 'B':
        this.#down(n);
        break;
      case 'C':
        this.x = Math.min(this.cols - 1, this.x + n);
        break;
      case 'D':
        this.x = Math.max(0, this.x - n);
        break;
      case 'G':
        this.x = Math.min(this.cols - 1, n - 1);
        break;
      case 'H':
        this.x = 0;
        this.y = 0;
        break;
      case 'K':
        this.#row(this.y).length = Math.min(this.#row(this.y).length, this.x);
        break;
      case 'J':
        if (params === '2') {
          this.rows = [[]];
        } else {
          this.#row(this.y).length = Math.min(this.#row(this.y).length, this.x);
          this.rows.length = this.y + 1;
        }
        break;
      case 'm':
      case 'h':
      case 'l':
        break;
      default:
        throw new Error(`unsupported CSI ${params}${final}`);
    }
  }

  /** The screen's text, trailing spaces and trailing empty rows removed. */
  text(): string {
    const lines = this.rows.map((r) => r.join('').trimEnd());
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  lines(): string[] {
    return this.text().split('\n');
  }
}
