/**
 * The workspace's panel sizes: what a splitter may set, what is kept in localStorage, and how a stored size fits the
 * window it is loaded into. Pure functions, no DOM: the Svelte side reads and writes through them.
 */

/** The panels a splitter sizes: the lesson and pictures columns (widths) and the editor above the terminal (height). */
export type SizedPanel = 'lesson' | 'pictures' | 'editor';
export const SIZED_PANELS: readonly SizedPanel[] = ['lesson', 'pictures', 'editor'];

export interface LayoutState {
  /** Pixels; the size a panel returns to when restored. */
  readonly sizes: Readonly<Record<SizedPanel, number>>;
  readonly collapsed: Readonly<Record<SizedPanel, boolean>>;
  /** The terminal takes the whole workspace (the projector view); the other panels keep their sizes for later. */
  readonly terminalMaximised: boolean;
}

/** Sized for a 1280x720 projector: a narrow lesson column so the terminal stays roomy. */
export const DEFAULT_LAYOUT: LayoutState = {
  sizes: { lesson: 224, pictures: 336, editor: 240 },
  collapsed: { lesson: false, pictures: false, editor: false },
  terminalMaximised: false,
};

/** Below these a panel is no longer usable; a splitter collapses it instead. */
export const MIN_SIZE: Readonly<Record<SizedPanel, number>> = { lesson: 160, pictures: 240, editor: 80 };
/** Past these a panel only wastes room the others need. */
const MAX_SIZE: Readonly<Record<SizedPanel, number>> = { lesson: 480, pictures: 720, editor: 2000 };
/** What the centre column and the terminal keep, whatever the side panels ask for. */
export const CENTRE_MIN_WIDTH = 360;
export const TERMINAL_MIN_HEIGHT = 160;
/** Anything a plausible screen could hold; larger stored numbers are corrupt, not big screens. */
const STORED_MAX = 10_000;

/** The room the panels share: the workspace width without gutters, and the centre column's height without its gutter. */
export interface Room {
  readonly width: number;
  readonly height: number;
}

export interface Range {
  readonly min: number;
  readonly max: number;
}

const clamp = (n: number, { min, max }: Range): number => Math.min(Math.max(n, min), Math.max(min, max));

function isShown(state: LayoutState, panel: SizedPanel): boolean {
  return !state.collapsed[panel] && !state.terminalMaximised;
}

/** The range a splitter may move a panel's size through in this room, the other panels staying as drawn. */
export function rangeOf(state: LayoutState, panel: SizedPanel, room: Room): Range {
  const min = MIN_SIZE[panel];
  const space = panel === 'editor' ? room.height - TERMINAL_MIN_HEIGHT : room.width - CENTRE_MIN_WIDTH - sizeOf(state, other(panel), room);
  return { min, max: Math.max(min, Math.min(MAX_SIZE[panel], space)) };
}

/**
 * The size a panel is drawn at: 0 when collapsed (or behind the maximised terminal), else its stored size fitted to
 * the room. When the side panels ask for more than the window has, the lesson column gives way first (the pictures
 * only leave it its minimum).
 */
export function sizeOf(state: LayoutState, panel: SizedPanel, room: Room): number {
  if (!isShown(state, panel)) return 0;
  const min = MIN_SIZE[panel];
  let space: number;
  if (panel === 'editor') space = room.height - TERMINAL_MIN_HEIGHT;
  else if (panel === 'pictures') space = room.width - CENTRE_MIN_WIDTH - (isShown(state, 'lesson') ? MIN_SIZE.lesson : 0);
  else space = room.width - CENTRE_MIN_WIDTH - sizeOf(state, 'pictures', room);
  return clamp(state.sizes[panel], { min, max: Math.min(MAX_SIZE[panel], space) });
}

function other(panel: SizedPanel): SizedPanel {
  return panel === 'lesson' ? 'pictures' : 'lesson';
}

/** A new size from a splitter (drag or arrow key): the panel opens again if it was collapsed. */
export function resize(state: LayoutState, panel: SizedPanel, size: number, room: Room): LayoutState {
  const fitted = clamp(Math.round(size), rangeOf(state, panel, room));
  return {
    sizes: { ...state.sizes, [panel]: fitted },
    collapsed: { ...state.collapsed, [panel]: false },
    terminalMaximised: false,
  };
}

export function setCollapsed(state: LayoutState, panel: SizedPanel, collapsed: boolean): LayoutState {
  return { ...state, collapsed: { ...state.collapsed, [panel]: collapsed }, terminalMaximised: false };
}

/** The layout kept in localStorage, field by field: a missing or bad field falls back to its default. */
export function parseStored(text: string | null): LayoutState {
  let raw: unknown;
  try {
    raw = text === null ? undefined : JSON.parse(text);
  } catch {
    return DEFAULT_LAYOUT;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_LAYOUT;
  const { sizes, collapsed, terminalMaximised } = raw as Record<string, unknown>;
  const field = <T>(group: unknown, panel: SizedPanel, ok: (v: unknown) => v is T, fallback: T): T => {
    const v = typeof group === 'object' && group !== null ? (group as Record<string, unknown>)[panel] : undefined;
    return ok(v) ? v : fallback;
  };
  const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= STORED_MAX;
  const isFlag = (v: unknown): v is boolean => typeof v === 'boolean';
  const pick = <T>(group: unknown, ok: (v: unknown) => v is T, defaults: Readonly<Record<SizedPanel, T>>) =>
    Object.fromEntries(SIZED_PANELS.map((p) => [p, field(group, p, ok, defaults[p])])) as Record<SizedPanel, T>;
  return {
    sizes: pick(sizes, isSize, DEFAULT_LAYOUT.sizes),
    collapsed: pick(collapsed, isFlag, DEFAULT_LAYOUT.collapsed),
    terminalMaximised: isFlag(terminalMaximised) ? terminalMaximised : false,
  };
}
