import { PROXY_ARGS } from '../build-args.ts';

/**
 * The legacy builder's build args (moby daemon/builder/dockerfile/buildargs.go). `--build-arg` values are only
 * seen where an ARG declares them; a declared ARG without a value falls back to the meta ARG of the same name;
 * proxy variables need no declaration. A build arg no stage declared is reported at the end of the build.
 * `undefined` stands for Go's nil: `--build-arg NAME` with NAME unset in the client's environment, or `ARG NAME`.
 */
export class BuildArgs {
  /** Declared in the current stage (ARG), with their defaults. */
  #allowed = new Map<string, string | undefined>();
  /** Declared before the first FROM. */
  #meta = new Map<string, string | undefined>();
  #referenced = new Set<string>();
  readonly #fromOptions: ReadonlyMap<string, string | undefined>;

  constructor(fromOptions: ReadonlyMap<string, string | undefined>) {
    this.#fromOptions = fromOptions;
  }

  /** A stage's copy: it shares the meta ARGs and what was referenced, but declares its own ARGs. */
  forStage(): BuildArgs {
    const copy = new BuildArgs(this.#fromOptions);
    copy.#meta = new Map(this.#meta);
    copy.#referenced = new Set(this.#referenced);
    return copy;
  }

  addArg(key: string, value: string | undefined): void {
    this.#referenced.add(key);
    this.#allowed.set(key, value);
  }

  addMetaArg(key: string, value: string | undefined): void {
    this.#meta.set(key, value);
  }

  mergeReferenced(other: BuildArgs): void {
    for (const k of other.#referenced) this.#referenced.add(k);
  }

  /** Declared ARGs with a value (and proxy variables given with --build-arg). */
  allowed(): Map<string, string> {
    return this.#all(this.#allowed);
  }

  /** Meta ARGs with a value: what FROM lines expand with. */
  meta(): Map<string, string> {
    return this.#all(this.#meta);
  }

  /** FilterAllowed: `KEY=value` for the allowed args the environment does not already set, sorted by key. */
  filterAllowed(env: readonly string[] | null): string[] {
    const keys = new Set((env ?? []).map((kv) => kv.split('=')[0]!));
    return [...this.allowed()]
      .filter(([k]) => !keys.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`);
  }

  /** Proxy variables nobody declared stay out of RUN's cache key and history. */
  isReferencedOrNotBuiltin(key: string): boolean {
    return this.#allowed.has(key) || !PROXY_ARGS.has(key);
  }

  /** `--build-arg`s that no stage declared, sorted: the `[Warning] One or more build-args […] were not consumed` list. */
  unused(): string[] {
    return [...this.#fromOptions.keys()].filter((k) => !PROXY_ARGS.has(k) && !this.#referenced.has(k)).sort();
  }

  #all(source: ReadonlyMap<string, string | undefined>): Map<string, string> {
    const out = new Map<string, string>();
    for (const key of new Set([...source.keys(), ...PROXY_ARGS])) {
      const value = this.#get(key, source);
      if (value !== undefined) out.set(key, value);
    }
    return out;
  }

  /** getBuildArg: the option's value wins, then the declared default, then a meta ARG's value. */
  #get(key: string, source: ReadonlyMap<string, string | undefined>): string | undefined {
    const option = this.#fromOptions.get(key);
    if (option !== undefined) return option;
    const fallback = source.get(key);
    if (fallback === undefined) return this.#meta.get(key);
    return fallback;
  }
}
