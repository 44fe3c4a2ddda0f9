import { describe, expect, it } from 'vitest';
import { session } from './session.ts';

const INDEX = [
  { name: 'node', description: 'Node.js is a JavaScript-based platform for server-side and networking applications.', stars: 13_900, official: true },
  { name: 'nginx', description: 'Official build of Nginx.', stars: 20_700, official: true },
  { name: 'curlimages/curl', description: 'official curl images', stars: 120, official: false },
];

describe('docker search', () => {
  it('lists matches in docker’s table, descriptions cut at 45 cells', async () => {
    const { run } = session(undefined, { search: INDEX });
    expect((await run('docker search node')).stdout).toBe(
      [
        'NAME      DESCRIPTION                                     STARS     OFFICIAL',
        'node      Node.js is a JavaScript-based platform for s…   13900     [OK]',
        '',
      ].join('\n'),
    );
  });

  it('filters, limits and formats', async () => {
    const { run } = session(undefined, { search: INDEX });
    expect((await run(['docker', 'search', '--format', '{{.Name}}', 'n'])).stdout).toBe('nginx\nnode\n');
    expect((await run(['docker', 'search', '--format', '{{.Name}}', '--limit', '1', 'n'])).stdout).toBe('nginx\n');
    expect((await run(['docker', 'search', '--format', '{{.Name}}', '--filter', 'is-official=false', 'curl'])).stdout).toBe('curlimages/curl\n');
    expect((await run(['docker', 'search', '--format', '{{.Name}}', '--filter', 'stars=15000', 'n'])).stdout).toBe('nginx\n');
    expect(JSON.parse((await run(['docker', 'search', '--format', 'json', 'nginx'])).stdout)).toEqual({
      Description: 'Official build of Nginx.',
      IsOfficial: 'true',
      Name: 'nginx',
      StarCount: '20700',
    });
    expect((await run('docker search --limit 101 n')).stderr).toBe('Error response from daemon: limit 101 is outside the range of [1, 100]\n');
    expect((await run('docker search --filter stars=x n')).stderr).toBe(
      "Error response from daemon: invalid filter 'stars=x': strconv.Atoi: parsing \"x\": invalid syntax\n",
    );
  });
});
