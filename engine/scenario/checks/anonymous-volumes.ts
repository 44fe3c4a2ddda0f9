import { isAnonymous } from '../../runtime/volumes/types.ts';
import { parseOptions } from '../check-parse.ts';
import type { CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const schema = z.strictObject({ anonymousVolumes: z.strictObject({ max: z.number().int().nonnegative() }) });
type Options = z.infer<typeof schema>;

export const anonymousVolumesCheck: CheckKind<Options> = {
  kind: 'anonymousVolumes',
  parse: (raw, path) => parseOptions(schema, raw, path),
  evaluate(o, ctx) {
    const count = [...ctx.internals.volumes.store.volumes.values()].filter(isAnonymous).length;
    const max = o.anonymousVolumes.max;
    if (count <= max) return { passed: true, message: '' };
    return { passed: false, message: `there ${count === 1 ? 'is 1 anonymous volume' : `are ${count} anonymous volumes`}; expected at most ${max} (docker volume ls shows them as 64-hex names)` };
  },
};
