import { describe, expect, it } from 'vitest';
import { parseFilters } from '../../../engine/image/filters.ts';
import { pruneCandidates } from '../../../engine/runtime/containers/prune.ts';
import { CREATED, EXITED, RUNNING, view } from './fixtures.ts';

const NOW = Date.UTC(2025, 0, 6, 10, 0, 0);
const names = (filters: string[], views = ALL) => pruneCandidates(views, parseFilters(filters), NOW).map((v) => v.record.name);

const base = { config: { ...view().record.config } };
const ALL = [
  view({ name: 'up', id: '1'.repeat(64) }, RUNNING),
  view({ name: 'paused', id: '2'.repeat(64) }, { ...RUNNING, Status: 'paused', Paused: true, phase: 'paused' }),
  view({ name: 'done', id: '3'.repeat(64), config: { ...base.config, Labels: { keep: 'yes' } } }, EXITED),
  view({ name: 'fresh', id: '4'.repeat(64), created: NOW - 60_000 }, CREATED),
];

describe('pruneCandidates: moby ContainersPrune', () => {
  it('takes every container that is not running (paused and restarting ones count as running)', () => {
    expect(names([])).toEqual(['done', 'fresh']);
  });

  it('until= keeps containers created after the time; label= and label!= filter by labels', () => {
    expect(names(['until=30m'])).toEqual(['done']);
    expect(names(['label=keep'])).toEqual(['done']);
    expect(names(['label=keep=no'])).toEqual([]);
    expect(names(['label!=keep'])).toEqual(['fresh']);
  });

  it('refuses other filters and two until values, as the daemon does', () => {
    expect(() => names(['status=exited'])).toThrow("Error response from daemon: invalid filter 'status'");
    expect(() => names(['until=1h', 'until=2h'])).toThrow('more than one until filter specified');
  });
});
