import { describe, expect, it } from 'vitest';
import { CONTAINER_PROGRAM_NAMES, HOST_EXTRA_PROGRAM_NAMES } from '../../engine/programs/program-names.ts';
import { CONTAINER_PROGRAMS, HOST_EXTRA_PROGRAMS } from '../../engine/programs/loaded-programs.ts';
import { lazyPrograms } from '../../engine/programs/lazy.ts';
import { COREUTILS } from '../../engine/programs/coreutils/index.ts';
import { FIRST_LOAD_COREUTILS, ON_DEMAND_COREUTIL_NAMES, hostCoreutils } from '../../engine/programs/host-coreutils.ts';
import { VirtualClock } from '../../engine/core/clock.ts';
import type { Process, Program } from '../../engine/programs/process.ts';

describe('the names of lazily loaded programs', () => {
  it('list every container program, and only those', () => {
    expect([...CONTAINER_PROGRAM_NAMES].sort()).toEqual(Object.keys(CONTAINER_PROGRAMS).sort());
  });

  it('list every extra host program, and only those', () => {
    expect([...HOST_EXTRA_PROGRAM_NAMES].sort()).toEqual(Object.keys(HOST_EXTRA_PROGRAMS).sort());
  });

  it("split the host's coreutils between the first load and first use without losing or doubling one", () => {
    const names = [...Object.keys(FIRST_LOAD_COREUTILS), ...ON_DEMAND_COREUTIL_NAMES];
    expect(names.sort()).toEqual(Object.keys(COREUTILS).sort());
    expect(Object.keys(hostCoreutils())).toEqual(Object.keys(COREUTILS));
  });
});

describe('lazyPrograms', () => {
  const server: Program = Object.assign(async () => 7, { handledSignals: ['SIGTERM'] as const, residentBytes: 1234 });
  const fakeProcess = (clock: VirtualClock) => ({ clock }) as unknown as Process;

  it('loads the table once, on first run, and runs the real program', async () => {
    let loads = 0;
    const table = lazyPrograms(['srv', 'other'], async () => {
      loads++;
      return { srv: server, other: server };
    });
    expect(loads).toBe(0);
    const clock = new VirtualClock();
    expect(await table.srv!(fakeProcess(clock))).toBe(7);
    expect(await table.other!(fakeProcess(clock))).toBe(7);
    expect(loads).toBe(1);
  });

  it("reports the real program's signals and memory once loaded", async () => {
    const table = lazyPrograms(['srv'], async () => ({ srv: server }));
    expect(table.srv!.handledSignals).toBeUndefined();
    await table.srv!(fakeProcess(new VirtualClock()));
    expect(table.srv!.handledSignals).toEqual(['SIGTERM']);
    expect(table.srv!.residentBytes).toBe(1234);
  });

  it('fails the process, not the engine, when the chunk cannot load', async () => {
    const table = lazyPrograms(['srv'], () => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    await expect(table.srv!(fakeProcess(new VirtualClock()))).rejects.toThrow('Failed to fetch');
  });

  it('keeps yielding while the chunk loads, so a headless driver does not move the clock', async () => {
    const clock = new VirtualClock();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const table = lazyPrograms(['srv'], async () => {
      await gate;
      return { srv: server };
    });
    const run = table.srv!(fakeProcess(clock));
    await new Promise((r) => setTimeout(r, 5));
    expect(clock.yielding).toBe(1);
    release();
    expect(await run).toBe(7);
    expect(clock.yielding).toBe(0);
  });
});
