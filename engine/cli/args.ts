import type { ArgsRule } from './command.ts';

/**
 * Checks positional arguments as docker's cli/required.go does, returning the error line without its `docker: `
 * prefix and the word of the closing line: docker 28 prints `See` for "at least", and (a real typo in the client)
 * `SRun` for "at most", `Run` otherwise.
 */
export function checkArgs(rule: ArgsRule, path: string, count: number): { message: string; footer: string } | undefined {
  const args = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  switch (rule.kind) {
    case 'none':
      return count === 0 ? undefined : { message: `'${path}' accepts no arguments`, footer: 'Run' };
    case 'exact':
      return count === rule.n ? undefined : { message: `'${path}' requires ${args(rule.n)}`, footer: 'Run' };
    case 'min':
      return count >= rule.n ? undefined : { message: `'${path}' requires at least ${args(rule.n)}`, footer: 'See' };
    case 'max':
      return count <= rule.n ? undefined : { message: `'${path}' requires at most ${args(rule.n)}`, footer: 'SRun' };
    case 'range':
      return count >= rule.min && count <= rule.max
        ? undefined
        : { message: `'${path}' requires at least ${rule.min} and at most ${args(rule.max)}`, footer: 'Run' };
    case 'any':
      return undefined;
  }
}
