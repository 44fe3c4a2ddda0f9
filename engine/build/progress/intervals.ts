import { durationSeconds } from './go-format.ts';

/** A span a vertex (or one of its statuses) ran: a vertex that ran twice, e.g. after a cache miss, has two. */
export interface Interval {
  readonly start?: number;
  readonly stop?: number;
}

/**
 * progressui's mergeIntervals: overlapping spans become one, an open span swallows every later one, spans that never
 * started are dropped. The result is sorted by start.
 */
export function mergeIntervals(intervals: Iterable<Interval>): Interval[] {
  const list = [...intervals].filter((i) => i.start !== undefined).sort((a, b) => a.start! - b.start!);
  if (list.length === 0) return [];
  const merged: Interval[] = [];
  let cur = list[0]!;
  for (const next of list.slice(1)) {
    if (cur.stop === undefined) {
      merged.push(cur);
      return merged;
    }
    if (cur.stop < next.start!) {
      merged.push(cur);
      cur = next;
      continue;
    }
    if (next.stop === undefined) {
      merged.push({ start: cur.start });
      return merged;
    }
    if (cur.stop >= next.stop) continue;
    cur = { start: cur.start, stop: next.stop };
  }
  merged.push(cur);
  return merged;
}

/** interval.duration() in seconds; a span still running is measured up to `now`, one that never started is 0. */
export function intervalSeconds(i: Interval, now: number): number {
  if (i.start === undefined) return 0;
  return durationSeconds((i.stop ?? now) - i.start);
}
