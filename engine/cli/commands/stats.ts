import { isDockerError, DockerError } from '../../core/errors.ts';
import { bytesSize, humanSizeWithPrecision } from '../../core/units.ts';
import { SERVER } from '../../core/version-info.ts';
import type { ContainerView } from '../../runtime/containers/service.ts';
import type { ContainerStats } from '../../runtime/containers/stats.ts';
import type { Command, CommandContext } from '../command.ts';
import { renderList, selectListFormat, type ListRow, type ListType } from '../format/index.ts';
import { containerService } from './container-service.ts';
import { interrupted } from './interrupt.ts';

const TABLE = 'table {{.ID}}\\t{{.Name}}\\t{{.CPUPerc}}\\t{{.MemUsage}}\\t{{.MemPerc}}\\t{{.NetIO}}\\t{{.BlockIO}}\\t{{.PIDs}}';

const STATS_TYPE: ListType = {
  typeName: '*formatter.statsContext',
  headers: {
    Container: 'CONTAINER',
    ID: 'CONTAINER ID',
    Name: 'NAME',
    CPUPerc: 'CPU %',
    MemUsage: 'MEM USAGE / LIMIT',
    MemPerc: 'MEM %',
    NetIO: 'NET I/O',
    BlockIO: 'BLOCK I/O',
    PIDs: 'PIDS',
  },
};

/** How often the daemon sends a sample while streaming. */
const INTERVAL_MS = 1_000;

/**
 * `docker stats` / `docker container stats` (docker/cli container/stats.go, formatter/stats.go): one line per
 * container (running ones, every one with `-a`, or those named). The memory limit is the host's memory (no
 * `--memory` limits here). `--no-stream` prints one sample; otherwise a sample a second until Ctrl-C, the screen
 * cleared before each on a terminal that redraws.
 */
export const statsCommand: Command = {
  paths: ['docker container stats', 'docker stats'],
  args: { kind: 'any' },
  async run(ctx) {
    const service = containerService(ctx);
    const named = ctx.args.length > 0;
    const targets = named ? ctx.args.map((ref) => ({ ref, view: lookup(ctx, ref) })) : undefined;
    const format = selectListFormat(ctx.flags.string('format'), false, { table: TABLE });
    const trunc = !ctx.flags.bool('no-trunc');
    const sample = () => {
      const list: { ref: string; view: ContainerView }[] =
        targets ?? service.list().filter((c) => ctx.flags.bool('all') || c.state.Running).map((view) => ({ ref: view.record.id.slice(0, 12), view }));
      return renderList(format, list.map(({ ref, view }) => statsRow(ref, view, service.stats(view.record.id), trunc)), STATS_TYPE);
    };
    if (ctx.flags.bool('no-stream')) {
      await ctx.stdout.write(sample());
      return 0;
    }
    const clear = ctx.stdout.tty?.redraws ? '\x1b[2J\x1b[H' : '';
    const stop = interrupted(ctx);
    for (;;) {
      await ctx.stdout.write(clear + sample());
      const next = service.clock.sleep(INTERVAL_MS).then(() => 'tick' as const);
      if ((await Promise.race([next, stop])) === 'interrupted') return 0;
    }
  },
};

function lookup(ctx: CommandContext, ref: string): ContainerView {
  try {
    return containerService(ctx).get(ref);
  } catch (e) {
    if (isDockerError(e)) throw new DockerError(e.message, 1, e.code);
    throw e;
  }
}

/** formatter.statsContext: a stopped container's sample is all zeros (the daemon sends an empty one). */
function statsRow(ref: string, view: ContainerView, s: ContainerStats, trunc: boolean): ListRow {
  const limit = view.state.Running ? SERVER.memTotal : 0;
  const percent = limit > 0 ? (s.memoryBytes / limit) * 100 : 0;
  return {
    Container: ref,
    ID: trunc ? view.record.id.slice(0, 12) : view.record.id,
    Name: view.record.name,
    CPUPerc: `${s.cpuPercent.toFixed(2)}%`,
    MemUsage: `${bytesSize(s.memoryBytes)} / ${bytesSize(limit)}`,
    MemPerc: `${percent.toFixed(2)}%`,
    NetIO: `${humanSizeWithPrecision(s.netRx, 3)} / ${humanSizeWithPrecision(s.netTx, 3)}`,
    BlockIO: `${humanSizeWithPrecision(s.blockRead, 3)} / ${humanSizeWithPrecision(s.blockWrite, 3)}`,
    PIDs: String(s.pids),
  };
}
