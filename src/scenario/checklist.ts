/**
 * The task checklist's states from the engine's results: done, not yet (with why), or waiting for "Check my work"
 * (passed so far, but its probes were left out of the live check). Pure, so the rules are tested without a page.
 */

export type TaskStatus = 'done' | 'not-yet' | 'needs-check' | 'pending';

export interface TaskState {
  readonly status: TaskStatus;
  /** Why it is not done yet ("" when there is nothing to say). */
  readonly message: string;
}

export interface ResultLike {
  readonly id: string;
  readonly passed: boolean;
  readonly message: string;
  readonly unverified?: boolean;
}

export interface Checklist {
  readonly states: Readonly<Record<string, TaskState>>;
  /** Titles of the tasks that became done with these results. */
  readonly newlyDone: readonly string[];
  readonly allDone: boolean;
}

export function checklist(tasks: readonly { readonly id: string; readonly title: string }[], results: readonly ResultLike[], before: Readonly<Record<string, TaskState>>): Checklist {
  const states: Record<string, TaskState> = {};
  const newlyDone: string[] = [];
  for (const task of tasks) {
    const result = results.find((r) => r.id === task.id);
    let state: TaskState;
    if (!result) state = { status: 'not-yet', message: '' };
    else if (result.passed && result.unverified) state = { status: 'needs-check', message: '' };
    else state = result.passed ? { status: 'done', message: '' } : { status: 'not-yet', message: result.message };
    states[task.id] = state;
    if (state.status === 'done' && before[task.id]?.status !== 'done') newlyDone.push(task.title);
  }
  return { states, newlyDone, allDone: tasks.length > 0 && tasks.every((t) => states[t.id]!.status === 'done') };
}
