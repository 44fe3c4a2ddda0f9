/**
 * What browser test cases share: reading the terminal's text from the screen-reader copy xterm.js keeps in the page,
 * typing like a student, waiting for prompts. Case files in `cases/` register with `test()`; `run.mjs` runs them in
 * file-name order on one page (a case that needs a fresh page or context opens its own from `browser`/`baseUrl`).
 */

/** Every registered case, in registration order. */
export const cases = [];

/**
 * Registers a case. `fn` gets `{ page, context, browser, baseUrl }`: the shared page (already loaded), its
 * context, the browser (for cases that need a context of their own) and the site's URL.
 */
export function test(name, fn) {
  cases.push({ name, fn });
}

/** The active terminal tab's panel: hidden tabs keep their terminals (and text) in the page. */
export const ACTIVE_TERMINAL = '[data-testid=terminal] [role=tabpanel]:not([hidden])';

/** The active terminal's text: one line per row, from the screen-reader copy xterm.js keeps in the DOM. */
export async function screenText(page) {
  return page.evaluate((active) => {
    const tree = document.querySelector(`${active} .xterm-accessibility-tree`);
    if (!tree) return '';
    return [...tree.children].map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  }, ACTIVE_TERMINAL);
}

export async function waitFor(what, check, timeout = 5000) {
  // Polls `check` until it returns something truthy (the screen-reader copy updates a frame or two after a write).
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const PROMPT_RE = /^student@dockyard:\S*[$#]( |$)/;

/** The non-empty rows of the terminal. */
export async function rows(page) {
  return (await screenText(page)).split('\n').filter((r) => r.trim() !== '');
}

export const isPrompt = (row) => row !== undefined && PROMPT_RE.test(row) && /[$#]$/.test(row);

/** Waits until the terminal's last row is a bare prompt; returns the rows. */
export async function waitForPrompt(page, timeout = 5000) {
  let last = [];
  await waitFor(
    'a prompt',
    async () => {
      last = await rows(page);
      return isPrompt(last.at(-1));
    },
    timeout,
  ).catch((e) => {
    throw new Error(`${e.message}; the terminal shows:\n${show(last)}`);
  });
  return last;
}

export function show(rowList, n = 8) {
  return rowList
    .slice(-n)
    .map((r) => `    | ${r}`)
    .join('\n');
}

/** Focuses the active terminal and clears it with Ctrl-L, so the prompt is on the first row. */
export async function freshScreen(page) {
  await page.click(`${ACTIVE_TERMINAL} .xterm`);
  await waitForPrompt(page);
  await page.keyboard.press('Control+l');
  await waitFor('a cleared screen', async () => {
    const r = await rows(page);
    return r.length === 1 && isPrompt(r[0]);
  });
}

/** `text` without blanks: a line the terminal wrapped compares equal to the line typed. */
const squeeze = (text) => text.replace(/\s+/g, '');

/** Types a line and waits until it shows on the screen (possibly wrapped over several rows). */
export async function typeLine(page, line) {
  await page.keyboard.type(line);
  await waitFor(`"${line}" to echo`, async () => squeeze((await rows(page)).join('')).endsWith(squeeze(line)));
}

/**
 * On a cleared screen, types a command line, presses Enter, waits for the next prompt and returns the rows printed
 * in between.
 */
export async function run(page, line, { timeout = 5000 } = {}) {
  await freshScreen(page);
  await typeLine(page, line);
  await page.keyboard.press('Enter');
  let last = [];
  await waitFor(
    `${line} to finish`,
    async () => {
      last = await rows(page);
      return last.length >= 2 && isPrompt(last.at(-1));
    },
    timeout,
  ).catch((e) => {
    throw new Error(`${e.message}; the terminal shows:\n${show(last)}`);
  });
  // The command may have wrapped: its output starts after the row where the typed line ends (unless the output
  // scrolled it off the screen).
  let echoed = 0;
  while (echoed < last.length - 1 && !squeeze(last.slice(0, echoed + 1).join('')).includes(squeeze(line))) echoed++;
  if (echoed === last.length - 1) echoed = -1;
  return last.slice(echoed + 1, -1).join('\n');
}

/** Writes a file line by line with short commands: the test types them, and a wrapped line does not echo as typed. */
export async function writeLines(page, file, lines) {
  await run(page, `: > ${file}`);
  for (const line of lines) await run(page, `echo '${line}' >> ${file}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- cases -----------------------------------------------------------------------------------------------------

// ---- the editor (Monaco) ----

export const EDITOR = '[data-testid=editor]';
export const FILES = '[data-testid=files]';
/** The editor's visible text, one line per view line, in screen order. */
export async function editorLines(page) {
  return page.evaluate((sel) => {
    const lines = [...document.querySelectorAll(`${sel} .view-lines .view-line`)];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
  }, EDITOR);
}

export async function waitForEditorLine(page, line, what = `the editor to show "${line}"`) {
  let last = [];
  await waitFor(what, async () => (last = await editorLines(page)).includes(line), 10000).catch((e) => {
    throw new Error(`${e.message}; it shows:\n${last.map((l) => `    | ${l}`).join('\n')}`);
  });
}

/** Puts the cursor at the end of the file, on its last (empty) line. */
export async function focusEnd(page) {
  await page.click(`${EDITOR} .view-lines`);
  await page.keyboard.press('Control+End');
}

// ---- the pictures ----

/** The build picture's steps as `[label, status, reason]`. */
export async function buildSteps(page) {
  return page.$$eval('[data-testid=build] .step', (items) =>
    items.map((li) => [li.querySelector('.label')?.textContent?.trim() ?? '', li.dataset.status ?? '', li.querySelector('.reason')?.textContent?.trim() ?? '']),
  );
}

export async function selectTab(page, name) {
  await page.getByRole('tab', { name }).click();
  await waitFor(`the ${name} tab`, async () => (await page.getByRole('tab', { name }).getAttribute('aria-selected')) === 'true');
}

/** Waits until the build picture shows `statuses`, in order; returns its steps. */
export async function waitForSteps(page, statuses) {
  let last = [];
  await waitFor(`build steps ${statuses.join(' ')}`, async () => {
    last = await buildSteps(page);
    return last.map((s) => s[1]).join(' ') === statuses.join(' ');
  }).catch((e) => {
    throw new Error(`${e.message}; the build picture shows:\n${last.map((s) => `    ${s.join(' | ')}`).join('\n')}`);
  });
  return last;
}
