// A grading thread (see scenario-pool.ts): the engine is TypeScript, so tsx loads it here as in dockyard.mjs.
import { register } from 'tsx/esm/api';

register();
await import('./scenario-worker.ts');
