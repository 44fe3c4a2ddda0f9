/** Characters the shell would take for something else in an unquoted word. */
const SPECIAL = /[\s'"\\$`!&|;<>()*?[\]{}#]/g;

/**
 * A completed value as shell text, in the quoting the user started: inside `'…` or `"…` the quote is kept and closed
 * once the word is finished; otherwise special characters get a backslash. A leading `~/` stays a tilde.
 */
export function quoteWord(value: string, typed: string, finished: boolean): string {
  const q = typed[0];
  if (q === "'" && !value.includes("'")) return `'${value}${finished ? "'" : ''}`;
  if (q === '"') return `"${value.replace(/["\\$`]/g, (c) => '\\' + c)}${finished ? '"' : ''}`;
  if (value.startsWith('~/') || value === '~') return '~' + value.slice(1).replace(SPECIAL, (c) => '\\' + c);
  return value.replace(SPECIAL, (c) => '\\' + c);
}

/**
 * The rest of a word completed after text kept as typed (`$HOME/` then `project/`): quoted as `quoteWord` would,
 * minus the opening quote the kept text already has.
 */
export function quoteRest(rest: string, typed: string, finished: boolean): string {
  const quoted = quoteWord(rest, typed, finished);
  return typed[0] === '"' ? quoted.slice(1) : quoted;
}
