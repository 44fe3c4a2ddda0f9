import fc from 'fast-check';
import { expect, test } from 'vitest';
import { createMachine, type Machine, type Terminal } from '../../engine/index.ts';
import { machineInternals } from '../../engine/host/machine.ts';
import { deserializeSnapshot, serializeSnapshot } from '../../engine/sessions.ts';
import { readContent } from '../../engine/fs/content.ts';
import { getEntry } from '../../engine/fs/tree.ts';
import type { ContainerView } from '../../engine/runtime/containers/service.ts';
import { isAnonymous } from '../../engine/runtime/volumes/types.ts';
import { fuzzParameters, leakIn } from '../property.ts';

/**
 * Model-based test of the whole daemon: random sequences of docker command lines (pulls, builds, tags, removals,
 * containers with volumes, ports and networks, prunes, writes into volumes) on a headless machine. After every
 * command the engine's state must keep Docker's rules, whatever the command answered.
 */

const IMAGES = ['alpine', 'busybox', 'nginx', 'redis', 'mongo', 'mine:1', 'mine:2', 'alpine:3.19'];
const NAMES = ['c1', 'c2', 'c3', 'c4'];
const VOLUMES = ['v1', 'v2', 'v3'];
const NETWORKS = ['n1', 'n2'];

/** Dockerfiles in the project, built by `docker build -f`. */
const PROJECT = [
  { path: 'a.Dockerfile', type: 'file' as const, content: 'FROM alpine\nRUN echo built > /built\nCMD ["sleep", "3600"]\n' },
  { path: 'b.Dockerfile', type: 'file' as const, content: 'FROM busybox\nVOLUME /data\nCMD ["sleep", "3600"]\n' },
  { path: 'c.Dockerfile', type: 'file' as const, content: 'FROM alpine\nCOPY . /app\n' },
  { path: 'bad.Dockerfile', type: 'file' as const, content: 'FROM alpine\nRUN exit 3\n' },
];

/** A command line, and for a write into `/data` what it wrote where, so the model can follow the volume's data. */
interface Step {
  readonly line: string;
  readonly write?: { readonly container?: string; readonly volume?: string; readonly file: string; readonly token: string };
}

const pick = <T,>(values: readonly T[]) => fc.constantFrom(...values);
const maybe = (flag: string) => fc.constantFrom('', flag);

/** What a container keeps running (a shell alone would exit at once without a terminal). */
function mainCommand(image: string): string {
  return /^(alpine|busybox|mine:1)/.test(image) ? ' sleep 3600' : '';
}

const publish = fc.constantFrom('', '', '-p 8080:80', '-p 8081:80', '-p 127.0.0.1:8080:80', '-p 8080:80/udp', '-p 80', '-P');
const mount = fc.oneof(fc.constant(''), pick(VOLUMES).map((v) => `-v ${v}:/data`), fc.constant('-v /data'));
const networkFlag = fc.constantFrom('', '', '--network n1', '--network n2', '--network host', '--network none');

const runLine = fc
  .record({ verb: fc.constantFrom('run -d', 'run -d', 'create'), name: fc.option(pick(NAMES), { nil: undefined, freq: 6 }), mount, publish, net: networkFlag, image: pick(IMAGES), rm: maybe('--rm') })
  .map(({ verb, name, mount, publish, net, image, rm }): Step => {
    const flags = [name ? `--name ${name}` : '', rm, mount, publish, net].filter(Boolean).join(' ');
    return { line: `docker ${verb} ${flags} ${image}${mainCommand(image)}`.replace(/ +/g, ' ') };
  });

const token = fc.integer({ min: 0, max: 1e6 }).map((n) => `t${n}`);
const file = fc.constantFrom('f1', 'f2');

