/**
 * Our line discipline: xterm.js is only an emulator, so the prompt, line editing, history, reverse search, paste,
 * completion and typed-ahead input are ours. This module is pure: it reads keys (what xterm's `onData` sends), writes
 * terminal output through a callback and reports submitted lines and Ctrl-C. It knows nothing about the DOM, xterm.js
 * or Docker; `session.ts` joins it to an engine `Terminal`.
 *
 * Rendering model: the editor knows where the prompt starts (rows above the cursor) and the terminal width, lays the
 * prompt and the line out itself (wrapping, wide characters, embedded newlines as continuation lines) and redraws with
 * relative cursor moves, so it works anywhere in the scrollback.
 */
import { InputTokenizer, PASTE_END, PASTE_START, type InputToken } from './input.ts';
import { charWidth, stripAnsi } from './width.ts';

/** Completion for the word that ends at the cursor (the engine's `Completion` has the same shape). */
export interface Completion {
  /** Where the replaced word starts in the line (it ends at the cursor). */
  readonly from: number;
  /** Full replacements for `line.slice(from, cursor)`. A directory ends with '/'; other unique matches get a space. */
  readonly candidates: readonly string[];
  /** No space after a unique candidate: it is the start of a longer value. */
  readonly noSpace?: boolean;
}

export type Completer = (line: string, cursor: number) => Completion | undefined;

export interface LineEditorOptions {
  /** Terminal output (escape sequences included). */
  write(data: string): void;
  /** The primary prompt, asked each time one is shown (it changes with the working directory). */
  prompt(): string;
  /** A complete command (may span lines joined with '\n') was entered: run it, then call `done()`. */
  onSubmit(command: string): void;
  /** Ctrl-C while a command runs. */
  onInterrupt?(): void;
  /**
   * Keys typed while a command runs (Ctrl-C aside): returns true when the running command's terminal input took
   * the key; otherwise it waits as typeahead for the next prompt.
   */
  onRunningInput?(token: InputToken): boolean;
  /** True when `text` is not a complete command yet (open quote, trailing backslash, here-document...). */
  needsMore?(text: string): boolean;
  complete?: Completer;
  /** Prompt for continuation lines. Default '> ' (bash's PS2). */
  continuationPrompt?: string;
  columns?: number;
  /** Default 1000 entries. */
  historySize?: number;
}

export type EditorMode = 'idle' | 'editing' | 'search' | 'running';

interface Point {
  row: number;
  col: number;
}

interface SearchState {
  query: string;
  /** History index of the current match, or -1 when nothing matched yet. */
  match: number;
  failed: boolean;
  savedChars: string[];
  savedCursor: number;
  savedHistoryIndex: number;
}

const CSI = '\x1b[';

export class LineEditor {
  readonly #o: LineEditorOptions;
  readonly #input = new InputTokenizer();
  #mode: EditorMode = 'idle';
  #cols: number;
  /** The line being edited, one code point per element. */
  #chars: string[] = [];
  #cursor = 0;
  /** Lines already entered for a command that needs more input. */
  #lines: string[] = [];
  /** The prompt in front of the line being edited (primary, continuation or search). */
  #prompt = '';
  /** Rows between the start of the prompt and the terminal cursor. */
  #cursorRow = 0;
  #history: string[] = [];
  /** Index into history being shown; `history.length` is the line being typed (the draft). */
  #historyIndex = 0;
  #draft: string[] = [];
  #killed = '';
  #lastKeyWasTab = false;
  #search: SearchState | undefined;
  /** Raw input typed while a command runs, replayed at the next prompt. */
  #typeahead: InputToken[] = [];
  #interrupted = false;
  #atLineStart = true;

  constructor(options: LineEditorOptions) {
    this.#o = options;
    this.#cols = Math.max(1, options.columns ?? 80);
  }

  get mode(): EditorMode {
    return this.#mode;
  }
  /** The line being edited (without earlier continuation lines). */
  get line(): string {
    return this.#chars.join('');
  }
  /** Cursor position in `line`, in UTF-16 code units. */
  get cursor(): number {
    return this.#chars.slice(0, this.#cursor).join('').length;
  }
  get history(): readonly string[] {
    return this.#history;
  }
  get columns(): number {
    return this.#cols;
  }

  /** Replaces the history (for example restored from storage), oldest first. */
  setHistory(entries: readonly string[]): void {
    this.#history = entries.slice(-this.#historySize);
    this.#historyIndex = this.#history.length;
  }

