import { describe, expect, it } from 'vitest';
import { DockerError } from '../../../engine/core/errors.ts';
import { renderList, selectListFormat, templateText } from '../../../engine/cli/format/index.ts';
import { PS_FORMATS, PS_ROWS, PS_TYPE } from './ps-fixture.ts';

const ps = (format: string, quiet = false, rows = PS_ROWS) => renderList(selectListFormat(format, quiet, PS_FORMATS), rows, PS_TYPE);

function failure(run: () => unknown): DockerError {
  try {
    run();
  } catch (e) {
    if (e instanceof DockerError) return e;
    throw e;
  }
  throw new Error('expected a DockerError');
}

describe('list tables', () => {
  it('lays out the default ps table as cli.md §1 shows it', () => {
    expect(ps('')).toBe(
      [
        'CONTAINER ID   IMAGE     COMMAND                  CREATED             STATUS                       PORTS                                             NAMES',
        '3f2a9c1b7d4e   mongo     "docker-entrypoint.s…"   2 minutes ago       Up 2 minutes                 0.0.0.0:27017->27017/tcp, [::]:27017->27017/tcp   mongo',
        '8c1d0e2f3a4b   node:20   "docker-entrypoint.s…"   About an hour ago   Exited (137) 5 seconds ago                                                     api',
        '',
      ].join('\n'),
    );
    expect(ps('table')).toBe(ps(''));
  });

  it('heads a custom table from the same template, Label giving the key\'s last part', () => {
    expect(ps('table {{.ID}}\\t{{.Label "com.example.my-app"}}\\t{{.Names}}')).toBe(
      [
        'CONTAINER ID   my app       NAMES',
        '3f2a9c1b7d4e   db & cache   mongo',
        '8c1d0e2f3a4b                api',
        '',
      ].join('\n'),
    );
  });

  it('pads a tab-terminated last cell but never the text after the last tab', () => {
    expect(ps('table {{.Names}}\\t')).toBe('NAMES     \nmongo     \napi       \n');
    expect(ps('table{{.Names}}|')).toBe('NAMES|\nmongo|\napi|\n');
  });

  it('keeps the header when there are no rows', () => {
    expect(ps('', false, [])).toBe(
      'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n',
    );
    expect(ps('table {{.ID}}\\t{{.Restarts}}', false, [])).toBe('CONTAINER ID   <no value>\n');
    expect(ps('{{.ID}}', false, [])).toBe('');
  });

  it('keeps what the header row wrote before a header-only error', () => {
    const rows = PS_ROWS.map((r) => ({ ...r, Restarts: 0 }));
    expect(ps('table {{.ID}}\\t{{if lt .Restarts 1}}fresh{{end}}\\t{{.Names}}', false, rows)).toBe(
      ['CONTAINER ID   ', '3f2a9c1b7d4e   fresh     mongo', '8c1d0e2f3a4b   fresh     api', ''].join('\n'),
    );
  });

  it('sizes columns by display width: … is 1, CJK 2, a combining accent 0', () => {
    const rows = [{ ...PS_ROWS[0]!, Names: '数据库' }, { ...PS_ROWS[1]!, Names: 'cafe\u0301…' }];
    expect(ps('table {{.Names}}\\t{{.ID}}', false, rows)).toBe(
      ['NAMES     CONTAINER ID', '数据库    3f2a9c1b7d4e', 'cafe\u0301…     8c1d0e2f3a4b', ''].join('\n'),
    );
  });
});

