import { describe, expect, it } from 'vitest';
import { dump, parseDockerfile } from '../../../engine/dockerfile/parser/index.ts';

const parse = (text: string) => parseDockerfile(text);
const dumpOf = (text: string) => dump(parse(text).ast);

describe('lines and continuations', () => {
  it('joins continuation lines keeping their indentation and the whitespace before the escape', () => {
    expect(dumpOf('FROM a\nRUN a \\\n    b\n')).toBe('(from "a")\n(run "a     b")');
  });

  it('accepts spaces and tabs after the escape character', () => {
    expect(dumpOf('RUN a \\  \t\n b')).toBe('(run "a  b")');
  });

  it('drops comment lines inside a continuation, indented or not', () => {
    expect(dumpOf('RUN a \\\n# one\n    # two\n  b')).toBe('(run "a   b")');
  });

  it('skips blank continuation lines and warns with their line numbers', () => {
    const r = parse('FROM alpine\nRUN apk add \\\n\n    gnupg \\\n\n    curl\n');
    expect(dump(r.ast)).toBe('(from "alpine")\n(run "apk add     gnupg     curl")');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({
      short: 'Empty continuation line found in: RUN apk add     gnupg     curl',
      startLine: 2,
      endLine: 6,
      emptyLines: [3, 5],
    });
    expect(r.ast.children[1]).toMatchObject({ startLine: 2, endLine: 6 });
  });

  it('allows a continuation at the end of the file', () => {
    expect(dumpOf('FROM a\nRUN echo \\')).toBe('(from "a")\n(run "echo")');
  });

  it('does not treat an escaped escape character as a continuation', () => {
    expect(dumpOf('RUN echo a\\\\\nRUN b')).toBe('(run "echo a\\\\\\\\")\n(run "b")');
  });

  it('strips a byte-order mark and handles CRLF line endings', () => {
    expect(dumpOf('\uFEFFFROM a\r\nRUN b \\\r\n  c\r\n')).toBe('(from "a")\n(run "b   c")');
  });

  it('ignores indentation before an instruction and treats a # after it as text', () => {
    expect(dumpOf('   FROM a\n\tRUN echo # not a comment')).toBe('(from "a")\n(run "echo # not a comment")');
  });

  it('records start and end lines across blank lines and comments', () => {
    const r = parse('\n# c\nFROM a\n\nENV A \\\n  1\n');
    expect(r.ast.children.map((c) => [c.startLine, c.endLine])).toEqual([
      [3, 3],
      [5, 6],
    ]);
    expect([r.ast.startLine, r.ast.endLine]).toEqual([3, 6]);
  });

  it('keeps the comments directly above an instruction', () => {
    const r = parse('# hello\n# world\nFROM a\nRUN b');
    expect(r.ast.children[0]?.prevComment).toEqual(['hello', 'world']);
    expect(r.ast.children[1]?.prevComment).toEqual([]);
  });
});
