import { describe, expect, it } from 'vitest';
import { flagUsages } from '../../engine/cli/flag-usages.ts';
import { usageOf } from '../../engine/cli/usage/index.ts';
import { fixtures, runSimulated } from './golden.ts';

/** The flag tables of commands not registered yet still lay out exactly as the real client's help (width 80). */
describe('flag usages wrap as pflag does', () => {
  const byName = new Map(fixtures().map((f) => [f.name, f]));
  for (const [fixture, path] of [['help-run', 'docker run'], ['help-ps', 'docker ps'], ['help-version', 'docker version']] as const) {
    it(path, () => {
      const real = byName.get(fixture)!.stdout;
      const options = real.slice(real.indexOf('Options:\n') + 'Options:\n'.length);
      expect(flagUsages(usageOf(path)!.flags!, 79)).toBe(options);
    });
  }
});

describe('root help lists only registered commands', () => {
  it('docker --help', async () => {
    const { stdout, exitCode } = await runSimulated(['docker', '--help']);
    expect(exitCode).toBe(0);
    // Listed in the real client's order: run and ps first, build, pull, images and search before version and info.
    expect(stdout).toContain(
      'Common Commands:\n  run         Create and run a new container from an image\n  exec        Execute a command in a running container\n  ps          List containers\n  build       Build an image from a Dockerfile\n  pull        Download an image from a registry\n  images      List images\n  search      Search Docker Hub for images\n  version     Show the Docker version information\n  info        Display system-wide information\n',
    );
    expect(stdout).toContain('Management Commands:\n  builder     Manage builds\n  container   Manage containers\n  image       Manage images\n  network     Manage networks\n  system      Manage Docker\n');
    expect(stdout).not.toContain('  login ');
    expect(stdout).toMatch(/Global Options:\n {6}--config string {6}Location of client config files \(default\n {27}"\/home\/student\/\.docker"\)\n/);
    expect(stdout.endsWith('For more help on how to use Docker, head to https://docs.docker.com/go/guides/\n')).toBe(true);
  });

  it('ends with the real client\'s global options and footer, byte for byte', async () => {
    const real = fixtures().find((f) => f.name === 'help-root')!.stderr;
    const { stderr } = await runSimulated(['docker']);
    const tail = (s: string) => s.slice(s.indexOf('Global Options:'));
    expect(tail(stderr)).toBe(tail(real));
  });
});
