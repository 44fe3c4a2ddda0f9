import type { HiddenFlag } from './usage/types.ts';
import { defaultValue, FlagValueError, isBoolType, parseFlagValue, type FlagValue } from './flag-values.ts';

/**
 * Command-line flags as docker's CLI reads them (cobra over spf13/pflag): `--name=x`, `--name x`, `-n x`, `-nx`,
 * `-n=x`, combined booleans `-dit`, `--rm`, `--detach=false`, repeated list flags, `--` ending the flags. A command
 * either allows flags after positionals (interspersed, most commands) or stops at the first positional (`run`,
 * `create`, `exec` and `docker` itself), so that what follows the image belongs to the container.
 */

export type FlagSpec = HiddenFlag;

/** A flag error as pflag words it; the CLI adds the usage line and exits 125. */
export class FlagError extends Error {}

export interface ParseOptions {
  /** false: the first positional ends the flags (pflag's SetInterspersed(false)). */
  readonly interspersed: boolean;
}

export interface ParseResult {
  readonly flags: Flags;
  readonly args: readonly string[];
}

/** The parsed flags of one command. Values not given fall back to their declared default. */
export class Flags {
  readonly #specs: ReadonlyMap<string, FlagSpec>;
  readonly #values = new Map<string, FlagValue>();
  readonly #viaShorthand = new Set<string>();

  constructor(specs: readonly FlagSpec[]) {
    this.#specs = new Map(specs.map((s) => [s.long, s]));
  }

  /** Whether the flag was given on the command line (cobra's Changed). */
  changed(name: string): boolean {
    return this.#values.has(name);
  }

  bool(name: string): boolean {
    return this.#get(name) === true;
  }

  string(name: string): string {
    const v = this.#get(name);
    return typeof v === 'string' ? v : String(v);
  }

  int(name: string): number {
    const v = this.#get(name);
    return typeof v === 'number' ? v : Number(v);
  }

  list(name: string): readonly string[] {
    const v = this.#get(name);
    return Array.isArray(v) ? (v as readonly string[]) : [];
  }

  /** Whether the flag's last occurrence used its one-letter form (docker warns that `-h` is deprecated). */
  viaShorthand(name: string): boolean {
    return this.#viaShorthand.has(name);
  }

  /** @internal */
  set(name: string, value: FlagValue, viaShorthand = false): void {
    this.#values.set(name, value);
    if (viaShorthand) this.#viaShorthand.add(name);
    else this.#viaShorthand.delete(name);
  }

  /** @internal */
  raw(name: string): FlagValue | undefined {
    return this.#values.get(name);
  }

  #get(name: string): FlagValue {
    if (this.#values.has(name)) return this.#values.get(name)!;
    const spec = this.#specs.get(name);
    if (!spec) throw new Error(`flag accessed but not defined: ${name}`);
    return defaultValue(spec.type, spec.default);
  }
}

/** How the flag is named in value errors: `-t, --time` or `--rm`. */
function displayName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
}

export function parseFlags(specs: readonly FlagSpec[], argv: readonly string[], options: ParseOptions): ParseResult {
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags = new Flags(specs);
  const args: string[] = [];
  const rest = [...argv];

  const assign = (spec: FlagSpec, text: string, viaShorthand = false) => {
    try {
      const name = spec.sameAs ?? spec.long;
      flags.set(name, parseFlagValue(spec.type, text, flags.raw(name)), viaShorthand);
    } catch (e) {
      if (!(e instanceof FlagValueError)) throw e;
      throw new FlagError(`invalid argument ${JSON.stringify(text)} for ${JSON.stringify(displayName(spec))} flag: ${e.message}`);
    }
  };

  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length < 2 || !s.startsWith('-')) {
      args.push(s);
      if (!options.interspersed) {
        args.push(...rest);
        break;
      }
      continue;
    }
    if (s === '--') {
      args.push(...rest);
      break;
    }
    if (s.startsWith('--')) {
      parseLong(s, rest);
    } else {
      parseShorts(s, rest);
    }
  }
  return { flags, args };

  function parseLong(s: string, rest: string[]): void {
    const body = s.slice(2);
    if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${s}`);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const spec = byLong.get(name);
    if (!spec) {
      throw new FlagError(`unknown flag: --${name}`);
    }
    if (eq >= 0) assign(spec, body.slice(eq + 1));
    else if (isBoolType(spec.type)) assign(spec, 'true');
    else if (rest.length > 0) assign(spec, rest.shift()!);
    else throw new FlagError(`flag needs an argument: ${s}`);
  }

  function parseShorts(s: string, rest: string[]): void {
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = String.fromCodePoint(shorthands.codePointAt(0)!);
      const spec = byShort.get(c);
      if (!spec) {
        throw new FlagError(`unknown shorthand flag: ${goQuoteRune(c)} in -${shorthands}`);
      }
      const after = shorthands.slice(c.length);
      if (after.length > 1 && after.startsWith('=')) {
        assign(spec, after.slice(1), true);
        shorthands = '';
      } else if (isBoolType(spec.type)) {
        assign(spec, 'true', true);
        shorthands = after;
      } else if (after.length > 0) {
        assign(spec, after, true);
        shorthands = '';
      } else if (rest.length > 0) {
        assign(spec, rest.shift()!, true);
        shorthands = '';
      } else {
        throw new FlagError(`flag needs an argument: ${goQuoteRune(c)} in -${shorthands}`);
      }
    }
  }
}

/** Go's %q of a rune: 'z'. */
function goQuoteRune(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '\\') return "'\\\\'";
  return `'${c}'`;
}
