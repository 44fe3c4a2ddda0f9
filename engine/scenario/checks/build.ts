import { canonicalString, parseReference, withDefaultTag } from '../../image/reference.ts';
import { ScenarioError } from '../errors.ts';
import { parseOptions, parseRegex } from '../check-parse.ts';
import type { CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const schema = z.strictObject({
  build: z.strictObject({
    tag: z.string(),
    step: z.string().optional(),
    cached: z.boolean().optional(),
    succeeded: z.boolean().optional(),
  }),
});
type Options = z.infer<typeof schema>['build'] & { readonly canonical: string; readonly regex?: RegExp };

/** What the last build that tagged REF did, from the daemon's build history (the build picture's records). */
export const buildCheck: CheckKind<Options> = {
  kind: 'build',
  parse: (raw, path) => {
    const o = parseOptions(schema, raw, path).build;
    let canonical: string;
    try {
      canonical = canonicalString(withDefaultTag(parseReference(o.tag)));
    } catch (e) {
      throw new ScenarioError('schema', `${path}.build.tag`, (e as Error).message);
    }
    if (o.cached !== undefined && o.step === undefined) throw new ScenarioError('schema', `${path}.build`, '"cached" needs "step" (a regular expression for the instruction)');
    return { ...o, canonical, ...(o.step !== undefined ? { regex: parseRegex(o.step, `${path}.build.step`) } : {}) };
  },
  evaluate(o, ctx) {
    const record = [...ctx.internals.builder.history].reverse().find((b) => b.tags.includes(o.canonical));
    if (!record) return { passed: false, message: `no build tagged ${o.tag}` };
    if (o.succeeded !== undefined && record.outcome.ok !== o.succeeded) {
      return { passed: false, message: record.outcome.ok ? `the last build of ${o.tag} succeeded; expected it to fail` : `the last build of ${o.tag} failed: ${record.outcome.error}` };
    }
    if (o.regex !== undefined) {
      const step = record.steps.find((s) => o.regex!.test(s.instruction));
      if (!step) return { passed: false, message: `the last build of ${o.tag} has no step matching /${o.step}/` };
      if (o.cached !== undefined && step.cached !== o.cached) {
        return { passed: false, message: `in the last build of ${o.tag}, ${step.instruction} was ${step.cached ? 'CACHED' : 'not CACHED (it ran again)'}; expected it ${o.cached ? 'CACHED' : 'to run'}` };
      }
    }
    return { passed: true, message: '' };
  },
};
