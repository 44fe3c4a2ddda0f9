import type { Machine } from '../api.ts';
import { splitScript } from './script.ts';

/** One command of a played script and what the terminal showed for it. */
export interface TranscriptEntry {
  readonly command: string;
  readonly lines: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr interleaved in the order they were written, as a terminal shows them. */
  readonly output: string;
  readonly exitCode: number;
}

/** Runs a script one command line at a time in a fresh terminal of `machine` (the headless `play` contract). */
export async function playScript(machine: Machine, source: string): Promise<TranscriptEntry[]> {
  const terminal = machine.openTerminal();
  const entries: TranscriptEntry[] = [];
  for (const command of splitScript(source, (text) => terminal.needsMore(text))) {
    let stdout = '';
    let stderr = '';
    let output = '';
    const exitCode = await terminal.run(command.text, {
      stdout: (chunk) => {
        stdout += chunk;
        output += chunk;
      },
      stderr: (chunk) => {
        stderr += chunk;
        output += chunk;
      },
      echo: (text) => {
        output += text;
      },
    });
    entries.push({ command: command.text, lines: command.lines, stdout, stderr, output, exitCode });
  }
  return entries;
}

/** `$ <line>` (continuation lines after `> `), then what the terminal showed. */
export function formatTranscript(entries: readonly TranscriptEntry[]): string {
  return entries
    .map((e) => e.lines.map((line, i) => `${i === 0 ? '$' : '>'} ${line}\n`).join('') + e.output)
    .join('');
}

/** One JSON object per line: `{"command", "stdout", "stderr", "exitCode"}`. */
export function formatJsonLines(entries: readonly TranscriptEntry[]): string {
  return entries
    .map((e) => JSON.stringify({ command: e.command, stdout: e.stdout, stderr: e.stderr, exitCode: e.exitCode }) + '\n')
    .join('');
}
