import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../engine/index.ts';

function machineWith(files: Record<string, string>) {
  return createMachine({ mode: 'headless', project: Object.entries(files).map(([path, content]) => ({ path, type: 'file' as const, content })) });
}

describe('the images view', () => {
  it('has no images on a fresh machine', () => {
    expect(createMachine({ mode: 'headless' }).views.images()).toEqual({ images: [] });
  });

  it('shows each image as its layers, bottom first, marking the base layers two images share with the same group', async () => {
    const machine = machineWith({
      Dockerfile: 'FROM alpine:3.22\nWORKDIR /app\nCOPY a.txt .\nCMD ["sh"]\n',
      'other.Dockerfile': 'FROM alpine:3.22\nRUN echo other > /other.txt\n',
      'a.txt': 'a\n',
    });
    await playScript(machine, 'docker pull -q alpine:3.22\ndocker build -q -t one .\ndocker build -q -t two -f other.Dockerfile .\n');
    const { images } = machine.views.images();
    const byName = new Map(images.map((i) => [i.name, i]));
    const one = byName.get('one:latest')!;
    const two = byName.get('two:latest')!;
    const alpine = byName.get('alpine:3.22')!;
    expect(alpine.layers).toHaveLength(1);
    expect(one.layers.map((l) => l.createdBy)).toEqual([alpine.layers[0]!.createdBy, 'WORKDIR /app', 'COPY a.txt . # buildkit']);
    expect(one.configOnly).toContain('CMD ["sh"]');
    // The base layer is the same layer (chainID) in all three images, with the same mark in each.
    const base = alpine.layers[0]!;
    expect(base.shareGroup).toBeDefined();
    expect(one.layers[0]).toMatchObject({ chainId: base.chainId, shareGroup: base.shareGroup });
    expect(two.layers[0]).toMatchObject({ chainId: base.chainId, shareGroup: base.shareGroup });
    expect([...one.layers[0]!.sharedWith].sort()).toEqual(['alpine:3.22', 'two:latest']);
    // Layers only one image has are not marked.
    expect(one.layers[2]).toMatchObject({ sharedWith: [] });
    expect(one.layers[2]!.shareGroup).toBeUndefined();
    expect(one.layers[2]!.shortDiffId).toBe(one.layers[2]!.diffId.slice(7, 19));
    expect(one.sizeText).toMatch(/^\d+(\.\d+)?MB$/);
    expect(one.tags).toEqual(['one:latest']);
    expect(one.createdSince).toMatch(/ago$/);
  });

  it('shows a dangling image as <none>', async () => {
    const machine = machineWith({ Dockerfile: 'FROM alpine:3.22\nRUN echo 1 > /v\n' });
    await playScript(machine, 'docker build -q -t app .\nsed -i "s/echo 1/echo 2/" Dockerfile\ndocker build -q -t app .\n');
    const dangling = machine.views.images().images.filter((i) => i.dangling);
    expect(dangling).toHaveLength(1);
    expect(dangling[0]).toMatchObject({ tags: [], name: `<none> ${dangling[0]!.shortId}` });
  });

  it('counts a file removed in a later layer as wasted, as dive does', async () => {
    const machine = machineWith({ Dockerfile: 'FROM alpine:3.22\nRUN seq 1 2000 > /big\nRUN rm /big\n' });
    await playScript(machine, 'docker pull -q alpine:3.22\ndocker build -q -t waste .\n');
    const waste = machine.views.images().images.find((i) => i.name === 'waste:latest')!;
    // `seq 1 2000` writes 8893 bytes; the layer that removes it adds none.
    expect(waste.layers.map((l) => l.size).slice(1)).toEqual([8893, 0]);
    expect(waste.efficiency.wastedBytes).toBe(8893);
    expect(waste.efficiency.wastedText).toBe('8.89kB');
    expect(waste.efficiency.topWasted[0]).toMatchObject({ path: '/big', count: 2, size: 8893 });
    expect(waste.efficiency.score).toBeLessThan(1);
    const alpine = machine.views.images().images.find((i) => i.name === 'alpine:3.22')!;
    expect(alpine.efficiency).toMatchObject({ score: 1, wastedBytes: 0, scoreText: '100 %' });
  });

  it('is plain data', async () => {
    const machine = machineWith({ Dockerfile: 'FROM alpine:3.22\n' });
    await playScript(machine, 'docker pull -q alpine:3.22\n');
    const view = machine.views.images();
    expect(structuredClone(view)).toEqual(view);
  });
});
