import { describe, expect, it } from 'vitest';
import { pathMatch } from '../../engine/image/path-match.ts';

describe('pathMatch (Go path.Match for the reference filter)', () => {
  it('matches names with a dash literally (a hyphenated repository once made an invalid regular expression)', () => {
    expect(pathMatch('cache-demo', 'cache-demo')).toBe(true);
    expect(pathMatch('my-app:*', 'my-app:latest')).toBe(true);
    expect(pathMatch('my-app', 'myxapp')).toBe(false);
  });

  it('keeps * within one path segment and supports classes and escapes', () => {
    expect(pathMatch('library/*', 'library/node')).toBe(true);
    expect(pathMatch('*', 'library/node')).toBe(false);
    expect(pathMatch('node:2[0-2]', 'node:22')).toBe(true);
    expect(pathMatch('a\\*b', 'a*b')).toBe(true);
  });
});
