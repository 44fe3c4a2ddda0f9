import { matchLabels, type Filters } from '../../image/filters.ts';
import type { Volume } from './types.ts';

/**
 * filters.Args.Match, which the `name` filter uses: the value equals the name, or is a regular expression found
 * anywhere in it. Go's RE2 and JavaScript agree on the patterns people type; one neither accepts matches nothing.
 */
export function matchName(filters: Filters, name: string): boolean {
  const values = filters.get('name');
  if (!values || values.length === 0) return true;
  return values.some((pattern) => {
    if (pattern === name) return true;
    try {
      return new RegExp(pattern, 'u').test(name);
    } catch {
      return false;
    }
  });
}

/** moby's byLabelFilter: every `label` term holds, and no `label!` term does. */
export function matchVolumeLabels(filters: Filters, v: Volume): boolean {
  if (!matchLabels(filters, 'label', v.labels)) return false;
  const negated = filters.get('label!');
  if (negated && negated.length > 0 && matchLabels(filters, 'label!', v.labels)) return false;
  return true;
}
