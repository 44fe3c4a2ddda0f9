/**
 * The page theme: follows the system (prefers-color-scheme) until the user picks one with the toggle; the choice
 * is remembered in localStorage.
 */
export type ThemeName = 'light' | 'dark';

const STORAGE_KEY = 'dockyard.theme';

function stored(): ThemeName | undefined {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'light' || v === 'dark' ? v : undefined;
  } catch {
    return undefined;
  }
}

class Theme {
  #query = matchMedia('(prefers-color-scheme: dark)');
  #system = $state<ThemeName>(this.#query.matches ? 'dark' : 'light');
  #chosen = $state<ThemeName | undefined>(stored());

  constructor() {
    this.#query.addEventListener('change', (e) => {
      this.#system = e.matches ? 'dark' : 'light';
    });
  }

  get current(): ThemeName {
    return this.#chosen ?? this.#system;
  }

  toggle(): void {
    this.#chosen = this.current === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(STORAGE_KEY, this.#chosen);
    } catch {
      // Storage may be unavailable (private mode); the choice then lasts for this page.
    }
  }
}

export const theme = new Theme();

/** Sets the theme on <html> before the app mounts, so the first paint has the right colours. */
export function applyTheme(name: ThemeName): void {
  document.documentElement.dataset.theme = name;
  document.documentElement.style.colorScheme = name;
}
