import type { Command } from '../command.ts';
import { helpCommand } from './help.ts';
import { infoCommand } from './info.ts';
import { versionCommand } from './version.ts';

/** The commands that work. Help lists only these; every other docker command answers "unknown command". */
export const COMMANDS: readonly Command[] = [versionCommand, infoCommand, helpCommand];
