/**
 * Splits a headless script into the command lines a user would type: one per line, a trailing backslash or an
 * unfinished construct (open quote, here-document, `for` without `done`) pulls in the next lines the way a
 * terminal shows a `> ` continuation prompt. Blank lines and `#` lines between commands are skipped; inside a
 * command (a here-document body, say) every line is kept as typed.
 */
export interface ScriptCommand {
  /** The lines as typed, without their newlines. */
  readonly lines: readonly string[];
  /** What the shell runs: the lines joined with newlines. */
  readonly text: string;
}

export function splitScript(source: string, needsMore: (text: string) => boolean): ScriptCommand[] {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const commands: ScriptCommand[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i++]!;
    if (first.trim() === '' || first.trimStart().startsWith('#')) continue;
    const taken = [first];
    while (i < lines.length && (endsWithContinuation(taken.at(-1)!) || needsMore(taken.join('\n')))) {
      taken.push(lines[i++]!);
    }
    commands.push({ lines: taken, text: taken.join('\n') });
  }
  return commands;
}

/** An odd number of trailing backslashes escapes the newline. */
function endsWithContinuation(line: string): boolean {
  const m = /\\+$/.exec(line);
  return m !== null && m[0].length % 2 === 1;
}
