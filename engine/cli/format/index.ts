/**
 * The list-output formatter (docker/cli cli/command/formatter): a listing command picks its format with
 * selectListFormat, then renders its rows with renderList and writes the result to stdout.
 */
export { renderList, templateText, type ListType } from './render.ts';
export { headerContext } from './header.ts';
export { rowContext, type ListRow } from './row.ts';
export {
  DEFAULT_QUIET_FORMAT, isTableFormat, JSON_FORMAT_KEY, RAW_FORMAT_KEY, selectListFormat, TABLE_FORMAT_KEY,
  type ListFormats,
} from './select.ts';
export { displayWidth, runeWidth } from './width.ts';
