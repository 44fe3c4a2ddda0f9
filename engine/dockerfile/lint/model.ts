// The lint rules need both the typed instructions and what the user actually typed (keyword casing, the `AS` word,
// the stage name before lower-casing), so each typed instruction is kept next to its syntax node.
import { parseInstruction, type ArgCommand, type Command, type Stage } from '../instructions/index.ts';
import type { Node } from '../parser/index.ts';
import type { Steps } from '../../core/slicer.ts';

export interface LintCommand {
  readonly node: Node;
  readonly command: Command;
  readonly keyword: string;
}

export interface LintStage {
  readonly node: Node;
  readonly stage: Stage;
  readonly keyword: string;
  /** The `AS` word and the name as written, when the stage is named. */
  readonly asWord: string | undefined;
  readonly nameAsWritten: string | undefined;
  readonly commands: readonly LintCommand[];
}

export interface LintModel {
  readonly metaArgs: readonly { readonly node: Node; readonly command: ArgCommand }[];
  readonly stages: readonly LintStage[];
  readonly escapeToken: string;
}

export function keywordAsWritten(node: Node): string {
  const trimmed = node.original.trim();
  const m = /[\t\v\f\r ]/.exec(trimmed);
  return m === null ? trimmed : trimmed.slice(0, m.index);
}

/** Lint passes yield once per instruction they look at (see core/slicer.ts). */
export type LintSteps<T = void> = Steps<T>;

/** Assumes the tree already went through instructions.parse without error. */
export function* buildModel(ast: Node, escapeToken: string): LintSteps<LintModel> {
  const metaArgs: { node: Node; command: ArgCommand }[] = [];
  const stages: { node: Node; stage: Stage; keyword: string; asWord?: string; nameAsWritten?: string; commands: LintCommand[] }[] = [];
  for (const node of ast.children) {
    yield;
    const instruction = parseInstruction(node);
    const keyword = keywordAsWritten(node);
    if (instruction.kind === 'from') {
      const words: string[] = [];
      for (let n = node.next; n !== undefined; n = n.next) words.push(n.value);
      const named = words.length === 3;
      stages.push({
        node,
        stage: instruction,
        keyword,
        asWord: named ? words[1] : undefined,
        nameAsWritten: named ? words[2] : undefined,
        commands: [],
      });
      continue;
    }
    const current = stages[stages.length - 1];
    if (current === undefined) {
      if (instruction.kind === 'arg') metaArgs.push({ node, command: instruction });
      continue;
    }
    current.commands.push({ node, command: instruction, keyword });
  }
  return {
    metaArgs,
    stages: stages.map((s) => ({ ...s, asWord: s.asWord, nameAsWritten: s.nameAsWritten })),
    escapeToken,
  };
}

export const spanOf = (node: Node) => ({ startLine: node.startLine, endLine: node.endLine });
