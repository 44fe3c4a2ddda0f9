import type { ArgsRule, Command } from '../command.ts';
import { lazyCommand, type LazyCommand } from '../lazy-command.ts';
import { helpCommand } from './help.ts';
import { imagesCommand } from './images.ts';
import { pullCommand } from './pull.ts';
import { rmiCommand } from './rmi.ts';
import { tagCommand } from './tag.ts';
import { createCommand } from './create.ts';
import { killCommand } from './kill.ts';
import { logsCommand } from './logs.ts';
import { psCommand } from './ps.ts';
import { rmCommand } from './rm.ts';
import { runCommand } from './run.ts';
import { startCommand } from './start.ts';
import { restartCommand, stopCommand } from './stop.ts';
import { execCommand } from './exec.ts';

type OnDemand = typeof import('./on-demand.ts');

/** A command from the on-demand chunk: its shape here, its code there. */
function onDemand(name: keyof OnDemand, paths: readonly string[], args: ArgsRule, interspersed?: boolean): LazyCommand {
  const shape = interspersed === undefined ? { paths, args } : { paths, args, interspersed };
  return lazyCommand(shape, async () => (await import('./on-demand.ts'))[name]);
}

/**
 * Commands whose code loads with their first run: building (BuildKit's progress, the context loader), committing (the
 * classic builder's instruction handling), image archives, and the commands a first session seldom types. Their shapes
 * are checked against the real ones by a test.
 */
export const LAZY_COMMANDS = {
  build: lazyCommand(
    { paths: ['docker buildx build', 'docker image build', 'docker build', 'docker builder build'], args: { kind: 'exact', n: 1 } },
    async () => (await import('./build.ts')).buildCommand,
  ),
  commit: lazyCommand({ paths: ['docker container commit', 'docker commit'], args: { kind: 'range', min: 1, max: 2 } }, async () => (await import('./commit.ts')).commitCommand),
  save: lazyCommand({ paths: ['docker image save', 'docker save'], args: { kind: 'min', n: 1 } }, async () => (await import('./save.ts')).saveCommand),
  load: lazyCommand({ paths: ['docker image load', 'docker load'], args: { kind: 'none' } }, async () => (await import('./load.ts')).loadCommand),
  // The rest are on-demand.ts's: commands a first session seldom types.
  version: onDemand('versionCommand', ['docker version'], { kind: 'none' }),
  info: onDemand('infoCommand', ['docker info', 'docker system info'], { kind: 'none' }),
  search: onDemand('searchCommand', ['docker search'], { kind: 'exact', n: 1 }),
  history: onDemand('historyCommand', ['docker image history', 'docker history'], { kind: 'exact', n: 1 }),
  imageInspect: onDemand('imageInspectCommand', ['docker image inspect'], { kind: 'min', n: 1 }),
  inspect: onDemand('inspectCommand', ['docker inspect'], { kind: 'min', n: 1 }),
  containerInspect: onDemand('containerInspectCommand', ['docker container inspect'], { kind: 'min', n: 1 }),
  systemDf: onDemand('systemDfCommand', ['docker system df'], { kind: 'none' }),
  systemPrune: onDemand('systemPruneCommand', ['docker system prune'], { kind: 'none' }),
  builderPrune: onDemand('builderPruneCommand', ['docker buildx prune', 'docker builder prune'], { kind: 'none' }),
  buildxDu: onDemand('buildxDuCommand', ['docker buildx du'], { kind: 'none' }),
  buildxVersion: onDemand('buildxVersionCommand', ['docker buildx version'], { kind: 'none' }),
  imagePrune: onDemand('imagePruneCommand', ['docker image prune'], { kind: 'none' }),
  containerPrune: onDemand('containerPruneCommand', ['docker container prune'], { kind: 'none' }),
  volumeCreate: onDemand('volumeCreateCommand', ['docker volume create'], { kind: 'max', n: 1 }),
  volumeLs: onDemand('volumeLsCommand', ['docker volume ls', 'docker volume list'], { kind: 'none' }),
  volumeInspect: onDemand('volumeInspectCommand', ['docker volume inspect'], { kind: 'min', n: 1 }),
  volumeRm: onDemand('volumeRmCommand', ['docker volume rm', 'docker volume remove'], { kind: 'min', n: 1 }),
  volumePrune: onDemand('volumePruneCommand', ['docker volume prune'], { kind: 'none' }),
  networkCreate: onDemand('networkCreateCommand', ['docker network create'], { kind: 'exact', n: 1 }),
  networkLs: onDemand('networkLsCommand', ['docker network ls', 'docker network list'], { kind: 'none' }),
  networkInspect: onDemand('networkInspectCommand', ['docker network inspect'], { kind: 'min', n: 1 }),
  networkRm: onDemand('networkRmCommand', ['docker network rm', 'docker network remove'], { kind: 'min', n: 1 }),
  networkConnect: onDemand('networkConnectCommand', ['docker network connect'], { kind: 'exact', n: 2 }),
  networkDisconnect: onDemand('networkDisconnectCommand', ['docker network disconnect'], { kind: 'exact', n: 2 }),
  networkPrune: onDemand('networkPruneCommand', ['docker network prune'], { kind: 'none' }),
  wait: onDemand('waitCommand', ['docker container wait', 'docker wait'], { kind: 'min', n: 1 }),
  pause: onDemand('pauseCommand', ['docker container pause', 'docker pause'], { kind: 'min', n: 1 }),
  unpause: onDemand('unpauseCommand', ['docker container unpause', 'docker unpause'], { kind: 'min', n: 1 }),
  top: onDemand('topCommand', ['docker container top', 'docker top'], { kind: 'min', n: 1 }, false),
  stats: onDemand('statsCommand', ['docker container stats', 'docker stats'], { kind: 'any' }),
  diff: onDemand('diffCommand', ['docker container diff', 'docker diff'], { kind: 'exact', n: 1 }),
  attach: onDemand('attachCommand', ['docker container attach', 'docker attach'], { kind: 'exact', n: 1 }),
  cp: onDemand('cpCommand', ['docker container cp', 'docker cp'], { kind: 'exact', n: 2 }),
  rename: onDemand('renameCommand', ['docker container rename', 'docker rename'], { kind: 'exact', n: 2 }),
  port: onDemand('portCommand', ['docker container port', 'docker port'], { kind: 'range', min: 1, max: 2 }),
  update: onDemand('updateCommand', ['docker container update', 'docker update'], { kind: 'min', n: 1 }),
} as const;

