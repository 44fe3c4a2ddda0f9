/**
 * The syntax tree of the POSIX shell language as the parser produces it. Words keep their quoting structure
 * because expansion rules (field splitting, globbing, tilde) depend on which parts were quoted.
 */

export type WordPart =
  /** Literal text. `quoted` when it came from '...', "..." or a backslash escape: it is never split or globbed. */
  | { readonly kind: 'lit'; readonly text: string; readonly quoted: boolean }
  /** A double-quoted run: its expansions are not split or globbed. */
  | { readonly kind: 'dq'; readonly parts: readonly WordPart[] }
  | ParamPart
  | { readonly kind: 'cmdsub'; readonly body: Script; readonly source: string }
  /** `$((...))`: the expression is expanded like a double-quoted string, then evaluated. */
  | { readonly kind: 'arith'; readonly expr: Word };

export type ParamOp =
  | ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?'
  | '#' | '##' | '%' | '%%';

export interface ParamPart {
  readonly kind: 'param';
  readonly name: string;
  /** `${#name}` */
  readonly length?: boolean;
  /** bash `${name[i]}`: the subscript as written (`@`, `*` or an arithmetic expression). */
  readonly index?: string;
  readonly op?: ParamOp;
  /** The word after the operator (unexpanded); absent for `${x:?}` style. */
  readonly arg?: Word;
}

export interface Word {
  readonly parts: readonly WordPart[];
  /** The source text, for messages, here-doc delimiters and `set -x`. */
  readonly raw: string;
}

export type RedirOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** The file descriptor redirected; defaults to 0 for input operators, 1 for output. */
  readonly fd: number;
  readonly op: RedirOp;
  /** The file name, the fd for `>&`, or the here-doc delimiter. */
  readonly target: Word;
  /** Here-documents: the body, filled in when the lexer reaches the next newline. */
  readonly heredoc?: HereDoc;
}

export interface HereDoc {
  /** Body as a word: literal only when the delimiter was quoted, else with `$` expansions. */
  body: Word;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
}

export interface SimpleCommand {
  readonly kind: 'simple';
  readonly assigns: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  readonly line: number;
}

export interface Pipeline {
  readonly kind: 'pipeline';
  readonly negate: boolean;
  /** bash's `time` keyword before the pipeline (`-p`: the POSIX format). */
  readonly time?: 'bash' | 'posix';
  readonly commands: readonly Command[];
  readonly line: number;
}

export interface AndOr {
  readonly kind: 'andor';
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: '&&' | '||'; readonly pipeline: Pipeline }[];
}

/** One entry of a list: an and-or list, run in the background when followed by `&`. */
export interface ListItem {
  readonly command: AndOr;
  readonly background: boolean;
}

export interface Script {
  readonly kind: 'script';
  readonly items: readonly ListItem[];
}

export interface Subshell { readonly kind: 'subshell'; readonly body: Script; readonly redirects: readonly Redirect[] }
export interface Group { readonly kind: 'group'; readonly body: Script; readonly redirects: readonly Redirect[] }
export interface If {
  readonly kind: 'if';
  readonly branches: readonly { readonly cond: Script; readonly body: Script }[];
  readonly otherwise?: Script;
  readonly redirects: readonly Redirect[];
}
export interface For {
  readonly kind: 'for';
  readonly name: string;
  /** Absent for `for x; do` (iterates over "$@"). */
  readonly items?: readonly Word[];
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}
export interface Loop {
  readonly kind: 'while' | 'until';
  readonly cond: Script;
  readonly body: Script;
  readonly redirects: readonly Redirect[];
}
export interface Case {
  readonly kind: 'case';
  readonly subject: Word;
  readonly arms: readonly { readonly patterns: readonly Word[]; readonly body: Script }[];
  readonly redirects: readonly Redirect[];
}
export interface FunctionDef {
  readonly kind: 'function';
  readonly name: string;
  readonly body: Command;
  readonly line: number;
}

/** bash's `[[ ... ]]`: words are expanded without splitting or globbing, operators are syntax, not arguments. */
export interface Conditional {
  readonly kind: 'cond';
  readonly expr: CondExpr;
  readonly redirects: readonly Redirect[];
  readonly line: number;
}

export type CondExpr =
  | { readonly kind: 'and' | 'or'; readonly left: CondExpr; readonly right: CondExpr }
  | { readonly kind: 'not'; readonly expr: CondExpr }
  | { readonly kind: 'unary'; readonly op: string; readonly arg: Word }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Word; readonly right: Word }
  /** A lone word: true when it expands to a non-empty string. */
  | { readonly kind: 'word'; readonly word: Word };

export type Command = SimpleCommand | Subshell | Group | If | For | Loop | Case | FunctionDef | Conditional;
