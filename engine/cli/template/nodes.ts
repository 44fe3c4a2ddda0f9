/** The syntax tree of a Go text/template, with Go's String() forms used in `executing ... at <…>` errors. */

export type Node =
  | TextNode | ActionNode | IfNode | RangeNode | WithNode | BreakNode | ContinueNode
  | PipeNode | CommandNode | FieldNode | VariableNode | ChainNode | IdentifierNode
  | DotNode | NilNode | BoolNode | NumberNode | StringNode;

interface At {
  readonly pos: number;
  readonly line: number;
}

export interface TextNode extends At { readonly kind: 'text'; readonly text: string }
export interface ActionNode extends At { readonly kind: 'action'; readonly pipe: PipeNode }
export interface BranchFields extends At {
  readonly pipe: PipeNode;
  readonly list: readonly Node[];
  readonly elseList: readonly Node[] | undefined;
}
export interface IfNode extends BranchFields { readonly kind: 'if' }
export interface RangeNode extends BranchFields { readonly kind: 'range' }
export interface WithNode extends BranchFields { readonly kind: 'with' }
export interface BreakNode extends At { readonly kind: 'break' }
export interface ContinueNode extends At { readonly kind: 'continue' }
export interface PipeNode extends At {
  readonly kind: 'pipe';
  readonly decl: readonly string[];
  readonly isAssign: boolean;
  readonly cmds: readonly CommandNode[];
}
export interface CommandNode extends At { readonly kind: 'command'; readonly args: readonly Node[] }
export interface FieldNode extends At { readonly kind: 'field'; readonly ident: readonly string[] }
export interface VariableNode extends At { readonly kind: 'variable'; readonly ident: readonly string[] }
export interface ChainNode extends At { readonly kind: 'chain'; readonly node: Node; readonly field: readonly string[] }
export interface IdentifierNode extends At { readonly kind: 'identifier'; readonly name: string }
export interface DotNode extends At { readonly kind: 'dot' }
export interface NilNode extends At { readonly kind: 'nil' }
export interface BoolNode extends At { readonly kind: 'bool'; readonly value: boolean }
export interface NumberNode extends At {
  readonly kind: 'number';
  readonly text: string;
  readonly isInt: boolean;
  readonly value: number;
}
export interface StringNode extends At { readonly kind: 'string'; readonly quoted: string; readonly text: string }

export function nodeString(n: Node): string {
  switch (n.kind) {
    case 'text':
      return JSON.stringify(n.text);
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with':
      return `{{${n.kind} ${nodeString(n.pipe)}}}`;
    case 'break':
    case 'continue':
      return `{{${n.kind}}}`;
    case 'pipe': {
      const decl = n.decl.length > 0 ? `${n.decl.join(', ')} ${n.isAssign ? '=' : ':='} ` : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.kind === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field':
      return n.ident.map((i) => `.${i}`).join('');
    case 'variable':
      return n.ident.join('.');
    case 'chain':
      return (n.node.kind === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => `.${f}`).join('');
    case 'identifier':
      return n.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
  }
}
