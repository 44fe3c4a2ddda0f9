/**
 * The engine's scenario entry point (engine/scenarios.ts) as the page uses it, loaded on first use: it brings the
 * YAML reader and the validator, which must stay out of the page's first load.
 */
export type { LiveTaskResult, LogEntry, Scenario, Task } from '../../engine/scenarios.ts';

export type ScenarioEngine = typeof import('../../engine/scenarios.ts');

export function loadEngine(): Promise<ScenarioEngine> {
  return import('../../engine/scenarios.ts');
}
