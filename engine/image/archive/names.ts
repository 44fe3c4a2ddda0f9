import { canonicalString, familiarName, familiarString, parseReference, withDefaultTag } from '../reference.ts';

/** A saved tag in the three spellings the archive uses. */
export interface TagNames {
  /** `docker.io/library/alpine:latest` (index.json's io.containerd.image.name). */
  readonly full: string;
  /** `alpine:latest` (manifest.json's RepoTags). */
  readonly familiar: string;
  /** `alpine` (the repositories file's key). */
  readonly familiarName: string;
  readonly tag: string;
}

/** undefined for a digest reference, which `docker save` does not record as a tag (parseNames skips Canonical). */
export function tagNames(text: string): TagNames | undefined {
  const ref = withDefaultTag(parseReference(text));
  if (ref.digest !== undefined || ref.tag === undefined) return undefined;
  return { full: canonicalString(ref), familiar: familiarString(ref), familiarName: familiarName(ref), tag: ref.tag };
}
