import { test, assert, freshScreen, run, typeLine, waitFor, waitForPrompt } from '../harness.mjs';

/** Selects a picture by its tab and returns the picture's locator. */
async function openPicture(page, title, testId) {
  await page.getByRole('tab', { name: title, exact: true }).click();
  const picture = page.getByTestId(testId);
  await picture.waitFor();
  return picture;
}

/** Waits until the picture's text satisfies `check` (it redraws on the engine's events). */
async function waitForText(picture, what, check, timeout = 5000) {
  let text = '';
  await waitFor(what, async () => check((text = (await picture.innerText()).replace(/\s+/g, ' '))), timeout).catch((e) => {
    throw new Error(`${e.message}; the picture shows:\n${text}`);
  });
  return text;
}

test('the containers picture shows a running container with its state, port, mounts and filesystem', async ({ page }) => {
  await run(page, 'docker network create pnet');
  await run(page, 'docker run -d --name pweb --network pnet -p 8089:80 -v pdata:/data nginx', { timeout: 20000 });
  const picture = await openPicture(page, 'Containers', 'containers');
  const card = picture.locator('[data-container="pweb"]');
  await card.waitFor();
  const text = (await card.innerText()).replace(/\s+/g, ' ');
  assert(/pweb running/.test(text), `no running badge:\n${text}`);
  assert(text.includes('0.0.0.0:8089->80/tcp'), `no port:\n${text}`);
  assert(/volume pdata → \/data rw/.test(text), `no mount:\n${text}`);
  assert(/pnet 172\.\d+\.0\.\d+/.test(text), `no address:\n${text}`);
  assert(/Restarts 0/.test(text), `no restart count:\n${text}`);
  assert(/writable layer/.test(text) && /image layers \(read-only\): \d+/.test(text), `no filesystem split:\n${text}`);
  await waitForText(picture, 'the volume with its user', (t) => /pdata .*used by pweb at \/data \(running\)/.test(t));
  // Live: a stop redraws the card without touching the picture.
  await run(page, 'docker stop pweb', { timeout: 15000 });
  await waitForText(picture, 'pweb exited', (t) => /pweb exited/.test(t) && /Exited \(0\)/.test(t));
  await run(page, 'docker start pweb');
  await waitForText(picture, 'pweb running again', (t) => /pweb running/.test(t));
});

test('the containers picture counts "Up N seconds" on by itself while nothing else happens', async ({ page }) => {
  const picture = await openPicture(page, 'Containers', 'containers');
  const card = picture.locator('[data-container="pweb"]');
  const seconds = async () => Number(/Status Up (\d+) seconds?/.exec((await card.innerText()).replace(/\s+/g, ' '))?.[1] ?? NaN);
  let first = NaN;
  await waitFor('an age in seconds', async () => !Number.isNaN((first = await seconds())));
  // No command runs meanwhile: only the picture's own timer on the virtual clock can move the number.
  let later = first;
  await waitFor(`pweb's age to pass ${first + 1} seconds`, async () => (later = await seconds()) >= first + 2, 6000).catch((e) => {
    throw new Error(`${e.message}; it stayed at ${later}`);
  });
});

test('the network picture shows pnet, pweb\'s address and the last connection, then a failed one', async ({ page }) => {
  const out = await run(page, 'docker run --rm --network pnet curlimages/curl -s -o /dev/null -w "%{http_code}\\n" pweb', { timeout: 20000 });
  assert(/^200$/m.test(out), `curl did not get the page:\n${out}`);
  const picture = await openPicture(page, 'Network', 'network');
  assert((await picture.locator('svg').count()) === 1, 'no diagram');
  const text = await waitForText(picture, 'the connection to pweb', (t) => /→ pweb:80: ✓ connected/.test(t));
  assert(/pnet \(bridge\)/.test(text) && /pweb 172\.\d+\.0\.\d+ names: pweb/.test(text), `no pnet with pweb:\n${text}`);
  assert(/8089 -> 80\/tcp to pweb/.test(text), `no published port:\n${text}`);
  assert(/resolved to 172\.\d+\.0\.\d+ by the embedded DNS server/.test(text), `no DNS step:\n${text}`);
  assert((await picture.locator('svg .connection.ok path').count()) === 1, 'no green path in the diagram');

  await run(page, 'docker run --rm busybox wget -qO- pweb', { timeout: 20000 });
  const failed = await waitForText(picture, 'the failed connection', (t) => /→ pweb: ✕ ENOTFOUND \(at DNS\)/.test(t));
  assert(/the default bridge has no DNS/.test(failed), `no reason:\n${failed}`);
  assert((await picture.locator('svg .connection.failed .stop').count()) === 1, 'no failure mark in the diagram');
});

