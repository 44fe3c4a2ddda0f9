/**
 * F6 / Shift+F6 move focus from panel to panel, as in browsers and VS Code. It matters more here than usual: the
 * terminal keeps Tab for completion, so without it keyboard users could not leave the terminal.
 */

/** Panels in focus order: the order they are read in, left to right, top to bottom. */
export const PANEL_ORDER = ['lesson', 'editor', 'terminal', 'pictures'] as const;

/** Marks a panel's wrapper element; the value is its name in PANEL_ORDER. */
export const PANEL_ATTR = 'data-panel';

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Where focus lands in a panel: an element the panel marks with `data-panel-focus` (the active terminal marks its
 * input), else its first tabbable element, else the panel itself.
 */
function focusTarget(panel: HTMLElement): HTMLElement {
  const marked = [...panel.querySelectorAll<HTMLElement>('[data-panel-focus]')].find(isShown);
  if (marked) return marked.matches(TABBABLE) ? marked : (marked.querySelector<HTMLElement>(`${TABBABLE}, textarea`) ?? marked);
  return [...panel.querySelectorAll<HTMLElement>(TABBABLE)].find(isShown) ?? panel;
}

/** Not inside anything hidden (a closed panel, a background terminal tab). */
function isShown(el: HTMLElement): boolean {
  return el.closest('[hidden]') === null;
}

/** Moves focus to the next (or previous) shown panel after the one holding focus; returns the panel's name. */
export function focusNextPanel(root: ParentNode, backwards: boolean): string | undefined {
  const panels = PANEL_ORDER.map((name) => root.querySelector<HTMLElement>(`[${PANEL_ATTR}="${name}"]`)).filter(
    (p): p is HTMLElement => p !== null && isShown(p),
  );
  if (panels.length === 0) return undefined;
  const here = panels.findIndex((p) => p.contains(document.activeElement));
  const step = backwards ? -1 : 1;
  const next = here === -1 ? (backwards ? panels.length - 1 : 0) : (here + step + panels.length) % panels.length;
  const panel = panels[next]!;
  focusTarget(panel).focus();
  return panel.getAttribute(PANEL_ATTR) ?? undefined;
}
