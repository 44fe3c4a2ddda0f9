import { GO_MARSHAL_JSON, goStruct, marshalJson } from '../template/index.ts';

/**
 * One row as a listing command supplies it: field name to value, or to a function for a method (`Label(name)`),
 * named as docker's row context names them (`ID`, `Names`, `Ports`...).
 */
export type ListRow = Readonly<Record<string, unknown>>;

/**
 * A row as docker's row contexts (`*formatter.ContainerContext`...) face a template: a Go struct, so an unknown
 * field fails naming `typeName`, and JSON from formatter.MarshalJSON (formatter/reflect.go), which every list
 * context uses for `--format json` and `{{json .}}`: every exported method taking no argument, keys sorted (it
 * builds a map), methods with arguments left out, encoded by json.Marshal, so `<`, `>` and `&` come out as
 * `\u003c`... even though docker's json function otherwise turns that escaping off (checked on the 28.2.2 client
 * with `docker context ls --format json`).
 */
export function rowContext(typeName: string, row: ListRow): object {
  // A row may bring its own MarshalJSON when its JSON differs from its template fields (search's IsOfficial).
  const own = (row as { readonly [GO_MARSHAL_JSON]?: () => string })[GO_MARSHAL_JSON];
  const ctx: object = goStruct({ name: typeName }, {
    ...row,
    [GO_MARSHAL_JSON]: own ?? (() => {
      const fields: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(row)) {
        if (!/^\p{Lu}/u.test(name)) continue;
        if (typeof value !== 'function') fields[name] = value;
        else if (value.length === 0) fields[name] = (value as () => unknown).call(ctx);
      }
      return marshalJson(fields, true);
    }),
  });
  return ctx;
}
