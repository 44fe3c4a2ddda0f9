import { parseOptions } from '../check-parse.ts';
import type { CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const schema = z.strictObject({
  volume: z.string(),
  exists: z.boolean().optional(),
  holds: z.string().optional(),
});
type Options = z.infer<typeof schema>;

export const volumeCheck: CheckKind<Options> = {
  kind: 'volume',
  parse: (raw, path) => parseOptions(schema, raw, path),
  evaluate(o, ctx) {
    const exists = ctx.internals.volumes.store.volumes.has(o.volume);
    const wantExists = o.exists ?? true;
    if (!exists) return wantExists ? { passed: false, message: `there is no volume named ${o.volume}` } : { passed: true, message: '' };
    if (!wantExists) return { passed: false, message: `volume ${o.volume} still exists` };
    if (o.holds !== undefined) {
      const path = '/' + o.holds.replace(/^\/+/, '');
      if (!ctx.internals.volumes.dataFs(o.volume).exists(path)) return { passed: false, message: `volume ${o.volume} holds no ${path}` };
    }
    return { passed: true, message: '' };
  },
};
