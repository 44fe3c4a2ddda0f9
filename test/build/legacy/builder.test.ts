import { describe, expect, it } from 'vitest';
import type { BuildOutcome } from '../../../engine/build/service.ts';
import { createMachine } from '../../../engine/index.ts';
import { playScript } from '../../../engine/host/play.ts';

const DOCKERFILE = 'FROM alpine:3.22\nLABEL version="1"\nWORKDIR /app\nCOPY app.txt .\nRUN wc -c app.txt > size.txt\nCMD ["cat", "size.txt"]\n';

/** Runs `script` (every docker command with DOCKER_BUILDKIT=0) in a fresh machine holding the project. */
async function play(script: string, files: Record<string, string> = {}) {
  const project = Object.entries({ Dockerfile: DOCKERFILE, 'app.txt': 'hello\n', ...files }).map(([path, content]) => ({ path, type: 'file' as const, content }));
  const machine = createMachine({ mode: 'headless', project });
  const outcomes: BuildOutcome[] = [];
  machine.events.subscribe((e) => {
    if (e.type === 'build-finished') outcomes.push(e.result);
  });
  const entries = await playScript(machine, `export DOCKER_BUILDKIT=0\n${script}`);
  return { entries: entries.slice(1), outcomes };
}

/** The step lines and what each step did, without IDs. */
function shape(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => /^(Step|Successfully| ---> (Using cache|Running in|Removed))/.test(l))
    .map((l) => l.replace(/[0-9a-f]{12}$/, '<id>'));
}

