import { goJsonSliced, sortedMap } from '../image/catalog/go-json.ts';
import { rfc3339Nano } from '../image/inspect.ts';
import type { ContainerConfig, Digest, HistoryEntry, ImageConfig } from '../image/types.ts';
import type { MutableConfig, PendingHistory } from './stage-state.ts';

/** Config JSON written between two pauses: a few milliseconds. */
const CONFIG_SLICE_CHARACTERS = 256 * 1024;

/** BuildKit's history comment on every line it writes. */
export const HISTORY_COMMENT = 'buildkit.dockerfile.v0';

/**
 * The image config the exporter writes: top-level keys sorted (BuildKit re-marshals a map), `config` in Docker's
 * struct order, Go maps sorted, empty fields left out. History times follow BuildKit's exporter
 * (normalizeLayersAndHistory): a new layer's line carries the time its layer was made, so a fully cached rebuild
 * writes the same bytes and keeps its image ID; a metadata line takes the time of the layer line before it.
 * Written in pieces, with a `pause()` between slices, because a config can hold a Dockerfile's worth of lines.
 */
export async function imageConfigJson(
  config: MutableConfig,
  history: readonly PendingHistory[],
  diffIds: readonly Digest[],
  pause: () => Promise<void>,
): Promise<{ json: string; config: ImageConfig }> {
  const entries = settleHistory(history);
  const created = [...entries].reverse().find((h) => h.created !== '')?.created ?? new Date(0).toISOString();
  const image: ImageConfig = {
    architecture: 'amd64',
    config: orderedConfig(config),
    created,
    history: entries,
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [...diffIds] },
  };
  return { json: await goJsonSliced(image, pause, CONFIG_SLICE_CHARACTERS), config: image };
}

export function orderedConfig(c: MutableConfig): ContainerConfig {
  const out: Record<string, unknown> = {};
  const put = (k: keyof ContainerConfig, v: unknown): void => {
    if (v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0 && k !== 'Cmd' && k !== 'Entrypoint')) out[k] = v;
  };
  put('User', c.User);
  put('ExposedPorts', c.ExposedPorts && sortedMap(c.ExposedPorts));
  put('Env', c.Env);
  put('Entrypoint', c.Entrypoint);
  put('Cmd', c.Cmd);
  put('Volumes', c.Volumes && sortedMap(c.Volumes));
  put('WorkingDir', c.WorkingDir);
  put('Labels', c.Labels && Object.keys(c.Labels).length > 0 ? sortedMap(c.Labels) : undefined);
  put('StopSignal', c.StopSignal);
  put('ArgsEscaped', c.ArgsEscaped);
  put('Healthcheck', c.Healthcheck);
  put('OnBuild', c.OnBuild && c.OnBuild.length > 0 ? c.OnBuild : undefined);
  put('Shell', c.Shell);
  return out as ContainerConfig;
}

function settleHistory(history: readonly PendingHistory[]): HistoryEntry[] {
  const iso = (t: string | number) => (typeof t === 'number' ? rfc3339(t) : t);
  // The first new layer's time stands for metadata lines written before any new layer.
  let created: string | undefined;
  let sawMissing = false;
  for (const h of history) {
    if (h.created !== undefined) {
      created = iso(h.created);
      if (sawMissing) break;
    } else sawMissing = true;
  }
  sawMissing = false;
  return history.map((h) => {
    let at: string;
    if (h.created !== undefined) {
      at = iso(h.created);
      if (sawMissing) created = at;
    } else {
      sawMissing = true;
      at = created ?? '';
    }
    return {
      created: at,
      created_by: h.createdBy,
      ...(h.comment === undefined ? {} : { comment: h.comment }),
      ...(h.emptyLayer ? { empty_layer: true } : {}),
    };
  });
}

/** Go's time.RFC3339Nano for a UTC instant (virtual ms). */
export function rfc3339(ms: number): string {
  return rfc3339Nano(new Date(ms).toISOString());
}
