import { beforeEach, describe, expect, it } from 'vitest';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { decodeText, languageOf, listDir, MAX_EDITOR_BYTES, nameProblem, openText, visibleRows } from '../../../src/editor/files.ts';

const P = '/home/student/project';
let fs: TreeFs;

beforeEach(() => {
  fs = new TreeFs();
  fs.mkdir(`${P}/src`, { recursive: true });
  fs.mkdir(`${P}/node_modules`);
  fs.writeFile(`${P}/Dockerfile`, 'FROM alpine\n');
  fs.writeFile(`${P}/.dockerignore`, 'node_modules\n');
  fs.writeFile(`${P}/app.js`, 'console.log(1)\n');
  fs.symlink('missing', `${P}/dangling`);
});

describe('listing the project', () => {
  it('shows folders first, then files, dotfiles included, in ls order', () => {
    expect(listDir(fs, P).map((i) => `${i.name}${i.dir ? '/' : ''}`)).toEqual(['node_modules/', 'src/', '.dockerignore', 'Dockerfile', 'app.js', 'dangling']);
    expect(listDir(fs, P)[0]?.path).toBe(`${P}/node_modules`);
  });
});

describe('the explorer\'s rows', () => {
  it('show expanded folders\' entries beneath them, one level deeper', () => {
    fs.writeFile(`${P}/src/index.js`, '');
    fs.mkdir(`${P}/src/lib`);
    fs.writeFile(`${P}/src/lib/a.js`, '');
    const rows = visibleRows(fs, P, new Set([`${P}/src`, `${P}/src/lib`]));
    expect(rows.map((r) => `${r.level}:${r.name}${r.expanded ? ' (open)' : ''}`)).toEqual([
      '1:node_modules', '1:src (open)', '2:lib (open)', '3:a.js', '2:index.js', '1:.dockerignore', '1:Dockerfile', '1:app.js', '1:dangling',
    ]);
  });

  it('never read a collapsed folder, and skip an expanded one that is gone', () => {
    const read: string[] = [];
    const spy = new Proxy(fs, { get: (t, p) => (p === 'readdir' ? (path: string) => (read.push(path), t.readdir(path)) : Reflect.get(t, p, t)) });
    visibleRows(spy, P, new Set([`${P}/gone`]));
    expect(read).toEqual([P]);
    expect(visibleRows(fs, `${P}/gone`, new Set())).toEqual([]);
  });
});

describe('new names', () => {
  it.each([
    ['', 'A name is required.'],
    ['  ', 'A name is required.'],
    ['a/b', 'A name cannot contain “/”.'],
    ['..', '“..” is not a usable name.'],
    ['Dockerfile', '“Dockerfile” already exists here.'],
    ['src', '“src” already exists here.'],
    ['dangling', '“dangling” already exists here.'],
    ['x'.repeat(256), 'That name is too long (255 bytes at most).'],
  ])('%j is refused', (name, problem) => {
    expect(nameProblem(fs, P, name)).toBe(problem);
  });

  it('accepts a fresh name, and a rename to the same name', () => {
    expect(nameProblem(fs, P, 'compose.yaml')).toBeUndefined();
    expect(nameProblem(fs, P, 'Dockerfile', `${P}/Dockerfile`)).toBeUndefined();
    expect(nameProblem(fs, P, 'app.js', `${P}/Dockerfile`)).toBe('“app.js” already exists here.');
  });
});

describe('opening a file', () => {
  it('gives the text of a text file', () => {
    expect(openText(fs, `${P}/Dockerfile`)).toEqual({ kind: 'text', text: 'FROM alpine\n' });
  });

  it('says why a binary or huge file or a folder is not opened, and when the file is missing', () => {
    fs.writeFile(`${P}/logo.png`, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1]));
    fs.writeFile(`${P}/big.log`, 'x'.repeat(MAX_EDITOR_BYTES + 1));
    expect(openText(fs, `${P}/logo.png`)).toEqual({ kind: 'unavailable', reason: 'logo.png is a binary file and cannot be edited as text.' });
    expect(openText(fs, `${P}/big.log`)).toMatchObject({ kind: 'unavailable', reason: expect.stringContaining('big.log is too large to edit here (1.0 MB') });
    expect(openText(fs, `${P}/nope`)).toEqual({ kind: 'missing' });
    expect(openText(fs, `${P}/src`)).toEqual({ kind: 'unavailable', reason: 'src is a folder.' });
  });

  it('treats invalid UTF-8 as binary', () => {
    expect(decodeText(new Uint8Array([0xc3, 0x28]))).toBeUndefined();
    expect(decodeText(new TextEncoder().encode('héllo'))).toBe('héllo');
  });
});

describe('languages', () => {
  it.each([
    ['/p/Dockerfile', 'dockerfile'],
    ['/p/Dockerfile.dev', 'dockerfile'],
    ['/p/dockerfile', 'dockerfile'],
    ['/p/web.dockerfile', 'dockerfile'],
    ['/p/Containerfile', 'dockerfile'],
    ['/p/entry.sh', 'shell'],
    ['/p/compose.yaml', 'yaml'],
    ['/p/server.mjs', 'javascript'],
    ['/p/app.py', 'python'],
    ['/p/.dockerignore', 'plaintext'],
    ['/p/README', 'plaintext'],
  ])('%s is %s', (path, lang) => {
    expect(languageOf(path)).toBe(lang);
  });
});
