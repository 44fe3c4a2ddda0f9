/**
 * The engine's entry point for scenarios (a lazy chunk in the page): read scenario folders and attempts, set up a
 * scenario's machine, decide its tasks live, and grade attempts by replay.
 */
export { parseScenario, type ScenarioSource } from './scenario/parse.ts';
export { parseAttempt, serializeAttempt, ATTEMPT_FORMAT } from './scenario/attempt.ts';
export { startScenario, StartError, type StartOptions } from './scenario/start.ts';
export { evaluate, type EvaluateOptions, type LiveTaskResult } from './scenario/evaluate.ts';
export { grade, SOLUTION_SHOWN, type GradeOptions } from './scenario/grade.ts';
export { ScenarioError, AttemptError } from './scenario/errors.ts';
export { CHECK_KINDS } from './scenario/checks/index.ts';
export type { Attempt, AttemptEvent, Check, GradeResult, Level, LogEntry, Scenario, Task, TaskInfo, TaskResult } from './scenario/types.ts';