/** Not a command: the page saves the session and loads it into a new machine. */
const RELOAD = '# reload';

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ line: RELOAD }) },
  { weight: 3, arbitrary: pick(IMAGES.slice(0, 5)).map((i) => ({ line: `docker pull -q ${i}` })) },
  { weight: 2, arbitrary: fc.tuple(pick(['a', 'b', 'c', 'bad']), pick(['mine:1', 'mine:2'])).map(([f, t]) => ({ line: `docker build -q -f ${f}.Dockerfile -t ${t} .` })) },
  { weight: 1, arbitrary: fc.tuple(pick(IMAGES), pick(['mine:1', 'mine:2', 'other'])).map(([i, t]) => ({ line: `docker tag ${i} ${t}` })) },
  { weight: 2, arbitrary: fc.tuple(maybe('-f'), pick([...IMAGES, 'other'])).map(([f, i]) => ({ line: `docker rmi ${f} ${i}` })) },
  { weight: 8, arbitrary: runLine },
  {
    weight: 1,
    arbitrary: fc.tuple(pick(VOLUMES), file, token).map(([volume, f, t]) => ({
      line: `docker run --rm -v ${volume}:/data alpine sh -c 'echo ${t} > /data/${f}'`,
      write: { volume, file: f, token: t },
    })),
  },
  {
    weight: 3,
    arbitrary: fc.tuple(pick(NAMES), file, token).map(([container, f, t]) => ({
      line: `docker exec ${container} sh -c 'echo ${t} > /data/${f}'`,
      write: { container, file: f, token: t },
    })),
  },
  { weight: 3, arbitrary: fc.tuple(pick(['start', 'stop -t 1', 'kill', 'restart -t 1', 'pause', 'unpause']), pick(NAMES)).map(([v, n]) => ({ line: `docker ${v} ${n}` })) },
  { weight: 2, arbitrary: fc.tuple(pick(['', '-f', '-v', '-fv']), pick(NAMES)).map(([f, n]) => ({ line: `docker rm ${f} ${n}` })) },
  { weight: 1, arbitrary: pick(VOLUMES).map((v) => ({ line: `docker volume create ${v}` })) },
  { weight: 1, arbitrary: fc.tuple(maybe('-f'), pick(VOLUMES)).map(([f, v]) => ({ line: `docker volume rm ${f} ${v}` })) },
  { weight: 1, arbitrary: maybe('-a').map((a) => ({ line: `docker volume prune -f ${a}` })) },
  { weight: 1, arbitrary: pick(NETWORKS).map((n) => ({ line: `docker network create ${n}` })) },
  { weight: 2, arbitrary: fc.tuple(pick(['connect', 'disconnect']), pick([...NETWORKS, 'bridge']), pick(NAMES)).map(([v, n, c]) => ({ line: `docker network ${v} ${n} ${c}` })) },
  { weight: 1, arbitrary: pick(NETWORKS).map((n) => ({ line: `docker network rm ${n}` })) },
  {
    weight: 1,
    arbitrary: pick(['network prune -f', 'container prune -f', 'image prune -f', 'image prune -af', 'system prune -f', 'system prune -af', 'system prune -af --volumes']).map((c) => ({ line: `docker ${c}` })),
  },
);

/** Commands after which a volume may be gone: those that remove volumes, and nothing else. */
const REMOVES_VOLUMES = /^docker (volume (rm|prune)|rm -f?v|system prune .*--volumes|run .*--rm)/;

interface Model {
  /** What each volume must hold (file → content), from the writes that succeeded. */
  readonly volumeData: Map<string, Map<string, string>>;
}

/** Before a command: the containers, and which volumes are anonymous. */
interface Before {
  readonly containers: readonly ContainerView[];
  readonly anonymous: ReadonlySet<string>;
}

function before(machine: Machine): Before {
  const { runtime, volumes } = machineInternals(machine);
  return { containers: runtime.list(), anonymous: new Set([...volumes.store.volumes.values()].filter(isAnonymous).map((v) => v.name)) };
}

/** An anonymous volume goes with its `--rm` container: Docker removes it with the container, as `rm -v` would. */
function removedWithContainer(machine: Machine, volume: string, was: Before): boolean {
  if (!was.anonymous.has(volume)) return false;
  const now = new Set(machineInternals(machine).runtime.list().map((c) => c.record.id));
  return was.containers.some((c) => c.record.autoRemove && !now.has(c.record.id) && c.record.mounts.some((m) => m.Name === volume));
}

async function runCommand(terminal: Terminal, line: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, out };
}

/** The volume a container has at /data, if any. */
function volumeAtData(machine: Machine, container: string): string | undefined {
  const { runtime } = machineInternals(machine);
  const found = runtime.list().find((c) => c.record.name === container);
  return found?.record.mounts.find((m) => m.Type === 'volume' && m.Destination === '/data')?.Name;
}

