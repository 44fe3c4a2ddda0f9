import { describe, expect, it } from 'vitest';
import { walk } from '../../engine/fs/tree.ts';
import { catalogImages } from '../../engine/image/catalog/index.ts';
import { busybox } from '../../engine/programs/busybox.ts';
import { notSimulated } from '../../engine/programs/not-simulated.ts';
import type { Program } from '../../engine/programs/process.ts';
import { containerPrograms, UNSIMULATED_CATALOG_PROGRAMS } from '../../engine/programs/registry.ts';

/** Every program name a file in some catalog image carries. */
function catalogProgramNames(): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  for (const image of catalogImages()) {
    for (const layer of image.layers) {
      if (seen.has(layer.key)) continue;
      seen.add(layer.key);
      for (const [, e] of walk(layer.tree())) if (e.type === 'file' && e.content.kind === 'synthetic' && e.content.program) names.add(e.content.program);
    }
  }
  return names;
}

describe('containerPrograms', () => {
  it('knows every program name the catalog images use: each runs, or says it is not simulated yet', () => {
    const registry = containerPrograms();
    const names = catalogProgramNames();
    const missing = [...names].filter((n) => !(n in registry));
    expect(missing).toEqual([]);
    // The not-simulated list names only what the catalog uses and nothing that runs for real.
    for (const n of UNSIMULATED_CATALOG_PROGRAMS) expect(names.has(n), n).toBe(true);
    const real = [...names].filter((n) => !UNSIMULATED_CATALOG_PROGRAMS.includes(n)).sort();
    expect(real).toEqual(['apk', 'apt', 'apt-get', 'basename', 'bash', 'busybox', 'cat', 'chmod', 'chown', 'clear', 'cp', 'curl', 'cut', 'dash', 'date', 'dirname', 'dpkg', 'echo', 'env', 'false', 'find', 'getent', 'gosu', 'grep', 'head', 'hello', 'hostname', 'id', 'ls', 'mkdir', 'mongod', 'mongosh', 'mv', 'nginx', 'printf', 'pwd', 'python3', 'redis-cli', 'redis-server', 'rm', 'rmdir', 'sed', 'seq', 'setpriv', 'sleep', 'sort', 'tail', 'tee', 'touch', 'tr', 'true', 'uname', 'uniq', 'wc', 'which', 'whoami', 'xargs']);
  });

  it('lets extra programs (the node runtime, servers) take over names', () => {
    const node: Program = async () => 0;
    expect(containerPrograms({ node }).node).toBe(node);
    expect(containerPrograms().busybox).toBe(busybox);
  });

  it('a not-simulated program says so and fails as an unexecutable file does', async () => {
    const out: string[] = [];
    const status = await notSimulated('gcc')({ argv: ['gcc', '-o', 'x'], stderr: { write: async (s: string | Uint8Array) => void out.push(String(s)) } } as never);
    expect(status).toBe(126);
    expect(out.join('')).toBe('gcc: Dockyard does not simulate gcc yet (the program file is installed, but cannot run here)\n');
  });
});
