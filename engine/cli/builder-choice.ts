import { parseGoBool } from '../core/go-bool.ts';
import { goQuote } from '../core/go-quote.ts';

/**
 * Which builder `docker build` uses, as docker/cli decides it (cmd/docker/builder.go `processBuilder`): an unset
 * DOCKER_BUILDKIT means BuildKit through buildx; a set one is read with Go's strconv.ParseBool, so `0`, `f`, `F`,
 * `false`, `FALSE` and `False` pick the legacy builder, `1`, `t`, `T`, `true`, `TRUE` and `True` BuildKit, and
 * anything else (the empty string too) is an error.
 */
export type BuilderChoice =
  | { readonly kind: 'buildkit' }
  | { readonly kind: 'legacy' }
  | { readonly kind: 'invalid'; readonly message: string };

export function builderChoice(env: Readonly<Record<string, string>>): BuilderChoice {
  if (!Object.hasOwn(env, 'DOCKER_BUILDKIT')) return { kind: 'buildkit' };
  const value = env.DOCKER_BUILDKIT!;
  const on = parseGoBool(value);
  if (on !== undefined) return { kind: on ? 'buildkit' : 'legacy' };
  return {
    kind: 'invalid',
    message: `DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`,
  };
}
