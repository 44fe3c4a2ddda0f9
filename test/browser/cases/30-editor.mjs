// The editor and the file explorer: Monaco shows the project's files, typing reaches the shell, the shell's writes
// reach the editor, Dockerfile diagnostics and completion show, and the explorer creates, renames and deletes files.
import { test, assert, run, waitFor, EDITOR, FILES, editorLines, waitForEditorLine, focusEnd, freshScreen, typeLine, waitForPrompt, rows, isPrompt } from '../harness.mjs';

/** Where a Dockerfile the project already had waits while these cases use their own. */
const KEEP = '/tmp/dockyard-test-Dockerfile';

/** Deletes what was typed on the last line (a line of its own, so the file is as before). */
async function clearLastLine(page) {
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
}

test('the editor shows the project Dockerfile, and reloads it when the shell writes it', async ({ page }) => {
  // Monaco loads lazily, after the page is up.
  await page.waitForSelector(`${EDITOR} [data-ready=true]`, { state: 'attached', timeout: 30000 });
  // Earlier cases may leave the shell elsewhere; the explorer and the editor show the project folder.
  await run(page, 'cd ~/project');
  await run(page, `if test -e Dockerfile; then cp Dockerfile ${KEEP}; fi`);
  await run(page, `printf 'FROM alpine:3.21\\nWORKDIR /app\\n' > Dockerfile`);
  await waitForEditorLine(page, 'WORKDIR /app');
  const crumb = await page.textContent(`${EDITOR} [aria-current=page]`);
  assert(crumb === 'Dockerfile', `the breadcrumb names ${crumb}`);
  await run(page, `echo 'CMD ["sh"]' >> Dockerfile`);
  await waitForEditorLine(page, 'CMD ["sh"]', 'the editor to reload the appended line');
  const lines = await editorLines(page);
  assert(lines.slice(0, 3).join('\n') === 'FROM alpine:3.21\nWORKDIR /app\nCMD ["sh"]', `the editor shows:\n${lines.join('\n')}`);
});

test('the editor and the explorer follow a command that is still running', async ({ page }) => {
  const files = page.locator(FILES);
  await freshScreen(page);
  // The writes come first; the command then sleeps, so anything shown before the prompt came from the writes as made.
  await typeLine(page, `echo 'EXPOSE 8080' >> Dockerfile; echo x > live-a.txt; echo y > live-b.txt; sleep 8`);
  await page.keyboard.press('Enter');
  await waitForEditorLine(page, 'EXPOSE 8080', 'the editor to show the line while the command sleeps');
  await files.locator('[role=treeitem][data-path="/home/student/project/live-b.txt"]').waitFor({ timeout: 5000 });
  assert(!isPrompt((await rows(page)).at(-1)), 'the command ended before the check: the test proves nothing');
  await page.keyboard.press('Control+c');
  await waitForPrompt(page);
  await run(page, `rm live-a.txt live-b.txt; sed -i '/^EXPOSE 8080$/d' Dockerfile`);
  await waitForEditorLine(page, 'CMD ["sh"]');
  assert(!(await editorLines(page)).includes('EXPOSE 8080'), 'the EXPOSE line is still shown');
});

test('typing a broken instruction in the editor shows an error marker', async ({ page }) => {
  await focusEnd(page);
  await page.keyboard.type('RUNN echo hi');
  await page.waitForSelector(`${EDITOR} .squiggly-error`, { timeout: 10000 });
  await clearLastLine(page);
  await page.waitForSelector(`${EDITOR} .squiggly-error`, { state: 'detached', timeout: 10000 });
});

test('an edit in the editor is what cat prints in the terminal', async ({ page }) => {
  await focusEnd(page);
  await page.keyboard.type('EXPOSE 8080');
  await page.keyboard.press('Enter');
  const out = await run(page, 'cat Dockerfile');
  assert(out === 'FROM alpine:3.21\nWORKDIR /app\nCMD ["sh"]\nEXPOSE 8080', `cat printed:\n${out}`);
  await focusEnd(page);
  await page.keyboard.press('Backspace');
  await clearLastLine(page);
  const after = await run(page, 'tail -n 1 Dockerfile');
  assert(after === 'CMD ["sh"]', `after deleting the line, the file ends with: ${after}`);
});

test('the editor completes flags and explains them on hover', async ({ page }) => {
  await focusEnd(page);
  await page.keyboard.type('COPY --');
  const suggest = page.locator(`.suggest-widget .monaco-list-row`, { hasText: '--from' });
  await suggest.first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Escape');
  await page.keyboard.type('chown=1000 a b');
  await page.hover(`${EDITOR} .view-line >> text=--chown`, { position: { x: 10, y: 5 } });
  await page.locator('.monaco-hover', { hasText: 'COPY --chown' }).first().waitFor({ timeout: 10000 });
  await page.mouse.move(0, 0);
  await clearLastLine(page);
});

