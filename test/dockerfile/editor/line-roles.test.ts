import { describe, expect, it } from 'vitest';
import { lineRoles, splitLines } from '../../../engine/dockerfile/line-roles.ts';

const brief = (src: string) =>
  lineRoles(splitLines(src)).map((r) => (r.kind === 'instruction' ? `${r.keyword}${r.first ? '' : '+'}` : r.kind));

describe('line roles', () => {
  it('tells instructions from their continuations, comments and blank lines', () => {
    expect(brief('# syntax=docker/dockerfile:1\nFROM alpine\nRUN a \\\n  # note\n\n  && b\nCMD x')).toEqual([
      'other', 'from', 'run', 'other', 'run+', 'run+', 'cmd',
    ]);
  });

  it('follows the escape directive', () => {
    expect(brief('# escape=`\nFROM alpine\nRUN a `\n  b\nRUN c \\\nCMD d')).toEqual(['other', 'from', 'run', 'run+', 'run', 'cmd']);
  });

  it('marks heredoc bodies, which start after the whole instruction line', () => {
    expect(brief('FROM a\nRUN <<EOF \\\n  --network=none\nFROM x\nEOF\nCOPY <<-A <<B /dst/\n\tA\n\tA\nB\nCMD y')).toEqual([
      'from', 'run', 'run+', 'heredoc', 'heredoc', 'copy', 'heredoc', 'heredoc', 'heredoc', 'cmd',
    ]);
  });

  it('ignores heredoc markers where BuildKit does (ENV) and honours them inside ONBUILD RUN', () => {
    expect(brief('ENV A=<<EOF\nCMD x\nONBUILD RUN <<EOF\nbody\nEOF\nCMD y')).toEqual(['env', 'cmd', 'onbuild', 'heredoc', 'heredoc', 'cmd']);
  });
});
