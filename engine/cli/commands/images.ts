import { parseFilters, withFilter } from '../../image/filters.ts';
import { listImages, type ImageSummary } from '../../image/list.ts';
import { parseReference, familiarName } from '../../image/reference.ts';
import type { Command } from '../command.ts';
import { renderList, selectListFormat, type ListRow, type ListType } from '../format/index.ts';
import { humanDuration, humanSize, humanSizeWithPrecision } from '../../core/units.ts';

const TABLE = 'table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}';
const TABLE_WITH_DIGEST =
  'table {{.Repository}}\\t{{.Tag}}\\t{{.Digest}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}';
const RAW = 'repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';
const RAW_WITH_DIGEST =
  'repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n';

export const IMAGE_LIST_TYPE: ListType = {
  typeName: '*formatter.imageContext',
  headers: {
    ID: 'IMAGE ID',
    Repository: 'REPOSITORY',
    Tag: 'TAG',
    Digest: 'DIGEST',
    CreatedSince: 'CREATED',
    CreatedAt: 'CREATED AT',
    Size: 'SIZE',
    Containers: 'CONTAINERS',
    VirtualSize: 'SIZE',
    SharedSize: 'SHARED SIZE',
    UniqueSize: 'UNIQUE SIZE',
  },
};

/**
 * `docker images` / `docker image ls|list` with the classic store's table (docker/cli formatter/image.go): one
 * row per repository and tag, a dangling image as `<none> <none>`, digests as their own column with `--digests`
 * (or when the format names `.Digest`), `-q` the IDs alone (an image with two tags twice, as docker does).
 */
export const imagesCommand: Command = {
  paths: ['docker image ls', 'docker image list', 'docker images'],
  args: { kind: 'max', n: 1 },
  async run(ctx) {
    let filters = parseFilters(ctx.flags.list('filter'));
    if (ctx.args[0]) filters = withFilter(filters, 'reference', ctx.args[0]);
    const now = ctx.engine.images.clock.now();
    const images = listImages(ctx.engine.images.store, { all: ctx.flags.bool('all'), filters, now });
    const digests = ctx.flags.bool('digests');
    const source = ctx.flags.string('format');
    let format = selectListFormat(source, ctx.flags.bool('quiet'), {
      table: digests ? TABLE_WITH_DIGEST : TABLE,
      raw: digests ? RAW_WITH_DIGEST : RAW,
      rawQuiet: 'image_id: {{.ID}}',
    });
    if (format === source && format.startsWith('table') && digests && !format.includes('{{.Digest}}')) format += '\\t{{.Digest}}';
    const showDigest = digests || format.includes('{{.Digest}}');
    const rows = images.flatMap((img) => imageRows(img, { digests, showDigest, trunc: !ctx.flags.bool('no-trunc'), now }));
    await ctx.stdout.write(renderList(format, rows, IMAGE_LIST_TYPE));
    return 0;
  },
};

interface RowOptions {
  readonly digests: boolean;
  readonly showDigest: boolean;
  readonly trunc: boolean;
  readonly now: number;
}

/** formatter.imageFormat: the rows one image gives. */
export function imageRows(img: ImageSummary, o: RowOptions): ListRow[] {
  const row = (repo: string, tag: string, digest: string) => imageRow(img, repo, tag, digest, o);
  const dangling = img.repoTags.length === 1 && img.repoTags[0] === '<none>:<none>' && img.repoDigests[0] === '<none>@<none>';
  if (dangling || (img.repoTags.length === 0 && img.repoDigests.length === 0)) return [row('<none>', '<none>', '<none>')];

  // Go ranges over maps here, so the order of repositories is random; first appearance keeps it stable.
  const tags = new Map<string, string[]>();
  const digestsByRepo = new Map<string, string[]>();
  for (const t of img.repoTags) {
    const ref = parseReference(t);
    if (ref.tag === undefined) continue;
    const repo = familiarName(ref);
    tags.set(repo, [...(tags.get(repo) ?? []), ref.tag]);
  }
  for (const d of img.repoDigests) {
    const ref = parseReference(d);
    if (ref.digest === undefined) continue;
    const repo = familiarName(ref);
    digestsByRepo.set(repo, [...(digestsByRepo.get(repo) ?? []), ref.digest]);
  }
  const rows: ListRow[] = [];
  for (const [repo, repoTags] of tags) {
    const ds = o.showDigest ? (digestsByRepo.get(repo) ?? []) : [];
    digestsByRepo.delete(repo);
    for (const tag of repoTags) {
      if (ds.length === 0) rows.push(row(repo, tag, '<none>'));
      else for (const d of ds) rows.push(row(repo, tag, d));
    }
  }
  for (const [repo, ds] of digestsByRepo) {
    if (o.digests) for (const d of ds) rows.push(row(repo, '<none>', d));
    else rows.push(row(repo, '<none>', ''));
  }
  return rows;
}

function imageRow(img: ImageSummary, repo: string, tag: string, digest: string, o: RowOptions): ListRow {
  const size3 = humanSize(img.size);
  const size4 = humanSizeWithPrecision(img.size, 4);
  return {
    ID: o.trunc ? img.id.slice(7, 19) : img.id,
    Repository: repo,
    Tag: tag,
    Digest: digest,
    CreatedSince: `${humanDuration(o.now - img.created * 1000)} ago`,
    CreatedAt: goTimeString(img.created),
    Size: size3,
    Containers: img.containers === -1 ? 'N/A' : String(img.containers),
    VirtualSize: size4,
    SharedSize: img.sharedSize === -1 ? 'N/A' : humanSizeWithPrecision(img.sharedSize, 4),
    UniqueSize: img.sharedSize === -1 ? 'N/A' : humanSizeWithPrecision(img.size - img.sharedSize, 4),
  };
}

/** Go's time.Time.String() for Unix seconds in the machine's zone (UTC): `2025-06-01 00:00:00 +0000 UTC`. */
export function goTimeString(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}
