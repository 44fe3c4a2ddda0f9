// The per-instruction argument parsers of BuildKit's line_parsers.go. Each gets the text after the keyword and its
// flags, and returns the argument chain plus attributes. They only shape the tree: no variable expansion here.
import type { EscapeToken } from './directives.ts';
import { chain, goQuote, makeNode, type Node } from './node.ts';
import { isSpace, WHITESPACE } from './split-command.ts';

export interface ParseContext {
  readonly escapeToken: EscapeToken;
  /** Re-enters the instruction parser for ONBUILD's inner instruction. */
  readonly parseInstruction: (line: string) => Node;
}

export interface LineResult {
  readonly next: Node | undefined;
  readonly json?: boolean;
}

export type LineParser = (rest: string, ctx: ParseContext) => LineResult;

export const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';

/** Thrown by the line parsers; the instruction parser adds the line numbers. */
export class LineParseError extends Error {}

/**
 * Splits on unquoted whitespace keeping quotes and escapes as written: word expansion removes them later.
 * Inside single quotes the escape character is literal, as in the shell.
 */
export function parseWords(rest: string, escape: EscapeToken): string[] {
  const words: string[] = [];
  const chars = Array.from(rest);
  let word = '';
  let inWord = false;
  let quote = '';
  let blankOK = false;
  const flush = (): void => {
    if (blankOK || word !== '') words.push(word);
    word = '';
    blankOK = false;
    inWord = false;
  };
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i] as string;
    if (!inWord && quote === '') {
      if (isSpace(ch)) continue;
      inWord = true;
    }
    if (quote === '') {
      if (isSpace(ch)) {
        flush();
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOK = true;
      } else if (ch === escape) {
        if (i + 1 === chars.length) continue; // an escape character at the very end is dropped
        word += ch;
        ch = chars[++i] as string;
      }
      word += ch;
      continue;
    }
    if (ch === quote) quote = '';
    else if (ch === escape && quote !== "'") {
      if (i + 1 === chars.length) {
        quote = '';
        continue;
      }
      word += ch;
      ch = chars[++i] as string;
    }
    word += ch;
  }
  if (inWord || quote !== '') flush();
  return words;
}

/** Unknown keywords still make a node: the error comes later, when instructions are typed. */
export const parseIgnore: LineParser = () => ({ next: undefined });

export const parseSubCommand: LineParser = (rest, ctx) => {
  if (rest === '') return { next: undefined };
  return { next: makeNode({ value: '', children: [ctx.parseInstruction(rest)] }) };
};

function keyValue(key: string, value: string, sep: string): string[] {
  return [key, value, sep];
}

/** ENV and LABEL: `KEY value` (legacy, the rest of the line is the value) or `k=v k2="v 2" ...`. */
function parseNameVal(rest: string, key: string, escape: EscapeToken): Node | undefined {
  const words = parseWords(rest, escape);
  const first = words[0];
  if (first === undefined) return undefined;
  if (!first.includes('=')) {
    const m = WHITESPACE.exec(rest);
    if (m === null) throw new LineParseError(`${key} must have two arguments`);
    return chain(keyValue(rest.slice(0, m.index), rest.slice(m.index + m[0].length), ''));
  }
  const values: string[] = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) {
      throw new LineParseError(`Syntax error - can't find = in ${goQuote(word)}. Must be of the form: name=value`);
    }
    values.push(...keyValue(word.slice(0, eq), word.slice(eq + 1), '='));
  }
  return chain(values);
}

export const parseEnv: LineParser = (rest, ctx) => ({ next: parseNameVal(rest, 'ENV', ctx.escapeToken) });
export const parseLabel: LineParser = (rest, ctx) => ({ next: parseNameVal(rest, 'LABEL', ctx.escapeToken) });

/** ARG: each word is `name` or `name=value`, quotes kept for later expansion. */
export const parseNameOrNameVal: LineParser = (rest, ctx) => ({ next: chain(parseWords(rest, ctx.escapeToken)) });

export const parseStringsWhitespaceDelimited: LineParser = (rest) => {
  if (rest === '') return { next: undefined };
  return { next: chain(rest.split(WHITESPACE)) };
};

export const parseString: LineParser = (rest) => ({ next: rest === '' ? undefined : makeNode({ value: rest }) });

type JsonOutcome = { ok: true; values: string[] } | { ok: false; notStrings: boolean };

/** A JSON array of strings, or why not: only "valid JSON with a non-string in it" is an error the user sees. */
export function parseJSON(rest: string): JsonOutcome {
  const text = rest.replace(/^[\t\n\v\f\r \u0085\u00a0]+/, '');
  if (!text.startsWith('[')) return { ok: false, notStrings: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, notStrings: false };
  }
  if (!Array.isArray(parsed)) return { ok: false, notStrings: false };
  if (!parsed.every((v): v is string => typeof v === 'string')) return { ok: false, notStrings: true };
  return { ok: true, values: parsed };
}

/** RUN, CMD, ENTRYPOINT, SHELL: exec form when the text is a JSON string array, else one shell-form string. */
export const parseMaybeJSON: LineParser = (rest) => {
  if (rest === '') return { next: undefined };
  const j = parseJSON(rest);
  if (j.ok) return { next: chain(j.values), json: true };
  if (j.notStrings) throw new LineParseError(NOT_STRING_ARRAY);
  return { next: makeNode({ value: rest }) };
};

/** COPY, ADD, VOLUME: a JSON string array, else whitespace-separated words. */
export const parseMaybeJSONToList: LineParser = (rest, ctx) => {
  const j = parseJSON(rest);
  if (j.ok) return { next: chain(j.values), json: true };
  if (j.notStrings) throw new LineParseError(NOT_STRING_ARRAY);
  return parseStringsWhitespaceDelimited(rest, ctx);
};

/** HEALTHCHECK keeps its type word (CMD, NONE) as the first argument, then parses the rest like CMD. */
export const parseHealthConfig: LineParser = (rest, ctx) => {
  let sep = 0;
  while (sep < rest.length && !isSpace(rest[sep] as string)) sep++;
  if (sep === 0) return { next: undefined };
  let next = sep;
  while (next < rest.length && isSpace(rest[next] as string)) next++;
  const cmd = parseMaybeJSON(rest.slice(next), ctx);
  return { next: makeNode({ value: rest.slice(0, sep), next: cmd.next }), json: cmd.json };
};

export const DISPATCH: Readonly<Record<string, LineParser>> = {
  add: parseMaybeJSONToList,
  arg: parseNameOrNameVal,
  cmd: parseMaybeJSON,
  copy: parseMaybeJSONToList,
  entrypoint: parseMaybeJSON,
  env: parseEnv,
  expose: parseStringsWhitespaceDelimited,
  from: parseStringsWhitespaceDelimited,
  healthcheck: parseHealthConfig,
  label: parseLabel,
  maintainer: parseString,
  onbuild: parseSubCommand,
  run: parseMaybeJSON,
  shell: parseMaybeJSON,
  stopsignal: parseString,
  user: parseString,
  volume: parseMaybeJSONToList,
  workdir: parseString,
};
