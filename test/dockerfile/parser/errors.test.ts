import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../engine/dockerfile/parser/index.ts';
import { parseError } from './parse-error.ts';


describe('parse errors', () => {
  it('rejects a file with no instructions', () => {
    for (const text of ['', '\n\n', '# just\n# comments\n', '# escape=`\n']) {
      expect(parseError(text).message).toBe('file with no instructions');
    }
  });

  it('rejects a line longer than the 64 KiB scanner buffer', () => {
    const e = parseError(`FROM image\nLABEL test=${'a'.repeat(65536)}\n`);
    expect(e.message).toBe('dockerfile line greater than max allowed size of 65535');
    expect(e.exitCode).toBe(1);
    expect(() => parseDockerfile(`FROM image\nLABEL t=${'a'.repeat(65535 - 'LABEL t='.length)}\n`)).not.toThrow();
  });

  it('puts the instruction lines on line-parser errors', () => {
    const e = parseError('FROM a\n\nENV A \\\n\n');
    expect(e.message).toBe('ENV must have two arguments');
    expect([e.startLine, e.endLine]).toEqual([3, 4]);
    expect(parseError('FROM a\nCMD [1]').startLine).toBe(2);
  });
});