describe('DOCKER_BUILDKIT=0 docker build', () => {
  it('prints the banner, numbers every instruction as a step and commits each one', async () => {
    const { entries } = await play('docker build -t app .\n');
    const build = entries[0]!;
    expect(build.exitCode).toBe(0);
    expect(build.stderr).toBe(
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
        '            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n' +
        '            environment-variable.\n\n',
    );
    expect(build.stdout.startsWith('Sending build context to Docker daemon  3.072kB\r\r\nStep 1/6 : FROM alpine:3.22\n3.22: Pulling from library/alpine\n')).toBe(true);
    expect(shape(build.stdout)).toEqual([
      'Step 1/6 : FROM alpine:3.22',
      'Step 2/6 : LABEL version="1"',
      ' ---> Running in <id>',
      ' ---> Removed intermediate container <id>',
      'Step 3/6 : WORKDIR /app',
      ' ---> Running in <id>',
      ' ---> Removed intermediate container <id>',
      'Step 4/6 : COPY app.txt .',
      'Step 5/6 : RUN wc -c app.txt > size.txt',
      ' ---> Running in <id>',
      ' ---> Removed intermediate container <id>',
      'Step 6/6 : CMD ["cat", "size.txt"]',
      ' ---> Running in <id>',
      ' ---> Removed intermediate container <id>',
      'Successfully built <id>',
      'Successfully tagged app:latest',
    ]);
  });

  it('a rebuild finds every step in the image cache and ends with the same image', async () => {
    const { entries } = await play('docker build -t app .\ndocker build -t app .\ndocker images -q app\n');
    const steps = shape(entries[1]!.stdout);
    expect(steps.filter((l) => l === ' ---> Using cache')).toHaveLength(5);
    expect(steps.some((l) => l.includes('Running in'))).toBe(false);
    expect(entries[1]!.stdout).toContain(`Successfully built ${entries[2]!.stdout.trim()}\n`);
    expect(entries[0]!.stdout).toContain(`Successfully built ${entries[2]!.stdout.trim()}\n`);
  });

  it('touching a file keeps the cache; changing its bytes misses the COPY and everything after it', async () => {
    const { entries } = await play('docker build .\ntouch app.txt\ndocker build .\necho changed > app.txt\ndocker build .\n');
    expect(shape(entries[2]!.stdout).filter((l) => l === ' ---> Using cache')).toHaveLength(5);
    const changed = shape(entries[4]!.stdout);
    expect(changed.filter((l) => l === ' ---> Using cache')).toHaveLength(2);
    expect(changed.slice(changed.indexOf('Step 4/6 : COPY app.txt .'))).not.toContain(' ---> Using cache');
  });

  it('a changed LABEL at the top misses every step after it, and the UI hears why', async () => {
    const { entries, outcomes } = await play('docker build .\nsed -i s/version=\\"1\\"/version=\\"2\\"/ Dockerfile\ndocker build .\n');
    expect(shape(entries[2]!.stdout)).not.toContain(' ---> Using cache');
    const second = outcomes[1]!;
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.steps.map((s) => [s.instruction, s.cached, s.reason.kind])).toEqual([
      ['LABEL version="2"', false, 'definition-changed'],
      ['WORKDIR /app', false, 'parent-changed'],
      ['COPY app.txt .', false, 'parent-changed'],
      ['RUN wc -c app.txt > size.txt', false, 'parent-changed'],
      ['CMD ["cat", "size.txt"]', false, 'parent-changed'],
    ]);
    expect(second.steps[0]!.reason).toEqual({ kind: 'definition-changed', what: ['Cmd', 'Labels'] });
  });

  it('keeps every step as an intermediate image with a parent: hidden from docker images, shown by -a', async () => {
    const { entries } = await play('docker build -q -t app .\ndocker images --format "{{.Repository}}"\ndocker images -a --format "{{.Repository}}"\n');
    expect(entries[1]!.stdout.split('\n').filter(Boolean).sort()).toEqual(['alpine', 'app']);
    const all = entries[2]!.stdout.split('\n').filter(Boolean);
    expect(all.filter((r) => r === '<none>')).toHaveLength(4);
  });

  it('records legacy history lines; steps that change no files add no layer', async () => {
    const { entries } = await play('docker build -q -t app .\ndocker history --no-trunc --format "{{.CreatedBy}}|{{.Size}}" app\ndocker inspect --format "{{len .RootFS.Layers}}" app alpine:3.22\n');
    const rows = entries[1]!.stdout.split('\n').slice(0, 5);
    expect(rows[0]).toBe('/bin/sh -c #(nop)  CMD ["cat" "size.txt"]|0B');
    expect(rows[1]).toMatch(/^\/bin\/sh -c wc -c app.txt > size.txt\|\d+B$/);
    expect(rows[2]).toMatch(/^\/bin\/sh -c #\(nop\) COPY file:[0-9a-f]{64} in \. \|6B$/);
    expect(rows[3]).toMatch(/^\/bin\/sh -c #\(nop\) WORKDIR \/app\|0B$/);
    expect(rows[4]).toBe('/bin/sh -c #(nop)  LABEL version=1|0B');
    // alpine's one layer, then WORKDIR's directory, COPY's file and RUN's size.txt; LABEL and CMD add none.
    expect(entries[2]!.stdout).toBe('4\n1\n');
  });

  it('a failed RUN stops the build; docker exits with the command\'s status', async () => {
    const { entries } = await play('docker build .\n', { Dockerfile: 'FROM alpine:3.22\nRUN echo checking && exit 3\nRUN echo never\n' });
    const build = entries[0]!;
    expect(build.exitCode).toBe(3);
    expect(build.stdout).toMatch(/Step 2\/3 : RUN echo checking && exit 3\n ---> Running in [0-9a-f]{12}\nchecking\n$/);
    expect(build.stderr.endsWith("The command '/bin/sh -c echo checking && exit 3' returned a non-zero code: 3\n")).toBe(true);
  });

  it('-q prints only the ID, and on failure everything it held back goes to stderr', async () => {
    const ok = await play('docker build -q .\n');
    expect(ok.entries[0]!.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const failed = await play('docker build -q .\n', { Dockerfile: 'FROM alpine:3.22\nRUN exit 5\n' });
    expect(failed.entries[0]!.exitCode).toBe(5);
    expect(failed.entries[0]!.stdout).toBe('');
    expect(failed.entries[0]!.stderr).toMatch(/Sending build context to Docker daemon {2}3\.072kB\r\r\nStep 1\/2 : FROM alpine:3.22\n[\s\S]*The command '\/bin\/sh -c exit 5' returned a non-zero code: 5\n$/);
  });

  it('RUN output on stderr comes through the daemon\'s stderr formatter, in bright red', async () => {
    const { entries } = await play('docker build .\n', { Dockerfile: 'FROM alpine:3.22\nRUN echo warn >&2\n' });
    expect(entries[0]!.stdout).toContain('\x1b[91mwarn\n\x1b[0m ---> Removed intermediate container');
  });

  it('--no-cache looks nothing up', async () => {
    const { entries } = await play('docker build .\ndocker build --no-cache .\n');
    expect(shape(entries[1]!.stdout)).not.toContain(' ---> Using cache');
  });

  it('builds every stage up to the target, needed or not, and copies from a stage by name', async () => {
    const dockerfile = 'FROM alpine:3.22 AS unused\nRUN echo unused stage ran\nFROM alpine:3.22 AS build\nRUN echo built > /out.txt\nFROM alpine:3.22\nCOPY --from=build /out.txt /\nRUN cat /out.txt\n';
    const { entries } = await play('docker build .\ndocker build --target build .\n', { Dockerfile: dockerfile });
    expect(entries[0]!.stdout).toContain('Step 2/7 : RUN echo unused stage ran\n');
    expect(entries[0]!.stdout).toMatch(/Step 7\/7 : RUN cat \/out.txt\n ---> Running in [0-9a-f]{12}\nbuilt\n/);
    expect(shape(entries[1]!.stdout).filter((l) => l.startsWith('Step'))).toEqual([
      'Step 1/4 : FROM alpine:3.22 AS unused',
      'Step 2/4 : RUN echo unused stage ran',
      'Step 3/4 : FROM alpine:3.22 AS build',
      'Step 4/4 : RUN echo built > /out.txt',
    ]);
  });

  it('build args: the history line carries them, an undeclared one is reported', async () => {
    const dockerfile = 'FROM alpine:3.22\nARG VERSION=1\nRUN echo "version $VERSION"\n';
    const { entries } = await play('docker build --build-arg VERSION=2 --build-arg UNUSED=x -t app .\ndocker history --no-trunc --format "{{.CreatedBy}}" app\n', { Dockerfile: dockerfile });
    expect(entries[0]!.stdout).toContain('version 2\n');
    expect(entries[0]!.stdout).toContain('[Warning] One or more build-args [UNUSED] were not consumed\nSuccessfully built');
    expect(entries[1]!.stdout.split('\n').slice(0, 2)).toEqual(['|1 VERSION=2 /bin/sh -c echo "version $VERSION"', '/bin/sh -c #(nop)  ARG VERSION=1']);
  });

  it('--label adds LABEL steps to the last stage, in key order; every -t is tagged', async () => {
    const { entries } = await play('docker build --label z=1 --label a=2 -t one -t two:v2 .\ndocker inspect --format "{{json .Config.Labels}}" two:v2\n');
    const steps = shape(entries[0]!.stdout).filter((l) => /^(Step|Successfully tagged)/.test(l));
    expect(steps.slice(-4)).toEqual(['Step 7/8 : LABEL a=2', 'Step 8/8 : LABEL z=1', 'Successfully tagged one:latest', 'Successfully tagged two:v2']);
    expect(entries[1]!.stdout).toBe('{"a":"2","version":"1","z":"1"}\n');
  });

  it('refuses the daemon\'s way what it cannot parse, and the legacy CLI refuses buildx\'s flags', async () => {
    const { entries } = await play('docker build .\ndocker build --progress=plain .\ndocker build --check .\n', { Dockerfile: 'FROM alpine:3.22\nRUNN x\n' });
    expect(entries[0]!.exitCode).toBe(1);
    expect(entries[0]!.stderr.endsWith('Error response from daemon: dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)\n')).toBe(true);
    expect(entries[1]!.exitCode).toBe(125);
    expect(entries[1]!.stderr).toContain('unknown flag: --progress\n\nUsage:  docker build [OPTIONS] PATH | URL | -\n');
    expect(entries[2]!.stderr).toContain('unknown flag: --check\n');
  });

  it('COPY with several sources needs a destination ending in /', async () => {
    const { entries } = await play('docker build .\n', { Dockerfile: 'FROM alpine:3.22\nCOPY app.txt Dockerfile .\n' });
    expect(entries[0]!.exitCode).toBe(1);
    expect(entries[0]!.stderr.endsWith('When using COPY with more than one source file, the destination must be a directory and end with a /\n')).toBe(true);
  });

  it('--chmod and RUN --mount are BuildKit\'s', async () => {
    const { entries } = await play('docker build .\ndocker build -f Dockerfile.mount .\n', {
      Dockerfile: 'FROM alpine:3.22\nCOPY --chmod=755 app.txt /\n',
      'Dockerfile.mount': 'FROM alpine:3.22\nRUN --mount=type=cache,target=/root/.cache true\n',
    });
    expect(entries[0]!.stderr).toContain('the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled\n');
    expect(entries[1]!.stderr).toContain('the --mount option requires BuildKit.');
  });

  it('runs the base image\'s ONBUILD triggers as part of FROM and does not pass them on', async () => {
    const { entries } = await play('docker build -q -t onbase -f base.Dockerfile .\ndocker build -t child .\ndocker inspect --format "{{json .Config.OnBuild}}" child\n', {
      'base.Dockerfile': 'FROM alpine:3.22\nONBUILD RUN echo triggered > /t.txt\nONBUILD LABEL from=trigger\n',
      Dockerfile: 'FROM onbase\nRUN cat /t.txt\n',
    });
    expect(shape(entries[1]!.stdout).slice(0, 6)).toEqual([
      'Step 1/2 : FROM onbase',
      ' ---> Running in <id>',
      ' ---> Removed intermediate container <id>',
      ' ---> Running in <id>',
      ' ---> Removed intermediate container <id>',
      'Step 2/2 : RUN cat /t.txt',
    ]);
    expect(entries[1]!.stdout).toContain('Step 1/2 : FROM onbase\n# Executing 2 build triggers\n');
    expect(entries[1]!.stdout).toMatch(/RUN cat \/t.txt\n ---> Running in [0-9a-f]{12}\ntriggered\n/);
    expect(entries[2]!.stdout).toBe('null\n');
  });

  it('prints the parser\'s empty-continuation warnings through the stderr formatter before the first step', async () => {
    const { entries } = await play('docker build .\n', { Dockerfile: 'FROM alpine:3.22\nRUN echo a \\\n\n  && echo b\n' });
    expect(entries[0]!.stdout).toContain(
      '\x1b[91m[WARNING]: Empty continuation line found in: RUN echo a   && echo b\n\x1b[0m' +
        '\x1b[91m[WARNING]: Empty continuation lines will become errors in a future release.\n\x1b[0mStep 1/2 : FROM alpine:3.22\n',
    );
  });

  it('a DOCKER_BUILDKIT that is no boolean is an error', async () => {
    const { entries } = await play('DOCKER_BUILDKIT=yes docker build .\n');
    expect(entries[0]!.exitCode).toBe(1);
    expect(entries[0]!.stderr).toBe('DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "yes": invalid syntax\n');
  });
});

