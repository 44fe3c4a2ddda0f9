import { describe, expect, it } from 'vitest';
import { Catalog, sharedProjects } from '../../../src/scenario/catalog.ts';

const text = (t: string) => () => Promise.resolve(t);

const catalog = new Catalog({
  '/scenarios/b/scenario.yaml': text('id: b\nstart:\n  project: ../projects/app\n'),
  '/scenarios/b/notes.md': text('b notes'),
  '/scenarios/a/scenario.yaml': text('id: a\nstart:\n  project: project\n'),
  '/scenarios/a/project/Dockerfile': text('FROM alpine'),
  '/scenarios/a/project/.dockerignore': text('node_modules'),
  '/scenarios/projects/app/index.js': text('app'),
  '/scenarios/projects/other/index.js': text('other'),
});

describe('scenario catalog', () => {
  it('lists the folders holding a scenario.yaml', () => {
    expect(catalog.ids()).toEqual(['a', 'b']);
    expect(catalog.has('a')).toBe(true);
    expect(catalog.has('projects')).toBe(false);
  });

  it('gives a scenario its own files, dotfiles included, relative to its folder', async () => {
    const source = await catalog.source('a');
    expect(source.yaml).toContain('id: a');
    expect([...source.files.keys()]).toEqual(['project/.dockerignore', 'project/Dockerfile']);
  });

  it('adds the shared project the YAML names, and no other', async () => {
    const source = await catalog.source('b');
    expect([...source.files]).toEqual([
      ['../projects/app/index.js', 'app'],
      ['notes.md', 'b notes'],
    ]);
  });

  it('says which scenario is missing', async () => {
    await expect(catalog.source('nope')).rejects.toThrow('There is no scenario “nope”.');
  });

  it('finds shared projects in the text', () => {
    expect(sharedProjects('project: ../projects/notes-api\n# also ../projects/notes-api')).toEqual(['notes-api']);
  });
});
