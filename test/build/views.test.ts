import { describe, expect, it } from 'vitest';
import { createMachine, playScript } from '../../engine/index.ts';

const DOCKERFILE = 'FROM alpine:3.22\nWORKDIR /app\nCOPY package.json .\nRUN echo deps > deps.txt\nCOPY src ./src\nRUN cat src/a.txt > out.txt\nCMD ["sh"]\n';

function machineWith(files: Record<string, string> = {}) {
  const project = Object.entries({ Dockerfile: DOCKERFILE, 'package.json': '{}\n', 'src/a.txt': 'a\n', ...files }).map(([path, content]) => ({ path, type: 'file' as const, content }));
  return createMachine({ mode: 'headless', project });
}

describe('the builds view', () => {
  it('a first build shows every step built, none invalidated (nothing was cached to lose)', async () => {
    const machine = machineWith();
    await playScript(machine, 'docker build -q -t pic .\n');
    const [build] = machine.views.builds().builds;
    expect(build).toMatchObject({ seq: 1, builder: 'buildkit', dockerfileName: 'Dockerfile', tags: ['pic:latest'], ok: true, cachedCount: 0, builtCount: 5 });
    expect(build!.steps.map((s) => [s.label, s.status])).toEqual([
      ['[2/6] WORKDIR /app', 'built'],
      ['[3/6] COPY package.json .', 'built'],
      ['[4/6] RUN echo deps > deps.txt', 'built'],
      ['[5/6] COPY src ./src', 'built'],
      ['[6/6] RUN cat src/a.txt > out.txt', 'built'],
    ]);
    expect(build!.steps[0]!.reason).toBe('not in the cache: never built before');
    expect(build!.steps.every((s) => s.invalidatedBy === undefined && s.invalidates.length === 0)).toBe(true);
    expect(build!.shortImageId).toMatch(/^[0-9a-f]{12}$/);
    expect(build!.startedText).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(build!.steps.map((s) => s.durationText)).toEqual(build!.steps.map(() => expect.stringMatching(/^\d+\.\ds$/)));
  });

  it('after a source change: dependency steps CACHED, the COPY misses with the file named, and the step after it is marked invalidated by it', async () => {
    const machine = machineWith();
    await playScript(machine, 'docker build -q -t pic .\necho b > src/a.txt\ndocker build -q -t pic .\n');
    const [latest, first] = machine.views.builds().builds;
    expect(first!.seq).toBe(1);
    expect(latest!.seq).toBe(2);
    expect(latest!.steps.map((s) => s.status)).toEqual(['cached', 'cached', 'cached', 'built', 'built']);
    const copy = latest!.steps[3]!;
    expect(copy).toMatchObject({ reasonKind: 'files-changed', reason: 'files changed: changed src/a.txt', invalidates: ['[6/6] RUN cat src/a.txt > out.txt'] });
    expect(latest!.steps[4]).toMatchObject({ reasonKind: 'parent-changed', invalidatedBy: '[5/6] COPY src ./src', reason: 'invalidated by [5/6] COPY src ./src' });
    expect(latest!.steps[0]!.reason).toBeUndefined();
    expect(latest!.cachedCount).toBe(3);
  });

  it('names the part of a definition that changed', async () => {
    const machine = machineWith();
    await playScript(machine, 'docker build -q .\nsed -i "s/echo deps/echo deps2/" Dockerfile\ndocker build -q .\n');
    const step = machine.views.builds().builds[0]!.steps[2]!;
    expect(step).toMatchObject({ label: '[4/6] RUN echo deps2 > deps.txt', reason: 'changed: the command' });
    expect(step.invalidates).toEqual(['[5/6] COPY src ./src', '[6/6] RUN cat src/a.txt > out.txt']);
  });

  it('a failed build keeps the steps it ran and marks the one that failed', async () => {
    const machine = machineWith({ Dockerfile: 'FROM alpine:3.22\nRUN echo ok\nRUN exit 3\n' });
    await playScript(machine, 'docker build -q .\n');
    const [build] = machine.views.builds().builds;
    expect(build!.ok).toBe(false);
    expect(build!.error).toMatch(/exit code: 3/);
    expect(build!.steps.map((s) => [s.label, s.status])).toEqual([
      ['[2/3] RUN echo ok', 'built'],
      ['[3/3] RUN exit 3', 'error'],
    ]);
    expect(build!.steps[1]!.error).toMatch(/did not complete successfully/);
  });

  it('lists the stages a target did not need as skipped', async () => {
    const machine = machineWith({ Dockerfile: 'FROM alpine:3.22 AS unused\nRUN echo never\nFROM alpine:3.22 AS app\nRUN echo app\n' });
    await playScript(machine, 'docker build -q .\n');
    const [build] = machine.views.builds().builds;
    expect(build!.skippedStages).toEqual(['unused']);
    expect(build!.steps.map((s) => s.label)).toEqual(['[app 2/2] RUN echo app']);
  });

  it('shows legacy-builder builds too, and keeps only the last five builds, newest first', async () => {
    const machine = machineWith();
    await playScript(machine, 'DOCKER_BUILDKIT=0 docker build -q .\n' + 'docker build -q .\n'.repeat(5));
    const { builds } = machine.views.builds();
    expect(builds.map((b) => b.seq)).toEqual([6, 5, 4, 3, 2]);
    const legacy = createMachine({ mode: 'headless', project: [{ path: 'Dockerfile', type: 'file', content: 'FROM alpine:3.22\nRUN echo hi\n' }] });
    await playScript(legacy, 'DOCKER_BUILDKIT=0 docker build -q .\n');
    const [l] = legacy.views.builds().builds;
    expect(l).toMatchObject({ builder: 'legacy', ok: true });
    expect(l!.steps.map((s) => [s.label, s.status])).toEqual([['Step 2/2 : RUN echo hi', 'built']]);
  });

  it('a snapshot takes the builds with it', async () => {
    const machine = machineWith();
    const empty = machine.snapshot();
    await playScript(machine, 'docker build -q .\n');
    const built = machine.snapshot();
    machine.restore(empty);
    expect(machine.views.builds().builds).toEqual([]);
    machine.restore(built);
    expect(machine.views.builds().builds).toHaveLength(1);
    // Plain data: it survives the structured clone a worker boundary would make.
    expect(structuredClone(machine.views.builds())).toEqual(machine.views.builds());
  });
});
