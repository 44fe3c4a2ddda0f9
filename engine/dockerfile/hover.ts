// The explanation the editor shows when the pointer rests on an instruction keyword or one of its flags.
import { flagDoc, flagMarkdown, instructionDoc, instructionMarkdown } from './docs.ts';
import { lineRoles, splitLines } from './line-roles.ts';

export interface HoverDoc {
  readonly markdown: string;
  /** 1-based columns of the word explained (`endColumn` exclusive). */
  readonly startColumn: number;
  readonly endColumn: number;
}

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index + 1, end: m.index + 1 + m[0].length }));
}

export function dockerfileHover(source: string, line: number, column: number): HoverDoc | undefined {
  const lines = splitLines(source);
  const role = lineRoles(lines)[line - 1];
  if (role === undefined || role.kind !== 'instruction') return undefined;
  const words = wordsOf(lines[line - 1] as string);
  const at = words.findIndex((w) => column >= w.start && column < w.end);
  if (at < 0) return undefined;
  const word = words[at] as Word;

  let keyword = role.keyword;
  if (role.first) {
    if (at === 0) return instructionHover(word);
    // ONBUILD wraps another instruction, whose keyword is the second word.
    if (keyword === 'onbuild') {
      if (at === 1) return instructionHover(word);
      keyword = words[1]?.text.toLowerCase() ?? '';
    }
  }
  if (!word.text.startsWith('--')) return undefined;
  const instruction = instructionDoc(keyword);
  const eq = word.text.indexOf('=');
  const name = word.text.slice(2, eq < 0 ? undefined : eq);
  const flag = flagDoc(keyword, name);
  if (instruction === undefined || flag === undefined) return undefined;
  return { markdown: flagMarkdown(instruction, flag), startColumn: word.start, endColumn: word.start + 2 + name.length };
}

function instructionHover(word: Word): HoverDoc | undefined {
  const doc = instructionDoc(word.text);
  return doc === undefined ? undefined : { markdown: instructionMarkdown(doc), startColumn: word.start, endColumn: word.end };
}