/** The commands that work. Help lists only these; every other docker command answers "unknown command". */
export const COMMANDS: readonly Command[] = [
  LAZY_COMMANDS.version,
  LAZY_COMMANDS.info,
  helpCommand,
  pullCommand,
  imagesCommand,
  tagCommand,
  rmiCommand,
  LAZY_COMMANDS.imagePrune,
  LAZY_COMMANDS.search,
  LAZY_COMMANDS.history,
  LAZY_COMMANDS.imageInspect,
  LAZY_COMMANDS.inspect,
  LAZY_COMMANDS.containerInspect,
  LAZY_COMMANDS.systemDf,
  LAZY_COMMANDS.systemPrune,
  LAZY_COMMANDS.save,
  LAZY_COMMANDS.load,
  LAZY_COMMANDS.build,
  LAZY_COMMANDS.builderPrune,
  LAZY_COMMANDS.buildxDu,
  LAZY_COMMANDS.buildxVersion,
  LAZY_COMMANDS.volumeCreate,
  LAZY_COMMANDS.volumeLs,
  LAZY_COMMANDS.volumeInspect,
  LAZY_COMMANDS.volumeRm,
  LAZY_COMMANDS.volumePrune,
  LAZY_COMMANDS.networkCreate,
  LAZY_COMMANDS.networkLs,
  LAZY_COMMANDS.networkInspect,
  LAZY_COMMANDS.networkRm,
  LAZY_COMMANDS.networkConnect,
  LAZY_COMMANDS.networkDisconnect,
  LAZY_COMMANDS.networkPrune,
  runCommand,
  createCommand,
  startCommand,
  psCommand,
  logsCommand,
  stopCommand,
  restartCommand,
  killCommand,
  LAZY_COMMANDS.wait,
  rmCommand,
  execCommand,
  LAZY_COMMANDS.pause,
  LAZY_COMMANDS.unpause,
  LAZY_COMMANDS.top,
  LAZY_COMMANDS.stats,
  LAZY_COMMANDS.diff,
  LAZY_COMMANDS.commit,
  LAZY_COMMANDS.attach,
  LAZY_COMMANDS.cp,
  LAZY_COMMANDS.rename,
  LAZY_COMMANDS.port,
  LAZY_COMMANDS.update,
  LAZY_COMMANDS.containerPrune,
];
