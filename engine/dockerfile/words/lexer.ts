import { EOF, isDigit, isLetter, isSpecialParam, runeString } from './chars.ts';
import { replaceAll, replaceFirst, trimPrefix, trimSuffix } from './pattern.ts';
import { RuneScanner } from './scanner.ts';
import { WordCollector } from './split.ts';

const QUOTE = 0x27;
const DQUOTE = 0x22;
const DOLLAR = 0x24;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COLON = 0x3a;
const SLASH = 0x2f;

interface Processed {
  text: string;
  words: string[];
}

/** One expansion of one word: BuildKit's shellWord, in plain mode (quotes removed, unset variables empty). */
export class WordLexer {
  private readonly scanner: RuneScanner;
  private readonly escape: number;
  /** Pattern operands (`#`, `%`, `/`) keep their escapes so the pattern converter can tell `\*` from `*`. */
  private rawEscapes = false;

  constructor(
    word: string,
    private readonly env: Readonly<Record<string, string>>,
    escapeToken: string,
  ) {
    this.scanner = new RuneScanner(word);
    this.escape = escapeToken.codePointAt(0) ?? 0x5c;
  }

  run(): Processed {
    return this.processUntil(EOF, false);
  }

  private processUntil(stop: number, rawEscapes: boolean): Processed {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.scanUntil(stop);
    } finally {
      this.rawEscapes = saved;
    }
  }

  private scanUntil(stop: number): Processed {
    const sc = this.scanner;
    let text = '';
    const words = new WordCollector();
    while (sc.peek() !== EOF) {
      let ch = sc.peek();
      if (stop !== EOF && ch === stop) {
        sc.next();
        return { text, words: words.finish() };
      }
      if (ch === DOLLAR) {
        const value = this.processDollar();
        text += value;
        words.addString(value);
        continue;
      }
      if (ch === QUOTE || ch === DQUOTE) {
        const value = ch === QUOTE ? this.processSingleQuote() : this.processDoubleQuote();
        text += value;
        words.addRaw(value);
        continue;
      }
      ch = sc.next();
      if (ch === this.escape) {
        if (this.rawEscapes) {
          words.addRaw(runeString(ch));
          text += runeString(ch);
        }
        ch = sc.next();
        // A trailing escape token escapes nothing and is dropped.
        if (ch === EOF) break;
        words.addRaw(runeString(ch));
      } else {
        words.addChar(runeString(ch));
      }
      text += runeString(ch);
    }
    if (stop !== EOF) throw new Error(`unexpected end of statement while looking for matching ${runeString(stop)}`);
    return { text, words: words.finish() };
  }

  private processSingleQuote(): string {
    const sc = this.scanner;
    sc.next();
    let out = '';
    for (;;) {
      const ch = sc.next();
      if (ch === EOF) throw new Error('unexpected end of statement while looking for matching single-quote');
      if (ch === QUOTE) return out;
      out += runeString(ch);
    }
  }

  /** Inside double quotes the escape token only escapes `"`, `$` and itself; before anything else it stays. */
  private processDoubleQuote(): string {
    const sc = this.scanner;
    sc.next();
    let out = '';
    for (;;) {
      const peek = sc.peek();
      if (peek === EOF) throw new Error('unexpected end of statement while looking for matching double-quote');
      if (peek === DQUOTE) {
        sc.next();
        return out;
      }
      if (peek === DOLLAR) {
        out += this.processDollar();
        continue;
      }
      let ch = sc.next();
      if (ch === this.escape) {
        // In raw mode BuildKit writes the token here and again below when it escapes nothing; kept as is.
        if (this.rawEscapes) out += runeString(ch);
        const after = sc.peek();
        if (after === EOF) continue;
        if (after === DQUOTE || after === DOLLAR || after === this.escape) ch = sc.next();
      }
      out += runeString(ch);
    }
  }

  private processDollar(): string {
    const sc = this.scanner;
    sc.next();
    if (sc.peek() !== LBRACE) {
      const name = this.processName();
      return name === '' ? '$' : this.lookup(name)[0];
    }
    sc.next();
    const first = sc.peek();
    if (first === EOF) throw new Error("syntax error: missing '}'");
    if (first === LBRACE || first === RBRACE || first === COLON) throw new Error('syntax error: bad substitution');

    const name = this.processName();
    let op = sc.next();
    let modifier = runeString(op);
    if (op === RBRACE) return this.lookup(name)[0];
    if (op === SLASH) return this.processReplace(name);

    let nullIsUnset = false;
    if (op === COLON) {
      nullIsUnset = true;
      op = sc.next();
      modifier += runeString(op);
    } else if (!'+-?#%'.includes(runeString(op))) {
      throw new Error(`unsupported modifier (${modifier}) in substitution`);
    }

    const opChar = runeString(op);
    let word: string;
    try {
      word = this.processUntil(RBRACE, opChar === '#' || opChar === '%').text;
    } catch (err) {
      if (sc.peek() === EOF) throw new Error("syntax error: missing '}'", { cause: err });
      throw err;
    }

    const [value, set] = this.lookup(name);
    const missing = !set || (nullIsUnset && value === '');
    switch (opChar) {
      case '-':
        return missing ? word : value;
      case '+':
        return missing ? '' : word;
      case '?':
        if (!set) throw new Error(`${name}: ${word || 'is not allowed to be unset'}`);
        if (missing) throw new Error(`${name}: ${word || 'is not allowed to be empty'}`);
        return value;
      case '#':
      case '%': {
        // `##` and `%%` remove the longest match; the doubled character is not part of the pattern.
        const greedy = word.startsWith(opChar);
        const pattern = greedy ? word.slice(1) : word;
        return opChar === '%' ? trimSuffix(pattern, value, greedy) : trimPrefix(pattern, value, greedy);
      }
      default:
        throw new Error(`unsupported modifier (${modifier}) in substitution`);
    }
  }

  private processReplace(name: string): string {
    const sc = this.scanner;
    const all = sc.peek() === SLASH;
    if (all) sc.next();
    let pattern: string;
    try {
      pattern = this.processUntil(SLASH, true).text;
    } catch (err) {
      if (sc.peek() === EOF) throw new Error("syntax error: missing '/' in ${}", { cause: err });
      throw err;
    }
    let replacement: string;
    try {
      replacement = this.processUntil(RBRACE, true).text;
    } catch (err) {
      if (sc.peek() === EOF) throw new Error("syntax error: missing '}'", { cause: err });
      throw err;
    }
    const [value] = this.lookup(name);
    return all ? replaceAll(pattern, value, replacement) : replaceFirst(pattern, value, replacement);
  }

  /**
   * A name is letters, digits and `_`; a leading digit run is a positional parameter (`$12` is one name),
   * and a special parameter (`$@`, `$#`…) is a single character. Neither is ever set in a Dockerfile.
   */
  private processName(): string {
    const sc = this.scanner;
    let name = '';
    while (sc.peek() !== EOF) {
      const ch = sc.peek();
      if (name === '' && isDigit(ch)) {
        while (sc.peek() !== EOF && isDigit(sc.peek())) name += runeString(sc.next());
        return name;
      }
      if (name === '' && isSpecialParam(ch)) return runeString(sc.next());
      if (!isLetter(ch) && !isDigit(ch) && ch !== 0x5f) break;
      name += runeString(sc.next());
    }
    return name;
  }

  private lookup(name: string): [string, boolean] {
    return Object.hasOwn(this.env, name) ? [this.env[name]!, true] : ['', false];
  }
}