test('the network picture draws a connection that is still waiting, then how it ended', async ({ page }) => {
  const ip = (await run(page, "docker inspect -f '{{.NetworkSettings.Networks.pnet.IPAddress}}' pweb")).trim();
  assert(/^172\.\d+\.0\.\d+$/.test(ip), `no address for pweb: ${ip}`);
  const picture = await openPicture(page, 'Network', 'network');
  // A container on the default bridge dials pweb's address on pnet: Docker drops the packets, so the SYN waits.
  await freshScreen(page);
  await typeLine(page, `docker run --rm busybox wget -T 6 -qO- http://${ip}/`);
  await page.keyboard.press('Enter');
  const waiting = await waitForText(picture, 'the pending connection', (t) => new RegExp(`→ ${ip.replace(/\./g, '\\.')}:80: … pending`).test(t), 20000);
  assert(/no answer: no route from .* to 172\.\d+\.0\.\d+ \(pweb on pnet\); the kernel keeps retrying/.test(waiting), `no pending step:\n${waiting}`);
  assert((await picture.locator('svg .connection.pending path').count()) === 1, 'no pending path in the diagram');
  // wget gives up after its -T seconds: the same record, now ended.
  await waitForPrompt(page, 20000);
  await waitForText(picture, 'the attempt ended', (t) => /: ✕ aborted/.test(t) && /the client gave up/.test(t));
  assert((await picture.locator('svg .connection.pending').count()) === 0, 'the diagram still shows it pending');
});

test('the containers picture draws 50 cards of 61 and the other 11 on "Show 11 more"', async ({ page }) => {
  await run(page, 'for i in $(seq 1 60); do docker create --name many$i alpine > /dev/null; done', { timeout: 60000 });
  const picture = await openPicture(page, 'Containers', 'containers');
  await waitForText(picture, 'the count of 61', (t) => /Containers 61\b/.test(t) && /11 more containers not drawn/.test(t));
  assert((await picture.locator('article.card').count()) === 50, 'not 50 cards');
  await picture.getByRole('button', { name: 'Show 11 more' }).click();
  await waitFor('61 cards', async () => (await picture.locator('article.card').count()) === 61);
  assert((await picture.getByRole('button', { name: /Show \d+ more/ }).count()) === 0, 'a button is still there');
  await run(page, 'docker rm $(docker ps -aq --filter name=many)', { timeout: 60000 });
});

test('the pictures empty again after cleanup, and the Images tab is selected again', async ({ page }) => {
  await run(page, 'docker rm -f pweb', { timeout: 15000 });
  await run(page, 'docker network rm pnet');
  await run(page, 'docker volume rm pdata');
  const network = await openPicture(page, 'Network', 'network');
  await waitForText(network, 'pnet gone', (t) => !/pnet/.test(t.replace(/Last connection.*?(?=Published ports)/, '')));
  const containers = await openPicture(page, 'Containers', 'containers');
  await waitForText(containers, 'no pweb card', (t) => !/pweb/.test(t));
  const images = page.getByRole('tab', { name: 'Images', exact: true });
  await images.click();
  await page.getByTestId('images').waitFor({ state: 'attached' });
  assert((await images.getAttribute('aria-selected')) === 'true', 'the Images tab is not selected');
});
