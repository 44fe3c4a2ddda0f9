/**
 * The workspace's layout as page state: panel sizes, collapsed panels and the maximised terminal, remembered in
 * localStorage so a projector setup survives a reload. Panels reach it by context (the terminal's maximise button).
 */
import { getContext, setContext } from 'svelte';
import { DEFAULT_LAYOUT, parseStored, resize, setCollapsed, type LayoutState, type Room, type SizedPanel } from './sizes.ts';

export const LAYOUT_STORAGE_KEY = 'dockyard.layout';

function load(): LayoutState {
  try {
    return parseStored(localStorage.getItem(LAYOUT_STORAGE_KEY));
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export class Layout {
  state = $state.raw<LayoutState>(load());

  resize(panel: SizedPanel, size: number, room: Room): void {
    this.#set(resize(this.state, panel, size, room));
  }

  collapse(panel: SizedPanel): void {
    this.#set(setCollapsed(this.state, panel, true));
  }

  restore(panel: SizedPanel): void {
    this.#set(setCollapsed(this.state, panel, false));
  }

  toggleTerminalMaximised(): void {
    this.#set({ ...this.state, terminalMaximised: !this.state.terminalMaximised });
  }

  #set(next: LayoutState): void {
    this.state = next;
    try {
      localStorage.setItem(LAYOUT_STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Storage may be unavailable (private mode); the layout then lasts for this page.
    }
  }
}

const KEY = Symbol('layout');

export function setLayout(layout: Layout): void {
  setContext(KEY, layout);
}

export function getLayout(): Layout {
  const layout = getContext<Layout | undefined>(KEY);
  if (!layout) throw new Error('Dockyard: a panel asked for the layout outside the workspace');
  return layout;
}
