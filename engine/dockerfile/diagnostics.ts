// Everything the editor underlines in a Dockerfile, from one call: the syntax error that stops a build, BuildKit's
// own build checks (as `docker build` reports them), and Dockyard's teaching advice.
import { InstructionParseError, parse } from './instructions/index.ts';
import { lintDockerfile } from './lint/index.ts';
import { teachingLint } from './lint/teaching/index.ts';
import { DockerfileParseError, parseDockerfile } from './parser/index.ts';

export interface EditorDiagnostic {
  /** Who says so: the Dockerfile parser (the build would fail), BuildKit's checks, or Dockyard's teaching rules. */
  readonly source: 'parser' | 'buildkit' | 'dockyard';
  readonly rule?: string;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly url?: string;
  /** Teaching advice only: why it matters, and what to write instead (for a hover or the lesson panel). */
  readonly explanation?: string;
  readonly fix?: string;
}

export interface DiagnosticOptions {
  readonly buildArgs?: Readonly<Record<string, string>>;
}

const SOURCE_ORDER = { parser: 0, buildkit: 1, dockyard: 2 } as const;

/** The parse error, with the lines BuildKit points at; undefined when the file parses. */
function parseError(source: string): EditorDiagnostic | undefined {
  try {
    parse(parseDockerfile(source).ast);
    return undefined;
  } catch (e) {
    if (!(e instanceof DockerfileParseError)) throw e;
    // An empty file has no line to point at; the editor still needs one.
    const startLine = Math.max(1, e.startLine);
    return {
      source: 'parser',
      // The bare reason: the editor shows the line itself, so BuildKit's `dockerfile parse error on line N:` would repeat it.
      message: e instanceof InstructionParseError ? e.reason : e.message,
      severity: 'error',
      startLine,
      endLine: Math.max(startLine, e.endLine),
    };
  }
}

export function dockerfileDiagnostics(source: string, options: DiagnosticOptions = {}): EditorDiagnostic[] {
  const error = parseError(source);
  if (error !== undefined) return [error];
  const buildArgs = options.buildArgs ?? {};
  const out: EditorDiagnostic[] = [
    ...lintDockerfile(source, { buildArgs }).map((w): EditorDiagnostic => ({
      source: 'buildkit',
      rule: w.rule,
      message: w.message,
      severity: w.level,
      startLine: w.line,
      endLine: w.endLine ?? w.line,
      url: w.url,
    })),
    ...teachingLint(source, { buildArgs }).map((w): EditorDiagnostic => ({
      source: 'dockyard',
      rule: w.rule,
      message: w.message,
      severity: w.severity,
      startLine: w.line,
      endLine: w.endLine ?? w.line,
      ...(w.url !== undefined ? { url: w.url } : {}),
      explanation: w.explanation,
      fix: w.fix,
    })),
  ];
  return out.sort((a, b) => a.startLine - b.startLine || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source]);
}
