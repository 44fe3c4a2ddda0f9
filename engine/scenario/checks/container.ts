import { envRecord } from '../../runtime/containers/config.ts';
import type { ContainerView } from '../../runtime/containers/service.ts';
import { membershipOf } from '../../runtime/containers/network-membership.ts';
import { isAnonymous } from '../../runtime/volumes/types.ts';
import type { MachineInternals } from '../../host/machine.ts';
import { parseOptions } from '../check-parse.ts';
import { describeTarget, runsImage, selectContainers } from '../state.ts';
import type { CheckKind, CheckResult } from '../types.ts';
import { z } from '../validate.ts';

/**
 * Mount types a check may ask for. `volume` is a named volume; `anonymous` one without a name (an image's VOLUME
 * or `-v /path`), which a new container does not get back; `persistent` is what survives a new container: a named
 * volume or a bind mount.
 */
const MOUNT_TYPES = ['volume', 'anonymous', 'bind', 'tmpfs', 'persistent'] as const;
type MountKind = (typeof MOUNT_TYPES)[number];

const schema = z.strictObject({
  container: z.union([z.string(), z.strictObject({ image: z.string() })]),
  running: z.boolean().optional(),
  image: z.string().optional(),
  mount: z.strictObject({ target: z.string(), type: z.enum(MOUNT_TYPES).optional() }).optional(),
  publishes: z.union([z.number().int(), z.string().regex(/^(\d+:)?\d+(\/(tcp|udp))?$/, 'must be PORT or "HOST:CONTAINER"')]).optional(),
  network: z.string().optional(),
  env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  restartPolicy: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).optional(),
});
type Options = z.infer<typeof schema>;

export const containerCheck: CheckKind<Options> = {
  kind: 'container',
  parse: (raw, path) => parseOptions(schema, raw, path),
  evaluate(o, ctx) {
    const candidates = selectContainers(ctx.internals, o.container);
    if (candidates.length === 0) {
      const names = ctx.internals.runtime.list().map((c) => c.record.name);
      const what = typeof o.container === 'string' ? `there is no container named ${o.container}` : `no container runs from ${o.container.image}`;
      return { passed: false, message: `${what} (${names.length === 0 ? 'there are no containers' : `containers: ${names.sort().join(', ')}`})` };
    }
    let first: CheckResult | undefined;
    for (const c of candidates) {
      const failure = firstFailure(o, c, ctx.internals);
      if (failure === undefined) return { passed: true, message: '' };
      first ??= { passed: false, message: failure };
    }
    return first!;
  },
};

function firstFailure(o: Options, c: ContainerView, internals: MachineInternals): string | undefined {
  const who = typeof o.container === 'string' ? `container ${c.record.name}` : `${describeTarget(o.container)} (${c.record.name})`;
  if (o.running !== undefined && c.state.Running !== o.running) {
    return o.running ? `${who} is not running (${c.state.Status}${c.state.Status === 'exited' ? `, exit code ${c.state.ExitCode}` : ''})` : `${who} is still running`;
  }
  if (o.image !== undefined && !runsImage(internals.images.store, c, o.image)) return `${who} runs ${c.record.config.Image}, not ${o.image}`;
  if (o.mount !== undefined) {
    const failure = mountFailure(who, c, o.mount.target, o.mount.type ?? 'persistent', internals);
    if (failure) return failure;
  }
  if (o.publishes !== undefined) {
    const failure = publishFailure(who, c, String(o.publishes), internals);
    if (failure) return failure;
  }
  if (o.network !== undefined) {
    const failure = networkFailure(who, c, o.network, internals);
    if (failure) return failure;
  }
  if (o.env !== undefined) {
    const env = envRecord(c.record.config.Env);
    for (const [key, value] of Object.entries(o.env)) {
      if (env[key] === undefined) return `${who} has no ${key} in its environment`;
      if (env[key] !== String(value)) return `${who} has ${key}=${env[key]}, expected ${key}=${String(value)}`;
    }
  }
  if (o.restartPolicy !== undefined && c.record.restartPolicy.Name !== o.restartPolicy) {
    return `${who} has restart policy "${c.record.restartPolicy.Name}", expected "${o.restartPolicy}"`;
  }
  return undefined;
}

interface FoundMount {
  readonly kind: 'volume' | 'anonymous' | 'bind' | 'tmpfs';
  readonly target: string;
  readonly source: string;
}