test('the explorer beside the editor creates, renames and deletes files the shell sees', async ({ page }) => {
  const files = page.locator(FILES);
  const item = (name) => files.locator(`[role=treeitem][data-path="/home/student/project/${name}"]`);

  await files.locator('button[aria-label="New file"]').click();
  await page.keyboard.type('Dockerfile');
  await page.keyboard.press('Enter');
  const error = await files.locator('[role=alert]').textContent({ timeout: 10000 });
  assert(error === '“Dockerfile” already exists here.', `a duplicate name said: ${error}`);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('a/b');
  await page.keyboard.press('Enter');
  await waitFor('the slash error', async () => (await files.locator('[role=alert]').textContent()) === 'A name cannot contain “/”.');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('notes.txt');
  await page.keyboard.press('Enter');
  await item('notes.txt').waitFor({ timeout: 10000 });
  const crumb = await page.textContent(`${EDITOR} [aria-current=page]`);
  assert(crumb === 'notes.txt', `a new file opens in the editor; the breadcrumb names ${crumb}`);
  let ls = (await run(page, 'ls -a')).split(/\s+/);
  assert(ls.includes('notes.txt'), `ls shows: ${ls.join(' ')}`);

  await item('notes.txt').focus();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('notes.md');
  await page.keyboard.press('Enter');
  await item('notes.md').waitFor({ timeout: 10000 });
  ls = (await run(page, 'ls -a')).split(/\s+/);
  assert(ls.includes('notes.md') && !ls.includes('notes.txt'), `after the rename ls shows: ${ls.join(' ')}`);

  await item('notes.md').focus();
  await page.keyboard.press('Delete');
  await files.locator('[role=alertdialog] button', { hasText: 'Delete' }).click();
  await item('notes.md').waitFor({ state: 'detached', timeout: 10000 });
  ls = (await run(page, 'ls -a')).split(/\s+/);
  assert(!ls.includes('notes.md'), `after the delete ls shows: ${ls.join(' ')}`);

  await run(page, 'mkdir -p made-by-shell');
  await item('made-by-shell').waitFor({ timeout: 10000 });
  await item('made-by-shell').focus();
  await page.keyboard.press('Delete');
  await files.locator('[role=alertdialog] button', { hasText: 'Delete' }).click();
  await item('made-by-shell').waitFor({ state: 'detached', timeout: 10000 });

  await item('Dockerfile').click();
  await waitForEditorLine(page, 'WORKDIR /app', 'the Dockerfile to open again');
});

test('the explorer beside the editor works from the keyboard: arrows, Enter opens', async ({ page }) => {
  const P = '/home/student/project';
  const item = (path) => page.locator(`${FILES} [role=treeitem][data-path="${P}/${path}"]`);
  const focusedPath = () => page.evaluate(() => document.activeElement?.getAttribute('data-path'));
  await run(page, 'mkdir -p kb/inner && echo deep > kb/inner/deep.txt');
  await item('kb').waitFor({ timeout: 10000 });
  await item('kb').focus();
  await page.keyboard.press('ArrowRight');
  await waitFor('kb to expand', async () => (await item('kb').getAttribute('aria-expanded')) === 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await item('kb/inner/deep.txt').waitFor({ timeout: 10000 });
  await page.keyboard.press('ArrowDown');
  assert((await focusedPath()) === `${P}/kb/inner/deep.txt`, `focus is on ${await focusedPath()}`);
  await page.keyboard.press('Enter');
  await waitForEditorLine(page, 'deep', 'deep.txt to open');
  await page.keyboard.press('ArrowLeft');
  assert((await focusedPath()) === `${P}/kb/inner`, `ArrowLeft moved focus to ${await focusedPath()}`);
  await page.keyboard.press('ArrowLeft');
  await item('kb/inner/deep.txt').waitFor({ state: 'detached', timeout: 10000 });
  await run(page, 'rm -r kb');
  await item('kb').waitFor({ state: 'detached', timeout: 10000 });
  await item('Dockerfile').click();
  await waitForEditorLine(page, 'WORKDIR /app', 'the Dockerfile to open again');
});

test('the project Dockerfile is put back as it was before the editor cases', async ({ page }) => {
  await run(page, `if test -e ${KEEP}; then mv ${KEEP} Dockerfile; else rm -f Dockerfile; fi`);
  const ls = await run(page, 'ls -a');
  assert(!ls.includes('notes'), `left behind: ${ls}`);
});
