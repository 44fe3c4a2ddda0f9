import { test, assert, show, rows, run, freshScreen, typeLine, waitFor, waitForPrompt, isPrompt, ACTIVE_TERMINAL } from '../harness.mjs';

/** Boxes of the four panels, by name. */
async function panelBoxes(page) {
  const boxes = {};
  for (const name of ['lesson', 'editor', 'terminal', 'pictures']) boxes[name] = await page.locator(`[data-panel=${name}]`).boundingBox();
  return boxes;
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('layout: every panel and test id is visible and usable at 1280x720', async ({ page }) => {
  const boxes = await panelBoxes(page);
  for (const [name, box] of Object.entries(boxes)) assert(box && box.width > 150 && box.height > 150, `${name} is ${box?.width}x${box?.height}`);
  const names = Object.keys(boxes);
  for (const a of names) for (const b of names) if (a < b) assert(!overlaps(boxes[a], boxes[b]), `${a} overlaps ${b}`);
  for (const box of Object.values(boxes)) assert(box.x >= 0 && box.y >= 0 && box.x + box.width <= 1280 && box.y + box.height <= 720, 'a panel leaves the window');
  assert(boxes.terminal.width > 600 && boxes.terminal.height > 300, `terminal is ${boxes.terminal.width}x${boxes.terminal.height}`);
  for (const id of ['terminal', 'editor', 'files']) assert(await page.isVisible(`[data-testid=${id}]`), `no visible [data-testid=${id}]`);
  // One picture at a time: each is laid out across the pictures panel when its tab is chosen (an empty picture has
  // no height yet, so width is what shows it is there).
  for (const [tab, id] of [['Build', 'build'], ['Containers', 'containers'], ['Network', 'network'], ['Images', 'images']]) {
    await page.click(`[data-panel=pictures] [role=tab]:text-is("${tab}")`);
    const box = await page.locator(`[data-panel=pictures] [data-testid=${id}]`).boundingBox();
    assert(box && box.width > 200, `[data-testid=${id}] is not laid out after choosing ${tab}: ${JSON.stringify(box)}`);
  }
  assert(await page.isVisible('[data-panel=lesson] pre code:text("docker build -t notes-api .")'), 'the lesson does not show how to build');
});

test('layout: ls shows the sandbox project, dotfiles included', async ({ page }) => {
  const out = await run(page, 'ls');
  for (const name of ['Dockerfile', 'package.json', 'src']) assert(new RegExp(`(^|\\s)${name}(\\s|$)`, 'm').test(out), `no ${name} in:\n${out}`);
  const ignore = await run(page, 'cat .dockerignore');
  assert(/^node_modules$/m.test(ignore), `got:\n${ignore}`);
  const dockerfile = await run(page, 'head -1 Dockerfile');
  assert(dockerfile === 'FROM node:20-alpine', `got:\n${dockerfile}`);
});

test('layout: terminal tabs run side by side; Ctrl-C reaches the first tab\'s sleep', async ({ page }) => {
  const tabs = page.locator('[data-testid=terminal] [role=tab]');
  await freshScreen(page);
  await typeLine(page, 'sleep 100');
  await page.keyboard.press('Enter');
  await waitFor('the tab to show the running command', async () => (await tabs.first().textContent()) === 'sleep 100');

  await page.keyboard.press('Control+Shift+Backquote');
  await waitFor('a second tab', async () => (await tabs.count()) === 2);
  assert((await tabs.nth(1).getAttribute('aria-selected')) === 'true', 'the new tab is not selected');
  assert((await tabs.nth(1).textContent()) === 'Terminal 2', `second tab is "${await tabs.nth(1).textContent()}"`);
  const focused = await page.evaluate((active) => document.activeElement === document.querySelector(`${active} textarea`), ACTIVE_TERMINAL);
  assert(focused, 'the new terminal does not have focus');
  await waitForPrompt(page);
  const out = await run(page, 'echo from-tab-two');
  assert(out === 'from-tab-two', `got:\n${out}`);

  await page.keyboard.press('Control+Shift+BracketLeft');
  await waitFor('the first tab to be selected', async () => (await tabs.first().getAttribute('aria-selected')) === 'true');
  let r = await rows(page);
  assert(r.length === 1 && r[0].endsWith('$ sleep 100'), `sleep 100 is not still running in tab 1:\n${show(r)}`);
  await page.keyboard.press('Control+c');
  r = await waitForPrompt(page);
  assert(r.length === 3 && r[1] === '^C', `expected ^C then a prompt:\n${show(r)}`);
  await waitFor('the title to return', async () => (await tabs.first().textContent()) === 'Terminal 1');

  // Closing a tab interrupts what runs in it and leaves the other one working.
  await page.keyboard.press('Control+Shift+BracketRight');
  await freshScreen(page);
  await typeLine(page, 'sleep 100');
  await page.keyboard.press('Enter');
  await waitFor('tab 2 to show its command', async () => (await tabs.nth(1).textContent()) === 'sleep 100');
  await page.click('[data-testid=terminal] button[aria-label="Close Terminal 2"]');
  await waitFor('one tab', async () => (await tabs.count()) === 1);
  assert((await page.locator('[data-testid=terminal] button.close').count()) === 0, 'the last tab can be closed');
  const after = await run(page, 'echo still-here');
  assert(after === 'still-here', `got:\n${after}`);
});

test('layout: F6 and Shift+F6 move focus between panels', async ({ page }) => {
  await freshScreen(page);
  const panelOfFocus = () => page.evaluate(() => document.activeElement?.closest('[data-panel]')?.getAttribute('data-panel'));
  await page.keyboard.press('F6');
  assert((await panelOfFocus()) === 'pictures', `F6 from the terminal went to ${await panelOfFocus()}`);
  await page.keyboard.press('F6');
  assert((await panelOfFocus()) === 'lesson', `F6 from the pictures went to ${await panelOfFocus()}`);
  await page.keyboard.press('Shift+F6');
  assert((await panelOfFocus()) === 'pictures', `Shift+F6 went to ${await panelOfFocus()}`);
  await page.keyboard.press('Shift+F6');
  const inTerminal = await page.evaluate((active) => document.activeElement === document.querySelector(`${active} textarea`), ACTIVE_TERMINAL);
  assert(inTerminal, `Shift+F6 did not return to the terminal's input (focus in ${await panelOfFocus()})`);
  // The shell never saw F6: the prompt line is still empty.
  const r = await rows(page);
  assert(r.length === 1 && isPrompt(r[0]), `F6 reached the shell:\n${show(r)}`);
});

test('layout: the terminal can take the whole workspace and give it back', async ({ page }) => {
  const before = await panelBoxes(page);
  await page.click('[data-testid=terminal] button[aria-label="Maximise terminal"]');
  await waitFor('the other panels to hide', async () => !(await page.isVisible('[data-panel=lesson]')));
  for (const name of ['editor', 'pictures']) assert(!(await page.isVisible(`[data-panel=${name}]`)), `${name} still shows`);
  const box = await page.locator('[data-panel=terminal]').boundingBox();
  assert(box.width > 1200 && box.height > 600, `maximised terminal is ${box.width}x${box.height}`);
  await page.keyboard.press('Control+Shift+Enter');
  await waitFor('the panels to return', async () => page.isVisible('[data-panel=lesson]'));
  const after = await panelBoxes(page);
  for (const name of Object.keys(before)) {
    assert(JSON.stringify(after[name]) === JSON.stringify(before[name]), `${name} moved: ${JSON.stringify(before[name])} -> ${JSON.stringify(after[name])}`);
  }
  await waitForPrompt(page);
});

test('layout: keyboard resizing changes a panel, Home/End collapse and restore, and sizes survive a reload', async ({ browser, baseUrl }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const problems = [];
  try {
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    // A corrupt stored layout is ignored, not fatal.
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('dockyard.layout', '{"sizes":{"lesson":"wide","editor":-3}');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto(baseUrl, { waitUntil: 'load' });
    await waitForPrompt(page, 15000);
    const splitter = page.locator('[role=separator][aria-label="Resize lesson panel"]');
    const width = async () => (await page.locator('[data-panel=lesson]').boundingBox())?.width ?? 0;
    const start = Number(await splitter.getAttribute('aria-valuenow'));
    assert(start === 224, `the lesson starts at ${start}px, not the default 224`);
    assert(Math.abs((await width()) - start) < 1, `drawn ${await width()} but aria-valuenow ${start}`);
    assert((await splitter.getAttribute('aria-orientation')) === 'vertical', 'no aria-orientation');
    assert(Number(await splitter.getAttribute('aria-valuemax')) > start, 'no room to grow');

    await splitter.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const grown = Number(await splitter.getAttribute('aria-valuenow'));
    assert(grown === start + 48, `three steps right gave ${grown}`);
    await waitFor('the panel to widen', async () => Math.abs((await width()) - grown) < 1);

    await page.keyboard.press('Home');
    await waitFor('the lesson to collapse', async () => !(await page.isVisible('[data-panel=lesson]')));
    assert((await splitter.getAttribute('aria-valuenow')) === '0', 'a collapsed panel is not 0');
    await page.keyboard.press('End');
    await waitFor('the lesson to return', async () => Math.abs((await width()) - grown) < 1);

    // Dragging the pictures splitter 100px to the left widens the pictures by 100px.
    const picturesSplitter = page.locator('[role=separator][aria-label="Resize pictures panel"]');
    const pictures = Number(await picturesSplitter.getAttribute('aria-valuenow'));
    const grip = await picturesSplitter.boundingBox();
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(grip.x + grip.width / 2 - 100, grip.y + grip.height / 2, { steps: 5 });
    await page.mouse.up();
    const dragged = Number(await picturesSplitter.getAttribute('aria-valuenow'));
    assert(dragged === pictures + 100, `dragging 100px left took the pictures from ${pictures} to ${dragged}`);

    await page.reload({ waitUntil: 'load' });
    await waitForPrompt(page, 15000);
    const kept = Number(await page.locator('[role=separator][aria-label="Resize lesson panel"]').getAttribute('aria-valuenow'));
    assert(kept === grown, `after a reload the lesson is ${kept}px, not ${grown}`);
    assert(Math.abs((await width()) - grown) < 1, `after a reload the lesson is drawn ${await width()}px wide`);
    const keptPictures = Number(await page.locator('[role=separator][aria-label="Resize pictures panel"]').getAttribute('aria-valuenow'));
    assert(keptPictures === dragged, `after a reload the pictures are ${keptPictures}px, not ${dragged}`);

    // The editor/terminal splitter moves with Up/Down.
    const rowSplitter = page.locator('[role=separator][aria-label="Resize editor and terminal"]');
    const terminalHeight = async () => (await page.locator('[data-panel=terminal]').boundingBox())?.height ?? 0;
    const tall = await terminalHeight();
    await rowSplitter.focus();
    await page.keyboard.press('Shift+ArrowDown');
    await waitFor('the terminal to shrink', async () => Math.abs((await terminalHeight()) - (tall - 64)) < 1);
    assert(problems.length === 0, problems.join('\n'));
  } finally {
    await context.close();
  }
});
