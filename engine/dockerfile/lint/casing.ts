// FromAsCasing, StageNameCasing, ConsistentInstructionCasing: keyword and stage-name case.
import { spanOf, type LintModel, type LintSteps } from './model.ts';
import type { Report } from './rules.ts';

const isLower = (s: string) => s === s.toLowerCase();
const isUpper = (s: string) => s === s.toUpperCase();

export function checkStageCasing(model: LintModel, report: Report): void {
  for (const s of model.stages) {
    if (s.asWord !== undefined) {
      // A mixed-case FROM is ConsistentInstructionCasing's business; there is no case for AS to agree with.
      const mismatch = isLower(s.keyword) ? !isLower(s.asWord) : isUpper(s.keyword) ? !isUpper(s.asWord) : false;
      if (mismatch) report('FromAsCasing', `'${s.asWord}' and '${s.keyword}' keywords' casing do not match`, spanOf(s.node));
    }
    if (s.nameAsWritten !== undefined && !isLower(s.nameAsWritten)) {
      report('StageNameCasing', `Stage name '${s.nameAsWritten}' should be lowercase`, spanOf(s.node));
    }
  }
}

/**
 * The majority is counted over keywords that are all one case; a tie goes to uppercase, the documented
 * convention. Every keyword not in the majority's case, mixed ones included, is reported.
 */
export function* checkInstructionCasing(model: LintModel, report: Report): LintSteps {
  const all = model.stages.flatMap((s) => [{ keyword: s.keyword, node: s.node }, ...s.commands]);
  let lower = 0;
  let upper = 0;
  for (const { keyword } of all) {
    yield;
    if (isLower(keyword)) lower++;
    else if (isUpper(keyword)) upper++;
  }
  const majorityLower = lower > upper;
  for (const { keyword, node } of all) {
    yield;
    const ok = majorityLower ? isLower(keyword) : isUpper(keyword);
    if (!ok) {
      report(
        'ConsistentInstructionCasing',
        `Command '${keyword}' should match the case of the command majority (${majorityLower ? 'lowercase' : 'uppercase'})`,
        spanOf(node),
      );
    }
  }
}
