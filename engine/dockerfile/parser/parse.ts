import { runSteps, runStepsSliced } from '../../core/slicer.ts';
import { DirectiveReader, type Directive, type EscapeToken } from './directives.ts';
import { DockerfileParseError } from './errors.ts';
import { HEREDOC_COMPOUND_INSTRUCTIONS, HEREDOC_INSTRUCTIONS, heredocMarkers } from './heredocs.ts';
import { DISPATCH, LineParseError, parseIgnore, type ParseContext } from './line-parsers.ts';
import {
  isBlank,
  isComment,
  MAX_LINE_BYTES,
  splitLines,
  trimComment,
  trimContinuation,
  trimLeadingWhitespace,
  trimNewline,
} from './lines.ts';
import { makeNode, type Heredoc, type Node } from './node.ts';
import { splitCommand, trimSpace } from './split-command.ts';

export interface ParseWarning {
  /** BuildKit's text, e.g. `Empty continuation line found in: RUN a     b`. */
  readonly short: string;
  readonly detail: string;
  readonly url: string;
  /** The instruction the warning is about. */
  readonly startLine: number;
  readonly endLine: number;
  /** The blank lines inside the continuation, 1-based. */
  readonly emptyLines: readonly number[];
}

export interface ParseResult {
  /** The root: no value, one child per instruction, spanning the first to the last instruction. */
  readonly ast: Node;
  readonly escapeToken: EscapeToken;
  readonly directives: readonly Directive[];
  readonly warnings: readonly ParseWarning[];
}

/** Builds one instruction node from its joined text (no line numbers: the caller knows them). */
function instructionFromLine(line: string, ctx: ParseContext, comments: readonly string[]): Node {
  const { cmd, flags, args } = splitCommand(line);
  // Own keys only: an instruction named `constructor` or `__proto__` is unknown, not an Object method.
  const parse = Object.hasOwn(DISPATCH, cmd) ? DISPATCH[cmd]! : parseIgnore;
  const { next, json } = parse(args, ctx);
  return makeNode({
    value: cmd,
    original: line,
    flags,
    next,
    attributes: json === true ? { json: true } : {},
    prevComment: comments,
  });
}

function canContainHeredoc(node: Node): boolean {
  let target = node;
  if (HEREDOC_COMPOUND_INSTRUCTIONS.has(node.value)) {
    const inner = node.next?.children[0];
    if (inner !== undefined) target = inner;
  }
  return HEREDOC_INSTRUCTIONS.has(target.value) && target.attributes.json !== true;
}

/** Instructions parsed between two pauses of `parseDockerfileSliced`: a few milliseconds of work. */
const SLICE_INSTRUCTIONS = 2000;

/**
 * The last file parsed and its tree: a build parses its Dockerfile for the context it needs, for the build and for
 * its checks, and the tree is immutable, so a 5 MB Dockerfile is parsed once, not three times.
 */
let last: { readonly text: string; readonly result: ParseResult } | undefined;

/**
 * Parses a Dockerfile into BuildKit's syntax tree. Throws DockerfileParseError with BuildKit's message and the
 * offending lines.
 */
export function parseDockerfile(text: string): ParseResult {
  if (last?.text === text) return last.result;
  return (last = { text, result: runSteps(parsing(text)) }).result;
}

/**
 * `parseDockerfile`, pausing (`pause()`, a yield to the clock) every few thousand instructions, so a huge Dockerfile
 * does not freeze the page; the result is then what `parseDockerfile` returns for the same text.
 */
export async function parseDockerfileSliced(text: string, pause: () => Promise<void>): Promise<ParseResult> {
  if (last?.text === text) return last.result;
  // The parser yields once per slice of instructions: a pause at every yield.
  const result = await runStepsSliced(parsing(text), pause, 1);
  return (last = { text, result }).result;
}

/** The parser, as steps: it yields every SLICE_INSTRUCTIONS instructions and returns the tree. */
function* parsing(text: string): Generator<void, ParseResult, void> {
  const lines = splitLines(text);
  const directives = new DirectiveReader();
  const ctx: ParseContext = {
    get escapeToken() {
      return directives.escapeToken;
    },
    parseInstruction: (line) => instructionFromLine(line, ctx, []),
  };
  const children: Node[] = [];
  const warnings: ParseWarning[] = [];
  let comments: string[] = [];
  let currentLine = 0;
  let index = 0;
  let lineTooLong = false;

  // The physical line reader: undefined at the end of input, and at a line too long for BuildKit's scanner,
  // which ends reading just as the end of input would.
  const nextLine = (): string | undefined => {
    const l = lines[index];
    if (l === undefined || lineTooLong) return undefined;
    if (l.tooLong) {
      lineTooLong = true;
      return undefined;
    }
    index++;
    return l.raw;
  };

  for (let raw = nextLine(); raw !== undefined; raw = nextLine()) {
    if (isComment(raw)) comments.push(trimSpace(raw.slice(1)));
    const stripped = trimLeadingWhitespace(trimNewline(raw));
    directives.read(stripped, currentLine + 1);
    currentLine++;
    const startLine = currentLine;
    let { line, endOfLine } = trimContinuation(trimComment(stripped), directives.escapeToken);
    if (endOfLine && line === '') continue;

    const emptyLines: number[] = [];
    while (!endOfLine) {
      const more = nextLine();
      if (more === undefined) break;
      const kept = trimNewline(more);
      directives.read(kept, currentLine + 1);
      currentLine++;
      if (isComment(more)) continue;
      const body = trimComment(kept);
      if (isBlank(body)) {
        emptyLines.push(currentLine);
        continue;
      }
      const cont = trimContinuation(body, directives.escapeToken);
      line += cont.line;
      endOfLine = cont.endOfLine;
    }

    let child: Node;
    try {
      child = instructionFromLine(line, ctx, comments);
    } catch (e) {
      if (e instanceof LineParseError) throw new DockerfileParseError(e.message, startLine, currentLine);
      throw e;
    }

    if (emptyLines.length > 0) {
      warnings.push({
        short: `Empty continuation line found in: ${line}`,
        detail: 'Empty continuation lines will become errors in a future release',
        url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/',
        startLine,
        endLine: currentLine,
        emptyLines,
      });
    }

    if (canContainHeredoc(child)) {
      const heredocs: Heredoc[] = [];
      for (const marker of heredocMarkers(line)) {
        let content = '';
        let terminated = false;
        for (let body = nextLine(); body !== undefined; body = nextLine()) {
          currentLine++;
          let candidate = trimNewline(body);
          if (marker.chomp) candidate = candidate.replace(/^\t+/, '');
          if (candidate === marker.name) {
            terminated = true;
            break;
          }
          content += body;
        }
        if (!terminated) throw new DockerfileParseError('unterminated heredoc', startLine, currentLine);
        heredocs.push({ ...marker, content });
      }
      if (heredocs.length > 0) child = { ...child, heredocs };
    }

    children.push({ ...child, startLine, endLine: currentLine });
    comments = [];
    if (children.length % SLICE_INSTRUCTIONS === 0) yield;
  }

  const first = children[0];
  const last = children[children.length - 1];
  if (first === undefined || last === undefined) {
    throw new DockerfileParseError('file with no instructions', currentLine);
  }
  if (lineTooLong) {
    throw new DockerfileParseError(
      `dockerfile line greater than max allowed size of ${MAX_LINE_BYTES}`,
      currentLine + 1,
    );
  }
  return {
    ast: makeNode({ value: '', children, startLine: first.startLine, endLine: last.endLine }),
    escapeToken: directives.escapeToken,
    directives: directives.directives,
    warnings,
  };
}