function mountsOf(c: ContainerView, internals: MachineInternals): FoundMount[] {
  const anonymous = new Set([...internals.volumes.store.volumes.values()].filter(isAnonymous).map((v) => v.name));
  const found: FoundMount[] = c.record.mounts.map((m) => ({
    kind: m.Type === 'volume' ? (anonymous.has(m.Name ?? '') ? 'anonymous' : 'volume') : m.Type,
    target: m.Destination,
    source: m.Type === 'volume' ? (m.Name ?? m.Source) : m.Source,
  }));
  for (const target of Object.keys(c.record.tmpfs ?? {})) if (!found.some((m) => m.target === target)) found.push({ kind: 'tmpfs', target, source: '' });
  return found;
}

const KIND_TEXT: Record<FoundMount['kind'], string> = { volume: 'a volume', anonymous: 'an anonymous volume', bind: 'a bind mount', tmpfs: 'a tmpfs' };
const WANT_TEXT: Record<MountKind, string> = {
  volume: 'a named volume',
  anonymous: 'an anonymous volume',
  bind: 'a bind mount',
  tmpfs: 'a tmpfs',
  persistent: 'a named volume or a bind mount',
};

function mountFailure(who: string, c: ContainerView, target: string, type: MountKind, internals: MachineInternals): string | undefined {
  const mounts = mountsOf(c, internals);
  const clean = target.replace(/\/+$/, '') || '/';
  const at = mounts.find((m) => m.target.replace(/\/+$/, '') === clean);
  const describe = (m: FoundMount) => `${KIND_TEXT[m.kind]}${m.source && m.kind !== 'anonymous' ? ` (${m.source})` : ''} at ${m.target}`;
  if (!at) {
    const others = mounts.filter((m) => m.kind !== 'anonymous' || type === 'anonymous');
    return `${who} has no mount at ${clean}` + (others.length > 0 ? `; it has ${others.map(describe).join(', ')}` : '');
  }
  const ok = type === 'persistent' ? at.kind === 'volume' || at.kind === 'bind' : at.kind === type;
  if (ok) return undefined;
  const why = at.kind === 'anonymous' ? ': a new container gets a new, empty one' : at.kind === 'tmpfs' ? ': it lives in memory and is gone when the container stops' : '';
  return `${who} has ${describe(at)}${why}; expected ${WANT_TEXT[type]} there`;
}

function publishFailure(who: string, c: ContainerView, spec: string, internals: MachineInternals): string | undefined {
  const [hostPart, ctrPart] = spec.includes(':') ? spec.split(':') : [undefined, spec];
  const [ctrPort, proto = 'tcp'] = ctrPart!.split('/');
  const key = `${ctrPort}/${proto}`;
  if (c.record.network.mode === 'host') return `${who} uses the host network, where published ports are ignored; expected port ${ctrPort} published with -p`;
  const bindings: { containerKey: string; hostPort: string }[] = [];
  if (c.state.Running) {
    for (const [k, list] of Object.entries(internals.network.portsOf(c.record.id, c.record.network.exposedPorts))) {
      for (const b of list ?? []) bindings.push({ containerKey: k, hostPort: b.hostPort });
    }
  } else {
    for (const p of c.record.network.ports) bindings.push({ containerKey: `${p.containerPort}/${p.proto}`, hostPort: p.hostPort });
  }
  const matching = bindings.filter((b) => b.containerKey === key);
  if (matching.length > 0 && (hostPart === undefined || matching.some((b) => b.hostPort === hostPart))) return undefined;
  const shown = [...new Set(bindings.map((b) => `${b.hostPort || '(random)'}->${b.containerKey}`))];
  const expected = hostPart === undefined ? `container port ${ctrPort} published on the host` : `host port ${hostPart} published to container port ${ctrPort}`;
  return `${who} does not publish ${hostPart === undefined ? `port ${ctrPort}` : `${hostPart}:${ctrPort}`} (${shown.length > 0 ? `it publishes ${shown.join(', ')}` : 'it publishes no ports'}); expected ${expected}`;
}

function networkFailure(who: string, c: ContainerView, wanted: string, internals: MachineInternals): string | undefined {
  const names = membershipOf(c.record.network).map((m) => (m.name === 'default' ? 'bridge' : m.name));
  const byName = new Map(internals.network.networks().map((n) => [n.name, n]));
  if (wanted === 'user-defined') {
    if (names.some((n) => byName.get(n)?.driver === 'bridge' && n !== 'bridge')) return undefined;
    if (names.includes('bridge')) return `${who} is only on the default bridge network, where containers cannot find each other by name; expected a user-defined network`;
    return `${who} is on ${names.join(', ') || 'no network'}; expected a user-defined bridge network`;
  }
  if (names.includes(wanted)) return undefined;
  return `${who} is not on network ${wanted} (it is on ${names.join(', ') || 'no network'})`;
}
