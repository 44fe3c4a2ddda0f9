import { describe, expect, it } from 'vitest';
import { readIgnoreFile } from '../../../engine/build/context/dockerignore.ts';

describe('readIgnoreFile (ignorefile.ReadAll)', () => {
  it('reads patterns as moby does (test data from moby/patternmatcher ignorefile_test.go, Apache-2.0)', () => {
    const content = 'test1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! ';
    expect(readIgnoreFile(content)).toEqual(['test1', 'test2', 'a/file/here', 'lastfile', '!inverted/abs/path', '!', '!']);
  });

  it('only treats # in the first column as a comment', () => {
    expect(readIgnoreFile('#comment\n #not a comment\n')).toEqual(['#not a comment']);
  });

  it('cleans paths and drops a byte order mark and CRLF line ends', () => {
    expect(readIgnoreFile('\uFEFFnode_modules/\r\n./dist/../build//\r\n**/*.log\n')).toEqual(['node_modules', 'build', '**/*.log']);
    expect(readIgnoreFile(new TextEncoder().encode('a\nb'))).toEqual(['a', 'b']);
  });

  it('keeps a lone slash (Clean gives "/", which is not stripped)', () => {
    expect(readIgnoreFile('/\n')).toEqual(['/']);
  });

  it('reads nothing from an empty file', () => {
    expect(readIgnoreFile('')).toEqual([]);
    expect(readIgnoreFile('\n\n  \n')).toEqual([]);
  });
});
