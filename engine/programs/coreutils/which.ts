import { defineProgram } from './common.ts';
import { searchPath } from './path-search.ts';

/** Debian's which (a shell script): prints the first match per name, nothing for a missing one, exit 1 if any missed. */
export const which = defineProgram('which', async (ctx) => {
  const args = [...[...ctx.args]];
  let all = false;
  while (args[0]?.startsWith('-') && args[0] !== '-') {
    const a = args.shift()!;
    if (a === '--') break;
    if (a === '-a') all = true;
    else {
      await ctx.p.stderr.write('Usage: /usr/bin/which [-a] args\n');
      return 2;
    }
  }
  if (args.length === 0) return 1;
  let status = 0;
  for (const name of args) {
    const found = searchPath(ctx.p, name, all);
    if (found.length === 0) status = 1;
    for (const f of found) await ctx.out(f + '\n');
  }
  return status;
});
