import type { Command } from '../command.ts';
import { buildCommand } from './build.ts';
import { builderPruneCommand, buildxDuCommand } from './builder-prune.ts';
import { buildxVersionCommand } from './buildx-version.ts';
import { helpCommand } from './help.ts';
import { historyCommand } from './history.ts';
import { imagePruneCommand } from './image-prune.ts';
import { imagesCommand } from './images.ts';
import { infoCommand } from './info.ts';
import { containerInspectCommand, imageInspectCommand, inspectCommand } from './inspect.ts';
import { loadCommand } from './load.ts';
import { pullCommand } from './pull.ts';
import { rmiCommand } from './rmi.ts';
import { saveCommand } from './save.ts';
import { searchCommand } from './search.ts';
import { systemDfCommand } from './system-df.ts';
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
import { commitCommand } from './commit.ts';
import { attachCommand } from './attach.ts';
import { cpCommand } from './cp.ts';
import { renameCommand } from './rename.ts';
import { portCommand } from './port.ts';
import { updateCommand } from './update.ts';
import { containerPruneCommand } from './container-prune.ts';

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
  saveCommand,
  loadCommand,
  buildCommand,
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
  commitCommand,
  attachCommand,
  cpCommand,
  renameCommand,
  portCommand,
  updateCommand,
  containerPruneCommand,
];
