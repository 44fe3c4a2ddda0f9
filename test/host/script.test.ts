import { describe, expect, it } from 'vitest';
import { splitScript } from '../../engine/host/script.ts';

// A stand-in for the shell's own check: here-documents opened with <<EOF need a closing EOF line.
const needsMore = (text: string) => /<<\s*EOF/.test(text) && !/\nEOF$/.test(text);

describe('splitScript', () => {
  it('takes one command per line and skips blank and comment lines between commands', () => {
    const cmds = splitScript('echo a\n\n# note\n  # indented note\necho b\n', needsMore);
    expect(cmds.map((c) => c.text)).toEqual(['echo a', 'echo b']);
  });

  it('joins backslash continuations, keeping the lines as typed', () => {
    const cmds = splitScript('docker run \\\n  -d \\\n  nginx\necho done', needsMore);
    expect(cmds[0]!.lines).toEqual(['docker run \\', '  -d \\', '  nginx']);
    expect(cmds[0]!.text).toBe('docker run \\\n  -d \\\n  nginx');
    expect(cmds[1]!.text).toBe('echo done');
  });

  it('keeps blank and # lines inside an unfinished command such as a here-document', () => {
    const cmds = splitScript('cat > f <<EOF\n# not a comment\n\nEOF\nls', needsMore);
    expect(cmds.map((c) => c.text)).toEqual(['cat > f <<EOF\n# not a comment\n\nEOF', 'ls']);
  });

  it('does not treat an escaped backslash as a continuation', () => {
    expect(splitScript('echo a\\\\\necho b', needsMore)).toHaveLength(2);
  });

  it('hands an unfinished command at the end of the script to the shell as it is', () => {
    expect(splitScript('cat <<EOF\nline', needsMore).map((c) => c.text)).toEqual(['cat <<EOF\nline']);
  });
});
