// RUN --mount values, as BuildKit's instructions/commands_runmount.go reads them (parseMount, validateMount).
import { parseGoBool } from '../../core/go-bool.ts';
import { withSuggestion } from './suggest.ts';

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';
export type ShareMode = 'shared' | 'private' | 'locked';

export interface RunMount {
  readonly type: MountType;
  readonly from: string;
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
  /** The cache (or secret) id; a cache without one is keyed by its target. */
  readonly id: string;
  readonly sharing: ShareMode | '';
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
  readonly required: boolean;
}

const TYPES: readonly MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
const SHARING: readonly ShareMode[] = ['shared', 'private', 'locked'];
const KEYS = ['type', 'from', 'source', 'target', 'readonly', 'id', 'sharing', 'required', 'mode', 'uid', 'gid', 'src', 'dst', 'ro', 'rw', 'readwrite'];

function parseBool(key: string, value: string): boolean {
  const parsed = parseGoBool(value);
  if (parsed !== undefined) return parsed;
  throw new Error(`invalid value for ${key}: ${value}`);
}

function parseUint(value: string, base: 8 | 10, what: string): number {
  const re = base === 8 ? /^[0-7]+$/ : /^\d+$/;
  if (!re.test(value) || Number.parseInt(value, base) > 0xffffffff) throw new Error(`invalid value ${value} for ${what}`);
  return Number.parseInt(value, base);
}

/** Go's encoding/csv for one record: fields split on commas, double quotes group and `""` escapes a quote. */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('failed to parse csv mounts: parse error on line 1, column ' + (text.length + 1) + ': extraneous or missing " in quoted-field');
  fields.push(field);
  return fields;
}

/** One `--mount` value with its variables already expanded by `expand`; errors carry BuildKit's wording. */
export function parseRunMount(value: string, expand: (word: string) => string = (w) => w): RunMount {
  const m: { -readonly [K in keyof RunMount]: RunMount[K] } = { type: 'bind', from: '', source: '', target: '', readOnly: false, id: '', sharing: '', required: false };
  let roAuto = true;
  for (const field of csvFields(value)) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') m.readOnly = true;
      else if (key === 'readwrite' || key === 'rw') m.readOnly = false;
      else if (key === 'required') {
        if (m.type !== 'secret' && m.type !== 'ssh') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        m.required = true;
        continue;
      } else throw new Error(`invalid field '${field}' must be a key=value pair`);
      roAuto = false;
      continue;
    }
    const v = expand(field.slice(eq + 1));
    switch (key) {
      case 'type': {
        const t = v.toLowerCase() as MountType;
        if (!TYPES.includes(t)) throw new Error(withSuggestion(`unsupported mount type "${v}"`, v, TYPES, true));
        m.type = t;
        break;
      }
      case 'from':
        m.from = v;
        break;
      case 'source':
      case 'src':
        m.source = v;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        m.target = v;
        break;
      case 'readonly':
      case 'ro':
        m.readOnly = parseBool(key, v);
        roAuto = false;
        break;
      case 'readwrite':
      case 'rw':
        m.readOnly = !parseBool(key, v);
        roAuto = false;
        break;
      case 'required':
        if (m.type !== 'secret' && m.type !== 'ssh') throw new Error(`unexpected key '${key}' for mount type '${m.type}'`);
        m.required = parseBool(key, v);
        break;
      case 'id':
        m.id = v;
        break;
      case 'sharing': {
        const s = v.toLowerCase() as ShareMode;
        if (!SHARING.includes(s)) throw new Error(withSuggestion(`unsupported sharing value "${v}"`, v, SHARING, true));
        m.sharing = s;
        break;
      }
      case 'mode':
        m.mode = parseUint(v, 8, 'mode');
        break;
      case 'uid':
        m.uid = parseUint(v, 10, 'uid');
        break;
      case 'gid':
        m.gid = parseUint(v, 10, 'gid');
        break;
      default:
        throw new Error(withSuggestion(`unexpected key '${key}' in '${field}'`, key, KEYS, true));
    }
  }
  validate(m, roAuto);
  return m;
}

function validate(m: { -readonly [K in keyof RunMount]: RunMount[K] }, roAuto: boolean): void {
  const fileInfoAllowed = m.type === 'secret' || m.type === 'ssh' || m.type === 'cache';
  if (!fileInfoAllowed) {
    if (m.mode !== undefined) throw new Error(`mode not allowed for "${m.type}" type mounts`);
    if (m.uid !== undefined) throw new Error(`uid not allowed for "${m.type}" type mounts`);
    if (m.gid !== undefined) throw new Error(`gid not allowed for "${m.type}" type mounts`);
  }
  if (roAuto) m.readOnly = !(m.type === 'cache' || m.type === 'tmpfs');
  if (m.type === 'secret') {
    if (m.from !== '') throw new Error('secret mount should not have a from');
    if (m.sharing !== '') throw new Error('secret mount should not define sharing');
    if (m.source === '' && m.target === '' && m.id === '') throw new Error('invalid secret mount. one of source, target required');
    if (m.source !== '' && m.id !== '') throw new Error("both source and id can't be set");
  }
  if (m.sharing !== '' && m.type !== 'cache') throw new Error(`invalid cache sharing set for ${m.type} mount`);
}
