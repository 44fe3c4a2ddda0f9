import { MountedFs } from '../../fs/mount-fs.ts';
import type { Fs } from '../../fs/types.ts';
import { layerSize } from '../../image/catalog/compute.ts';
import type { ProcessEntry } from './processes.ts';
import type { ContainerRecord } from './types.ts';

/** One sample of a container's cgroup counters (moby's StatsJSON, the parts `docker stats` shows). */
export interface ContainerStats {
  /** Percent of one host's CPUs: every simulated process waits on the virtual clock between steps, so 0. */
  readonly cpuPercent: number;
  /** memory.current minus the page cache docker subtracts: what the processes keep resident plus tmpfs pages. */
  readonly memoryBytes: number;
  readonly pids: number;
  /**
   * Bytes received / sent on the container's interfaces. The socket interface has no byte counters yet, so these
   * stay 0 until it does.
   */
  readonly netRx: number;
  readonly netTx: number;
  /** Block device reads / writes: the simulation has no block layer, so 0. */
  readonly blockRead: number;
  readonly blockWrite: number;
}

export const NO_STATS: ContainerStats = { cpuPercent: 0, memoryBytes: 0, pids: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0 };

/** A running container's sample: its processes' resident sizes and the files in its tmpfs mounts (tmpfs is RAM). */
export function sampleStats(record: ContainerRecord, processes: readonly ProcessEntry[], fs: Fs | undefined): ContainerStats {
  const resident = processes.reduce((n, p) => n + p.residentBytes, 0);
  return { ...NO_STATS, memoryBytes: resident + tmpfsBytes(record, fs), pids: processes.length };
}

function tmpfsBytes(record: ContainerRecord, fs: Fs | undefined): number {
  if (!(fs instanceof MountedFs)) return 0;
  const targets = new Set(record.mounts.filter((m) => m.Type === 'tmpfs').map((m) => m.Destination));
  return fs.mounts.filter((m) => targets.has(m.target)).reduce((n, m) => n + layerSize(m.fs.root), 0);
}
