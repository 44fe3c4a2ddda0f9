import { ScenarioError } from '../errors.ts';
import { parseOptions } from '../check-parse.ts';
import type { Check, CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const schema = z.strictObject({ not: z.record(z.string(), z.unknown()) });

/** Inverts a check. Its message is required: "X is not true" is rarely what a student needs to read. */
export const notCheck: CheckKind<{ readonly check: Check }> = {
  kind: 'not',
  parse: (raw, path, parseCheck) => {
    const o = parseOptions(schema, raw, path);
    return { check: parseCheck(o.not, `${path}.not`) };
  },
  async evaluate(o, ctx) {
    const inner = await ctx.evaluate(o.check);
    return inner.passed ? { passed: false, message: `${o.check.path} should not hold` } : { passed: true, message: '' };
  },
};

/** `not:` needs `message:` beside it; the parser checks that once the whole check is read. */
export function requireNotMessage(check: Check): void {
  if (check.kind === 'not' && check.message === undefined) throw new ScenarioError('schema', `${check.path}.message`, 'a "not" check needs a message');
}
