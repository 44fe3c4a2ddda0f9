import { parseInstruction, type Command } from '../dockerfile/instructions/index.ts';
import { parseDockerfile } from '../dockerfile/parser/index.ts';
import { BuildFailure } from './errors.ts';
import type { StageState } from './stage-state.ts';

const MAKES_A_STEP = new Set(['run', 'copy', 'add', 'workdir']);

/**
 * The base image's ONBUILD triggers, as BuildKit runs them: parsed when a stage starts FROM the image, run before
 * the stage's own instructions (counted in its `[k/n]`), and not passed on to the new image.
 */
export function takeOnbuildTriggers(st: StageState, line: number): Command[] {
  const triggers = st.config.OnBuild ?? [];
  if (triggers.length === 0) return [];
  st.config.OnBuild = null;
  const commands = triggers.map((text) => {
    try {
      const node = parseDockerfile(text).ast.children[0];
      if (!node) throw new Error('empty trigger');
      const c = parseInstruction(node);
      if (c.kind === 'from') throw new Error(`FROM isn't allowed as an ONBUILD trigger`);
      return { ...c, startLine: line, endLine: line } as Command;
    } catch (e) {
      throw new BuildFailure(`failed to process ONBUILD trigger ${JSON.stringify(text)}: ${e instanceof Error ? e.message : String(e)}`, { start: line, end: line });
    }
  });
  const extra = commands.filter((c) => MAKES_A_STEP.has(c.kind)).length;
  if (extra > 0) st.planned = { ...st.planned, total: st.planned.total + extra };
  return commands;
}
