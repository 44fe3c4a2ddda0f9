/**
 * Colours for the prompt, as Ubuntu's default .bashrc sets them: user@host in bold green, the directory in bold
 * blue. Presentation only: the visible text is unchanged.
 */
export function colorizePrompt(prompt: string): string {
  const m = /^([^\s@:]+@[^\s:]+):(.*?)([$#] )$/.exec(prompt);
  if (!m) return prompt;
  return `\x1b[1;32m${m[1]}\x1b[0m:\x1b[1;34m${m[2]}\x1b[0m${m[3]}`;
}
