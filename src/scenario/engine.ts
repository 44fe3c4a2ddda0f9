/**
 * The engine's scenario API as the page uses it (engine/scenarios.ts, docs/scenarios.md). TEMPORARY: these types
 * stand in until the scenario-core branch is merged, then they are replaced by the engine's own.
 */
import type { Machine, ProjectEntry } from '../../engine/api.ts';
import type { ScenarioSource } from './catalog.ts';

export interface Check {
  readonly kind: string;
}

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly points: number;
  readonly hints: readonly string[];
  readonly checks: readonly Check[];
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly level: 'beginner' | 'intermediate' | 'advanced';
  readonly summary: string;
  readonly lesson: string;
  readonly start: { readonly project: readonly ProjectEntry[] };
  readonly tasks: readonly Task[];
  readonly solution: string;
}

export interface LogEntry {
  readonly line: string;
  readonly exitCode: number;
  readonly at: number;
  readonly terminal: number;
}

export interface LiveTaskResult {
  readonly id: string;
  readonly title: string;
  readonly passed: boolean;
  readonly message: string;
  readonly unverified?: boolean;
}

export interface ScenarioEngine {
  parseScenario(source: ScenarioSource): Scenario;
  startScenario(scenario: Scenario, options?: { seed?: number; mode?: 'headless' | 'interactive' }): Promise<Machine>;
  evaluate(scenario: Scenario, machine: Machine, log: readonly LogEntry[], options: { probes: boolean }): Promise<LiveTaskResult[]>;
}
