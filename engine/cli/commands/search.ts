import { whileLoading } from '../../core/loading.ts';
import { parseFilters } from '../../image/filters.ts';
import { searchRepositories, type SearchResult } from '../../image/search.ts';
import type { Command } from '../command.ts';
import { renderList, selectListFormat, type ListType } from '../format/index.ts';
import { GO_MARSHAL_JSON, marshalJson } from '../template/index.ts';
import { ellipsis } from '../ellipsis.ts';

const TABLE = 'table {{.Name}}\\t{{.Description}}\\t{{.StarCount}}\\t{{.IsOfficial}}';

const SEARCH_TYPE: ListType = {
  typeName: '*registry.searchContext',
  headers: { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL' },
};

/**
 * `docker search TERM` (docker/cli registry/search.go and formatter_search.go) over the offline catalog, which
 * stands in for Docker Hub: NAME, DESCRIPTION cut to 45 cells, STARS, OFFICIAL as `[OK]`.
 */
export const searchCommand: Command = {
  paths: ['docker search'],
  args: { kind: 'exact', n: 1 },
  async run(ctx) {
    const index = await whileLoading(ctx.engine.images.clock, Promise.resolve(ctx.engine.searchIndex?.() ?? []));
    const results = searchRepositories(index, ctx.args[0]!, ctx.flags.int('limit'), parseFilters(ctx.flags.list('filter')));
    const format = selectListFormat(ctx.flags.string('format'), false, { table: TABLE });
    const trunc = !ctx.flags.bool('no-trunc');
    await ctx.stdout.write(renderList(format, results.map((r) => searchRow(r, trunc)), SEARCH_TYPE));
    return 0;
  },
};

function searchRow(r: SearchResult, trunc: boolean) {
  const description = r.description.replace(/[\n\r]/g, ' ');
  const fields = {
    Name: r.name,
    Description: trunc ? ellipsis(description, 45) : description,
    StarCount: String(r.stars),
    IsOfficial: r.official ? '[OK]' : '',
  };
  // searchContext.MarshalJSON flips formatBool to "true"/"false" where templates see "[OK]".
  return {
    ...fields,
    [GO_MARSHAL_JSON]: () => marshalJson({ ...fields, IsOfficial: r.official ? 'true' : 'false' }, true),
  };
}