describe('other formats', () => {
  it('prints a non-table template per row, with no header and tabs left as tabs', () => {
    expect(ps('{{.ID}}: {{.Names}}\\t{{.Status}}')).toBe('3f2a9c1b7d4e: mongo\tUp 2 minutes\n8c1d0e2f3a4b: api\tExited (137) 5 seconds ago\n');
    expect(ps('{{.Names}}\\n')).toBe('mongo\n\napi\n\n');
  });

  it('prints IDs for -q, which overrides a custom ps format', () => {
    expect(ps('', true)).toBe('3f2a9c1b7d4e\n8c1d0e2f3a4b\n');
    expect(ps('{{.Names}}', true)).toBe('3f2a9c1b7d4e\n8c1d0e2f3a4b\n');
    expect(selectListFormat('{{.Name}}', true, { table: 'table {{.Name}}', quiet: '{{.Name}}' })).toBe('{{.Name}}');
    expect(selectListFormat('raw', true, PS_FORMATS)).toBe('container_id: {{.ID}}');
  });

  it('marshals a row for json as formatter.MarshalJSON: no-argument methods, sorted, HTML-escaped', () => {
    const first =
      '{"Command":"\\"docker-entrypoint.s…\\"","CreatedAt":"2025-05-30 12:07:14 +0000 UTC","ID":"3f2a9c1b7d4e",' +
      '"Image":"mongo","Labels":"com.example.my-app=db \\u0026 cache","LocalVolumes":"0","Mounts":"","Names":"mongo",' +
      '"Networks":"bridge","Platform":null,"Ports":"0.0.0.0:27017-\\u003e27017/tcp, [::]:27017-\\u003e27017/tcp",' +
      '"RunningFor":"2 minutes ago","Size":"0B","State":"running","Status":"Up 2 minutes"}';
    const out = ps('json');
    expect(out.split('\n')).toHaveLength(3);
    expect(out.split('\n')[0]).toBe(first);
    expect(ps('{{json .}}')).toBe(out);
    // The json function itself does not escape HTML; only the row's own marshaller does.
    expect(ps('{{json .Ports}}').split('\n')[0]).toBe('"0.0.0.0:27017->27017/tcp, [::]:27017->27017/tcp"');
  });

  it('turns text into a template as preFormat does', () => {
    expect(templateText('table {{.ID}}\\t{{.Names}}')).toBe('{{.ID}}\t{{.Names}}');
    expect(templateText('  table   {{.ID}}  ')).toBe('table   {{.ID}}');
    expect(templateText('json')).toBe('{{json .}}');
    expect(templateText('table json')).toBe('json');
    expect(templateText('{{.ID}}\\\\t')).toBe('{{.ID}}\\\t');
    expect(templateText('\t{{.ID}} ')).toBe('\t{{.ID}}');
    expect(ps('tablex{{.Names}}')).toBe('xNAMES\nxmongo\nxapi\n');
    expect(ps('table ')).toBe('\n\n\n');
  });
});

describe('template errors', () => {
  it('reports a parse error as docker does, exit 1', () => {
    const e = failure(() => ps('{{.ID'));
    expect(e.message).toBe('template parsing error: template: :1: unclosed action');
    expect(e.exitCode).toBe(1);
  });

  it('reports an execution error with nothing printed, columns counted after table and \\t are gone', () => {
    // Checked on the 28.2.2 client with `docker context ls` (client-side): `table {{.Name}}\t{{.Foo}}` fails at 1:12.
    const e = failure(() => ps('table {{.Names}}\\t{{.Foo}}'));
    expect(e.message).toBe(
      'template parsing error: template: :1:13: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext',
    );
    expect(e.exitCode).toBe(1);
  });

  it('counts error columns in UTF-8 bytes, as `docker context ls --format \'…{{.Foo}}\'` reports 1:5', () => {
    expect(failure(() => ps('…{{.Foo}}')).message).toMatch(/^template parsing error: template: :1:5: /);
    expect(failure(() => ps('x\né{{.Foo}}')).message).toMatch(/^template parsing error: template: :2:4: /);
  });

  it('fails the whole listing when only a later row fails', () => {
    const rows = [{ ...PS_ROWS[0]!, Restarts: 0 }, { ...PS_ROWS[1]!, Restarts: 'many' }];
    const e = failure(() => ps('{{.Names}} {{lt .Restarts 1}}', false, rows));
    expect(e.message).toMatch(/^template parsing error: template: :1:13: executing "" at <lt .Restarts 1>: error calling lt: incompatible types for comparison$/);
  });
});
