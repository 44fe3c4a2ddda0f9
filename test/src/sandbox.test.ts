import { describe, expect, it } from 'vitest';
import { projectEntries, sandboxProject } from '../../src/sandbox.ts';

describe('the sandbox project', () => {
  it('bundles the notes-api app, dotfiles included', () => {
    const paths = sandboxProject().map((e) => `${e.type} ${e.path}`);
    expect(paths).toEqual(
      expect.arrayContaining(['file .dockerignore', 'file Dockerfile', 'file package.json', 'file package-lock.json', 'dir src', 'file src/index.js']),
    );
    const dockerfile = sandboxProject().find((e) => e.path === 'Dockerfile');
    expect(dockerfile?.content).toMatch(/^FROM node:20-alpine$/m);
  });
});

describe('projectEntries', () => {
  it('lists each directory once, before its files, in sorted order', () => {
    const entries = projectEntries({ '/p/b/c/d.txt': 'd', '/p/a.txt': 'a', '/p/b/e.txt': 'e' }, '/p');
    expect(entries).toEqual([
      { path: 'a.txt', type: 'file', content: 'a' },
      { path: 'b', type: 'dir' },
      { path: 'b/c', type: 'dir' },
      { path: 'b/c/d.txt', type: 'file', content: 'd' },
      { path: 'b/e.txt', type: 'file', content: 'e' },
    ]);
  });

  it('refuses a file outside the root', () => {
    expect(() => projectEntries({ '/elsewhere/x': 'x' }, '/p/')).toThrow(/not under \/p\//);
  });
});
