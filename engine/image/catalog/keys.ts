import type { ImageSpec } from './source/types.ts';

/** The key generated data is stored under for an image: repository and first tag. */
export function imageKey(spec: ImageSpec): string {
  return `${spec.repository}:${spec.tags[0]!}`;
}
