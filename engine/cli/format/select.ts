/** docker/cli formatter.go's format keys and default quiet format. */
export const TABLE_FORMAT_KEY = 'table';
export const RAW_FORMAT_KEY = 'raw';
export const JSON_FORMAT_KEY = 'json';
export const DEFAULT_QUIET_FORMAT = '{{.ID}}';

/** A listing's own formats, as its NewXFormat function (formatter/container.go, volume.go...) holds them. */
export interface ListFormats {
  /** The default table, e.g. `table {{.ID}}\t{{.Image}}...` (with docker's literal `\t`). */
  readonly table: string;
  /** What `-q` prints; `{{.ID}}` unless the type says otherwise (`{{.Name}}` for volumes). */
  readonly quiet?: string;
  /** `--format raw` and `--format raw -q`, for the types that have them. */
  readonly raw?: string;
  readonly rawQuiet?: string;
  /**
   * `-q` replaces a custom `--format` too: ps does (NewContainerFormat; ps also warns on stderr, which is the
   * command's business); images, volume ls and network ls keep the custom format.
   */
  readonly quietOverridesCustom?: boolean;
}

/** Whether a format renders as a table: docker checks the prefix only, so `tablex{{.ID}}` is one. */
export function isTableFormat(format: string): boolean {
  return format.startsWith(TABLE_FORMAT_KEY);
}

/**
 * The format a listing renders with, from `--format` and `-q`. Empty and `table` give the default table: ps and
 * images do that in NewXFormat, volume and network ls turn an empty value into `table` first (with no config-file
 * format, which the simulator has not). Anything else, `table ` with a trailing space included, is used as given.
 */
export function selectListFormat(source: string, quiet: boolean, formats: ListFormats): string {
  const quietFormat = formats.quiet ?? DEFAULT_QUIET_FORMAT;
  if (source === '' || source === TABLE_FORMAT_KEY) return quiet ? quietFormat : formats.table;
  if (source === RAW_FORMAT_KEY && formats.raw !== undefined) return quiet ? (formats.rawQuiet ?? formats.raw) : formats.raw;
  return quiet && formats.quietOverridesCustom ? quietFormat : source;
}
