import { beforeEach, describe, expect, it } from 'vitest';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { FileSync } from '../../../src/editor/file-sync.ts';

const FILE = '/p/Dockerfile';
let fs: TreeFs;
let sync: FileSync;

beforeEach(() => {
  fs = new TreeFs();
  fs.mkdir('/p');
  fs.writeFile(FILE, 'FROM alpine\n');
  sync = new FileSync(fs, FILE);
  sync.open();
});

describe('keeping the editor and the file in step', () => {
  it('writes the buffer only when it differs', () => {
    const root = fs.root;
    expect(sync.save('FROM alpine\n')).toBeUndefined();
    expect(fs.root).toBe(root);
    expect(sync.save('FROM node\n')).toBeUndefined();
    expect(fs.readText(FILE)).toBe('FROM node\n');
    expect(sync.isSaved('FROM node\n')).toBe(true);
  });

  it('does not report its own write as a change on disk', () => {
    sync.save('FROM node\n');
    expect(sync.check('FROM node\n')).toEqual({ kind: 'unchanged' });
  });

  it('reloads a file the shell changed while the buffer was saved', () => {
    fs.writeFile(FILE, 'RUN true\n', { append: true });
    expect(sync.check('FROM alpine\n')).toEqual({ kind: 'reload', text: 'FROM alpine\nRUN true\n' });
    expect(sync.isSaved('FROM alpine\nRUN true\n')).toBe(true);
  });

  it('keeps unsaved edits when the shell changed the file too, and saves them next', () => {
    fs.writeFile(FILE, 'FROM debian\n');
    expect(sync.check('FROM node\n')).toEqual({ kind: 'kept' });
    sync.save('FROM node\n');
    expect(fs.readText(FILE)).toBe('FROM node\n');
  });

  it('ignores changes elsewhere on the filesystem', () => {
    fs.writeFile('/p/other', 'x');
    expect(sync.check('FROM alpine\n')).toEqual({ kind: 'unchanged' });
  });

  it('says when the file went away', () => {
    fs.rm(FILE);
    expect(sync.check('FROM alpine\n')).toEqual({ kind: 'missing' });
  });

  it('does not bring back a file that was renamed or deleted', () => {
    fs.rename(FILE, '/p/Dockerfile.old');
    expect(sync.save('FROM node\n')).toBeUndefined();
    expect(fs.exists(FILE)).toBe(false);
  });

  it('reports a failed write instead of throwing', () => {
    fs.rm(FILE);
    fs.mkdir(FILE);
    expect(sync.save('FROM node\n')).toMatch(/^Could not save \/p\/Dockerfile: EISDIR/);
  });
});
