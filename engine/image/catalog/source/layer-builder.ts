import { buildTree, makeDir, makeFile, makeSymlink } from '../../../fs/tree.ts';
import type { BuildItem } from '../../../fs/tree.ts';
import { syntheticContent } from '../../../fs/content.ts';
import type { DirEntry } from '../../../fs/types.ts';
import type { LayerSpec } from './types.ts';

interface Owner {
  readonly mode?: number;
  readonly uid?: number;
  readonly gid?: number;
}

interface Fill {
  readonly dir: string;
  readonly count: number;
  readonly weight: number;
  readonly pattern: string;
}

const encoder = new TextEncoder();

/**
 * Collects a layer's files. Directories on the way are created 0755 root; everything carries the layer's time.
 * `fill` reserves room for synthetic filler that tops the layer up to its declared size at the end.
 */
export class LayerBuilder {
  readonly #items: BuildItem[] = [];
  readonly #fills: Fill[] = [];
  #bytes = 0;

  constructor(
    readonly key: string,
    readonly mtime: number,
  ) {}

  dir(path: string, o: Owner = {}): this {
    this.#items.push({ path, entry: makeDir([], { mode: o.mode ?? 0o755, uid: o.uid ?? 0, gid: o.gid ?? 0, mtime: this.mtime }) });
    return this;
  }

  file(path: string, text: string, o: Owner = {}): this {
    const bytes = encoder.encode(text);
    this.#bytes += bytes.length;
    this.#items.push({ path, entry: makeFile(bytes, { mode: o.mode ?? 0o644, uid: o.uid ?? 0, gid: o.gid ?? 0, mtime: this.mtime }) });
    return this;
  }

  /** An executable that is a simulated program (registered in engine/programs under `program`). */
  exe(path: string, program: string, size: number, o: Owner = {}): this {
    this.#bytes += size;
    this.#items.push({ path, entry: makeFile(syntheticContent(`${this.key}:${path}`, size, program), { mode: o.mode ?? 0o755, uid: o.uid ?? 0, gid: o.gid ?? 0, mtime: this.mtime }) });
    return this;
  }

  /** Several programs in one directory, each named after itself: `exes('/usr/bin', {ls: 151344, cat: 44016})`. */
  exes(dir: string, sizes: Readonly<Record<string, number>>, o: Owner = {}): this {
    for (const [name, size] of Object.entries(sizes)) this.exe(`${dir}/${name}`, name, size, o);
    return this;
  }

  /** Opaque content of a real size (libraries, data files) that nothing runs. */
  blob(path: string, size: number, o: Owner = {}): this {
    this.#bytes += size;
    this.#items.push({ path, entry: makeFile(syntheticContent(`${this.key}:${path}`, size), { mode: o.mode ?? 0o644, uid: o.uid ?? 0, gid: o.gid ?? 0, mtime: this.mtime }) });
    return this;
  }

  link(path: string, target: string): this {
    this.#bytes += encoder.encode(target).length;
    this.#items.push({ path, entry: makeSymlink(target, { mtime: this.mtime }) });
    return this;
  }

  /** Symlinks `dir/name -> target` for each pair. */
  links(dir: string, targets: Readonly<Record<string, string>>): this {
    for (const [name, target] of Object.entries(targets)) this.link(`${dir}/${name}`, target);
    return this;
  }

  /**
   * `count` filler files under `dir` taking a `weight` share of whatever the declared size leaves over. `pattern`
   * names them: `#` becomes a made-up word, `%` the file's index.
   */
  fill(dir: string, count: number, pattern = 'lib#.so.%', weight = 1): this {
    this.#fills.push({ dir, count, weight, pattern });
    return this;
  }

  /** The items with filler added so the total is `size` (when given). */
  finish(size: number | undefined): BuildItem[] {
    const rest = size === undefined ? 0 : size - this.#bytes;
    if (rest < 0) throw new Error(`layer ${this.key}: its files (${this.#bytes} B) exceed the declared size ${size}`);
    if (rest > 0 && this.#fills.length === 0) throw new Error(`layer ${this.key}: ${rest} B to fill but no fill()`);
    const items = [...this.#items];
    const totalWeight = this.#fills.reduce((n, f) => n + f.weight, 0);
    let left = rest;
    this.#fills.forEach((f, i) => {
      const share = i === this.#fills.length - 1 ? left : Math.floor((rest * f.weight) / totalWeight);
      left -= share;
      items.push(...fillerItems(this.key, this.mtime, f, share));
    });
    return items;
  }
}

/** Filler sizes follow a skewed split (a few big files, many small), as library directories do. */
function fillerItems(key: string, mtime: number, f: Fill, total: number): BuildItem[] {
  const rand = prng(`${key}:${f.dir}`);
  const weights = Array.from({ length: f.count }, () => rand() ** 3 + 0.001);
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((total * w) / sum));
  sizes[0]! += total - sizes.reduce((a, b) => a + b, 0);
  const names = new Set<string>();
  return sizes.map((size, i) => {
    let name: string;
    do name = f.pattern.replace('#', word(rand)).replace('%', String(i)); while (names.has(name));
    names.add(name);
    const path = `${f.dir}/${name}`;
    return { path, entry: makeFile(syntheticContent(`${key}:${path}`, size), { mtime }) };
  });
}

const SYLLABLES = ['ac', 'bz', 'cr', 'db', 'el', 'ff', 'gn', 'hx', 'ic', 'jp', 'kr', 'lz', 'ma', 'nc', 'os', 'pc', 'qt', 'rs', 'sy', 'tk', 'un', 'vp', 'wa', 'xm', 'ya', 'zs', 'gl', 'ss', 'ut', 'io'];
function word(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)]!;
  return w;
}

/** mulberry32 over an FNV-1a hash of the seed: filler must not depend on anything but the source. */
function prng(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mtimeOf(created: string): number {
  return Math.floor(Date.parse(created) / 1000);
}

/** The layer's own tree (what its tar holds). */
export function buildLayerTree(spec: LayerSpec): DirEntry {
  const mtime = mtimeOf(spec.created);
  const b = new LayerBuilder(spec.key, mtime);
  spec.build(b);
  return buildTree(b.finish(spec.size), { mode: 0o755, mtime });
}
