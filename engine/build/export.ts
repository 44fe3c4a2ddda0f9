import { digestTextSliced } from '../fs/digest.ts';
import { parseReference } from '../image/reference.ts';
import { addLayers, putImage, setTag, type ImageStore } from '../image/store.ts';
import type { Digest } from '../image/types.ts';
import type { BuilderEnv } from './builder.ts';
import { imageConfigJson } from './image-config.ts';
import type { SolveProgress } from './solve-progress.ts';
import type { StageState } from './stage-state.ts';
import type { BuildRequest, BuildResult } from './types.ts';

/** The exporter: store the layers, write the config (its digest is the image ID), move the tags. */
export async function exportImage(st: StageState, req: BuildRequest, env: BuilderEnv, progress: SolveProgress): Promise<BuildResult> {
  const { clock } = env;
  const vertex = await progress.start('exporting to image');
  const started = clock.now();
  const newBytes = st.snapshot.layers.reduce((n, l) => n + l.size, 0);
  await clock.sleep(Math.min(2_000, 30 + Math.round(newBytes / 400_000_000)), env.signal);
  await progress.status(vertex, 'exporting layers', {}, started);

  if (Object.keys(req.labels).length > 0) st.config.Labels = { ...(st.config.Labels ?? {}), ...req.labels };
  const diffIds = st.snapshot.layers.map((l) => l.diffId);
  const { json, config } = await imageConfigJson(st.config, st.history, diffIds, () => clock.yield());
  const id = await digestTextSliced(json, clock);
  const displaced: Digest[] = [];
  let imageId = '';
  env.images.update((store: ImageStore) => {
    const { store: withLayers, chain } = addLayers(store, st.snapshot.layers);
    imageId = id;
    const existing = withLayers.images.get(id);
    let next = putImage(withLayers, {
      id,
      configJson: json,
      config,
      layers: chain,
      repoDigests: existing?.repoDigests ?? [],
      ...(req.tags.length > 0 ? { lastTagTime: clock.now() } : existing?.lastTagTime !== undefined ? { lastTagTime: existing.lastTagTime } : {}),
    });
    for (const tag of req.tags) {
      const moved = setTag(next, parseReference(tag), id);
      next = moved.store;
      if (moved.previous) displaced.push(moved.previous);
    }
    return { store: next };
  });
  await progress.status(vertex, `writing image ${imageId}`);
  for (const tag of req.tags) await progress.status(vertex, `naming to ${tag}`);
  await progress.done(vertex);
  return { imageId, steps: [], displaced };
}