  /** Shows the first prompt. */
  start(): void {
    if (this.#mode !== 'idle') return;
    this.#newPrompt();
    this.#replay();
  }

  /** Keyboard input: what the terminal emulator sends. */
  feed(data: string): void {
    for (const token of this.#input.push(data)) this.#token(token);
  }

  /**
   * Output from the running command, or from the background while the user edits (then the line is redrawn
   * below it). Newlines become CRLF for the terminal.
   */
  output(chunk: string): void {
    if (chunk.length === 0) return;
    const text = toCrlf(chunk);
    if (this.#mode === 'editing' || this.#mode === 'search') {
      this.#o.write(this.#eraseRendering() + text + (text.endsWith('\n') ? '' : '\r\n'));
      this.#cursorRow = 0;
      this.#render(true);
      return;
    }
    this.#o.write(text);
    this.#atLineStart = text.endsWith('\n');
  }

  /**
   * The submitted command finished: show a new prompt and replay what was typed meanwhile (`unread`: what the
   * command's terminal input took and no program read, which goes to the shell as on a real terminal).
   */
  done(unread = ''): void {
    if (this.#mode !== 'running') return;
    if (unread !== '') this.#typeahead.unshift(...[...unread].map((ch): InputToken => ({ type: 'key', key: ch === '\n' ? '\r' : ch })));
    if (this.#interrupted && !this.#atLineStart) this.#o.write('\r\n');
    this.#interrupted = false;
    this.#newPrompt();
    this.#replay();
  }

  #replay(): void {
    const pending = this.#typeahead;
    this.#typeahead = [];
    for (let i = 0; i < pending.length; i++) {
      if (this.#mode === 'running') {
        this.#typeahead.push(...pending.slice(i));
        break;
      }
      this.#token(pending[i]!);
    }
  }

  /** The terminal was resized. The emulator reflows wrapped lines; we only need the new width. */
  resize(columns: number): void {
    const cols = Math.max(1, columns);
    if (cols === this.#cols) return;
    this.#cols = cols;
    if (this.#mode === 'editing' || this.#mode === 'search') {
      this.#cursorRow = this.#cursorPoint().row;
    }
  }

  /** Clears the screen and redraws the line at the top (Ctrl-L). */
  clearScreen(): void {
    this.#o.write(CSI + 'H' + CSI + '2J');
    this.#cursorRow = 0;
    if (this.#mode === 'editing' || this.#mode === 'search') this.#render(true);
  }

  // ---- input dispatch --------------------------------------------------------------------------------------------

  #token(token: InputToken): void {
    if (this.#mode === 'idle') {
      this.#typeahead.push(token);
      return;
    }
    if (this.#mode === 'running') {
      if (token.type === 'key' && token.key === '\x03') this.#interrupt();
      else if (!this.#o.onRunningInput?.(token)) this.#typeahead.push(token);
      return;
    }
    if (token.type === 'paste') {
      this.#lastKeyWasTab = false;
      if (this.#mode === 'search') this.#acceptSearch();
      this.#paste(token.text);
      return;
    }
    const key = token.key;
    const wasTab = this.#lastKeyWasTab;
    this.#lastKeyWasTab = false;
    if (this.#mode === 'search') {
      if (this.#searchKey(key)) return;
      this.#acceptSearch();
    }
    this.#editKey(key, wasTab);
  }

  #editKey(key: string, wasTab: boolean): void {
    switch (key) {
      case '\r':
      case '\n':
        return this.#enter(false);
      case '\x03':
        return this.#abandon();
      case '\x04': // Ctrl-D: end of input on an empty line, else delete the character under the cursor
        if (this.#chars.length === 0) {
          if (this.#lines.length > 0) this.#enter(true);
          return;
        }
        return this.#deleteForward();
      case '\x7f':
      case '\b':
        return this.#backspace();
      case CSI + '3~':
        return this.#deleteForward();
      case CSI + 'D':
      case '\x1bOD':
      case '\x02':
        return this.#moveTo(this.#cursor - 1);
      case CSI + 'C':
      case '\x1bOC':
      case '\x06':
        return this.#moveTo(this.#cursor + 1);
      case CSI + 'H':
      case '\x1bOH':
      case CSI + '1~':
      case CSI + '7~':
      case '\x01':
        return this.#moveTo(0);
      case CSI + 'F':
      case '\x1bOF':
      case CSI + '4~':
      case CSI + '8~':
      case '\x05':
        return this.#moveTo(this.#chars.length);
      case CSI + '1;5D':
      case CSI + '1;3D':
      case '\x1bb':
        return this.#moveTo(this.#wordStart(this.#cursor));
      case CSI + '1;5C':
      case CSI + '1;3C':
      case '\x1bf':
        return this.#moveTo(this.#wordEnd(this.#cursor));
      case CSI + 'A':
      case '\x1bOA':
      case '\x10':
        return this.#historyMove(-1);
      case CSI + 'B':
      case '\x1bOB':
      case '\x0e':
        return this.#historyMove(1);
      case '\x15': // Ctrl-U
        return this.#kill(0, this.#cursor);
      case '\x0b': // Ctrl-K
        return this.#kill(this.#cursor, this.#chars.length);
      case '\x17': // Ctrl-W: back to whitespace
        return this.#kill(this.#spaceWordStart(this.#cursor), this.#cursor);
      case '\x1b\x7f': // Alt-Backspace: back to a word boundary
      case '\x1b\b':
        return this.#kill(this.#wordStart(this.#cursor), this.#cursor);
      case '\x1bd':
        return this.#kill(this.#cursor, this.#wordEnd(this.#cursor));
      case '\x19': // Ctrl-Y
        return this.#insert([...this.#killed]);
      case '\x0c':
        return this.clearScreen();
      case '\x12':
        return this.#startSearch();
      case '\t':
        this.#lastKeyWasTab = true;
        return this.#completeWord(wasTab);
      default:
        if (isPrintable(key)) this.#insert([key]);
      // Other control characters and unknown sequences are ignored, as readline does for unbound keys.
    }
  }

  // ---- editing -----------------------------------------------------------------------------------------------------

  #insert(chars: string[]): void {
    if (chars.length === 0) return;
    const atEnd = this.#cursor === this.#chars.length;
    this.#chars.splice(this.#cursor, 0, ...chars);
    this.#cursor += chars.length;
    if (atEnd && !chars.some((c) => c === '\n')) {
      // Echo just the new characters: cheaper, and screen readers announce only what was typed.
      const end = this.#cursorPoint();
      let out = chars.map(visible).join('');
      if (this.#rawEnd().col === this.#cols) out += ' \r' + CSI + 'K';
      this.#cursorRow = end.row;
      this.#o.write(out);
      return;
    }
    this.#render();
  }

  #backspace(): void {
    if (this.#cursor === 0) return;
    const atEnd = this.#cursor === this.#chars.length;
    const from = this.#cursorPoint();
    this.#chars.splice(this.#cursor - 1, 1);
    this.#cursor--;
    const to = this.#cursorPoint();
    if (atEnd && from.row === to.row && from.col - to.col === 1) {
      this.#o.write('\b' + CSI + 'K');
      return;
    }
    this.#render();
  }

  #deleteForward(): void {
    if (this.#cursor >= this.#chars.length) return;
    this.#chars.splice(this.#cursor, 1);
    this.#render();
  }

  #moveTo(index: number): void {
    const target = Math.max(0, Math.min(this.#chars.length, index));
    if (target === this.#cursor) return;
    const from = this.#cursorPoint();
    this.#cursor = target;
    const to = this.#cursorPoint();
    this.#o.write(move(from, to));
    this.#cursorRow = to.row;
  }

  #kill(from: number, to: number): void {
    if (to <= from) return;
    this.#killed = this.#chars.slice(from, to).join('');
    this.#chars.splice(from, to - from);
    this.#cursor = from;
    this.#render();
  }

  /** Start of the word before `i` (letters and digits), as Alt-B. */
  #wordStart(i: number): number {
    while (i > 0 && !isWordChar(this.#chars[i - 1]!)) i--;
    while (i > 0 && isWordChar(this.#chars[i - 1]!)) i--;
    return i;
  }
  #wordEnd(i: number): number {
    const n = this.#chars.length;
    while (i < n && !isWordChar(this.#chars[i]!)) i++;
    while (i < n && isWordChar(this.#chars[i]!)) i++;
    return i;
  }
  /** Start of the whitespace-delimited word before `i`, as Ctrl-W (unix-word-rubout). */
  #spaceWordStart(i: number): number {
    while (i > 0 && isSpace(this.#chars[i - 1]!)) i--;
    while (i > 0 && !isSpace(this.#chars[i - 1]!)) i--;
    return i;
  }

  #setLine(text: string, cursor?: number): void {
    this.#chars = [...text];
    this.#cursor = cursor ?? this.#chars.length;
  }

  // ---- enter, Ctrl-C, paste -------------------------------------------------------------------------------------

  #enter(force: boolean): void {
    const text = this.line;
    const command = [...this.#lines, text].join('\n');
    this.#toNextLine();
    this.#cursorRow = 0;
    if (!force && command.trim() !== '' && this.#o.needsMore?.(command)) {
      this.#lines.push(text);
      this.#chars = [];
      this.#cursor = 0;
      this.#prompt = this.#o.continuationPrompt ?? '> ';
      this.#historyIndex = this.#history.length;
      this.#render(true);
      return;
    }
    this.#lines = [];
    this.#chars = [];
    this.#cursor = 0;
    if (command.trim() === '') {
      this.#newPrompt();
      return;
    }
    this.#addHistory(command);
    this.#mode = 'running';
    this.#atLineStart = true;
    this.#interrupted = false;
    this.#o.onSubmit(command);
  }

  /** Ctrl-C at the prompt: the line is abandoned, a fresh prompt follows. */
  #abandon(): void {
    if (this.#search) this.#search = undefined;
    this.#mode = 'editing';
    this.#moveTo(this.#chars.length);
    this.#o.write('^C\r\n');
    this.#cursorRow = 0;
    this.#lines = [];
    this.#newPrompt();
  }

  /** Moves the cursor past the end of the line, to column 0 of the next row. */
  #toNextLine(): void {
    this.#moveTo(this.#chars.length);
    // At a full row the cursor already waits at the start of the next one.
    if (this.#rawEnd().col !== this.#cols) this.#o.write('\r\n');
    this.#cursorRow = 0;
  }

  #interrupt(): void {
    this.#o.write('^C');
    this.#atLineStart = false;
    this.#interrupted = true;
    // The terminal driver flushes typed-ahead input on SIGINT.
    this.#typeahead = [];
    this.#o.onInterrupt?.();
  }

  /** Pasted text: each complete line is entered in order; the rest stays on the line for editing. */
  #paste(text: string): void {
    const chars = [...text.replace(/\r\n?/g, '\n')];
    let run: string[] = [];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === '\n') {
        this.#insert(run);
        run = [];
        this.#enter(false);
        if (this.#mode === 'running') {
          const rest = chars.slice(i + 1).join('');
          if (rest) this.#typeahead.push({ type: 'paste', text: rest });
          return;
        }
      } else if (ch === '\t' || isPrintable(ch)) {
        run.push(ch);
      }
    }
    this.#insert(run);
  }

  // ---- history ---------------------------------------------------------------------------------------------------

  get #historySize(): number {
    return this.#o.historySize ?? 1000;
  }

  #addHistory(command: string): void {
    // Debian's default HISTCONTROL=ignoreboth: no lines starting with a space, no consecutive duplicates.
    if (command.startsWith(' ') || this.#history[this.#history.length - 1] === command) {
      this.#historyIndex = this.#history.length;
      return;
    }
    this.#history.push(command);
    if (this.#history.length > this.#historySize) this.#history.splice(0, this.#history.length - this.#historySize);
    this.#historyIndex = this.#history.length;
  }

  #historyMove(delta: number): void {
    const target = this.#historyIndex + delta;
    if (target < 0 || target > this.#history.length) return;
    if (this.#historyIndex === this.#history.length) this.#draft = this.#chars;
    this.#historyIndex = target;
    if (target === this.#history.length) {
      this.#chars = this.#draft;
      this.#cursor = this.#chars.length;
    } else {
      this.#setLine(this.#history[target]!);
    }
    this.#render();
  }

  // ---- reverse search (Ctrl-R) -----------------------------------------------------------------------------------

  #startSearch(): void {
    this.#search = {
      query: '',
      match: -1,
      failed: false,
      savedChars: this.#chars,
      savedCursor: this.#cursor,
      savedHistoryIndex: this.#historyIndex,
    };
    this.#mode = 'search';
    this.#renderSearch();
  }

  /** Handles a key in search mode; false when the key ends the search and must be handled as an editing key. */
  #searchKey(key: string): boolean {
    const s = this.#search!;
    switch (key) {
      case '\x12':
        if (s.query) this.#findMatch(s.match >= 0 ? s.match - 1 : this.#historyIndex - 1);
        this.#renderSearch();
        return true;
      case '\x7f':
      case '\b':
        s.query = [...s.query].slice(0, -1).join('');
        s.match = -1;
        s.failed = false;
        if (s.query) this.#findMatch(s.savedHistoryIndex - 1);
        else this.#setLine(s.savedChars.join(''), s.savedCursor);
        this.#renderSearch();
        return true;
      case '\x07': // Ctrl-G
      case '\x1b':
        this.#setLine(s.savedChars.join(''), s.savedCursor);
        this.#historyIndex = s.savedHistoryIndex;
        this.#search = undefined;
        this.#mode = 'editing';
        this.#prompt = this.#currentPrompt();
        this.#render();
        return true;
      case '\x03':
        this.#abandon();
        return true;
      case '\r':
      case '\n':
        return false;
      default:
        if (isPrintable(key)) {
          s.query += key;
          this.#findMatch(s.match >= 0 ? s.match : s.savedHistoryIndex - 1);
          this.#renderSearch();
          return true;
        }
        return false;
    }
  }

  /** Finds the newest history entry at or before `from` that contains the query. */
  #findMatch(from: number): void {
    const s = this.#search!;
    for (let i = Math.min(from, this.#history.length - 1); i >= 0; i--) {
      const entry = this.#history[i]!;
      const at = entry.lastIndexOf(s.query);
      if (at >= 0) {
        s.match = i;
        s.failed = false;
        this.#setLine(entry, [...entry.slice(0, at)].length);
        return;
      }
    }
    s.failed = true;
  }

  #acceptSearch(): void {
    const s = this.#search;
    if (!s) return;
    if (s.match >= 0) this.#historyIndex = s.match;
    this.#search = undefined;
    this.#mode = 'editing';
    this.#prompt = this.#currentPrompt();
    this.#render();
  }

  #renderSearch(): void {
    const s = this.#search!;
    this.#prompt = `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
    this.#render();
  }

  // ---- completion ------------------------------------------------------------------------------------------------

  #completeWord(secondTab: boolean): void {
    const complete = this.#o.complete;
    if (!complete) return;
    const line = this.line;
    const cursor = this.cursor;
    let result: Completion | undefined;
    try {
      result = complete(line, cursor);
    } catch {
      result = undefined;
    }
    if (!result || result.candidates.length === 0) return;
    const from = [...line.slice(0, Math.max(0, Math.min(result.from, cursor)))].length;
    const word = this.#chars.slice(from, this.#cursor).join('');
    const candidates = [...new Set(result.candidates)];
    if (candidates.length === 1) {
      const only = candidates[0]!;
      const suffix = only.endsWith('/') || result.noSpace ? '' : ' ';
      this.#replaceWord(from, only + suffix);
      return;
    }
    const common = commonPrefix(candidates);
    if (common.length > word.length && common.startsWith(word)) {
      this.#replaceWord(from, common);
      return;
    }
    if (secondTab) this.#listCandidates(candidates);
  }

  #replaceWord(from: number, text: string): void {
    const tail = this.#chars.slice(this.#cursor);
    const atEnd = tail.length === 0;
    const word = this.#chars.slice(from, this.#cursor).join('');
    if (atEnd && text.startsWith(word)) {
      this.#insert([...text.slice(word.length)]);
      return;
    }
    this.#chars = [...this.#chars.slice(0, from), ...text, ...tail];
    this.#cursor = from + [...text].length;
    this.#render();
  }

  #listCandidates(candidates: readonly string[]): void {
    const names = candidates.map(shownName).sort();
    const width = Math.max(...names.map((n) => stripAnsi(n).length)) + 2;
    const perRow = Math.max(1, Math.floor(this.#cols / width));
    const rows = Math.ceil(names.length / perRow);
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let out = '';
      for (let c = 0; c < perRow; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const last = c === perRow - 1 || names[(c + 1) * rows + r] === undefined;
        out += last ? name : name.padEnd(width);
      }
      lines.push(out);
    }
    this.#toNextLine();
    this.#o.write(lines.join('\r\n') + '\r\n');
    this.#render(true);
  }

  // ---- rendering ---------------------------------------------------------------------------------------------------

  #currentPrompt(): string {
    return this.#lines.length > 0 ? (this.#o.continuationPrompt ?? '> ') : this.#o.prompt();
  }

  #newPrompt(): void {
    this.#mode = 'editing';
    this.#lines = [];
    this.#chars = [];
    this.#cursor = 0;
    this.#draft = [];
    this.#historyIndex = this.#history.length;
    this.#search = undefined;
    this.#cursorRow = 0;
    this.#prompt = this.#o.prompt();
    this.#render(true);
  }

  /** Lays out prompt + line; returns the position before each character of the line and after the last one. */
  #layout(): Point[] {
    const cols = this.#cols;
    const cont = this.#o.continuationPrompt ?? '> ';
    let row = 0;
    let col = 0;
    const put = (ch: string) => {
      if (ch === '\n') {
        row++;
        col = 0;
        return;
      }
      const w = charWidth(ch);
      if (col + w > cols) {
        row++;
        col = 0;
      }
      col += w;
    };
    for (const ch of stripAnsi(this.#prompt)) put(ch);
    const points: Point[] = [];
    for (const ch of this.#chars) {
      points.push({ row, col });
      put(ch);
      if (ch === '\n') for (const p of cont) put(p);
    }
    points.push({ row, col });
    return points;
  }

  /** The end of the text as written (col may equal the width: the terminal's pending wrap). */
  #rawEnd(): Point {
    return this.#layout()[this.#chars.length]!;
  }

  /** Where the terminal cursor shows for the editor's cursor. */
  #cursorPoint(): Point {
    return shown(this.#layout()[this.#cursor]!, this.#cols);
  }

  #eraseRendering(): string {
    return (this.#cursorRow > 0 ? `${CSI}${this.#cursorRow}A` : '') + '\r' + CSI + 'J';
  }

  /** Redraws prompt and line from the prompt's first row. `fresh`: the cursor is already at column 0 of that row. */
  #render(fresh = false): void {
    const cont = this.#o.continuationPrompt ?? '> ';
    let out = fresh ? CSI + 'J' : this.#eraseRendering();
    out += this.#prompt;
    out += this.#chars.map((ch) => (ch === '\n' ? '\r\n' + cont : visible(ch))).join('');
    const points = this.#layout();
    let end = points[this.#chars.length]!;
    if (end.col === this.#cols) {
      // Force the pending wrap so the cursor really is on the next row.
      out += ' \r' + CSI + 'K';
      end = { row: end.row + 1, col: 0 };
    }
    const cursor = shown(points[this.#cursor]!, this.#cols);
    out += move(end, cursor);
    this.#cursorRow = cursor.row;
    this.#o.write(out);
  }
}

function shown(p: Point, cols: number): Point {
  return p.col >= cols ? { row: p.row + 1, col: 0 } : p;
}

/** Relative cursor movement between two laid-out points. */
function move(from: Point, to: Point): string {
  let out = '';
  if (to.row < from.row) out += `${CSI}${from.row - to.row}A`;
  else if (to.row > from.row) out += `${CSI}${to.row - from.row}B`;
  if (to.col !== from.col) {
    if (to.col === 0) out += '\r';
    else if (to.col < from.col) out += `${CSI}${from.col - to.col}D`;
    else out += `${CSI}${to.col - from.col}C`;
  }
  return out;
}

function visible(ch: string): string {
  return ch === '\t' ? ' ' : ch;
}

function isPrintable(key: string): boolean {
  if (key.length === 0 || key.startsWith('\x1b')) return false;
  const cp = key.codePointAt(0)!;
  return cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n';
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}_]/u.test(ch);
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) {
    while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/** Converts bare LF to CRLF (a raw terminal needs both), leaving existing CRLF alone. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export { PASTE_START, PASTE_END };

/**
 * A candidate as bash lists it: the last path component only (a directory keeps its '/'), without the quotes and
 * backslashes the command line needs (`my\ dir/` is listed as `my dir/`).
 */
function shownName(candidate: string): string {
  let plain = '';
  let quote: string | undefined;
  for (let i = 0; i < candidate.length; i++) {
    const ch = candidate[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else plain += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\' && i + 1 < candidate.length) plain += candidate[++i];
    else plain += ch;
  }
  return plain.slice(plain.lastIndexOf('/', plain.length - 2) + 1);
}
