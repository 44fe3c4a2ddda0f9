/**
 * The docker commands a first session seldom types (inspecting, volumes and networks, disk usage, the rarer container
 * commands): one chunk, loaded by the first of them to run, or when the page prefetches the lazy code.
 */
export { versionCommand } from './version.ts';
export { infoCommand } from './info.ts';
export { searchCommand } from './search.ts';
export { historyCommand } from './history.ts';
export { containerInspectCommand, imageInspectCommand, inspectCommand } from './inspect.ts';
export { systemDfCommand } from './system-df.ts';
export { systemPruneCommand } from './system-prune.ts';
export { builderPruneCommand, buildxDuCommand } from './builder-prune.ts';
export { buildxVersionCommand } from './buildx-version.ts';
export { imagePruneCommand } from './image-prune.ts';
export { containerPruneCommand } from './container-prune.ts';
export { volumeCreateCommand } from './volume-create.ts';
export { volumeInspectCommand } from './volume-inspect.ts';
export { volumeLsCommand } from './volume-ls.ts';
export { volumePruneCommand } from './volume-prune.ts';
export { volumeRmCommand } from './volume-rm.ts';
export { networkConnectCommand, networkDisconnectCommand } from './network-connect.ts';
export { networkCreateCommand } from './network-create.ts';
export { networkInspectCommand } from './network-inspect.ts';
export { networkLsCommand } from './network-ls.ts';
export { networkPruneCommand } from './network-prune.ts';
export { networkRmCommand } from './network-rm.ts';
export { topCommand } from './top.ts';
export { statsCommand } from './stats.ts';
export { diffCommand } from './diff.ts';
export { attachCommand } from './attach.ts';
export { cpCommand } from './cp.ts';
export { renameCommand } from './rename.ts';
export { portCommand } from './port.ts';
export { updateCommand } from './update.ts';
export { waitCommand } from './wait.ts';
export { pauseCommand, unpauseCommand } from './pause.ts';
