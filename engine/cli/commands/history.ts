import { getImage } from '../../image/get.ts';
import { imageHistory, type HistoryItem } from '../../image/history.ts';
import type { Command } from '../command.ts';
import { ellipsis } from '../ellipsis.ts';
import { DEFAULT_QUIET_FORMAT, renderList, TABLE_FORMAT_KEY, type ListRow } from '../format/index.ts';
import { humanDuration, humanSize } from '../../core/units.ts';

const DEFAULT_FORMAT = 'table {{.ID}}\\t{{.CreatedSince}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}';
const NON_HUMAN_FORMAT = 'table {{.ID}}\\t{{.CreatedAt}}\\t{{.CreatedBy}}\\t{{.Size}}\\t{{.Comment}}';
const HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };
/** Dates up to 2000-01-01 are taken for "unknown" (a zeroed `created`): the CLI prints N/A rather than "55 years ago". */
const EPOCH_2000 = 946_684_800;

/**
 * `docker history` / `docker image history` (docker/cli image/history.go, formatter_history.go): the image's
 * history newest first. `-q` and `-H=false` only change the default table; a custom `--format` wins over both.
 */
export const historyCommand: Command = {
  paths: ['docker image history', 'docker history'],
  args: { kind: 'exact', n: 1 },
  async run(ctx) {
    const images = ctx.engine.images;
    const image = getImage(images.store, ctx.args[0]!);
    const items = imageHistory(images.store, image);
    const human = ctx.flags.bool('human');
    const trunc = !ctx.flags.bool('no-trunc');
    const source = ctx.flags.string('format') || TABLE_FORMAT_KEY;
    const format = source !== TABLE_FORMAT_KEY ? source : ctx.flags.bool('quiet') ? DEFAULT_QUIET_FORMAT : human ? DEFAULT_FORMAT : NON_HUMAN_FORMAT;
    const now = images.clock.now();
    const rows = items.map((h) => historyRow(h, { human, trunc, now }));
    await ctx.stdout.write(renderList(format, rows, { typeName: '*image.historyContext', headers: HEADERS }));
    return 0;
  },
};

function historyRow(h: HistoryItem, o: { human: boolean; trunc: boolean; now: number }): ListRow {
  const createdAt = () => new Date(h.created * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    ID: () => (o.trunc && h.id.startsWith('sha256:') ? h.id.slice(7, 19) : h.id),
    CreatedAt: createdAt,
    CreatedSince: () => {
      if (!o.human) return createdAt();
      if (h.created <= EPOCH_2000) return 'N/A';
      return `${humanDuration(o.now - h.created * 1000)} ago`;
    },
    CreatedBy: () => {
      const createdBy = h.createdBy.replaceAll('\t', ' ');
      return o.trunc ? ellipsis(createdBy, 45) : createdBy;
    },
    Size: () => (o.human ? humanSize(h.size) : String(h.size)),
    Comment: () => h.comment,
  };
}
