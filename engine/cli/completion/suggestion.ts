import type { CompletionSources } from './sources.ts';

/**
 * What a completion function offers for the word being typed, as cobra's directives put it: a list of values
 * (ShellCompDirectiveNoFileComp), the shell's file names (ShellCompDirectiveDefault, FilterDirs for directories only),
 * or nothing.
 */
export type Suggestion =
  | { readonly kind: 'values'; readonly values: readonly string[]; readonly noSpace?: boolean }
  | { readonly kind: 'paths'; readonly dirsOnly?: boolean }
  | { readonly kind: 'none' };

export const NONE: Suggestion = { kind: 'none' };
export const FILES: Suggestion = { kind: 'paths' };
export const DIRS: Suggestion = { kind: 'paths', dirsOnly: true };

export const values = (list: readonly string[], noSpace = false): Suggestion => ({ kind: 'values', values: list, ...(noSpace ? { noSpace } : {}) });

export interface RuleContext {
  readonly sources: CompletionSources;
  /** The value typed so far (after `--flag=` when the flag and its value share a word). */
  readonly toComplete: string;
  /** Positional arguments before the current one. */
  readonly args: readonly string[];
  /** Values of the flags given so far, by long name. */
  readonly flagValues: ReadonlyMap<string, string>;
}

/** A completion function: docker's ValidArgsFunction or a flag's RegisterFlagCompletionFunc. */
export type Rule = (ctx: RuleContext) => Suggestion;
