import { membershipOf } from '../../runtime/containers/network-membership.ts';
import { parseOptions } from '../check-parse.ts';
import type { CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const schema = z.strictObject({
  network: z.string(),
  exists: z.boolean().optional(),
  driver: z.enum(['bridge', 'host', 'null']).optional(),
  containers: z.array(z.string()).optional(),
});
type Options = z.infer<typeof schema>;

export const networkCheck: CheckKind<Options> = {
  kind: 'network',
  parse: (raw, path) => parseOptions(schema, raw, path),
  evaluate(o, ctx) {
    const network = ctx.internals.network.networks().find((n) => n.name === o.network);
    const wantExists = o.exists ?? true;
    if (!network) return wantExists ? { passed: false, message: `there is no network named ${o.network}` } : { passed: true, message: '' };
    if (!wantExists) return { passed: false, message: `network ${o.network} still exists` };
    if (o.driver !== undefined && network.driver !== o.driver) return { passed: false, message: `network ${o.network} uses the ${network.driver} driver; expected ${o.driver}` };
    for (const name of o.containers ?? []) {
      const c = ctx.internals.runtime.list().find((v) => v.record.name === name);
      if (!c) return { passed: false, message: `there is no container named ${name} to be on network ${o.network}` };
      const on = membershipOf(c.record.network).some((m) => m.name === o.network);
      if (!on) return { passed: false, message: `container ${name} is not on network ${o.network}` };
    }
    return { passed: true, message: '' };
  },
};
