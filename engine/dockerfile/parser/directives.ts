import { DockerfileParseError } from './errors.ts';

export type EscapeToken = '\\' | '`';

export interface Directive {
  /** Lower-cased key: `syntax`, `escape` or `check`. */
  readonly name: string;
  readonly value: string;
  readonly line: number;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN = new Set(['syntax', 'escape', 'check']);

/**
 * Parser directives are only honoured at the very top: the first line that is not a `# key=value` comment with a
 * known key (a blank line, an instruction, any other comment) ends them for the rest of the file.
 */
export class DirectiveReader {
  escapeToken: EscapeToken = '\\';
  readonly directives: Directive[] = [];
  private done = false;
  private readonly seen = new Set<string>();

  /** Looks at one line (newline already trimmed). Throws BuildKit's errors for a repeated key or a bad escape. */
  read(line: string, lineNumber: number): void {
    if (this.done) return;
    const m = DIRECTIVE.exec(line);
    const key = m?.[1]?.toLowerCase();
    if (m === null || key === undefined || !KNOWN.has(key)) {
      this.done = true;
      return;
    }
    if (this.seen.has(key)) {
      throw new DockerfileParseError(`only one ${key} parser directive can be used`, lineNumber);
    }
    this.seen.add(key);
    const value = m[2] as string;
    if (key === 'escape') {
      if (value !== '`' && value !== '\\') {
        throw new DockerfileParseError(`invalid escape token '${value}' does not match \` or \\`, lineNumber);
      }
      this.escapeToken = value;
    }
    this.directives.push({ name: key, value, line: lineNumber });
  }
}
