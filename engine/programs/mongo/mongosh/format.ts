import { ObjectId } from '../bson.ts';

/**
 * How mongosh prints values: Node's util.inspect (breakLength 80, compact 3, single-quoted strings) with mongosh's
 * BSON forms: `ObjectId('...')`, `ISODate('...')`. A top-level string prints as it is. Arrays longer than six short
 * items are not grouped into columns as Node does (documents, what lessons print, are never grouped).
 */
export function formatOutput(value: unknown): string {
  if (typeof value === 'string') return value;
  return inspect(value);
}

interface Ctx {
  indentationLvl: number;
  currentDepth: number;
  seen: unknown[];
}

const BREAK_LENGTH = 80;
const COMPACT = 3;
const MAX_DEPTH = 6;

export function inspect(value: unknown): string {
  return formatValue({ indentationLvl: 0, currentDepth: 0, seen: [] }, value, 0);
}

function formatValue(ctx: Ctx, v: unknown, depth: number): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
  if (typeof v === 'symbol') return v.toString();
  if (v instanceof ObjectId) return `ObjectId('${v.toHexString()}')`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : `ISODate('${v.toISOString()}')`;
  if (v instanceof RegExp) return String(v);
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (ctx.seen.includes(v)) return '[Circular *1]';
  const isArray = Array.isArray(v);
  if (depth > MAX_DEPTH) return isArray ? '[Array]' : '[Object]';
  const entries = isArray ? (v as unknown[]) : Object.entries(v as object);
  if (entries.length === 0) return isArray ? '[]' : '{}';
  ctx.seen.push(v);
  ctx.currentDepth = depth;
  ctx.indentationLvl += 2;
  const output = isArray ? (v as unknown[]).map((x) => formatValue(ctx, x, depth + 1)) : Object.entries(v as object).map(([k, x]) => `${key(k)}: ${formatValue(ctx, x, depth + 1)}`);
  ctx.indentationLvl -= 2;
  ctx.seen.pop();
  return reduceToSingleString(ctx, output, isArray ? ['[', ']'] : ['{', '}'], depth);
}

function reduceToSingleString(ctx: Ctx, output: string[], braces: [string, string], depth: number): string {
  if (ctx.currentDepth - depth < COMPACT) {
    const start = output.length + ctx.indentationLvl + braces[0].length + 10;
    if (isBelowBreakLength(output, start)) {
      const joined = output.join(', ');
      if (!joined.includes('\n')) return `${braces[0]} ${joined} ${braces[1]}`;
    }
  }
  const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
  return `${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
}

function isBelowBreakLength(output: string[], start: number): boolean {
  let total = output.length + start;
  if (total + output.length > BREAK_LENGTH) return false;
  for (const o of output) {
    total += o.length;
    if (total > BREAK_LENGTH) return false;
  }
  return true;
}

function key(k: string): string {
  return /^[a-zA-Z_][a-zA-Z_0-9]*$/.test(k) ? k : quote(k);
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\\': '\\\\' };

function quote(s: string): string {
  const q = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes('`') && !s.includes('${') ? '`' : "'";
  let out = '';
  for (const ch of s) {
    if (ch === q) out += `\\${ch}`;
    else if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (ch < ' ' || ch === '\x7f') out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`;
    else out += ch;
  }
  return q + out + q;
}

/** Sizes as `show dbs` prints them (`40.00 KiB`). */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(2)} ${units[i]}`;
}
