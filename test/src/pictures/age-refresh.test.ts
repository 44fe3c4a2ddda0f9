import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../engine/core/clock.ts';
import { createMachine } from '../../../engine/index.ts';
import { scheduleAgeRefresh, showsAge } from '../../../src/pictures/age-refresh.ts';

describe('the containers picture refreshing its ages', () => {
  it('knows which statuses name a time that moves', () => {
    expect(showsAge('Up 5 seconds')).toBe(true);
    expect(showsAge('Up 2 minutes (Paused)')).toBe(true);
    expect(showsAge('Exited (0) 3 seconds ago')).toBe(true);
    expect(showsAge('Restarting (1) 2 seconds ago')).toBe(true);
    expect(showsAge('Created')).toBe(false);
    expect(showsAge('Removal In Progress')).toBe(false);
    expect(showsAge('Dead')).toBe(false);
  });

  it('sets one timer a virtual second ahead while an age is shown, and none otherwise', () => {
    const clock = new VirtualClock(0);
    let fired = 0;
    expect(scheduleAgeRefresh(clock, ['Created'], () => fired++)).toBeUndefined();
    expect(scheduleAgeRefresh(clock, [], () => fired++)).toBeUndefined();
    expect(clock.nextTimerAt()).toBeUndefined();

    const cancel = scheduleAgeRefresh(clock, ['Created', 'Up 1 second'], () => fired++);
    expect(cancel).toBeTypeOf('function');
    clock.advance(999);
    expect(fired).toBe(0);
    clock.advance(1);
    expect(fired).toBe(1);
    // A clock that stands still (a hidden tab) fires nothing more.
    expect(clock.nextTimerAt()).toBeUndefined();

    scheduleAgeRefresh(clock, ['Exited (0) 4 seconds ago'], () => fired++)!();
    clock.advance(5000);
    expect(fired).toBe(1);
  });

  it("follows the engine's statuses as its clock moves, with no command in between", async () => {
    // Headless only to pull without waiting in real time; the clock is then moved by hand, as the page moves it.
    const machine = createMachine({ mode: 'headless' });
    const t = machine.openTerminal();
    const code = await t.run('docker run -d --name ticker alpine sleep 1000', { stdout: () => {}, stderr: () => {} });
    expect(code).toBe(0);
    const status = () => machine.views.containers().containers.find((c) => c.name === 'ticker')!.status;
    expect(status()).toMatch(/^Up (Less than a second|1 second)$/);
    let refreshes = 0;
    const refresh = () => {
      refreshes++;
      scheduleAgeRefresh(machine.clock, [status()], refresh);
    };
    scheduleAgeRefresh(machine.clock, [status()], refresh);
    for (let i = 0; i < 4; i++) machine.clock.advance(1000);
    expect(refreshes).toBe(4);
    expect(status()).toMatch(/^Up [45] seconds$/);
  });
});
