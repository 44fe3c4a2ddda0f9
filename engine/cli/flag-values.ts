import { parseGoBool } from '../core/go-bool.ts';
import { FlagValueError } from './flag-value-error.ts';
import { parseMountOption } from './mount-option.ts';
/**
 * pflag's typed flag values: how each type named in help (`int`, `duration`, `bytes`...) turns the text after a
 * flag into a value, failing with the same Go error text the real client prints inside
 * `invalid argument "x" for "-t, --time" flag: <here>`.
 */

export type FlagValue = boolean | string | number | readonly string[];

export { FlagValueError };

/** Types whose values accumulate over repeated flags (`-e A -e B`). */
const REPEATED = new Set([
  'list', 'stringArray', 'strings', 'filter', 'map', 'mount', 'network', 'ulimit', 'gpu-request', 'external-ca',
  'pref', 'command', 'stringSlice',
]);

export function isBoolType(type: string): boolean {
  return type === '' || type === 'bool';
}

export function isRepeatedType(type: string): boolean {
  return REPEATED.has(type);
}

/** The value a flag has when not given, from the default help shows. */
export function defaultValue(type: string, shown: string | undefined): FlagValue {
  if (isBoolType(type)) return shown === 'true';
  if (isRepeatedType(type)) return [];
  if (type === 'int' || type === 'int64' || type.startsWith('uint')) return shown ? Number(shown) : 0;
  if (type === 'string') return shown ? unquoteGo(shown) : '';
  return shown ?? '';
}

function unquoteGo(s: string): string {
  try {
    return s.startsWith('"') ? (JSON.parse(s) as string) : s;
  } catch {
    return s;
  }
}

/** Parses `text` as a value of `type`, merging into `previous` for repeated types. */
export function parseFlagValue(type: string, text: string, previous: FlagValue | undefined): FlagValue {
  if (isBoolType(type)) return parseBool(text);
  if (isRepeatedType(type)) {
    const list = Array.isArray(previous) ? (previous as readonly string[]) : [];
    // opts.FilterOpt checks each value as it is set.
    if (type === 'filter' && !text.includes('=')) throw new FlagValueError('bad format of filter (expected name=value)');
    if (type === 'mount') parseMountOption(text);
    // pflag's stringSlice reads CSV; docker's ListOpts and friends keep each value whole.
    return type === 'strings' ? [...list, ...text.split(',')] : [...list, text];
  }
  switch (type) {
    case 'int':
    case 'int64':
      return parseInt(text, 64);
    case 'int32':
      return parseInt(text, 32);
    case 'uint':
    case 'uint64':
      return parseUint(text, 64);
    case 'uint16':
      return parseUint(text, 16);
    case 'uint32':
      return parseUint(text, 32);
    case 'duration':
      parseGoDuration(text);
      return text;
    case 'bytes':
      return parseRamInBytes(text);
    case 'decimal':
      return parseNanoCpus(text);
    default:
      return text;
  }
}

export function parseBool(text: string): boolean {
  const value = parseGoBool(text);
  if (value !== undefined) return value;
  throw new FlagValueError(`strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax`);
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** strconv.ParseInt(s, 0, bits): base prefixes 0x, 0o, 0b and a leading 0 for octal; underscores allowed with a prefix. */
function parseInt(text: string, bits: number): number {
  const value = parseInteger(text, true);
  if (value === undefined) throw new FlagValueError(`strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  const limit = 2n ** BigInt(bits - 1);
  if (value >= limit || value < -limit) {
    throw new FlagValueError(`strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  }
  return Number(value);
}

function parseUint(text: string, bits: number): number {
  const value = parseInteger(text, false);
  if (value === undefined) throw new FlagValueError(`strconv.ParseUint: parsing ${goQuote(text)}: invalid syntax`);
  if (value >= 2n ** BigInt(bits)) {
    throw new FlagValueError(`strconv.ParseUint: parsing ${goQuote(text)}: value out of range`);
  }
  return Number(value);
}

function parseInteger(text: string, signed: boolean): bigint | undefined {
  let s = text;
  let negative = false;
  if (signed && (s.startsWith('-') || s.startsWith('+'))) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  let digits = /^[0-9]+$/;
  let prefix = '';
  const lower = s.toLowerCase();
  if (lower.startsWith('0x')) [prefix, digits] = ['0x', /^[0-9a-f]+$/i];
  else if (lower.startsWith('0o')) [prefix, digits] = ['0o', /^[0-7]+$/];
  else if (lower.startsWith('0b')) [prefix, digits] = ['0b', /^[01]+$/];
  else if (s.length > 1 && s.startsWith('0')) [prefix, digits] = ['0o', /^[0-7]+$/];
  let body = prefix === '0o' && !lower.startsWith('0o') ? s.slice(1) : s.slice(prefix.length);
  if (prefix) body = body.replace(/_/g, '');
  if (!digits.test(body)) return undefined;
  const value = BigInt(prefix ? `${prefix}${body}` : body);
  return negative ? -value : value;
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000,
};

/** Go's time.ParseDuration, in milliseconds. */
export function parseGoDuration(text: string): number {
  const invalid = () => new FlagValueError(`time: invalid duration ${goQuote(text)}`);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*(?:\.[0-9]*)?)([^0-9.]*)/.exec(s);
    if (!m || m[1] === '' || m[1] === '.') throw invalid();
    const unit = m[2] ?? '';
    if (unit === '') throw new FlagValueError(`time: missing unit in duration ${goQuote(text)}`);
    const factor = DURATION_UNITS[unit];
    if (factor === undefined) throw new FlagValueError(`time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`);
    total += Number(m[1]) * factor;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

/** go-units RAMInBytes: binary multiples, optional `i`/`b` suffixes (`512m`, `1GiB`, `100`). */
export function parseRamInBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/.exec(text);
  if (!m) throw new FlagValueError(`invalid size: '${text}'`);
  const n = Number(m[1]);
  if (Number.isNaN(n)) throw new FlagValueError(`invalid size: '${text}'`);
  const power = m[2] ? 'kmgtp'.indexOf(m[2].toLowerCase()) + 1 : 0;
  return Math.trunc(n * 1024 ** power);
}

/** docker's NanoCPUs (`--cpus 1.5`): a rational number of CPUs, stored in billionths. */
function parseNanoCpus(text: string): number {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?\d+\/\d+$/.test(text)) {
    throw new FlagValueError(`failed to parse ${text} as a rational number`);
  }
  const [num, den] = text.includes('/') ? text.split('/').map(Number) : [Number(text), 1];
  const nano = ((num ?? 0) / (den ?? 1)) * 1e9;
  if (!Number.isInteger(Math.round(nano * 1e6) / 1e6)) throw new FlagValueError('value is too precise');
  return Math.round(nano);
}
