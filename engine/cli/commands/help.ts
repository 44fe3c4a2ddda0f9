import type { Command } from '../command.ts';

/** `docker help [command]`: answered by the CLI frame (it needs the command table); here for the table's sake. */
export const helpCommand: Command = {
  paths: ['docker help'],
  args: { kind: 'any' },
  run: async () => 0,
};
