import { test, assert, show, rows, run, freshScreen, typeLine, waitFor, waitForPrompt, isPrompt } from '../harness.mjs';

/** Waits until the last row (the line being edited) ends with `text`; fails with what the screen shows. */
async function lineEndsWith(page, text) {
  await waitFor(`the line to read "…${text}"`, async () => (await rows(page)).at(-1)?.endsWith(text)).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
}

test('Tab completes a docker management command, with a space after it', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'docker con');
  await page.keyboard.press('Tab');
  await lineEndsWith(page, '$ docker container');
  // The space Tab added lets the subcommand follow directly.
  await page.keyboard.type('ls');
  await lineEndsWith(page, '$ docker container ls');
  await page.keyboard.press('Enter');
  const r = await waitForPrompt(page);
  assert(r.some((row) => row.startsWith('CONTAINER ID')), `got:\n${show(r)}`);
});

test('Tab completes a flag of docker run to the longest common part', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'docker run --netw');
  await page.keyboard.press('Tab');
  // --network and --network-alias share --network: no space yet, a second Tab would list both.
  await lineEndsWith(page, '$ docker run --network');
  await page.keyboard.press('Control+u');
  await waitFor('an empty line', async () => isPrompt((await rows(page)).at(-1)));
});

test('Tab completes the name of a volume the daemon has', async ({ page }) => {
  await run(page, 'docker volume create tabvol');
  await freshScreen(page);
  await typeLine(page, 'docker volume rm tab');
  await page.keyboard.press('Tab');
  await lineEndsWith(page, '$ docker volume rm tabvol');
  await page.keyboard.press('Enter');
  const r = await waitForPrompt(page);
  assert(r.at(-2) === 'tabvol', `docker volume rm did not remove the completed name:\n${show(r)}`);
});

test('a second Tab lists the candidates under the line and keeps the line', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'docker volume ');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const r = await waitFor('the list of subcommands', async () => {
    const x = await rows(page);
    return x.length >= 3 && x.at(-1)?.endsWith('$ docker volume') ? x : undefined;
  }).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
  const listed = r.slice(1, -1).join(' ').split(/\s+/);
  for (const name of ['create', 'inspect', 'ls', 'prune', 'rm']) assert(listed.includes(name), `${name} not listed:\n${show(r)}`);
  await page.keyboard.press('Control+u');
  await waitFor('an empty line', async () => isPrompt((await rows(page)).at(-1)));
  await freshScreen(page);
});
