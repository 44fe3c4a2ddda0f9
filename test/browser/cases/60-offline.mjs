// The static site: served from a sub-path it still loads, a class can load it once and keep working offline (the
// service worker), and nothing a session does sends a request to another origin. Each case opens its own context:
// service workers, caches and offline mode must not leak into the shared page.
import { fileURLToPath } from 'node:url';
import { test, assert, run, waitFor, waitForPrompt } from '../harness.mjs';
import { serve } from '../serve.mjs';

const DIST = fileURLToPath(new URL('../../../dist', import.meta.url));
const PREFIX = '/course/dockyard/';

/** A fresh context on `url`, recording every request and every problem the shared runner would fail a case on. */
async function open(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
  const requests = [];
  const problems = [];
  // The context sees the service worker's own requests as well as the page's.
  context.on('request', (req) => requests.push(req.url()));
  context.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  context.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, requests, problems };
}

/** Serves dist/ under PREFIX on a server of its own; `fn` gets the site's URL. */
async function withSubPathSite(fn) {
  const server = await serve(DIST, { prefix: PREFIX });
  try {
    await fn(`http://127.0.0.1:${server.address().port}${PREFIX}`);
  } finally {
    server.close();
  }
}

const offOrigin = (requests, site) => requests.filter((u) => !u.startsWith(new URL(site).origin + '/'));

function noProblems(problems) {
  assert(problems.length === 0, problems.join('\n'));
}

test('served from a sub-path the site loads, shows a prompt, and every request stays under it', async ({ browser }) => {
  await withSubPathSite(async (site) => {
    const { context, page, requests, problems } = await open(browser, site);
    try {
      await waitForPrompt(page, 10000);
      const out = await run(page, 'docker images');
      assert(/^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE$/m.test(out), `got:\n${out}`);
      const outside = requests.filter((u) => !u.startsWith(site));
      assert(outside.length === 0, `requests outside ${site}:\n${outside.join('\n')}`);
      noProblems(problems);
    } finally {
      await context.close();
    }
  });
});

test('offline: after one visit the site reloads without a network, and docker works', async ({ browser }) => {
  await withSubPathSite(async (site) => {
    const { context, page, problems } = await open(browser, site);
    try {
      await waitForPrompt(page, 10000);
      // The worker claims the page once it has cached every file of the build.
      await waitFor('the service worker to control the page', () => page.evaluate(() => navigator.serviceWorker.controller !== null), 15000);
      // One whole visit: the editor loads after the prompt, and a reload while it loads would abort that request.
      await page.waitForSelector('[data-testid=editor] [data-ready=true]', { state: 'attached', timeout: 30000 });
      await context.setOffline(true);
      await page.reload({ waitUntil: 'load' });
      await waitForPrompt(page, 10000);
      const images = await run(page, 'docker images');
      assert(/^REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE$/m.test(images), `got:\n${images}`);
      // Containers' programs load on first use: their chunk must come from the cache too.
      const ran = await run(page, 'docker run --rm alpine echo still here', { timeout: 20000 });
      assert(/^still here$/m.test(ran), `got:\n${ran}`);
      noProblems(problems);
    } finally {
      await context.close();
    }
  });
});

test('a session that pulls, builds and runs node sends no request to another origin', async ({ browser, baseUrl }) => {
  const { context, page, requests, problems } = await open(browser, baseUrl);
  try {
    await waitForPrompt(page, 10000);
    await run(page, 'mkdir -p /tmp/app && cd /tmp/app');
    for (const line of ['FROM node:20-alpine', 'WORKDIR /app', 'COPY . .', 'CMD ["node", "-e", "console.log(6 * 7)"]']) {
      await run(page, `echo '${line}' >> Dockerfile`);
    }
    const built = await run(page, 'docker build -t app .', { timeout: 60000 });
    assert(/naming to docker\.io\/library\/app:latest/.test(built), `got:\n${built}`);
    const ran = await run(page, 'docker run --rm app', { timeout: 90000 });
    assert(/^42$/m.test(ran), `got:\n${ran}`);
    const outside = offOrigin(requests, baseUrl);
    assert(outside.length === 0, `requests to other origins:\n${outside.join('\n')}`);
    assert(requests.length > 0, 'no request was recorded at all: the check would be empty');
    noProblems(problems);
  } finally {
    await context.close();
  }
});
