import { goQuote as quoteGoString } from '../../core/go-quote.ts';
import { WordLexer } from './lexer.ts';

/**
 * BuildKit's Dockerfile word expansion (frontend/dockerfile/shell/lex.go). Errors carry BuildKit's message,
 * wrapped as it wraps them: `failed to process "<word>": <reason>`.
 */
function expand(word: string, env: Readonly<Record<string, string>>, escapeToken: string) {
  try {
    return new WordLexer(word, env, escapeToken).run();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`failed to process ${quoteGoString(word)}: ${reason}`, { cause: err });
  }
}

/** Expands variables and removes quotes, keeping whitespace: ENV/LABEL values, WORKDIR, USER, COPY paths… */
export function processWord(word: string, env: Readonly<Record<string, string>>, escapeToken = '\\'): string {
  return expand(word, env, escapeToken).text;
}

/**
 * Expands and splits into words on whitespace that was unquoted in the source or came from an unquoted
 * expansion; quoted whitespace stays inside its word, and empty quotes alone make no word.
 */
export function processWords(word: string, env: Readonly<Record<string, string>>, escapeToken = '\\'): string[] {
  return expand(word, env, escapeToken).words;
}
