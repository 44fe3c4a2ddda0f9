import { describe, expect, it } from 'vitest';
import type { BuildOutcome } from '../../engine/build/service.ts';
import type { StepRecord } from '../../engine/build/types.ts';
import { createMachine } from '../../engine/index.ts';
import { playScript } from '../../engine/host/play.ts';

const DOCKERFILE = 'FROM alpine:3.22\nARG MODE=dev\nWORKDIR /app\nCOPY . .\nRUN echo built > /built.txt\nCMD ["sh"]\n';

/** Builds in a fresh machine, returning each build's outcome as the engine announced it. */
async function builds(script: string, files: Record<string, string> = {}) {
  const project = Object.entries({ Dockerfile: DOCKERFILE, ...files }).map(([path, content]) => ({ path, type: 'file' as const, content }));
  const machine = createMachine({ mode: 'headless', project });
  const outcomes: BuildOutcome[] = [];
  machine.events.subscribe((e) => {
    if (e.type === 'build-finished') outcomes.push(e.result);
  });
  const transcript = await playScript(machine, script);
  return { outcomes, transcript };
}

const steps = (o: BuildOutcome | undefined): readonly StepRecord[] => (o && o.ok ? o.steps : []);
const reasons = (o: BuildOutcome | undefined) => steps(o).map((s) => [s.instruction, s.reason.kind]);

describe('the builder explains every step', () => {
  it('a first build misses everything; a rebuild is all cached and keeps the image ID', async () => {
    const { outcomes } = await builds('docker build -q -t app .\ndocker build -q -t app .\n', { 'a.txt': 'a\n' });
    expect(reasons(outcomes[0])).toEqual([['WORKDIR /app', 'first-build'], ['COPY . .', 'parent-changed'], ['RUN echo built > /built.txt', 'parent-changed']]);
    expect(reasons(outcomes[1]).every(([, r]) => r === 'cached')).toBe(true);
    const [first, second] = outcomes;
    expect(first?.ok && second?.ok && first.imageId === second.imageId).toBe(true);
  });

  it('names the files a COPY miss comes from, and says the steps after it missed because their parent did', async () => {
    const { outcomes } = await builds('docker build -q .\necho b > a.txt\necho new > b.txt\nrm c.txt\ndocker build -q .\n', { 'a.txt': 'a\n', 'c.txt': 'c\n' });
    const copy = steps(outcomes[1]).find((s) => s.instruction === 'COPY . .')!;
    expect(copy.reason).toEqual({ kind: 'files-changed', added: ['b.txt'], changed: ['a.txt'], removed: ['c.txt'] });
    expect(steps(outcomes[1]).at(-1)!.reason).toEqual({ kind: 'parent-changed' });
  });

  it('says which part of a RUN definition changed: a declared build arg changes its environment', async () => {
    const { outcomes } = await builds('docker build -q .\ndocker build -q --build-arg MODE=prod .\n');
    const run = steps(outcomes[1]).at(-1)!;
    expect(run.reason).toEqual({ kind: 'definition-changed', what: ['env'] });
    expect(run.cached).toBe(false);
  });

  it('--no-cache reruns the steps and says so', async () => {
    const { outcomes } = await builds('docker build -q .\ndocker build -q --no-cache .\n');
    expect(reasons(outcomes[1]).map(([, r]) => r)).toEqual(['no-cache', 'no-cache', 'no-cache']);
  });

  it('a failed build is announced with its error', async () => {
    const { outcomes } = await builds('printf "FROM alpine:3.22\\nRUN exit 7\\n" > Dockerfile\ndocker build -q .\n');
    expect(outcomes[0]).toEqual({ ok: false, error: 'process "/bin/sh -c exit 7" did not complete successfully: exit code: 7' });
  });
});

