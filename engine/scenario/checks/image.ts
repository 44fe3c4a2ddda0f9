import { humanSize } from '../../core/units.ts';
import { union } from '../../fs/union.ts';
import { TreeFs } from '../../fs/tree-fs.ts';
import { imageSize } from '../../image/store.ts';
import type { ImageStore } from '../../image/store.ts';
import type { Image } from '../../image/types.ts';
import { parseOptions, parseSize } from '../check-parse.ts';
import { findImage } from '../state.ts';
import type { CheckKind } from '../types.ts';
import { z } from '../validate.ts';

const schema = z.strictObject({
  image: z.string(),
  exists: z.boolean().optional(),
  maxSize: z.union([z.string(), z.number()]).optional(),
  maxLayers: z.number().int().nonnegative().optional(),
  minLayers: z.number().int().nonnegative().optional(),
  user: z.string().optional(),
  cmd: z.array(z.string()).optional(),
  entrypoint: z.array(z.string()).optional(),
  exposes: z.union([z.number().int(), z.string()]).optional(),
  from: z.string().optional(),
  hasFile: z.string().optional(),
  lacksFile: z.string().optional(),
});
type Options = Omit<z.infer<typeof schema>, 'maxSize'> & { readonly maxSize?: number };

export const imageCheck: CheckKind<Options> = {
  kind: 'image',
  parse: (raw, path) => {
    const o = parseOptions(schema, raw, path);
    return { ...o, maxSize: o.maxSize === undefined ? undefined : parseSize(o.maxSize, `${path}.maxSize`) };
  },
  evaluate(o, ctx) {
    const store = ctx.internals.images.store;
    const image = findImage(store, o.image);
    const exists = o.exists ?? true;
    if (!image) return exists ? { passed: false, message: `there is no image ${o.image}` } : { passed: true, message: '' };
    if (!exists) return { passed: false, message: `image ${o.image} still exists` };
    const failure = firstFailure(o, image, store);
    return failure === undefined ? { passed: true, message: '' } : { passed: false, message: failure };
  },
};

/** Layers as `docker history` counts them: the entries that made one. */
function layerCount(image: Image): number {
  return image.config.history.filter((h) => !h.empty_layer).length;
}

function firstFailure(o: Options, image: Image, store: ImageStore): string | undefined {
  const who = `image ${o.image}`;
  const config = image.config.config;
  if (o.maxSize !== undefined) {
    const size = imageSize(store, image);
    if (size > o.maxSize) return `${who} is ${humanSize(size)}; expected at most ${humanSize(o.maxSize)}`;
  }
  if (o.maxLayers !== undefined && layerCount(image) > o.maxLayers) return `${who} has ${layerCount(image)} layers; expected at most ${o.maxLayers}`;
  if (o.minLayers !== undefined && layerCount(image) < o.minLayers) return `${who} has ${layerCount(image)} layers; expected at least ${o.minLayers}`;
  if (o.user !== undefined && (config.User ?? '') !== o.user) return `${who} runs as ${config.User ? `user ${config.User}` : 'root (no USER)'}; expected user ${o.user}`;
  if (o.cmd !== undefined && JSON.stringify(config.Cmd ?? []) !== JSON.stringify(o.cmd)) return `${who} has CMD ${JSON.stringify(config.Cmd ?? [])}; expected ${JSON.stringify(o.cmd)}`;
  if (o.entrypoint !== undefined && JSON.stringify(config.Entrypoint ?? []) !== JSON.stringify(o.entrypoint)) {
    return `${who} has ENTRYPOINT ${JSON.stringify(config.Entrypoint ?? [])}; expected ${JSON.stringify(o.entrypoint)}`;
  }
  if (o.exposes !== undefined) {
    const key = String(o.exposes).includes('/') ? String(o.exposes) : `${o.exposes}/tcp`;
    const exposed = Object.keys(config.ExposedPorts ?? {});
    if (!exposed.includes(key)) return `${who} does not expose ${key} (${exposed.length > 0 ? `it exposes ${exposed.join(', ')}` : 'it exposes no ports'})`;
  }
  if (o.from !== undefined) {
    const base = findImage(store, o.from);
    if (!base) return `there is no image ${o.from} to compare ${who} with (a scenario that checks "from" pulls it in start.images)`;
    const prefix = image.layers.slice(0, base.layers.length);
    if (prefix.length !== base.layers.length || prefix.some((l, i) => l !== base.layers[i])) return `${who} is not built on ${o.from} (its lower layers are not ${o.from}'s)`;
  }
  if (o.hasFile !== undefined || o.lacksFile !== undefined) {
    const fs = new TreeFs(union(image.layers.map((l) => store.layers.get(l)!.tree)));
    if (o.hasFile !== undefined && !fs.exists(o.hasFile)) return `${who} has no ${o.hasFile}`;
    if (o.lacksFile !== undefined && fs.exists(o.lacksFile)) return `${who} contains ${o.lacksFile}; expected it not to`;
  }
  return undefined;
}
