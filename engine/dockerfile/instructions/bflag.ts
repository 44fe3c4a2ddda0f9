// BuildKit's instructions/bflag.go: an instruction declares its flags, then Parse checks the ones written.
import { withSuggestion } from './suggest.ts';

type FlagType = 'bool' | 'string' | 'strings';

export class Flag {
  value = '';
  readonly values: string[] = [];
  constructor(
    readonly name: string,
    readonly type: FlagType,
  ) {}
}

/** Thrown with BuildKit's bare message; parse() adds the line prefix. */
export class InstructionError extends Error {}

export class BFlags {
  private readonly flags = new Map<string, Flag>();
  private readonly used = new Map<string, Flag>();

  constructor(private readonly args: readonly string[]) {}

  addBool(name: string, def: boolean): Flag {
    const f = this.add(name, 'bool');
    f.value = def ? 'true' : 'false';
    return f;
  }

  addString(name: string, def: string): Flag {
    const f = this.add(name, 'string');
    f.value = def;
    return f;
  }

  addStrings(name: string): Flag {
    return this.add(name, 'strings');
  }

  private add(name: string, type: FlagType): Flag {
    const f = new Flag(name, type);
    this.flags.set(name, f);
    return f;
  }

  /** Names of the flags written, in the order first written. */
  usedNames(): string[] {
    return [...this.used.keys()];
  }

  parse(): void {
    for (const a of this.args) {
      // `--` ends the flags, as in POSIX utility syntax.
      if (a === '--') return;
      if (!a.startsWith('--')) throw new InstructionError(`arg should start with -- : ${a}`);
      const eq = a.indexOf('=');
      const hasValue = eq >= 0;
      const flagName = hasValue ? a.slice(0, eq) : a;
      const value = hasValue ? a.slice(eq + 1) : '';
      const name = flagName.slice(2);
      const flag = this.flags.get(name);
      if (flag === undefined) {
        throw new InstructionError(withSuggestion(`unknown flag: ${flagName}`, name, [...this.flags.keys()], true));
      }
      if (this.used.has(name) && flag.type !== 'strings') {
        throw new InstructionError(`duplicate flag specified: ${flagName}`);
      }
      this.used.set(name, flag);
      switch (flag.type) {
        case 'bool': {
          // `--link=` is an error while a bare `--link` means true.
          if (hasValue && value === '') throw new InstructionError(`missing a value on flag: ${flagName}`);
          const lower = value.toLowerCase();
          if (lower === 'true' || lower === '') flag.value = 'true';
          else if (lower === 'false') flag.value = 'false';
          else throw new InstructionError(`expecting boolean value for flag ${flagName}, not: ${value}`);
          break;
        }
        case 'string':
          if (!hasValue) throw new InstructionError(`missing a value on flag: ${flagName}`);
          flag.value = value;
          break;
        case 'strings':
          if (!hasValue) throw new InstructionError(`missing a value on flag: ${flagName}`);
          flag.values.push(value);
          break;
      }
    }
  }
}
