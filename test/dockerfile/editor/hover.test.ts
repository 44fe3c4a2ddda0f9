import { describe, expect, it } from 'vitest';
import { dockerfileHover } from '../../../engine/dockerfile/hover.ts';

function hoverAt(marked: string) {
  const cursor = marked.indexOf('|');
  const source = marked.slice(0, cursor) + marked.slice(cursor + 1);
  const before = source.slice(0, cursor).split('\n');
  return dockerfileHover(source, before.length, before.at(-1)!.length + 1);
}

describe('Dockerfile hover', () => {
  it('explains an instruction keyword, whatever its case', () => {
    const h = hoverAt('FROM alpine\n  co|py . .');
    expect(h?.markdown).toMatch(/^\*\*COPY\*\*/);
    expect([h?.startColumn, h?.endColumn]).toEqual([3, 7]);
  });

  it('explains a flag, on the instruction line or a continuation', () => {
    const h = hoverAt('FROM alpine\nCOPY --ch|own=1000:1000 a b');
    expect(h?.markdown).toContain('**COPY --chown=<user>[:<group>]**');
    expect([h?.startColumn, h?.endColumn]).toEqual([6, 13]);
    expect(hoverAt('FROM a\nRUN \\\n  --mount=type=ca|che,target=/x true')?.markdown).toContain('RUN --mount');
    expect(hoverAt('FROM --platform=linux/a|md64 alpine')?.markdown).toContain('FROM --platform');
  });

  it('explains the instruction ONBUILD wraps, and its flags', () => {
    expect(hoverAt('FROM a\nONBUILD CO|PY --from=x a b')?.markdown).toMatch(/^\*\*COPY\*\*/);
    expect(hoverAt('FROM a\nONBUILD COPY --fr|om=x a b')?.markdown).toContain('COPY --from');
  });

  it('has nothing to say about arguments, unknown flags, comments or heredoc bodies', () => {
    expect(hoverAt('FROM alp|ine')).toBeUndefined();
    expect(hoverAt('FROM a\nCOPY --platf|orm=x a b')).toBeUndefined();
    expect(hoverAt('# FR|OM')).toBeUndefined();
    expect(hoverAt('FROM a\nRUN <<EOF\nFR|OM\nEOF')).toBeUndefined();
    expect(hoverAt('FROM a\nRUNN| x')).toBeUndefined();
  });
});
