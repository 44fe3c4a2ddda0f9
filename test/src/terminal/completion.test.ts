import { describe, expect, it } from 'vitest';
import { commandsOnPath, complete, resolve, type CompletionFs, type CompletionSource } from '../../../src/terminal/completion.ts';

/** A filesystem from a list of paths: a trailing '/' is a directory, a trailing '*' an executable. */
function fakeFs(paths: string[]): CompletionFs {
  const entries = new Map<string, { type: 'file' | 'dir'; mode: number }>([['/', { type: 'dir', mode: 0o755 }]]);
  for (const p of paths) {
    const isDir = p.endsWith('/');
    const exec = p.endsWith('*');
    const clean = p.replace(/[/*]$/, '');
    const parts = clean.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) entries.set('/' + parts.slice(0, i).join('/'), { type: 'dir', mode: 0o755 });
    entries.set(clean, { type: isDir ? 'dir' : 'file', mode: isDir || exec ? 0o755 : 0o644 });
  }
  return {
    readdir(path) {
      if (entries.get(path)?.type !== 'dir') throw new Error('ENOTDIR');
      const prefix = path === '/' ? '/' : path + '/';
      return [...entries.keys()].filter((k) => k.startsWith(prefix) && k !== path && !k.slice(prefix.length).includes('/')).map((k) => k.slice(prefix.length));
    },
    stat(path) {
      const e = entries.get(path);
      if (!e) throw new Error('ENOENT');
      return e;
    },
  };
}

const fs = fakeFs([
  '/usr/bin/docker*',
  '/usr/bin/dockerd*',
  '/usr/bin/cat*',
  '/home/student/project/Dockerfile',
  '/home/student/project/docker-compose.yml',
  '/home/student/project/src/',
  '/home/student/project/.dockerignore',
  '/home/student/project/my file.txt',
  '/home/student/project/run.sh*',
  '/home/student/notes.md',
]);

const source: CompletionSource = {
  cwd: () => '/home/student/project',
  home: '/home/student',
  fs,
  commands: () => commandsOnPath(fs, '/usr/local/bin:/usr/bin:/bin'),
};

const at = (line: string) => complete(source, line, line.length);

describe('completion', () => {
  it('completes command names in command position', () => {
    expect(at('dock')).toEqual({ from: 0, candidates: ['docker', 'dockerd'] });
    expect(at('ls | ca')?.candidates).toEqual(['cat']);
    expect(at('sudo dock')?.candidates).toEqual(['docker', 'dockerd']);
    expect(at('cd')?.candidates).toEqual(['cd']);
  });

  it('completes file names relative to the working directory', () => {
    expect(at('cat Do')).toEqual({ from: 4, candidates: ['Dockerfile'] });
    expect(at('ls s')?.candidates).toEqual(['src/']);
    expect(at('cat d')?.candidates).toEqual(['docker-compose.yml']);
    expect(at('cat .d')?.candidates).toEqual(['.dockerignore']);
    expect(at('cat m')?.candidates).toEqual(['my\\ file.txt']);
    expect(at('cat ../n')?.candidates).toEqual(['../notes.md']);
    expect(at('cat ~/n')?.candidates).toEqual(['~/notes.md']);
    expect(at('ls /usr/bin/do')?.candidates).toEqual(['/usr/bin/docker', '/usr/bin/dockerd']);
    expect(at('cat nothing/x')?.candidates).toEqual([]);
  });

  it('completes executables by path in command position', () => {
    expect(at('./r')?.candidates).toEqual(['./run.sh']);
    expect(at('./D')?.candidates).toEqual([]);
  });

  it('resolves paths', () => {
    expect(resolve('/a/b', '/h', '../c/./d')).toBe('/a/c/d');
    expect(resolve('/a', '/h', '~/x')).toBe('/h/x');
    expect(resolve('/a', '/h', '/')).toBe('/');
  });

  it('works without a filesystem', () => {
    expect(complete({ ...source, fs: undefined }, 'cat x', 5)).toEqual({ from: 4, candidates: [] });
  });
});
