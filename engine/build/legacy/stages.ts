import type { Digest } from '../../image/types.ts';
import { LegacyBuildError } from './errors.ts';

/**
 * moby's stagesBuildResults: the image each finished stage ended with, by name and by position, for `FROM
 * <stage>` and `COPY --from=<stage or index>`.
 */
export class StageResults {
  readonly #flat: Digest[] = [];
  readonly #named = new Map<string, Digest>();

  byName(name: string): Digest | undefined {
    return this.#named.get(name.toLowerCase());
  }

  /** A name, else an index; undefined when it is neither (then it names an image). */
  get(nameOrIndex: string): Digest | undefined {
    const named = this.byName(nameOrIndex);
    if (named !== undefined) return named;
    if (!/^[+-]?\d+$/.test(nameOrIndex)) return undefined;
    const i = Number(nameOrIndex);
    if (i === this.#flat.length) throw new LegacyBuildError('refers to current build stage');
    if (i < 0 || i > this.#flat.length) throw new LegacyBuildError('index out of bounds');
    return this.#flat[i];
  }

  checkNameAvailable(name: string): void {
    if (name !== '' && this.#named.has(name.toLowerCase())) throw new LegacyBuildError(`${name} stage name already used`);
  }

  commit(name: string, imageId: Digest): void {
    this.checkNameAvailable(name);
    if (name !== '') this.#named.set(name.toLowerCase(), imageId);
    this.#flat.push(imageId);
  }
}
