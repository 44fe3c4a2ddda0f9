/**
 * `$NAME` and `${NAME}` replaced by the shell's values (an unset one by nothing, as bash expands it), for completion
 * to look in the directory a word names. Only plain references: `${X:-y}` and the like are left as typed.
 */
export function expandVariables(text: string, variables: ReadonlyMap<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_, braced?: string, plain?: string) => variables.get(braced ?? plain!) ?? '');
}
