import { parseOptions, parseRegex } from '../check-parse.ts';
import type { CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const schema = z.strictObject({
  command: z.string(),
  exitCode: z.number().int().optional(),
  count: z.strictObject({ min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional() }).optional(),
});
type Options = z.infer<typeof schema> & { readonly regex: RegExp };

/** A fact from the command log: how many command lines matched (and exited with `exitCode`, when given). */
export const commandCheck: CheckKind<Options> = {
  kind: 'command',
  parse: (raw, path) => {
    const o = parseOptions(schema, raw, path);
    return { ...o, regex: parseRegex(o.command, `${path}.command`) };
  },
  evaluate(o, ctx) {
    const matched = ctx.log.filter((e) => o.regex.test(e.line) && (o.exitCode === undefined || e.exitCode === o.exitCode)).length;
    const min = o.count?.min ?? (o.count?.max !== undefined ? 0 : 1);
    const max = o.count?.max ?? Infinity;
    if (matched >= min && matched <= max) return { passed: true, message: '' };
    const what = `command${o.exitCode !== undefined ? ` exiting with ${o.exitCode}` : ''} matching /${o.command}/`;
    if (matched < min) return { passed: false, message: min === 1 ? `no ${what} was run` : `${matched} ${what} ran; expected at least ${min}` };
    return { passed: false, message: `${matched} commands matching /${o.command}/ ran; expected at most ${max}` };
  },
};
