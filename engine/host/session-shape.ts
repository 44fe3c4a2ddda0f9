/**
 * Checks that a decoded session has the shape of the engine state before anything restores it: a file that decodes
 * but holds the wrong things (an edited save, a bug in an old version) must be refused whole, with the place it went
 * wrong, not half-restored into a machine that then fails on some later command.
 */

import { canonicalString, parseReference } from '../image/reference.ts';

export class SessionShapeError extends Error {
  override readonly name = 'SessionShapeError';
}

type Check = (v: unknown, at: string) => void;

const fail = (at: string, what: string): never => {
  throw new SessionShapeError(`${at}: expected ${what}`);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set) && !(v instanceof Uint8Array);

const str: Check = (v, at) => void (typeof v === 'string' || fail(at, 'a string'));
const num: Check = (v, at) => void ((typeof v === 'number' && Number.isFinite(v)) || fail(at, 'a number'));
const bool: Check = (v, at) => void (typeof v === 'boolean' || fail(at, 'true or false'));
const any: Check = () => {};
const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined || check(v, at);
const nullable =
  (check: Check): Check =>
  (v, at) =>
    v === null || check(v, at);
const arrayOf =
  (check: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) fail(at, 'a list');
    (v as unknown[]).forEach((x, i) => check(x, `${at}[${i}]`));
  };
const mapOf =
  (check: Check): Check =>
  (v, at) => {
    if (!(v instanceof Map)) fail(at, 'a map');
    for (const [k, x] of v as Map<unknown, unknown>) {
      if (typeof k !== 'string') fail(at, 'string keys');
      check(x, `${at}.get(${JSON.stringify(k)})`);
    }
  };
const stringRecord: Check = (v, at) => {
  if (!isRecord(v)) fail(at, 'an object');
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) str(x, `${at}.${k}`);
};
const object =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (!isRecord(v)) fail(at, 'an object');
    const record = v as Record<string, unknown>;
    for (const [k, check] of Object.entries(fields)) check(record[k], `${at}.${k}`);
  };
