import type { Fs } from '../../fs/types.ts';
import { parseOptions, parseRegex } from '../check-parse.ts';
import { containerFs, hostPath, selectContainers } from '../state.ts';
import type { CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const schema = z.strictObject({
  file: z.union([z.string(), z.strictObject({ container: z.string(), path: z.string() })]),
  exists: z.boolean().optional(),
  contains: z.string().optional(),
  matches: z.string().optional(),
  equals: z.string().optional(),
});
type Options = z.infer<typeof schema> & { readonly regex?: RegExp };

export const fileCheck: CheckKind<Options> = {
  kind: 'file',
  parse: (raw, path) => {
    const o = parseOptions(schema, raw, path);
    return o.matches === undefined ? o : { ...o, regex: parseRegex(o.matches, `${path}.matches`, 'm') };
  },
  evaluate(o, ctx) {
    let fs: Fs;
    let path: string;
    let who: string;
    if (typeof o.file === 'string') {
      fs = ctx.machine.hostFs;
      path = hostPath(o.file);
      who = o.file;
    } else {
      const c = selectContainers(ctx.internals, o.file.container)[0];
      if (!c) return { passed: false, message: `there is no container named ${o.file.container} to look for ${o.file.path} in` };
      fs = containerFs(ctx.internals, c.record.id);
      path = o.file.path;
      who = `${o.file.path} in container ${o.file.container}`;
    }
    const exists = fs.exists(path) && fs.stat(path).type === 'file';
    const wantExists = o.exists ?? true;
    if (!exists) return wantExists ? { passed: false, message: `${who} does not exist` } : { passed: true, message: '' };
    if (!wantExists) return { passed: false, message: `${who} exists; expected it not to` };
    if (o.contains === undefined && o.regex === undefined && o.equals === undefined) return { passed: true, message: '' };
    const text = fs.readText(path);
    if (o.contains !== undefined && !text.includes(o.contains)) return { passed: false, message: `${who} does not contain ${JSON.stringify(o.contains)}` };
    if (o.regex !== undefined && !o.regex.test(text)) return { passed: false, message: `${who} does not match /${o.regex.source}/` };
    if (o.equals !== undefined && text !== o.equals && text.replace(/\n$/, '') !== o.equals.replace(/\n$/, '')) return { passed: false, message: `${who} does not have the expected content` };
    return { passed: true, message: '' };
  },
};
