/**
 * Opening a scenario (the scenario chunk's entry point): its files, the engine's scenario code, the parsed scenario,
 * and the session options that start its machine in the scenario's start state.
 */
import type { SessionOptions } from '../session/controller.svelte.ts';
import { catalog } from './bundled.ts';
import { loadEngine } from './engine.ts';
import { ScenarioSession } from './scenario-session.svelte.ts';
import { PROJECT_DIR } from './recording.ts';

export interface OpenedScenario {
  readonly scenario: ScenarioSession;
  readonly options: SessionOptions;
}

export async function openScenario(id: string, onClockError: (e: unknown) => void): Promise<OpenedScenario> {
  if (!catalog.has(id)) throw new Error(`There is no scenario “${id}”. The sandbox is open instead; the Scenarios button lists them all.`);
  const [engine, source] = await Promise.all([loadEngine(), catalog.source(id)]);
  const parsed = engine.parseScenario(source);
  const scenario = new ScenarioSession(parsed, { engine });
  return {
    scenario,
    options: {
      startMachine: () => engine.startScenario(parsed, { mode: 'interactive' }),
      blankMachine: async () => (await import('../../engine/index.ts')).createMachine({ mode: 'interactive' }),
      openFile: firstFile(parsed.start.project),
      onClockError,
      companion: scenario,
    },
  };
}

/** The Dockerfile when the project has one, else its first file; nothing for a scenario without a project. */
function firstFile(project: readonly { readonly path: string; readonly type: string }[]): string | undefined {
  const files = project.filter((e) => e.type === 'file').map((e) => e.path);
  const chosen = files.find((p) => p === 'Dockerfile') ?? files.find((p) => !p.includes('/')) ?? files[0];
  return chosen === undefined ? undefined : `${PROJECT_DIR}/${chosen}`;
}

export interface ScenarioSummary {
  readonly id: string;
  readonly title: string;
  readonly level: string;
  readonly summary: string;
  /** Why the scenario's file could not be read (it is listed all the same, so the problem is seen). */
  readonly problem?: string;
}

/** Every bundled scenario, by level (beginner first) then title. */
export async function listScenarios(): Promise<ScenarioSummary[]> {
  const engine = await loadEngine();
  const list = await Promise.all(
    catalog.ids().map(async (id): Promise<ScenarioSummary> => {
      try {
        const s = engine.parseScenario(await catalog.source(id));
        return { id, title: s.title, level: s.level, summary: s.summary };
      } catch (e) {
        return { id, title: id, level: '', summary: '', problem: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
  const rank = (level: string) => ['beginner', 'intermediate', 'advanced'].indexOf(level) + 1 || 4;
  return list.sort((a, b) => rank(a.level) - rank(b.level) || a.title.localeCompare(b.title));
}
