// DuplicateStageName, ReservedStageName.
import { goQuote } from '../../core/go-quote.ts';
import { spanOf, type LintModel } from './model.ts';
import type { Report } from './rules.ts';

/** Names `FROM` and `COPY --from` already give a meaning to, so a stage with that name would be shadowed. */
const RESERVED = new Set(['scratch', 'context']);

export function checkStageNames(model: LintModel, report: Report): void {
  const seen = new Set<string>();
  for (const s of model.stages) {
    const name = s.stage.name;
    if (name === '') continue;
    if (RESERVED.has(name)) {
      report('ReservedStageName', `Stage name should not use the same name as reserved stage ${goQuote(name)}`, spanOf(s.node));
    }
    if (seen.has(name)) {
      report('DuplicateStageName', `Duplicate stage name ${goQuote(name)}, stage names should be unique`, spanOf(s.node));
    }
    seen.add(name);
  }
}
