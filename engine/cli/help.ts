import { nameOf, type CommandNode, type CommandTable } from './command-table.ts';
import { flagUsages } from './flag-usages.ts';

/**
 * Help texts laid out like docker 28's usage template (cli/cobra.go): usage line, description, aliases, options,
 * command lists, and for `docker` itself the global options and the guides footer. Command lists show only
 * registered commands, with the short descriptions the real client shows in that list.
 */
export interface HelpOptions {
  /** Terminal width; docker wraps flag usages at width - 1 and assumes 80 without a terminal. */
  readonly columns: number;
  /** The user's home, which appears in the defaults of --config and the TLS flags. */
  readonly home: string;
}

const CAPTURED_HOME = '/home/student';

export function renderHelp(table: CommandTable, n: CommandNode, options: HelpOptions): string {
  const u = n.usage;
  const isRoot = n === table.root;
  const children = table.childrenOf(n);
  const out: string[] = [`Usage:  ${u.use}`, '', u.description];
  if (u.aliases) out.push('', 'Aliases:', `  ${u.aliases}`);
  if (u.examples) out.push('', 'Examples:', u.examples);
  if (!isRoot && u.flags && u.flags.length > 0) {
    out.push('', 'Options:', trimRight(flagUsages(u.flags, options.columns - 1)));
  }
  if (children.length > 0) {
    const width = Math.max(11, ...children.map((c) => nameOf(c.path).length)) + 1;
    const listed = new Set<string>();
    const section = (title: string, list: readonly (readonly [string, string])[] | undefined) => {
      const rows = (list ?? []).filter(([name]) => {
        const child = n.children.get(name);
        return child !== undefined && table.isAvailable(child) && !listed.has(name);
      });
      if (rows.length === 0) return;
      out.push('', `${title}:`);
      for (const [name, short] of rows) {
        listed.add(name);
        out.push(`  ${name.padEnd(width)}${short}`);
      }
    };
    section('Common Commands', u.common);
    section('Management Commands', u.management);
    section('Swarm Commands', u.swarm);
    section('Commands', u.commands);
  }
  if (isRoot && u.flags) {
    // The defaults name the home directory, and their length changes the wrapping: substitute before laying out.
    const flags = u.flags.map((f) => (f.default ? { ...f, default: f.default.replaceAll(CAPTURED_HOME, options.home) } : f));
    out.push('', 'Global Options:', trimRight(flagUsages(flags, options.columns - 1)));
  }
  if (children.length > 0) out.push('', `Run '${n.path} COMMAND --help' for more information on a command.`);
  if (isRoot) out.push('', 'For more help on how to use Docker, head to https://docs.docker.com/go/guides/');
  // buildx's help template adds its description above and a hint below; docker's own commands have neither.
  return (u.helpPrefix ?? '') + out.join('\n') + '\n' + (u.helpSuffix ?? '');
}

function trimRight(s: string): string {
  return s.replace(/\s+$/, '');
}
