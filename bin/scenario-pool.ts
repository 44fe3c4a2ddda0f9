// Runs scenario jobs on worker threads: grading is a pure function of (scenario, attempt), so a class's attempts
// (or `check`'s scenarios) can be replayed side by side, one engine per thread, and reported in the order given.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runJob, type JobOutcome, type ScenarioJob } from './scenario-jobs.ts';

/**
 * What `--jobs` is when not given: one thread per processor, but only as many as have four jobs each, because a
 * new thread first loads the engine and warms up (seconds), which a few grades in this thread do not repay.
 */
export function defaultWorkers(jobs: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(jobs / 4)));
}

/** The outcomes of `jobs`, in their order, with at most `workers` threads (this one when only one is needed). */
export async function runJobs<J extends ScenarioJob>(jobs: readonly J[], workers: number): Promise<JobOutcome<J>[]> {
  const threads = Math.min(workers, jobs.length);
  const outcomes: JobOutcome<J>[] = new Array(jobs.length);
  if (threads <= 1) {
    for (const [i, job] of jobs.entries()) outcomes[i] = await runJob(job);
    return outcomes;
  }
  let next = 0;
  const drive = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let busy = false;
      const send = () => {
        busy = next < jobs.length;
        if (!busy) return resolve();
        const index = next++;
        worker.once('message', (outcome: JobOutcome<J>) => {
          outcomes[index] = outcome;
          send();
        });
        worker.postMessage(jobs[index]);
      };
      worker.once('error', reject);
      worker.once('exit', (code) => busy && reject(new Error(`a grading thread stopped (exit code ${code})`)));
      send();
    });
  const pool = Array.from({ length: threads }, () => new Worker(new URL('./scenario-worker.mjs', import.meta.url)));
  try {
    await Promise.all(pool.map(drive));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return outcomes;
}
