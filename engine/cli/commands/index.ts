import type { Command } from '../command.ts';
import { lazyCommand } from '../lazy-command.ts';
import { builderPruneCommand, buildxDuCommand } from './builder-prune.ts';
import { buildxVersionCommand } from './buildx-version.ts';
import { helpCommand } from './help.ts';
import { historyCommand } from './history.ts';
import { imagePruneCommand } from './image-prune.ts';
import { imagesCommand } from './images.ts';
import { infoCommand } from './info.ts';
import { containerInspectCommand, imageInspectCommand, inspectCommand } from './inspect.ts';
import { pullCommand } from './pull.ts';
import { rmiCommand } from './rmi.ts';
import { searchCommand } from './search.ts';
import { systemDfCommand } from './system-df.ts';
import { systemPruneCommand } from './system-prune.ts';
import { tagCommand } from './tag.ts';
import { versionCommand } from './version.ts';
import { networkConnectCommand, networkDisconnectCommand } from './network-connect.ts';
import { networkCreateCommand } from './network-create.ts';
import { networkInspectCommand } from './network-inspect.ts';
import { networkLsCommand } from './network-ls.ts';
import { networkPruneCommand } from './network-prune.ts';
import { networkRmCommand } from './network-rm.ts';
import { volumeCreateCommand } from './volume-create.ts';
import { volumeInspectCommand } from './volume-inspect.ts';
import { volumeLsCommand } from './volume-ls.ts';
import { volumePruneCommand } from './volume-prune.ts';
import { volumeRmCommand } from './volume-rm.ts';
import { createCommand } from './create.ts';
import { killCommand } from './kill.ts';
import { logsCommand } from './logs.ts';
import { psCommand } from './ps.ts';
import { rmCommand } from './rm.ts';
import { runCommand } from './run.ts';
import { startCommand } from './start.ts';
import { restartCommand, stopCommand } from './stop.ts';
import { waitCommand } from './wait.ts';
import { execCommand } from './exec.ts';
import { pauseCommand, unpauseCommand } from './pause.ts';
import { topCommand } from './top.ts';
import { statsCommand } from './stats.ts';
import { diffCommand } from './diff.ts';
import { attachCommand } from './attach.ts';
import { cpCommand } from './cp.ts';
import { renameCommand } from './rename.ts';
import { portCommand } from './port.ts';
import { updateCommand } from './update.ts';
import { containerPruneCommand } from './container-prune.ts';

/**
 * Commands whose code loads with their first run: building (BuildKit's progress, the context loader), committing (the
 * classic builder's instruction handling) and image archives. Their shapes are checked against the real ones by a test.
 */
export const LAZY_COMMANDS = {
  build: lazyCommand(
    { paths: ['docker buildx build', 'docker image build', 'docker build', 'docker builder build'], args: { kind: 'exact', n: 1 } },
    async () => (await import('./build.ts')).buildCommand,
  ),
  commit: lazyCommand({ paths: ['docker container commit', 'docker commit'], args: { kind: 'range', min: 1, max: 2 } }, async () => (await import('./commit.ts')).commitCommand),
  save: lazyCommand({ paths: ['docker image save', 'docker save'], args: { kind: 'min', n: 1 } }, async () => (await import('./save.ts')).saveCommand),
  load: lazyCommand({ paths: ['docker image load', 'docker load'], args: { kind: 'none' } }, async () => (await import('./load.ts')).loadCommand),
} as const;

/** The commands that work. Help lists only these; every other docker command answers "unknown command". */
export const COMMANDS: readonly Command[] = [
  versionCommand,
  infoCommand,
  helpCommand,
  pullCommand,
  imagesCommand,
  tagCommand,
  rmiCommand,
  imagePruneCommand,
  searchCommand,
  historyCommand,
  imageInspectCommand,
  inspectCommand,
  containerInspectCommand,
  systemDfCommand,
  systemPruneCommand,
  LAZY_COMMANDS.save,
  LAZY_COMMANDS.load,
  LAZY_COMMANDS.build,
  builderPruneCommand,
  buildxDuCommand,
  buildxVersionCommand,
  volumeCreateCommand,
  volumeLsCommand,
  volumeInspectCommand,
  volumeRmCommand,
  volumePruneCommand,
  networkCreateCommand,
  networkLsCommand,
  networkInspectCommand,
  networkRmCommand,
  networkConnectCommand,
  networkDisconnectCommand,
  networkPruneCommand,
  runCommand,
  createCommand,
  startCommand,
  psCommand,
  logsCommand,
  stopCommand,
  restartCommand,
  killCommand,
  waitCommand,
  rmCommand,
  execCommand,
  pauseCommand,
  unpauseCommand,
  topCommand,
  statsCommand,
  diffCommand,
  LAZY_COMMANDS.commit,
  attachCommand,
  cpCommand,
  renameCommand,
  portCommand,
  updateCommand,
  containerPruneCommand,
];
