import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../engine/cli/command.ts';
import { CommandTable } from '../../../engine/cli/command-table.ts';
import { FlagError, parseFlags } from '../../../engine/cli/flags.ts';
import { renderHelp } from '../../../engine/cli/help.ts';
import { BUILDX, buildxPathFor, knownCommandPaths, usageOf } from '../../../engine/cli/usage/index.ts';

// Expected help texts in buildx/: docker-buildx-help.txt is a real `docker buildx --help` (buildx 0.21, Docker
// Desktop, March 2025, copied from a user's notes; its command list is the one 0.24 still has); the others were
// reconstructed from buildx 0.24's source, at a terminal wide enough (200 columns) that no flag usage wraps.
const expected = (name: string) => readFileSync(new URL(`buildx/${name}`, import.meta.url), 'utf8');

const stub = (...paths: string[]): Command => ({ paths, args: { kind: 'any' }, run: async () => 0 });

/** The commands the integrator registers: buildx's own, and the docker paths the client forwards to them. */
const TABLE = new CommandTable([
  stub('docker buildx build', 'docker buildx b'),
  stub('docker image build', 'docker build', 'docker builder build'),
  stub('docker buildx prune'),
  stub('docker builder prune'),
  stub('docker buildx du'),
  stub('docker buildx ls'),
  stub('docker buildx version'),
]);

function help(path: string, columns = 200): string {
  const { node, rest } = TABLE.find(path.split(' ').slice(1));
  expect(rest).toEqual([]);
  // buildx's help template: cobra's default one (description first) around docker's usage template, then the hint.
  return renderHelp(TABLE, node, { columns, home: '/home/student' });
}

describe('docker build is buildx build once buildx is installed', () => {
  it('docker build --help prints buildx\'s help, usage line included', () => {
    expect(help('docker build')).toBe(expected('docker-build-help.txt'));
  });

  it('docker image build and docker builder build print the same', () => {
    expect(help('docker image build')).toBe(expected('docker-build-help.txt'));
    expect(help('docker builder build')).toBe(expected('docker-build-help.txt'));
  });

  it('docker buildx build --help has no --builder default: only a forwarded command gets BUILDX_BUILDER', () => {
    const forwarded = expected('docker-build-help.txt');
    expect(help('docker buildx build')).toBe(
      forwarded.replace('Override the configured builder instance (default "default")', 'Override the configured builder instance'),
    );
  });

  it('docker builder prune is buildx prune', () => {
    expect(help('docker builder prune')).toBe(expected('docker-builder-prune-help.txt'));
  });

  it('wraps at 80 columns as pflag does, continuation lines aligned on the usage column', () => {
    const text = help('docker build', 80);
    expect(text).toContain(
      '      --progress string               Set type of progress output\n' +
        '                                      ("auto", "quiet", "plain", "tty",\n' +
        '                                      "rawjson"). Use plain to show\n' +
        '                                      container output (default "auto")\n',
    );
    const options = text.slice(text.indexOf('Options:'), text.indexOf('\n\nExperimental'));
    expect(options.split('\n').filter((l) => l.length > 79)).toEqual([]);
  });
});

describe('docker buildx --help', () => {
  it('matches the real help, listing the commands registered here', () => {
    // Help lists registered commands only; this table has build, du, ls, prune and version (no usage data yet for
    // the others, nor for the history and imagetools groups).
    const registered = /^ {2}(build|du|ls|prune|version) /;
    const real = expected('docker-buildx-help.txt')
      .replace(/\nManagement Commands:\n(?: {2}.*\n)+/, '')
      .split('\n')
      .filter((l) => !/^ {2}[a-z-]+ {2,}[A-Z]/.test(l) || registered.test(l))
      .join('\n');
    expect(help('docker buildx', 80)).toBe(real);
  });

  it('docker builder --help is the same help, as docker forwards the whole group', () => {
    expect(usageOf('docker builder')).toEqual({
      ...usageOf('docker buildx'),
      flags: [{ ...usageOf('docker buildx')!.flags![0]!, default: '"default"' }, usageOf('docker buildx')!.flags![1]],
    });
  });

  it('version prints the package, the release and its short commit', () => {
    expect(`${BUILDX.package} ${BUILDX.version} ${BUILDX.revision}`).toBe('github.com/docker/buildx v0.24.0 d0e5e86');
  });
});

describe('forwarding as docker/cli forwardBuilder does', () => {
  it.each([
    ['docker build', 'docker buildx build'],
    ['docker image build', 'docker buildx build'],
    ['docker builder', 'docker buildx'],
    ['docker builder prune', 'docker buildx prune'],
    ['docker builder ls', 'docker buildx ls'],
  ])('%s → %s', (from, to) => {
    expect(buildxPathFor(from)).toBe(to);
  });

  it('leaves everything else alone', () => {
    for (const path of ['docker', 'docker image', 'docker image ls', 'docker help build', 'docker buildx build', 'docker system prune']) {
      expect(buildxPathFor(path)).toBeUndefined();
    }
  });

  it('knows the forwarded paths as docker commands', () => {
    const known = knownCommandPaths();
    for (const path of ['docker build', 'docker image build', 'docker builder build', 'docker builder prune', 'docker builder du', 'docker buildx ls']) {
      expect(known).toContain(path);
    }
  });
});

describe('buildx flags', () => {
  const build = usageOf('docker build')!;
  const specs = [...build.flags!, ...build.hiddenFlags!, { long: 'help', type: '', usage: 'Print usage' }];
  const parse = (args: string[]) => parseFlags(specs, args, { interspersed: true });

  it('lists flags in pflag order (sorted by name), hidden ones apart', () => {
    for (const path of ['docker buildx', 'docker buildx build', 'docker buildx du', 'docker buildx ls', 'docker buildx prune', 'docker buildx version']) {
      const names = usageOf(path)!.flags!.map((f) => f.long);
      expect(names).toEqual([...names].sort());
    }
    const shown = new Set(build.flags!.map((f) => f.long));
    expect(build.hiddenFlags!.filter((f) => shown.has(f.long))).toEqual([]);
  });

  it('fails on an unknown flag as pflag words it', () => {
    expect(() => parse(['--nme', '.'])).toThrow(new FlagError('unknown flag: --nme'));
  });

  it('reads buildx\'s flags: repeated arrays, CSV slices, bool --check, bytes', () => {
    const r = parse(['-t', 'app:1', '--tag=app:latest', '--add-host', 'a:1.2.3.4,b:5.6.7.8', '--check', '--shm-size', '64m', '.']);
    expect(r.flags.list('tag')).toEqual(['app:1', 'app:latest']);
    expect(r.flags.list('add-host')).toEqual(['a:1.2.3.4', 'b:5.6.7.8']);
    expect(r.flags.bool('check')).toBe(true);
    expect(r.flags.string('progress')).toBe('auto');
    expect(r.flags.string('call')).toBe('build');
    expect(r.flags.int('shm-size')).toBe(64 * 1024 * 1024);
    expect(r.args).toEqual(['.']);
  });

  it('still accepts the legacy builder\'s flags, hidden', () => {
    const r = parse(['--rm', '--force-rm', '-m', '1g', '.']);
    expect([r.flags.bool('rm'), r.flags.bool('force-rm'), r.flags.string('memory')]).toEqual([true, true, '1g']);
    expect(build.hiddenFlags!.find((f) => f.long === 'squash')!.warning).toMatch(/^experimental flag squash is removed with BuildKit/);
  });
});
