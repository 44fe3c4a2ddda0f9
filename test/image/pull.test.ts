import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../engine/core/clock.ts';
import { driveHeadless } from '../../engine/host/driver.ts';
import { pull, type PullProgress } from '../../engine/image/pull.ts';
import { EMPTY_STORE, type ImageStore } from '../../engine/image/store.ts';
import { fakeRegistry, image, layer } from './fake-registry.ts';

const base = layer('debian', 120_000_000);
const node = image([base, layer('node', 200_000_000), layer('yarn', 5_000_000)], ['node']);
const python = image([base, layer('python', 150_000_000)], ['python3']);
const registry = fakeRegistry({ 'library/node': { '20': node, lts: node }, 'library/python': { '3.12': python } });

async function run(text: string, store: ImageStore) {
  const clock = new VirtualClock(0);
  const events: PullProgress[] = [];
  let current = store;
  const result = await driveHeadless(clock, pull(text, () => current, { registry, clock, now: () => clock.now(), onProgress: (e) => events.push(e) }), () => {});
  current = result.store;
  const lines = events.filter((e) => !(e.kind === 'layer' && (e.status === 'Downloading' || e.status === 'Extracting')));
  return { result, events, lines, elapsed: clock.now() };
}

const describeLine = (e: PullProgress) =>
  e.kind === 'layer' ? `${e.id}: ${e.status}` : e.kind === 'pulling-from' ? `${e.tag}: Pulling from ${e.repository}` : e.kind === 'digest' ? 'Digest' : `Status: ${e.text}`;

describe('pull', () => {
  it('downloads every layer of a new image, then tags it', async () => {
    const { result, lines, elapsed } = await run('node:20', EMPTY_STORE);
    expect(lines.map(describeLine).slice(0, 4)).toEqual(['20: Pulling from library/node', ...node.layers.map((l) => `${l.diffId.slice(7, 19)}: Pulling fs layer`)]);
    for (const l of node.layers) {
      const id = l.diffId.slice(7, 19);
      const mine = lines.map(describeLine).filter((x) => x.startsWith(id));
      expect(mine).toEqual([`${id}: Pulling fs layer`, `${id}: Verifying Checksum`, `${id}: Download complete`, `${id}: Pull complete`]);
    }
    expect(lines.at(-1)).toEqual({ kind: 'status', text: 'Downloaded newer image for node:20' });
    expect(result.store.tags.get('docker.io/library/node:20')).toBe(node.id);
    expect(result.store.images.get(node.id)!.repoDigests).toEqual([`docker.io/library/node@${node.manifestDigest}`]);
    // 325 MB at 60 MB/s take a few virtual seconds, not none.
    expect(elapsed).toBeGreaterThan(2_000);
    expect(result.canonical).toBe('docker.io/library/node:20');
  });

  it('says Already exists for layers another image brought', async () => {
    const first = await run('python:3.12', EMPTY_STORE);
    const { lines } = await run('node:20', first.result.store);
    expect(lines.map(describeLine)).toContain(`${base.diffId.slice(7, 19)}: Already exists`);
    expect(lines.map(describeLine)).not.toContain(`${base.diffId.slice(7, 19)}: Pulling fs layer`);
  });

  it('is up to date the second time, and an alias tag is the same image', async () => {
    const first = await run('node:20', EMPTY_STORE);
    const again = await run('node:20', first.result.store);
    expect(again.result.upToDate).toBe(true);
    expect(again.lines.map(describeLine)).toEqual(['20: Pulling from library/node', 'Digest', 'Status: Image is up to date for node:20']);
    const alias = await run('node:lts', first.result.store);
    expect(alias.result.id).toBe(first.result.id);
    expect(alias.lines.filter((e) => e.kind === 'layer').every((e) => e.kind === 'layer' && e.status === 'Already exists')).toBe(true);
    expect(alias.lines.at(-1)).toEqual({ kind: 'status', text: 'Downloaded newer image for node:lts' });
  });

  it('fails in Docker’s words for a missing repository, tag or registry', async () => {
    await expect(run('nosuchimage', EMPTY_STORE)).rejects.toThrow(
      "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
    await expect(run('node:99', EMPTY_STORE)).rejects.toThrow('Error response from daemon: manifest for node:99 not found: manifest unknown: manifest unknown');
    await expect(run('ghcr.io/x/y', EMPTY_STORE)).rejects.toThrow('Error response from daemon: Get "https://ghcr.io/v2/": dial tcp: lookup ghcr.io: no such host');
  });

  it('waits with the fourth and later layers, and unpacks in order', async () => {
    const many = image([layer('l1', 1000), layer('l2', 1000), layer('l3', 1000), layer('l4', 1000), layer('l5', 1000)]);
    const clock = new VirtualClock(0);
    const events: PullProgress[] = [];
    await driveHeadless(clock, pull('many', () => EMPTY_STORE, { registry: fakeRegistry({ 'library/many': { latest: many } }), clock, now: () => 0, onProgress: (e) => events.push(e) }), () => {});
    const waiting = events.filter((e) => e.kind === 'layer' && e.status === 'Waiting').map((e) => (e.kind === 'layer' ? e.id : ''));
    expect(waiting).toEqual(many.layers.slice(3).map((l) => l.diffId.slice(7, 19)));
    const completes = events.filter((e) => e.kind === 'layer' && e.status === 'Pull complete').map((e) => (e.kind === 'layer' ? e.id : ''));
    expect(completes).toEqual(many.layers.map((l) => l.diffId.slice(7, 19)));
  });
});
