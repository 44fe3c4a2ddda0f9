import { describe, expect, it } from 'vitest';
import { completeDocker, type CompletionSources } from '../../../engine/cli/completion/index.ts';

const sources: CompletionSources = {
  containers: () => [
    { name: 'web', state: 'running', networks: ['appnet'] },
    { name: 'db', state: 'paused', networks: ['appnet', 'bridge'] },
    { name: 'old', state: 'exited', networks: ['bridge'] },
    { name: 'fresh', state: 'created', networks: ['bridge'] },
  ],
  images: () => ['node:20', 'alpine:latest'],
  volumes: () => ['data', 'cache'],
  networks: () => ['bridge', 'host', 'none', 'appnet'],
  envNames: () => ['HOME', 'NODE_ENV'],
};

/** `docker <line>` with the cursor at the end: the words before the last, and the last. */
function complete(line: string) {
  const words = line.split(' ');
  return completeDocker(words.slice(0, -1), words.at(-1)!, sources);
}
const vals = (line: string) => {
  const r = complete(line);
  return r.kind === 'values' ? r.values : r.kind;
};

describe("docker's completion", () => {
  it('completes commands and management commands', () => {
    expect(vals('con')).toEqual(['container']);
    expect(vals('vol')).toEqual(['volume']);
    expect(vals('container st')).toEqual(['start', 'stats', 'stop']);
    expect(vals('network ')).toEqual(['connect', 'create', 'disconnect', 'inspect', 'ls', 'prune', 'rm']);
  });

  it("falls back to a command's aliases when no name fits", () => {
    expect(vals('container li')).toEqual(['list']);
    expect(vals('image remo')).toEqual(['remove']);
  });

  it('completes nothing after a word that is no command', () => {
    expect(complete('frobnicate ')).toEqual({ kind: 'none' });
  });

  it('completes flags from the real flag tables, long and short', () => {
    expect(vals('run --netw')).toEqual(['--network', '--network-alias']);
    expect(vals('volume ls -')).toEqual(['--cluster', '--filter', '--format', '--help', '--quiet', '-f', '-h', '-q']);
    expect(vals('volume ls --')).toEqual(['--cluster', '--filter', '--format', '--help', '--quiet']);
    expect(vals('--log')).toEqual(['--log-level']);
  });

  it('leaves out a flag already given, as cobra does for flags that do not repeat', () => {
    expect(vals('volume ls -q --')).toEqual(['--cluster', '--filter', '--format', '--help']);
    expect(vals('volume ls --quiet -')).not.toContain('-q');
  });

  it('completes flag values given as the next word or after =', () => {
    expect(vals('run --network ')).toEqual(['appnet', 'bridge', 'host', 'none']);
    expect(vals('run --network=a')).toEqual(['--network=appnet']);
    expect(vals('run --restart ')).toEqual(['always', 'no', 'on-failure', 'unless-stopped']);
    expect(vals('run -e ')).toEqual(['HOME', 'NODE_ENV']);
    expect(vals('run --volumes-from ')).toEqual(['db', 'fresh', 'old', 'web']);
    expect(vals('kill -s K')).toEqual(['KILL']);
    expect(vals('--log-level ')).toEqual(['debug', 'error', 'fatal', 'info', 'warn']);
  });

  it('reads a value glued to a shorthand (-itv) as the flag that takes it', () => {
    expect(vals('run -itv ')).toEqual(['cache:', 'data:']);
    expect(vals('run -it ')).toEqual(['alpine:latest', 'node:20']);
  });

  it('completes -v with volume names and a colon, host paths as files', () => {
    expect(complete('run -v d')).toEqual({ kind: 'values', values: ['data:'], noSpace: true });
    expect(complete('run -v ./')).toEqual({ kind: 'paths', prefix: '' });
    expect(complete('run -v data:')).toEqual({ kind: 'none' });
  });

  it('completes --mount keys, types and volume sources', () => {
    expect(vals('run --mount ty')).toEqual(['type=']);
    expect(vals('run --mount type=')).toEqual(['type=bind,', 'type=tmpfs,', 'type=volume,']);
    expect(vals('run --mount type=volume,src=')).toEqual(['type=volume,src=cache,', 'type=volume,src=data,']);
    expect(vals('run --mount=type=bind,source=')).toEqual('none');
  });

  it('offers files for flags that take a file, and for flags without a completion of their own', () => {
    expect(complete('build -f ')).toEqual({ kind: 'paths', prefix: '' });
    expect(complete('build --file=Do')).toEqual({ kind: 'paths', prefix: '--file=' });
    expect(complete('save -o ')).toEqual({ kind: 'paths', prefix: '' });
    expect(complete('run --name ')).toEqual({ kind: 'none' });
  });

  it('completes containers by state as each command does', () => {
    expect(vals('start ')).toEqual(['fresh', 'old']);
    expect(vals('stop ')).toEqual(['db', 'web']);
    expect(vals('pause ')).toEqual(['web']);
    expect(vals('unpause ')).toEqual(['db']);
    expect(vals('rm ')).toEqual(['db', 'fresh', 'old', 'web']);
    expect(vals('container rm w')).toEqual(['web']);
    expect(vals('logs ')).toEqual(['db', 'fresh', 'old', 'web']);
  });

  it('completes only the container of exec, logs and top, then nothing', () => {
    expect(vals('exec ')).toEqual(['web']);
    expect(complete('exec -it web ')).toEqual({ kind: 'none' });
    expect(complete('logs -f web ')).toEqual({ kind: 'none' });
  });

  it('completes local images, and only as many as the command takes', () => {
    expect(vals('run ')).toEqual(['alpine:latest', 'node:20']);
    expect(complete('run node:20 ')).toEqual({ kind: 'none' });
    expect(complete('run --rm node:20 -')).toEqual({ kind: 'none' });
    expect(vals('rmi a')).toEqual(['alpine:latest']);
    expect(vals('tag node:20 ')).toEqual(['alpine:latest', 'node:20']);
    expect(complete('tag node:20 mine ')).toEqual({ kind: 'none' });
    expect(vals('image history ')).toEqual(['alpine:latest', 'node:20']);
  });

  it('completes nothing remote for pull', () => {
    expect(complete('pull ')).toEqual({ kind: 'none' });
  });

  it('completes volumes and networks', () => {
    expect(vals('volume rm ')).toEqual(['cache', 'data']);
    expect(vals('volume inspect d')).toEqual(['data']);
    expect(vals('network rm a')).toEqual(['appnet']);
    expect(vals('network connect ')).toEqual(['appnet', 'bridge', 'host', 'none']);
    // connect offers the containers not on the network yet, disconnect the ones on it (stopped ones too).
    expect(vals('network connect appnet ')).toEqual(['fresh', 'old']);
    expect(vals('network disconnect ')).toEqual(['appnet', 'bridge', 'host', 'none']);
    expect(vals('network disconnect appnet ')).toEqual(['db', 'web']);
    expect(vals('network disconnect bridge ')).toEqual(['db', 'fresh', 'old']);
    expect(vals('network disconnect -f bridge o')).toEqual(['old']);
    expect(complete('network disconnect appnet web ')).toEqual({ kind: 'none' });
    expect(complete('network connect appnet web ')).toEqual({ kind: 'none' });
    expect(complete('volume create ')).toEqual({ kind: 'none' });
  });

  it('completes the build context as a directory', () => {
    expect(complete('build ')).toEqual({ kind: 'paths', prefix: '', dirsOnly: true });
    expect(complete('build -t app . ')).toEqual({ kind: 'none' });
  });

  it('completes help topics through the command tree', () => {
    expect(vals('help con')).toEqual(['container']);
    expect(vals('help container ru')).toEqual(['run']);
  });

  it('takes words after -- as arguments, not flags', () => {
    expect(vals('rm -- -')).toEqual([]);
  });
});

describe('docker inspect', () => {
  it('completes the objects of the --type given, and nothing without one', () => {
    expect(complete('inspect a')).toEqual({ kind: 'none' });
    expect(vals('inspect --type image a')).toEqual(['alpine:latest']);
    expect(vals('inspect --type=network a')).toEqual(['appnet']);
    expect(vals('inspect --type ')).toContain('volume');
  });
});
