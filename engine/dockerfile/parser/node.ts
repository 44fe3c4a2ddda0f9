import { goQuote } from '../../core/go-quote.ts';

/** A heredoc attached to RUN/COPY/ADD: `<<EOF`, `<<-EOF`, `3<<"EOF"`. */
export interface Heredoc {
  /** The delimiter word with quotes removed. */
  readonly name: string;
  readonly fileDescriptor: number;
  /** False when any part of the delimiter was quoted: the body is then taken literally. */
  readonly expand: boolean;
  /** `<<-`: leading tabs are stripped from the body (see chompHeredocContent) and from the terminator. */
  readonly chomp: boolean;
  /** The body as written, line endings included; not yet chomped. */
  readonly content: string;
}

/**
 * One node of BuildKit's syntax tree. An instruction is a node whose `value` is its lower-cased keyword and whose
 * `next` chain holds its arguments; ONBUILD's single argument node has the inner instruction as its only child.
 */
export interface Node {
  readonly value: string;
  readonly next: Node | undefined;
  readonly children: readonly Node[];
  readonly flags: readonly string[];
  readonly attributes: { readonly json?: boolean };
  /** The instruction's text after continuations were joined and comment lines dropped. */
  readonly original: string;
  /** 1-based; 0 on argument nodes, which carry no position of their own. */
  readonly startLine: number;
  readonly endLine: number;
  readonly heredocs: readonly Heredoc[];
  /** The comment lines directly above the instruction (text after `#`, trimmed). */
  readonly prevComment: readonly string[];
}

export function makeNode(fields: Partial<Node> & { value: string }): Node {
  return {
    next: undefined,
    children: [],
    flags: [],
    attributes: {},
    original: '',
    startLine: 0,
    endLine: 0,
    heredocs: [],
    prevComment: [],
    ...fields,
  };
}

/** The arguments of a node as a list: the `next` chain flattened. */
export function argValues(node: Node): string[] {
  const out: string[] = [];
  for (let n = node.next; n !== undefined; n = n.next) out.push(n.value);
  return out;
}

/** A chain of argument nodes from plain strings (the line parsers' usual result). */
export function chain(values: readonly string[]): Node | undefined {
  let head: Node | undefined;
  for (let i = values.length - 1; i >= 0; i--) head = makeNode({ value: values[i] as string, next: head });
  return head;
}

export { goQuote };

/** BuildKit's Node.Dump: one S-expression per instruction, as in the corpus `result` files (without the final newline). */
export function dump(node: Node): string {
  let str = node.value.toLowerCase();
  if (node.flags.length > 0) str += ' [' + node.flags.map(goQuote).join(' ') + ']';
  for (const child of node.children) str += '(' + dump(child) + ')\n';
  for (let n = node.next; n !== undefined; n = n.next) {
    str += ' ' + (n.children.length > 0 ? dump(n) : goQuote(n.value));
  }
  return str.trim();
}
