import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import type { Machine } from '../../engine/api.ts';
import { fuzzParameters } from '../property.ts';
import { machineWithObjects, runClean, shellQuote } from '../host/fuzz-terminal.ts';

/**
 * Random flags and values on every docker command: each ends as Docker's CLI would, with the command's result or a
 * Docker-worded error and its status (125 for the CLI's own refusals), never an exception.
 */

const COMMANDS = [
  'attach', 'build', 'builder prune', 'buildx du', 'commit', 'container prune', 'cp', 'create', 'diff', 'exec', 'help', 'history', 'image prune',
  'images', 'image ls', 'info', 'inspect', 'image inspect', 'container inspect', 'kill', 'load', 'logs', 'network connect', 'network disconnect',
  'network create', 'network inspect', 'network ls', 'network prune', 'network rm', 'pause', 'unpause', 'port', 'ps', 'pull', 'rename', 'rm', 'rmi',
  'run', 'save', 'search', 'start', 'stats', 'stop', 'restart', 'system df', 'system prune', 'tag', 'top', 'update', 'version', 'volume create',
  'volume inspect', 'volume ls', 'volume prune', 'volume rm', 'wait', 'container', 'image', 'volume', 'network', 'system', 'bogus',
];

const FLAGS = [
  '-a', '-f', '-q', '-d', '-i', '-t', '-p', '-P', '-v', '-e', '-n', '-s', '-l', '-u', '-w', '-h', '-x', '-it', '-fv', '-aq', '--all', '--force',
  '--quiet', '--format', '--filter', '--name', '--rm', '--network', '--volume', '--mount', '--publish', '--env', '--env-file', '--label',
  '--restart', '--time', '--timeout', '--signal', '--tail', '--since', '--until', '--follow', '--tty', '--size', '--no-trunc', '--digests',
  '--driver', '--subnet', '--ip', '--alias', '--memory', '--cpus', '--entrypoint', '--workdir', '--user', '--hostname', '--add-host', '--link',
  '--tmpfs', '--health-cmd', '--health-interval', '--stop-timeout', '--platform', '--target', '--build-arg', '--progress', '--no-cache',
  '--output', '--type', '--volumes', '--help', '--bogus', '--constructor', '--__proto__', '--', '-', '--format=', '--filter=', '-t=', '--time=-1',
];

const VALUES = [
  '', ' ', '0', '-1', '1', '65536', '99999999999999999999', '1.5', 'abc', 'true', 'false', 'web', 'idle', 'alpine', 'nginx', 'mine:1', 'data', 'net',
  'bridge', 'host', 'none', '8080:80', '80', '0:0', '127.0.0.1:80:80', '80/xyz', 'a:b:c:d', 'data:/data', '/data', ':/x', 'type=volume,dst=/x',
  'type=bogus', 'KEY=v', '=', 'name=web', 'status=running', 'label=a', 'dangling=true', 'until=10m', 'nope=1', '10s', '1h', 'x9', '{{.ID}}',
  '{{', 'json', 'table', 'sha256:', 'sha256:zz', '.', '..', '/', '-', 'web:/etc/hosts', '/tmp:web:x', 'always', 'on-failure:3', 'on-failure:x',
  'SIGKILL', 'SIGNOPE', '9', '0x10', '1g', '1q', 'plain', 'tty', 'é', '%s', '${X}', '\t', '__proto__', 'constructor', 'toString=1',
];

const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FLAGS) }, { weight: 3, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
const joined = fc.tuple(fc.constantFrom(...FLAGS.filter((f) => f.startsWith('--') && !f.includes('='))), fc.constantFrom(...VALUES)).map(([f, v]) => `${f}=${v}`);
const commandLine = fc
  .tuple(fc.constantFrom(...COMMANDS), fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: joined }), { maxLength: 6 }))
  .map(([command, words]) => `docker ${command} ${words.map(shellQuote).join(' ')}`);

let fresh: () => Machine;
beforeAll(async () => {
  fresh = await machineWithObjects();
}, 60_000);

test('random flags and values give a result or a Docker-style error', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(commandLine, { minLength: 1, maxLength: 5 }), async (lines) => {
      const terminal = fresh().openTerminal();
      for (const line of lines) {
        const { code, out } = await runClean(terminal, line);
        // The CLI's own refusals (bad flags, wrong argument counts) answer 125 with the command's usage hint.
        if (/^unknown (shorthand )?flag:/m.test(out)) expect(code, `${line}\n${out}`).toBe(125);
      }
    }),
    fuzzParameters(300),
  );
}, 180_000);
