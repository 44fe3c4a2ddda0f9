/**
 * mongosh's command line (the options lessons use): `mongosh [uri | db address] [--host h] [--port p] [--quiet]
 * [--eval script]... [--nodb] [--shell] [-u user] [-p pass] [--authenticationDatabase db] [--help] [--version]`.
 */
export interface MongoshArgs {
  readonly connectionSpecifier?: string;
  readonly host?: string;
  readonly port?: string;
  readonly quiet?: boolean;
  readonly eval: readonly string[];
  readonly nodb: boolean;
  readonly shell: boolean;
  readonly username?: string;
  readonly password?: string;
  readonly authenticationDatabase?: string;
  readonly help: boolean;
  readonly version: boolean;
  readonly files: readonly string[];
}

const VALUE: Record<string, keyof MongoshArgs> = { '--host': 'host', '--port': 'port', '--eval': 'eval', '-u': 'username', '--username': 'username', '-p': 'password', '--password': 'password', '--authenticationDatabase': 'authenticationDatabase' };
const FLAG: Record<string, keyof MongoshArgs> = { '--quiet': 'quiet', '--nodb': 'nodb', '--shell': 'shell', '--help': 'help', '-h': 'help', '--version': 'version', '--norc': 'help' };

export type ParsedMongosh = { ok: true; args: MongoshArgs } | { ok: false; error: string };

export function parseMongoshArgs(argv: readonly string[]): ParsedMongosh {
  const out: Record<string, unknown> = { eval: [], nodb: false, shell: false, help: false, version: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    if (name in VALUE) {
      const value = eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (value === undefined) return { ok: false, error: `Error parsing command line: option ${name} requires an argument` };
      const k = VALUE[name]!;
      if (k === 'eval') (out.eval as string[]).push(value);
      else out[k] = value;
    } else if (name in FLAG) {
      if (name !== '--norc') out[FLAG[name]!] = true;
    } else if (raw.startsWith('-') && raw !== '-') {
      // mongosh's arg-parser wording for an option it does not know (exact text unverified).
      return { ok: false, error: `Error parsing command line: unrecognized option: ${raw}` };
    } else positional.push(raw);
  }
  const nodb = out.nodb as boolean;
  const [first, ...rest] = positional;
  // With --nodb every positional is a file; otherwise the first may be the address, unless it names a .js file.
  const isAddress = !nodb && first !== undefined && !first.endsWith('.js');
  return {
    ok: true,
    args: {
      ...(out as unknown as MongoshArgs),
      ...(isAddress ? { connectionSpecifier: first } : {}),
      files: isAddress ? rest : positional,
    },
  };
}