function checkInvariants(machine: Machine, model: Model, step: Step, was: Before, psOutput: string): void {
  const { images, runtime, volumes, network } = machineInternals(machine);
  const store = images.store;
  const containers = runtime.list();

  // Images and layers: nothing refers to a missing layer, and every stored layer is still needed by someone.
  for (const image of store.images.values()) for (const l of image.layers) expect(store.layers.has(l), `image ${image.id} lost layer ${l}`).toBe(true);
  for (const [ref, id] of store.tags) expect(store.images.has(id), `tag ${ref} names missing image ${id}`).toBe(true);
  for (const layer of store.layers.values()) if (layer.parent) expect(store.layers.has(layer.parent), `layer ${layer.chainId} lost its parent`).toBe(true);
  for (const c of containers) for (const l of c.record.imageLayers) expect(store.layers.has(l), `container ${c.record.name} lost layer ${l}`).toBe(true);
  const needed = new Set<string>();
  for (const image of store.images.values()) for (const l of image.layers) needed.add(l);
  for (const c of containers) for (const l of c.record.imageLayers) needed.add(l);
  for (const chainId of store.layers.keys()) expect(needed.has(chainId), `layer ${chainId} is kept with no image or container using it`).toBe(true);

  // Volumes: data is lost only with the volume, and only a command that removes volumes removes one.
  for (const [name, files] of model.volumeData) {
    const volume = volumes.store.volumes.get(name);
    if (!volume) {
      if (!removedWithContainer(machine, name, was)) expect(step.line, `volume ${name} vanished`).toMatch(REMOVES_VOLUMES);
      model.volumeData.delete(name);
      continue;
    }
    for (const [file, content] of files) {
      const entry = getEntry(volume.content, file);
      expect(entry?.type, `${name}/${file} is gone`).toBe('file');
      if (entry?.type === 'file') expect(new TextDecoder().decode(readContent(entry.content))).toBe(`${content}\n`);
    }
  }
  // Every mounted volume exists.
  for (const c of containers) for (const m of c.record.mounts) if (m.Type === 'volume') expect(volumes.store.volumes.has(m.Name!), `${c.record.name} mounts missing volume ${m.Name}`).toBe(true);

  // Ports: no two bindings of the same port and protocol on overlapping addresses; only running containers hold any.
  const running = new Set(containers.filter((c) => c.state.Running).map((c) => c.record.id));
  const ports = network.state.ports;
  for (const [i, a] of ports.entries()) {
    expect(running.has(a.containerId), `port ${a.hostPort} held by a container that is not running`).toBe(true);
    for (const b of ports.slice(i + 1)) {
      const overlap = a.hostIp === b.hostIp || a.hostIp === '0.0.0.0' || b.hostIp === '0.0.0.0';
      expect(a.proto === b.proto && a.hostPort === b.hostPort && overlap, `host port ${a.hostIp}:${a.hostPort}/${a.proto} booked twice`).toBe(false);
    }
  }
  // Endpoints: only running containers have them, one per network, and no address is given twice on a network.
  const addresses = new Map<string, string>();
  for (const [containerId, endpoints] of network.state.endpoints) {
    expect(running.has(containerId), `endpoints kept for a container that is not running`).toBe(true);
    const networks = endpoints.map((e) => e.networkId);
    expect(new Set(networks).size, `container joined a network twice`).toBe(networks.length);
    for (const e of endpoints) {
      expect(network.state.networks.has(e.networkId), `endpoint on a removed network`).toBe(true);
      if (e.ipAddress === '') continue;
      const key = `${e.networkId} ${e.ipAddress}`;
      expect(addresses.get(key), `${e.ipAddress} given twice`).toBeUndefined();
      addresses.set(key, containerId);
    }
  }

  // `docker ps -a` agrees with the statecharts.
  const listed = psOutput.split('\n').filter(Boolean).sort();
  const expected = containers.map((c) => `${c.record.id} ${c.record.name} ${c.state.Status}`).sort();
  expect(listed).toEqual(expected);
  for (const c of containers) {
    expect(c.state.removed).toBe(false);
    expect(c.state.Running).toBe(['running', 'paused', 'restarting'].includes(c.state.Status) || c.state.phase === 'removing.killing');
  }
}

test('random docker command sequences keep the daemon consistent', async () => {
  // What the sequences reached, so a change that makes every command fail cannot pass unnoticed.
  const reached = { volumeWrites: 0, publishedPorts: 0, reloads: 0 };
  await fc.assert(
    fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 25 }), async (steps) => {
      let machine = createMachine({ mode: 'headless', project: PROJECT, seed: 7 });
      let terminal = machine.openTerminal();
      const model: Model = { volumeData: new Map() };
      for (const step of steps) {
        // Where an exec writes is known only once the container exists: read it before the command runs.
        const target = step.write?.volume ?? (step.write?.container ? volumeAtData(machine, step.write.container) : undefined);
        const was = before(machine);
        if (step.line === RELOAD) {
          // The page reloaded: a new machine from the session it saved, running containers back as after a crash.
          const next = createMachine({ mode: 'headless', seed: 7 });
          next.restore(deserializeSnapshot(serializeSnapshot(machine.snapshot())));
          machine = next;
          terminal = machine.openTerminal();
        }
        const { code, out } = step.line === RELOAD ? { code: 0, out: '' } : await runCommand(terminal, step.line);
        expect(Number.isInteger(code) && code >= 0 && code <= 255, `exit code ${code}`).toBe(true);
        expect(leakIn(out), `${step.line}\n${out}`).toBeUndefined();
        if (code === 0 && step.write && target) {
          const files = model.volumeData.get(target) ?? new Map<string, string>();
          files.set(step.write.file, step.write.token);
          model.volumeData.set(target, files);
          reached.volumeWrites++;
        }
        if (machineInternals(machine).network.state.ports.length > 0) reached.publishedPorts++;
        if (step.line === RELOAD) reached.reloads++;
        const ps = await runCommand(terminal, `docker ps -a --no-trunc --format '{{.ID}} {{.Names}} {{.State}}'`);
        expect(ps.code).toBe(0);
        checkInvariants(machine, model, step, was, ps.out);
      }
    }),
    fuzzParameters(60),
  );
  for (const [what, count] of Object.entries(reached)) expect(count, what).toBeGreaterThan(5);
}, 120_000);
