import { describe, expect, it } from 'vitest';
import { BuildContextError } from '../../../engine/build/context/errors.ts';
import { normalizeSource, resolveCopySources } from '../../../engine/build/context/sources.ts';
import { entryAt, paths, tree } from './helpers.ts';

const context = tree({
  'package.json': '{}',
  'package-lock.json': '{"lockfileVersion":3}',
  'Dockerfile': 'FROM node:20',
  'src/index.ts': 'a',
  'src/util.ts': 'b',
  'src/lib/deep.ts': 'c',
  'docs/guide.md': 'g',
  'docs/img/logo.png': 'p',
  'home.txt': 'h',
  'homework.md': 'w',
  'link.txt -> src/index.ts': '',
  'srclink -> src': '',
  'abs -> /src/util.ts': '',
  'tree/inner -> ../src': '',
});

describe('resolveCopySources', () => {
  it('selects package.json and package-lock.json for `package*`', () => {
    expect(resolveCopySources(context, 'package*').map((s) => [s.path, s.name, s.wildcard])).toEqual([
      ['/package-lock.json', 'package-lock.json', true],
      ['/package.json', 'package.json', true],
    ]);
  });

  it('ignores a leading /, ../ and a trailing /', () => {
    for (const src of ['src', '/src', '../src', './src/', '../../src/']) expect(normalizeSource(src)).toBe('/src');
    expect(resolveCopySources(context, '../src/')[0]!.entry).toBe(entryAt(context, 'src'));
  });

  it('matches wildcards per segment, a matched directory taken whole', () => {
    expect(resolveCopySources(context, 'src/*.ts').map((s) => s.path)).toEqual(['/src/index.ts', '/src/util.ts']);
    expect(resolveCopySources(context, '*/*.ts').map((s) => s.path)).toEqual(['/src/index.ts', '/src/util.ts']);
    expect(resolveCopySources(context, 'sr?').map((s) => s.path)).toEqual(['/src']);
  });

  it('selects nothing for a wildcard that matches nothing, and fails for a missing plain source', () => {
    expect(resolveCopySources(context, '*.none')).toEqual([]);
    const missing = () => resolveCopySources(context, 'config/app.json');
    expect(missing).toThrow(BuildContextError);
    expect(missing).toThrow('"/config/app.json": not found');
  });

  it('follows symlinks to and on the source path, and keeps symlinks inside a copied directory', () => {
    const [link] = resolveCopySources(context, 'link.txt');
    expect([link!.name, link!.entry.type, link!.entry]).toEqual(['link.txt', 'file', entryAt(context, 'src/index.ts')]);
    expect(resolveCopySources(context, 'srclink/util.ts')[0]!.entry).toBe(entryAt(context, 'src/util.ts'));
    expect(resolveCopySources(context, 'abs')[0]!.entry).toBe(entryAt(context, 'src/util.ts'));
    expect(resolveCopySources(context, 'tree/inner/lib/deep.ts')[0]!.entry).toBe(entryAt(context, 'src/lib/deep.ts'));
    expect(paths(resolveCopySources(context, 'tree')[0]!.entry as never)).toEqual(['inner -> ../src']);
  });

  it('leaves out what --exclude names, relative to the source', () => {
    const [docs] = resolveCopySources(context, 'docs', { excludes: ['*.md'] });
    expect(paths(docs!.entry as never)).toEqual(['img/', 'img/logo.png']);
    expect(resolveCopySources(context, 'hom*', { excludes: ['*.txt'] }).map((s) => s.path)).toEqual(['/homework.md']);
    expect(() => resolveCopySources(context, 'docs', { excludes: ['!'] })).toThrow('illegal exclusion pattern: "!"');
  });
});
