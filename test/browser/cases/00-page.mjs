import { test, assert, show, waitForPrompt } from '../harness.mjs';

test('page loads with title, header, a terminal and every panel', async ({ page }) => {
  assert((await page.title()) === 'Dockyard', `title is ${await page.title()}`);
  assert(await page.isVisible('header h1'), 'no header');
  assert((await page.textContent('header h1'))?.includes('Dockyard'), 'header does not say Dockyard');
  await page.waitForSelector('.xterm', { timeout: 5000 });
  assert((await page.locator('.xterm').count()) === 1, 'the page starts with more than one terminal');
  const box = await page.locator('.xterm').boundingBox();
  assert(box && box.width > 600 && box.height > 250, `terminal is only ${box?.width}x${box?.height} at 1280x720`);
  assert(await page.isVisible('[data-panel=lesson] h2'), 'no lesson panel');
  assert(await page.isVisible('[data-panel=pictures] [role=tablist]'), 'no pictures panel');
  for (const id of ['terminal', 'editor', 'files']) {
    assert(await page.isVisible(`[data-testid=${id}]`), `no visible [data-testid=${id}]`);
  }
});

test('a prompt appears', async ({ page }) => {
  const r = await waitForPrompt(page);
  assert(r.at(-1) === 'student@dockyard:~/project$', `no prompt in:\n${show(r)}`);
});

test('the Keyboard dialog lists the shortcuts and closes with Escape', async ({ page }) => {
  await page.click('header button:text-is("Keyboard")');
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  const text = (await dialog.textContent()) ?? '';
  assert(text.includes('F6') && text.includes('New terminal tab'), `the dialog says:\n${text}`);
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog[open]', { state: 'detached' });
});

test('the theme toggle switches light and dark', async ({ page }) => {
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.click('button.theme-toggle');
  const after = await page.evaluate(() => document.documentElement.dataset.theme);
  assert(before !== after && (after === 'light' || after === 'dark'), `theme ${before} -> ${after}`);
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.xterm-scrollable-element') ?? document.body).backgroundColor);
  assert(after === 'dark' ? bg === 'rgb(13, 17, 23)' : bg === 'rgb(255, 255, 255)', `terminal background ${bg} for ${after}`);
  await page.click('button.theme-toggle');
});
