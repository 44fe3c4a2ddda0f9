import { describe, expect, it } from 'vitest';
import { chompHeredocContent, dump, parseDockerfile, parseHeredocMarker } from '../../../engine/dockerfile/parser/index.ts';

describe('heredocs', () => {
  it('attaches the body of RUN <<EOF and ends at the terminator line', () => {
    const r = parseDockerfile('FROM a\nRUN <<EOF\necho hi\necho there\nEOF\nRUN b');
    const run = r.ast.children[1];
    expect(run?.heredocs).toEqual([{ name: 'EOF', fileDescriptor: 0, expand: true, chomp: false, content: 'echo hi\necho there\n' }]);
    expect([run?.startLine, run?.endLine]).toEqual([2, 5]);
    expect(dump(r.ast)).toBe('(from "a")\n(run "<<EOF")\n(run "b")');
  });

  it('reads several heredocs in order, with file descriptors and <<-', () => {
    const r = parseDockerfile('COPY <<A 3<<-B /dst\none\nA\n\ttwo\n\tB\n');
    const docs = r.ast.children[0]?.heredocs ?? [];
    expect(docs.map((d) => [d.name, d.fileDescriptor, d.chomp, d.content])).toEqual([
      ['A', 0, false, 'one\n'],
      ['B', 3, true, '\ttwo\n'],
    ]);
    expect(chompHeredocContent('\ttwo\n\t\tthree\n')).toBe('two\nthree\n');
  });

  it('turns expansion off when any part of the delimiter is quoted', () => {
    expect(parseHeredocMarker('<<"EOF"')).toMatchObject({ name: 'EOF', expand: false });
    expect(parseHeredocMarker("<<'EOF'")).toMatchObject({ name: 'EOF', expand: false });
    expect(parseHeredocMarker('<<E"O"F')).toMatchObject({ name: 'EOF', expand: false });
    expect(parseHeredocMarker('<<EOF')).toMatchObject({ name: 'EOF', expand: true });
    expect(parseHeredocMarker('<<')).toBeUndefined();
    expect(parseHeredocMarker('a<<b')).toBeUndefined();
  });

  it('only applies to RUN, COPY and ADD in shell form, including inside ONBUILD', () => {
    expect(parseDockerfile('ONBUILD RUN <<EOF\nx\nEOF').ast.children[0]?.heredocs).toHaveLength(1);
    expect(() => parseDockerfile('CMD <<EOF\nx\nEOF')).not.toThrow();
    expect(dump(parseDockerfile('CMD <<EOF\nx\nEOF').ast)).toBe('(cmd "<<EOF")\n(x)\n(eof)');
    expect(parseDockerfile('RUN ["<<EOF"]\nFROM a').ast.children).toHaveLength(2);
  });

  it('reports an unterminated heredoc with the instruction lines', () => {
    try {
      parseDockerfile('FROM a\nRUN <<EOF\necho\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ message: 'unterminated heredoc', startLine: 2, endLine: 3 });
    }
  });
});
