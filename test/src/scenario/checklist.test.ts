import { describe, expect, it } from 'vitest';
import { checklist } from '../../../src/scenario/checklist.ts';

const tasks = [
  { id: 'a', title: 'Run the database' },
  { id: 'b', title: 'Keep its data' },
];

describe('the task checklist', () => {
  it('shows done, not yet with the reason, and waiting for the full check', () => {
    const list = checklist(
      tasks,
      [
        { id: 'a', passed: false, message: 'no container named db' },
        { id: 'b', passed: true, message: '', unverified: true },
      ],
      {},
    );
    expect(list.states).toEqual({ a: { status: 'not-yet', message: 'no container named db' }, b: { status: 'needs-check', message: '' } });
    expect(list.allDone).toBe(false);
    expect(list.newlyDone).toEqual([]);
  });

  it('announces only the tasks that just became done, and says when all are', () => {
    const first = checklist(tasks, [{ id: 'a', passed: true, message: '' }, { id: 'b', passed: false, message: 'x' }], {});
    expect(first.newlyDone).toEqual(['Run the database']);
    const second = checklist(tasks, [{ id: 'a', passed: true, message: '' }, { id: 'b', passed: true, message: '' }], first.states);
    expect(second.newlyDone).toEqual(['Keep its data']);
    expect(second.allDone).toBe(true);
  });

  it('counts a task the engine did not report as not done', () => {
    expect(checklist(tasks, [{ id: 'a', passed: true, message: '' }], {}).states.b).toEqual({ status: 'not-yet', message: '' });
    expect(checklist([], [], {}).allDone).toBe(false);
  });
});