describe('ONBUILD', () => {
  it('runs the base image\'s triggers first, counts them in [k/n], and does not pass them on', async () => {
    const machine = createMachine({
      mode: 'headless',
      project: [
        { path: 'base.Dockerfile', type: 'file', content: 'FROM alpine:3.22\nONBUILD COPY . /app\nONBUILD RUN ls /app > /listing\n' },
        { path: 'Dockerfile', type: 'file', content: 'FROM onbase\nRUN cat /listing\n' },
      ],
    });
    const [, child, inspect] = await playScript(machine, 'docker build -q -t onbase -f base.Dockerfile .\ndocker build --progress=plain -t child .\ndocker inspect --format "{{json .Config.OnBuild}}" child onbase\n');
    expect(child!.output).toContain('#4 [1/4] FROM docker.io/library/onbase:latest');
    expect(child!.output).toContain('[2/4] COPY . /app');
    expect(child!.output).toMatch(/\[4\/4\] RUN cat \/listing\n#\d+ [\d.]+ Dockerfile\n#\d+ [\d.]+ base.Dockerfile\n/);
    expect(inspect!.stdout).toBe('null\n["COPY . /app","RUN ls /app > /listing"]\n');
  });
});

describe('RUN --mount and heredocs', () => {
  const run = async (dockerfile: string, script: string, files: Record<string, string> = {}) => {
    const project = Object.entries({ Dockerfile: dockerfile, ...files }).map(([path, content]) => ({ path, type: 'file' as const, content }));
    const machine = createMachine({ mode: 'headless', project });
    return playScript(machine, script);
  };

  it('a cache mount outlives the build but never enters the layer, nor does its mountpoint', async () => {
    const dockerfile = 'FROM alpine:3.22\nARG N=1\nRUN --mount=type=cache,target=/cache/deep echo $N >> /cache/deep/runs && cat /cache/deep/runs\n';
    const out = await run(dockerfile, 'docker build --progress=plain -t m .\ndocker build --progress=plain --build-arg N=2 -t m .\ndocker history --format "{{.Size}} {{.CreatedBy}}" m | head -1\n');
    expect(out[0]!.output).toMatch(/#\d+ [\d.]+ 1\n/);
    expect(out[1]!.output).toMatch(/#\d+ [\d.]+ 1\n#\d+ [\d.]+ 2\n/);
    expect(out[2]!.stdout).toMatch(/^0B RUN \|1 N=2 \/bin\/sh -c echo \$N/);
    // Not even /cache is left behind: the step's layer is the empty one.
    const layers = await run(dockerfile, 'docker build -q -t m .\ndocker inspect --format "{{index .RootFS.Layers 1}}" m\n');
    expect(layers[1]!.stdout).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef\n');
  });

  it('a bind mount from the context joins the cache key: editing the bound file reruns the step', async () => {
    const dockerfile = 'FROM alpine:3.22\nRUN --mount=type=bind,source=conf.txt,target=/conf.txt cat /conf.txt\n';
    const out = await run(dockerfile, 'docker build --progress=plain .\ndocker build --progress=plain .\necho changed > conf.txt\ndocker build --progress=plain .\n', { 'conf.txt': 'first\n' });
    expect(out[1]!.output).toMatch(/RUN --mount=type=bind,source=conf.txt,target=\/conf.txt cat \/conf.txt\n#\d+ CACHED/);
    expect(out[3]!.output).toMatch(/#\d+ [\d.]+ changed\n/);
  });

  it('a RUN that is only a heredoc runs its body; one starting with #! runs as a script', async () => {
    const dockerfile = 'FROM alpine:3.22\nRUN <<EOF\necho hello\necho world\nEOF\nRUN <<EOF\n#!/bin/sh\necho script $0\nEOF\n';
    const [build] = await run(dockerfile, 'docker build --progress=plain .\n');
    expect(build!.output).toContain('[2/3] RUN <<EOF (echo hello...)');
    expect(build!.output).toMatch(/[\d.]+ hello\n#\d+ [\d.]+ world\n/);
    expect(build!.output).toMatch(/[\d.]+ script \/dev\/pipes\/EOF\n/);
  });
});

describe('build secrets', () => {
  it('mounts a --secret for one RUN only: readable there, absent from the layer and the cache key', async () => {
    const project = [
      { path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\nRUN --mount=type=secret,id=token cat /run/secrets/token\nRUN ls -a /run\n' },
      { path: 'token.txt', type: 'file' as const, content: 's3cret\n' },
    ];
    const machine = createMachine({ mode: 'headless', project });
    const out = await playScript(machine, 'docker build --progress=plain --secret id=token,src=token.txt .\necho other > token.txt\ndocker build --progress=plain --secret id=token,src=token.txt .\n');
    expect(out[0]!.output).toMatch(/#\d+ [\d.]+ s3cret\n/);
    expect(out[0]!.output).toMatch(/RUN ls -a \/run\n#\d+ [\d.]+ \.\n#\d+ [\d.]+ \.\.\n#\d+ DONE/);
    // A new secret value does not bust the cache: BuildKit never keys on secret content.
    expect(out[2]!.output).toMatch(/RUN --mount=type=secret,id=token cat \/run\/secrets\/token\n#\d+ CACHED/);
  });

  it('fails a required secret that was not given, and an unreadable --secret file', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\nRUN --mount=type=secret,id=t,required cat /run/secrets/t\n' }];
    const out = await playScript(createMachine({ mode: 'headless', project }), 'docker build -q .\ndocker build -q --secret id=t,src=missing .\n');
    expect(out[0]!.stderr).toContain('ERROR: failed to solve: secret t: not found');
    expect(out[1]!.stderr).toBe('ERROR: failed to stat missing: stat missing: no such file or directory\n');
  });
});

describe('ADD of remote sources', () => {
  it('fails as an offline machine does, and COPY refuses URLs outright', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\nADD https://example.com/app.tar.gz /tmp/\n' }];
    const out = await playScript(createMachine({ mode: 'headless', project }), 'docker build -q .\nprintf "FROM alpine:3.22\\nCOPY https://example.com/x /x\\n" > Dockerfile\ndocker build -q .\n');
    expect(out[0]!.stderr).toContain('ERROR: failed to solve: failed to load cache key: Get "https://example.com/app.tar.gz": dial tcp: lookup example.com: no such host');
    expect(out[2]!.stderr).toContain("ERROR: failed to solve: source can't be a URL for COPY");
  });
});

describe('the build container', () => {
  it('is buildkitsandbox to BuildKit and the intermediate container to the legacy builder', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\nRUN hostname\n' }];
    const out = await playScript(createMachine({ mode: 'headless', project }), 'docker build --progress=plain .\nDOCKER_BUILDKIT=0 docker build .\n');
    expect(out[0]!.output).toMatch(/#\d+ [\d.]+ buildkitsandbox\n/);
    const container = /Running in ([0-9a-f]{12})/.exec(out[1]!.stdout)?.[1];
    expect(out[1]!.stdout).toContain(`Running in ${container}\n${container}\n`);
  });
});

describe('docker build flags', () => {
  it('-t twice, --label, --iidfile and -q', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\nLABEL stage=base\n' }];
    const out = await playScript(
      createMachine({ mode: 'headless', project }),
      'docker build -q -t one -t two:v2 --label course=docker --iidfile id.txt .\ncat id.txt\ndocker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"\ndocker inspect --format "{{json .Config.Labels}}" two:v2\n',
    );
    const id = out[0]!.stdout.trim();
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(out[1]!.stdout).toBe(id);
    expect(out[2]!.stdout).toContain(`one:latest ${id.slice(7, 19)}\ntwo:v2 ${id.slice(7, 19)}\n`);
    expect(out[3]!.stdout).toBe('{"course":"docker","stage":"base"}\n');
  });

  it('uses a local base image without asking the registry, unless --pull', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\nRUN true\n' }];
    const out = await playScript(createMachine({ mode: 'headless', project }), 'docker pull -q alpine:3.22\ndocker build --progress=plain .\ndocker build --progress=plain --pull .\n');
    expect(out[1]!.output).toMatch(/#2 \[internal\] load metadata for docker.io\/library\/alpine:3.22\n#2 DONE 0.0s/);
    expect(out[2]!.output).toMatch(/#2 \[internal\] load metadata for docker.io\/library\/alpine:3.22\n#2 DONE 0.6s/);
    expect(out[2]!.output).toMatch(/resolve docker.io\/library\/alpine:3.22@sha256:[0-9a-f]{64}/);
  });
});

describe('interrupting a build', () => {
  it('cancels the running step and ends as buildx does', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\nRUN echo start && sleep 1000\n' }];
    const [build] = await playScript(createMachine({ mode: 'headless', project }), 'docker build --progress=plain .\n');
    expect(build!.output).toMatch(/#\d+ [\d.]+ start\n\^C\n#\d+ CANCELED\nERROR: failed to solve: Canceled: context canceled\n$/);
  });
});

describe('the Dockerfile on stdin', () => {
  it('docker build -f - . reads it from stdin and the context from the directory', async () => {
    const project = [{ path: 'a.txt', type: 'file' as const, content: 'from the context\n' }];
    const [build] = await playScript(createMachine({ mode: 'headless', project }), 'printf "FROM alpine:3.22\\nCOPY a.txt /\\nRUN cat /a.txt\\n" | docker build --progress=plain -f - .\n');
    expect(build!.output).toContain('#1 [internal] load build definition from Dockerfile\n');
    expect(build!.output).toMatch(/#\d+ [\d.]+ from the context\n/);
  });
});

describe('--label without a value', () => {
  it('is an empty label in both builders, as docker/cli and buildx read k=v lists', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\n' }];
    const out = await playScript(
      createMachine({ mode: 'headless', project }),
      'docker build -q -t kit --label flag --label k=v .\ndocker inspect --format "{{json .Config.Labels}}" kit\nDOCKER_BUILDKIT=0 docker build -q -t old --label flag .\ndocker inspect --format "{{json .Config.Labels}}" old\n',
    );
    expect(out[1]!.stdout).toBe('{"flag":"","k":"v"}\n');
    expect(out[3]!.stdout).toBe('{"flag":""}\n');
  });
});

describe('legacy --label validation (docker/cli opts.ValidateLabel, checked against the real client)', () => {
  it('refuses whitespace in a name and an empty name, exit 125', async () => {
    const project = [{ path: 'Dockerfile', type: 'file' as const, content: 'FROM alpine:3.22\n' }];
    const out = await playScript(createMachine({ mode: 'headless', project }), "DOCKER_BUILDKIT=0 docker build --label 'a b' .\nDOCKER_BUILDKIT=0 docker build --label =x .\n");
    expect(out[0]!.stderr).toContain(`invalid argument "a b" for "--label" flag: label 'a b' contains whitespaces\n`);
    expect(out[1]!.stderr).toContain(`invalid argument "=x" for "--label" flag: invalid label '=x': empty name\n`);
    expect(out.map((o) => o.exitCode)).toEqual([125, 125]);
  });
});
