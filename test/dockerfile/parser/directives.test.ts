import { describe, expect, it } from 'vitest';
import { dump, parseDockerfile } from '../../../engine/dockerfile/parser/index.ts';
import { parseError } from './parse-error.ts';


describe('parser directives', () => {
  it('reads syntax, escape and check at the top, case-insensitively, with spaces around =', () => {
    const r = parseDockerfile('# syntax = docker/dockerfile:1\n#ESCAPE=`\n# check=skip=JSONArgsRecommended\nFROM a');
    expect(r.escapeToken).toBe('`');
    expect(r.directives).toEqual([
      { name: 'syntax', value: 'docker/dockerfile:1', line: 1 },
      { name: 'escape', value: '`', line: 2 },
      { name: 'check', value: 'skip=JSONArgsRecommended', line: 3 },
    ]);
  });

  it('uses the backtick as escape and continuation character', () => {
    expect(dump(parseDockerfile('# escape=`\nFROM a\nRUN dir c:\\ `\n  /b').ast)).toBe('(from "a")\n(run "dir c:\\\\   /b")');
  });

  it('stops at the first non-directive line: a later escape directive is an ordinary comment', () => {
    for (const text of ['# hello\n# escape=`\nFROM a', '\n# escape=`\nFROM a', 'FROM a\n# escape=`\nRUN b', '# foo=bar\n# escape=`\nFROM a']) {
      expect(parseDockerfile(text).escapeToken).toBe('\\');
    }
  });

  it('rejects a repeated directive', () => {
    const e = parseError('# escape=\\\n# escape=`\nFROM a');
    expect(e.message).toBe('only one escape parser directive can be used');
    expect(e.startLine).toBe(2);
    expect(parseError('# syntax=a\n# SYNTAX=b\nFROM a').message).toBe('only one syntax parser directive can be used');
  });

  it('rejects an escape token other than backslash or backtick', () => {
    expect(parseError('# escape=x\nFROM a').message).toBe("invalid escape token 'x' does not match ` or \\");
  });
});
