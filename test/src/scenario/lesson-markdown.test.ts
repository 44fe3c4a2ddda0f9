import { describe, expect, it } from 'vitest';
import { commandLines, inlineHtml, lessonParts } from '../../../src/scenario/lesson-markdown.ts';

const keep = (html: string) => html;

describe('lesson markdown', () => {
  it('splits sh blocks out of the prose, as their command lines', () => {
    const parts = lessonParts('# Title\n\nSome *text* [a][ref].\n\n```sh\ndocker ps\n\ndocker images\n```\n\nMore.\n\n[ref]: https://docs.docker.com/\n', keep);
    expect(parts.map((p) => p.kind)).toEqual(['html', 'commands', 'html']);
    expect(parts[0]).toMatchObject({ kind: 'html' });
    expect((parts[0] as { html: string }).html).toContain('<em>text</em>');
    // A reference defined after the block still resolves in the run before it.
    expect((parts[0] as { html: string }).html).toContain('href="https://docs.docker.com/"');
    expect(parts[1]).toEqual({ kind: 'commands', text: 'docker ps\n\ndocker images', lines: ['docker ps', 'docker images'] });
  });

  it('leaves other fenced blocks as code in the prose', () => {
    const parts = lessonParts('```dockerfile\nFROM node\n```\n', keep);
    expect(parts).toHaveLength(1);
    expect((parts[0] as { html: string }).html).toContain('FROM node');
  });

  it('shows HTML written in the lesson as text, and passes what markdown makes through the sanitiser', () => {
    const seen: string[] = [];
    const parts = lessonParts('<script>alert(1)</script>\n\ntext <b onclick="x()">bold</b>\n\n```sh\nls\n```\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))', (html) => {
      seen.push(html);
      return html;
    });
    const html = parts.map((p) => (p.kind === 'html' ? p.html : '')).join('');
    expect(seen.join('')).toBe(html);
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('keeps continuations and here-documents in one command line each', () => {
    const text = "# make the file\ncat > a.txt <<'EOF'\nhello\n# not a comment\nEOF\ndocker run -d \\\n  --name db mongo\necho done";
    expect(commandLines(text)).toEqual(["cat > a.txt <<'EOF'\nhello\n# not a comment\nEOF", 'docker run -d \\\n  --name db mongo', 'echo done']);
  });

  it('renders a hint as inline markdown, its raw HTML as text', () => {
    expect(inlineHtml('Use `docker run -d` and *--name* <b>x</b>', keep)).toBe('Use <code>docker run -d</code> and <em>--name</em> &#60;b&#62;x&#60;/b&#62;');
  });
});
