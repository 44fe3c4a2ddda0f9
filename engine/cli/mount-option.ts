import { parseGoBool } from '../core/go-bool.ts';
import { resolvePath } from '../fs/path.ts';
import type { MountRequest } from '../runtime/mounts/types.ts';
import { FlagValueError } from './flag-value-error.ts';

/** Go's encoding/csv for one record: commas split fields, double quotes protect them (`""` is a quote). */
function csvFields(value: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted) {
      if (c === '"' && value[i + 1] === '"') {
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
  fields.push(field);
  return fields;
}

function bool(key: string, val: string): boolean {
  const b = parseGoBool(val);
  if (b === undefined) throw new FlagValueError(`invalid value for ${key}: ${val}`);
  return b;
}

/**
 * docker/cli opts.MountOpt.Set: one `--mount` value, checked as the client checks it (unknown keys, bad booleans,
 * a missing target, options of another type); everything else is the daemon's to refuse. A source starting with
 * `./` is made absolute against `cwd`, as the client's filepath.Abs does.
 */
export function parseMountOption(value: string, cwd = '/'): MountRequest {
  let type = 'volume';
  let source = '';
  let target = '';
  let readOnly = false;
  let noCopy: boolean | undefined;
  const kinds = new Set<'volume' | 'bind' | 'tmpfs'>();
  const tmpfs: { sizeBytes?: number; mode?: number } = {};
  for (const field of csvFields(value)) {
    const eq = field.indexOf('=');
    const key = eq < 0 ? field : field.slice(0, eq);
    const val = eq < 0 ? '' : field.slice(eq + 1);
    if (eq < 0) {
      if (key === 'readonly' || key === 'ro') readOnly = true;
      else if (key === 'volume-nocopy') {
        noCopy = true;
        kinds.add('volume');
      } else if (key === 'bind-nonrecursive') kinds.add('bind');
      else throw new FlagValueError(`invalid field '${field}' must be a key=value pair`);
      continue;
    }
    switch (key) {
      case 'type':
        type = val.toLowerCase();
        break;
      case 'source':
      case 'src':
        source = val === '.' || val.startsWith('./') ? resolvePath(cwd, val) : val;
        break;
      case 'target':
      case 'dst':
      case 'destination':
        target = val;
        break;
      case 'readonly':
      case 'ro':
        readOnly = bool(key, val);
        break;
      case 'consistency':
        break;
      case 'bind-propagation':
        kinds.add('bind');
        break;
      case 'bind-nonrecursive':
        bool(key, val);
        kinds.add('bind');
        break;
      case 'volume-nocopy':
        noCopy = bool('volume-nocopy', val);
        kinds.add('volume');
        break;
      case 'volume-label':
      case 'volume-driver':
      case 'volume-opt':
        kinds.add('volume');
        break;
      case 'tmpfs-size': {
        const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(val);
        if (!m) throw new FlagValueError(`invalid value for ${key}: ${val}`);
        tmpfs.sizeBytes = Math.floor(Number(m[1]) * 1024 ** ' kmgtp'.indexOf((m[2] ?? ' ').toLowerCase()));
        kinds.add('tmpfs');
        break;
      }
      case 'tmpfs-mode':
        if (!/^[0-7]+$/.test(val)) throw new FlagValueError(`invalid value for ${key}: ${val}`);
        tmpfs.mode = parseInt(val, 8);
        kinds.add('tmpfs');
        break;
      default:
        throw new FlagValueError(`unexpected key '${key}' in '${field}'`);
    }
  }
  if (type === '') throw new FlagValueError('type is required');
  if (target === '') throw new FlagValueError('target is required');
  for (const kind of kinds) {
    if (kind !== type) throw new FlagValueError(`cannot mix '${kind}-*' options with mount type '${type}'`);
  }
  return { type, source, target, readOnly, ...(noCopy ? { noCopy } : {}), ...(type === 'tmpfs' ? { tmpfs } : {}) };
}
