import { describe, expect, it } from 'vitest';
import { LAZY_COMMANDS } from '../../engine/cli/commands/index.ts';
import { buildCommand } from '../../engine/cli/commands/build.ts';
import { commitCommand } from '../../engine/cli/commands/commit.ts';
import { loadCommand } from '../../engine/cli/commands/load.ts';
import { saveCommand } from '../../engine/cli/commands/save.ts';
import type { Command } from '../../engine/cli/command.ts';

const shape = ({ paths, args, interspersed }: Command) => ({ paths, args, interspersed });

describe('commands that load on first run', () => {
  it.each([
    ['build', buildCommand],
    ['commit', commitCommand],
    ['load', loadCommand],
    ['save', saveCommand],
  ] as const)('%s declares the same paths and argument rule as the real command', (name, real) => {
    expect(shape(LAZY_COMMANDS[name])).toEqual(shape(real));
  });
});
