// One grading thread: runs each job it is sent and answers with its outcome (scenario-pool.ts keeps the order).
import { parentPort } from 'node:worker_threads';
import { useNodeSha256 } from './node-sha256.ts';
import { runJob, type ScenarioJob } from './scenario-jobs.ts';

useNodeSha256();
parentPort!.on('message', async (job: ScenarioJob) => parentPort!.postMessage(await runJob(job)));
