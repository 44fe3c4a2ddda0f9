import { test, assert, show, rows, run, freshScreen, typeLine, waitFor, waitForPrompt, isPrompt } from '../harness.mjs';

test('echo hello | tr a-z A-Z prints HELLO', async ({ page }) => {
  const out = await run(page, 'echo hello | tr a-z A-Z');
  assert(out === 'HELLO', `got:\n${out}`);
});

test('pwd prints the project folder', async ({ page }) => {
  const out = await run(page, 'pwd');
  assert(out === '/home/student/project', `got:\n${out}`);
});

test('cd changes the working directory and the prompt', async ({ page }) => {
  await run(page, 'cd /tmp');
  const out = await run(page, 'pwd');
  assert(out === '/tmp', `got:\n${out}`);
  const r = await rows(page);
  assert(r.at(-1) === 'student@dockyard:/tmp$', `prompt did not follow cd:\n${show(r)}`);
  await run(page, 'cd ~/project');
});

test('line editing: Home, Ctrl-E, Ctrl-U, history', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'cho edited');
  await page.keyboard.press('Home');
  await page.keyboard.type('e');
  await page.keyboard.press('Control+e');
  await page.keyboard.press('Enter');
  let r = await waitFor('the output', async () => {
    const x = await rows(page);
    return x.length === 3 && isPrompt(x[2]) ? x : undefined;
  });
  assert(r[0]?.endsWith('$ echo edited') && r[1] === 'edited', `Home/Ctrl-E editing failed:\n${show(r)}`);
  await typeLine(page, 'garbage');
  await page.keyboard.press('Control+u');
  await page.keyboard.press('ArrowUp');
  await waitFor('the recalled line', async () => (await rows(page)).at(-1)?.endsWith('$ echo edited'));
  await page.keyboard.press('Enter');
  r = await waitFor('the output', async () => {
    const x = await rows(page);
    return x.length === 5 && isPrompt(x[4]) ? x : undefined;
  }).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
  assert(r[3] === 'edited', `history recall failed:\n${show(r)}`);
});

test('Ctrl-R finds an earlier command', async ({ page }) => {
  await run(page, 'echo findme');
  await run(page, 'pwd');
  await page.keyboard.press('Control+r');
  await page.keyboard.type('findm');
  const wanted = "(reverse-i-search)`findm': echo findme";
  await waitFor('the search to show its match', async () => (await rows(page)).at(-1) === wanted).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
  await page.keyboard.press('Enter');
  const r = await waitFor('the output', async () => {
    const x = await rows(page);
    return isPrompt(x.at(-1)) && x.at(-2) === 'findme' ? x : undefined;
  }).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
  assert(r.at(-3)?.endsWith('$ echo findme'), `got:\n${show(r)}`);
});

test('a continuation prompt collects the rest of a command', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'echo one \\');
  await page.keyboard.press('Enter');
  await waitFor('a continuation prompt', async () => (await rows(page)).at(-1) === '>');
  await typeLine(page, 'two');
  await page.keyboard.press('Enter');
  const r = await waitForPrompt(page);
  assert(r.length === 4 && r[1] === '> two' && r[2] === 'one two', `got:\n${show(r)}`);
});

test('Ctrl-C interrupts sleep 100 and returns a prompt', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'sleep 100');
  await page.keyboard.press('Enter');
  await new Promise((r) => setTimeout(r, 500));
  let r = await rows(page);
  assert(r.length === 1, `sleep 100 did not keep running:\n${show(r)}`);
  await page.keyboard.press('Control+c');
  r = await waitForPrompt(page);
  assert(r.length === 3 && r[1] === '^C', `expected ^C then a prompt:\n${show(r)}`);
});

test('Ctrl-C at the prompt abandons the line', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'echo never');
  await page.keyboard.press('Control+c');
  const r = await waitFor('a new prompt', async () => {
    const x = await rows(page);
    return x.length === 2 && isPrompt(x[1]) ? x : undefined;
  });
  assert(r[0]?.endsWith('$ echo never^C'), `got:\n${show(r)}`);
});

test('Tab completes a command name', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'ech');
  await page.keyboard.press('Tab');
  await waitFor('the completion', async () => (await rows(page)).at(-1)?.endsWith('$ echo'));
  await typeLine(page, 'tabbed');
  await page.keyboard.press('Enter');
  const r = await waitForPrompt(page);
  assert(r[0]?.endsWith('$ echo tabbed') && r[1] === 'tabbed', `got:\n${show(r)}`);
});

test('Tab completes a path from the engine filesystem', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'ls -d /us');
  await page.keyboard.press('Tab');
  await waitFor('the completion', async () => (await rows(page)).at(-1)?.endsWith('$ ls -d /usr/')).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
  await page.keyboard.press('Enter');
  const r = await waitForPrompt(page);
  assert(r[1] === '/usr/', `got:\n${show(r)}`);
});

test('pasted lines run in order', async ({ page }) => {
  await freshScreen(page);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'echo first\necho second\n');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('.xterm-helper-textarea')?.dispatchEvent(event);
  });
  const r = await waitFor('both pasted commands to run', async () => {
    const x = await rows(page);
    return x.length === 5 && isPrompt(x[4]) ? x : undefined;
  }).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
  assert(r[0]?.endsWith('$ echo first') && r[1] === 'first' && r[2]?.endsWith('$ echo second') && r[3] === 'second', `got:\n${show(r)}`);
});
