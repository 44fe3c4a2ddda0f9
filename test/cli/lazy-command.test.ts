import { describe, expect, it } from 'vitest';
import { COMMANDS, LAZY_COMMANDS } from '../../engine/cli/commands/index.ts';
import type { Command } from '../../engine/cli/command.ts';

const shape = ({ paths, args, interspersed }: Command) => ({ paths, args, interspersed });

describe('commands that load on first run', () => {
  it.each(Object.entries(LAZY_COMMANDS))('%s declares the same paths and argument rule as the real command', async (_name, lazy) => {
    const real = await lazy.load();
    expect(real).not.toBe(lazy);
    expect(real.run).toBeTypeOf('function');
    expect(shape(lazy)).toEqual(shape(real));
  });

  it('are all in the command table, each once', () => {
    for (const lazy of Object.values(LAZY_COMMANDS)) expect(COMMANDS.filter((c) => c === lazy)).toHaveLength(1);
  });
});