const oneOf =
  (...values: readonly unknown[]): Check =>
  (v, at) =>
    void (values.includes(v) || fail(at, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`));

const meta = { mode: num, uid: num, gid: num, mtime: num };

/** A directory tree; shared subtrees are checked once (a base layer can be reachable from hundreds of places). */
function dirChecker(): Check {
  const seen = new WeakSet<object>();
  const content: Check = (v, at) => {
    if (!isRecord(v)) return fail(at, 'file content');
    if (v.kind === 'bytes') return void (v.bytes instanceof Uint8Array || fail(`${at}.bytes`, 'bytes'));
    if (v.kind === 'synthetic') return object({ size: num, seed: str, program: optional(str) })(v, at);
    // Lazy content comes back from its recipe, which rebuilds a function, not from data.
    if (v.kind === 'lazy') return void (typeof v.chunks === 'function' || fail(at, 'rebuilt archive content'));
    fail(`${at}.kind`, '"bytes", "synthetic" or "lazy"');
  };
  const entry: Check = (v, at) => {
    if (!isRecord(v)) return fail(at, 'a file, directory or symlink');
    if (seen.has(v)) return;
    object(meta)(v, at);
    if (v.type === 'file') content(v.content, `${at}.content`);
    else if (v.type === 'symlink') str(v.target, `${at}.target`);
    else if (v.type === 'dir') {
      optional(bool)(v.opaque, `${at}.opaque`);
      if (!(v.children instanceof Map)) fail(`${at}.children`, 'a map');
      for (const [name, child] of v.children as Map<unknown, unknown>) {
        if (typeof name !== 'string' || name === '' || name === '.' || name === '..' || name.includes('/')) fail(`${at}.children`, 'file names');
        entry(child, `${at}/${name as string}`);
      }
    } else fail(`${at}.type`, '"file", "dir" or "symlink"');
    seen.add(v);
  };
  return (v, at) => {
    if (!isRecord(v) || v.type !== 'dir') fail(at, 'a directory');
    entry(v, at);
  };
}

/** A directory tree, every entry of it. */
export function checkDirTree(tree: unknown, at: string): void {
  dirChecker()(tree, at);
}

export function checkEngineState(state: unknown): void {
  const dir = dirChecker();
  const newLayer = object({ diffId: str, size: num, tree: dir });
  const layer = object({ chainId: str, diffId: str, parent: optional(str), size: num, tree: dir });
  const image = object({ id: str, configJson: str, config: object({ config: object({}), history: arrayOf(object({})), rootfs: object({ diff_ids: arrayOf(str) }) }), layers: arrayOf(str), repoDigests: arrayOf(str), lastTagTime: optional(num), parent: optional(str) });
  const cacheRecord = object({ key: str, parent: str, definition: stringRecord, files: optional(mapOf(str)), layer: newLayer, description: str, createdAt: num, lastUsedAt: num, usageCount: num });
  const cachedSource = object({ ref: str, manifestDigest: str, layers: arrayOf(newLayer), createdAt: num, lastUsedAt: num });
  const cacheMount = object({ id: str, tree: dir, createdAt: num, lastUsedAt: num, usageCount: num });
  const volume = object({ name: str, driver: str, labels: nullable(stringRecord), options: nullable(stringRecord), createdAt: num, content: dir });
  const network = object({ id: str, name: str, driver: oneOf('bridge', 'host', 'null'), created: num, predefined: bool, dns: bool, internal: bool, attachable: bool, options: stringRecord, labels: stringRecord });
  const endpoint = object({ networkId: str, endpointId: str, containerId: str, containerName: str, hostname: str, ipAddress: str, prefixLen: num, gateway: str, macAddress: str, aliases: arrayOf(str) });
  const port = object({ containerId: str, proto: str, hostIp: str, hostPort: num, containerPort: num, containerIp: str, bothFamilies: bool });
  const mountPoint = object({ Type: str, Source: str, Destination: str, Mode: str, RW: bool, Propagation: str });
  const container = object({
    id: str,
    name: str,
    imageId: str,
    imageLayers: arrayOf(str),
    created: num,
    path: str,
    args: arrayOf(str),
    config: object({ Hostname: str, User: str, Env: arrayOf(str), Image: str, WorkingDir: str, Tty: bool, OpenStdin: bool }),
    autoRemove: bool,
    restartPolicy: object({ Name: str, MaximumRetryCount: num }),
    network: object({ mode: str, ports: arrayOf(any), publishAll: bool, exposedPorts: arrayOf(str) }),
    binds: nullable(arrayOf(str)),
    mounts: arrayOf(mountPoint),
    layer: dir,
    logs: arrayOf(object({ stream: oneOf('stdout', 'stderr'), time: num, text: str })),
  });
  // XState's persisted snapshot: the machine checks its own states when it resumes; here, that it is one.
  const lifecycle = object({ status: str, value: any, context: (v, at) => void (isRecord(v) || fail(at, 'an object')) });

  object({
    now: num,
    ids: object({ seed: num, counter: num }),
    hostRoot: dir,
    images: object({ layers: mapOf(layer), images: mapOf(image), tags: mapOf(str) }),
    buildCache: object({ records: mapOf(cacheRecord), sources: mapOf(cachedSource), contexts: mapOf(dir), mounts: mapOf(cacheMount) }),
    volumes: object({ volumes: mapOf(volume) }),
    networks: object({ networks: mapOf(network), endpoints: mapOf(arrayOf(endpoint)), ports: arrayOf(port), nextDynamicPort: num }),
    containers: object({ records: mapOf(container), lifecycles: mapOf(lifecycle) }),
    // What the build picture reads (format 1 saves without it get an empty list from their migration).
    builds: arrayOf(
      object({ seq: num, builder: oneOf('buildkit', 'legacy'), dockerfileName: str, tags: arrayOf(str), startedAt: num, finishedAt: num, outcome: object({ ok: bool }), steps: arrayOf(object({})), skippedStages: arrayOf(str) }),
    ),
  })(state, 'state');

  // Cross-references the engine relies on without checking: every name must lead somewhere.
  const s = state as { images: { layers: Map<string, unknown>; images: Map<string, { layers: string[]; repoDigests: string[] }>; tags: Map<string, string> }; containers: { records: Map<string, unknown>; lifecycles: Map<string, unknown> } };
  for (const [id, img] of s.images.images) for (const l of img.layers) if (!s.images.layers.has(l)) fail(`state.images.images.get("${id}")`, `its layer ${l} to be stored`);
  for (const [ref, id] of s.images.tags) {
    if (!isCanonicalReference(ref)) fail(`state.images.tags`, `a reference, not "${ref}"`);
    if (!s.images.images.has(id)) fail(`state.images.tags.get("${ref}")`, 'a stored image');
  }
  for (const [id, img] of s.images.images) {
    for (const ref of img.repoDigests) if (!isCanonicalReference(ref)) fail(`state.images.images.get("${id}").repoDigests`, `a reference, not "${ref}"`);
  }
  for (const id of s.containers.records.keys()) if (!s.containers.lifecycles.has(id)) fail(`state.containers.lifecycles`, `a lifecycle for ${id}`);
  for (const id of s.containers.lifecycles.keys()) if (!s.containers.records.has(id)) fail(`state.containers.records`, `a record for ${id}`);
}

/** A reference as the store keeps it (`docker.io/library/node:20`): every listing parses it again. */
function isCanonicalReference(text: string): boolean {
  try {
    return canonicalString(parseReference(text)) === text;
  } catch {
    return false;
  }
}
