#!/usr/bin/env node
/**
 * Browser tests: builds the site, serves dist/ from a tiny static server, opens it in Debian's Chromium (through
 * playwright-core) and drives the terminal like a student: types commands, reads the terminal's text from the
 * screen-reader copy xterm.js keeps in the page, and checks that no console error or CSP violation happened.
 *
 *   node test/browser/run.mjs [--no-build] [--screenshot] [--headed] [--filter TEXT]
 *
 * Prints each case with its result and a final `N passed, M failed`; exits 1 when a case failed.
 * `--screenshot` also saves docs/screenshot.png (1280x720) for the README.
 */
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');
const OUTPUT = join(ROOT, 'test/browser/output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 ? args[filterAt + 1] : undefined;

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.tar': 'application/x-tar',
};

// ---- build and serve -------------------------------------------------------------------------------------------

async function buildSite() {
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn', configFile: join(ROOT, 'vite.config.ts') });
}

function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(path).catch(() => undefined);
      if (info?.isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- page helpers ----------------------------------------------------------------------------------------------

/** The terminal's text: one line per row, from the screen-reader copy xterm.js keeps in the DOM. */
async function screenText(page) {
  return page.evaluate(() => {
    const tree = document.querySelector('.xterm-accessibility-tree');
    if (!tree) return '';
    return [...tree.children].map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  });
}

async function waitFor(what, check, timeout = 5000) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the last non-empty row of the terminal is a prompt, and returns the screen text. */
async function waitForPrompt(page, timeout = 5000) {
  let text = '';
  await waitFor(
    'a prompt',
    async () => {
      text = await screenText(page);
      const rows = text.split('\n').filter((r) => r.trim() !== '');
      return /[$#]$/.test(rows.at(-1) ?? '');
    },
    timeout,
  ).catch((e) => {
    throw new Error(`${e.message}; the terminal shows:\n${lastRows(text, 8)}`);
  });
  return text;
}

function lastRows(text, n) {
  return text
    .split('\n')
    .filter((r) => r.trim() !== '')
    .slice(-n)
    .map((r) => `    | ${r}`)
    .join('\n');
}

/** Types a command line into the terminal, presses Enter and returns the rows printed after it. */
async function run(page, line, { timeout = 5000 } = {}) {
  await page.click('.xterm');
  const before = (await waitForPrompt(page)).split('\n').filter((r) => r.trim() !== '').length;
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await new Promise((r) => setTimeout(r, 50));
  const text = await waitForPrompt(page, timeout);
  const rows = text.split('\n').filter((r) => r.trim() !== '');
  // Rows after the command line itself, without the new prompt.
  return rows.slice(before, -1).join('\n');
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- cases -----------------------------------------------------------------------------------------------------

const cases = [];
const test = (name, fn) => cases.push({ name, fn });

test('page loads with title, header and a terminal', async ({ page }) => {
  assert((await page.title()) === 'Dockyard', `title is ${await page.title()}`);
  assert(await page.isVisible('header h1'), 'no header');
  assert((await page.textContent('header h1'))?.includes('Dockyard'), 'header does not say Dockyard');
  await page.waitForSelector('.xterm', { timeout: 5000 });
  const box = await page.locator('.xterm').boundingBox();
  assert(box && box.width > 1000 && box.height > 500, `terminal is only ${box?.width}x${box?.height} at 1280x720`);
});

test('a prompt appears', async ({ page }) => {
  const text = await waitForPrompt(page);
  assert(/student@dockyard:~\/project\$/.test(text), `no prompt in:\n${lastRows(text, 3)}`);
});

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
  const text = await screenText(page);
  assert(/student@dockyard:\/tmp\$\s*$/.test(text), `prompt did not follow cd:\n${lastRows(text, 2)}`);
  await run(page, 'cd');
});

test('line editing: Home, Ctrl-E, Ctrl-U, history', async ({ page }) => {
  await page.click('.xterm');
  await waitForPrompt(page);
  await page.keyboard.type('cho edited');
  await page.keyboard.press('Home');
  await page.keyboard.type('e');
  await page.keyboard.press('Control+e');
  await page.keyboard.press('Enter');
  let text = await waitForPrompt(page);
  assert(/\nedited\n/.test(text), `Home/Ctrl-E editing failed:\n${lastRows(text, 3)}`);
  await page.keyboard.type('garbage');
  await page.keyboard.press('Control+u');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  text = await waitForPrompt(page);
  const rows = text.split('\n').filter((r) => r.trim() !== '');
  assert(rows.at(-2) === 'edited' && rows.at(-3)?.endsWith('$ echo edited'), `history recall failed:\n${lastRows(text, 4)}`);
});

test('a continuation prompt collects the rest of a command', async ({ page }) => {
  await page.click('.xterm');
  await waitForPrompt(page);
  await page.keyboard.type('echo one \\');
  await page.keyboard.press('Enter');
  await waitFor('a continuation prompt', async () => (await screenText(page)).trimEnd().endsWith('>'));
  await page.keyboard.type('two');
  await page.keyboard.press('Enter');
  const text = await waitForPrompt(page);
  assert(/\none two\n/.test(text), `got:\n${lastRows(text, 4)}`);
});

test('Ctrl-C interrupts sleep 100 and returns a prompt', async ({ page }) => {
  await page.click('.xterm');
  const before = (await waitForPrompt(page)).split('\n').filter((r) => r.trim() !== '').length;
  await page.keyboard.type('sleep 100');
  await page.keyboard.press('Enter');
  await new Promise((r) => setTimeout(r, 300));
  let text = await screenText(page);
  assert(!/[$#]$/.test(text.trimEnd()), `sleep 100 returned at once:\n${lastRows(text, 3)}`);
  await page.keyboard.press('Control+c');
  text = await waitForPrompt(page);
  const rows = text.split('\n').filter((r) => r.trim() !== '');
  assert(rows.length > before && rows.at(-2) === '^C', `expected ^C then a prompt:\n${lastRows(text, 3)}`);
});

test('Ctrl-C at the prompt abandons the line', async ({ page }) => {
  await page.click('.xterm');
  await waitForPrompt(page);
  await page.keyboard.type('echo never');
  await page.keyboard.press('Control+c');
  const text = await waitForPrompt(page);
  assert(/echo never\^C\n/.test(text) && !/\nnever\n/.test(text), `got:\n${lastRows(text, 3)}`);
});

test('Tab completes a command name', async ({ page }) => {
  await page.click('.xterm');
  await waitForPrompt(page);
  await page.keyboard.type('ech');
  await page.keyboard.press('Tab');
  await page.keyboard.type('tabbed');
  await page.keyboard.press('Enter');
  const text = await waitForPrompt(page);
  assert(/\ntabbed\n/.test(text), `got:\n${lastRows(text, 3)}`);
});

test('pasted lines run in order', async ({ page }) => {
  await page.click('.xterm');
  await waitForPrompt(page);
  // What xterm.js sends for a paste while bracketed paste mode is on.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'echo first\necho second\n');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.querySelector('.xterm-helper-textarea')?.dispatchEvent(event);
  });
  const text = await waitFor('both pasted commands to run', async () => {
    const t = await screenText(page);
    return /\nfirst\n[^\n]*echo second\nsecond\n/.test(t) && /[$#]$/.test(t.trimEnd()) ? t : undefined;
  }).catch(async (e) => {
    throw new Error(`${e.message}:\n${lastRows(await screenText(page), 5)}`);
  });
  assert(text, 'no output');
});

test('docker version shows Version:', async ({ page }) => {
  const out = await run(page, 'docker version');
  assert(/Version:/.test(out), `got:\n${out}`);
});

test('the theme toggle switches light and dark', async ({ page }) => {
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.click('button.theme-toggle');
  const after = await page.evaluate(() => document.documentElement.dataset.theme);
  assert(before !== after && (after === 'light' || after === 'dark'), `theme ${before} -> ${after}`);
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.xterm-viewport') ?? document.body).backgroundColor);
  assert(after === 'dark' ? bg === 'rgb(13, 17, 23)' : bg === 'rgb(255, 255, 255)', `terminal background ${bg} for ${after}`);
  await page.click('button.theme-toggle');
});

// ---- runner ----------------------------------------------------------------------------------------------------

async function main() {
  if (!flag('--no-build')) {
    process.stdout.write('building the site...\n');
    await buildSite();
  }
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: build the site first');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

  const server = await serve(DIST);
  const port = server.address().port;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !flag('--headed'),
    args: [
      ...(flag('--headed') ? [] : ['--headless']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });

  let passed = 0;
  let failed = 0;
  const attributed = new Set();
  const selected = cases.filter((c) => !filter || c.name.includes(filter));
  for (const c of selected) {
    const start = problems.length;
    try {
      await c.fn({ page });
      for (let i = start; i < problems.length; i++) attributed.add(i);
      if (problems.length > start) throw new Error(problems.slice(start).join('\n'));
      passed++;
      console.log(`ok   ${c.name}`);
    } catch (e) {
      for (let i = start; i < problems.length; i++) attributed.add(i);
      failed++;
      console.log(`FAIL ${c.name}\n  ${String(e instanceof Error ? e.message : e).replace(/\n/g, '\n  ')}`);
      await mkdir(OUTPUT, { recursive: true });
      await page.screenshot({ path: join(OUTPUT, `${c.name.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => {});
    }
  }

  // Problems while loading the page or between cases (those during a case failed that case).
  const check = 'no console errors, failed requests or CSP violations outside the cases';
  const outside = problems.filter((_, i) => !attributed.has(i));
  if (outside.length === 0) {
    passed++;
    console.log(`ok   ${check}`);
  } else {
    failed++;
    console.log(`FAIL ${check}\n  ${outside.join('\n  ')}`);
  }

  if (flag('--screenshot')) {
    await page.click('.xterm').catch(() => {});
    await page.keyboard.press('Control+l').catch(() => {});
    for (const line of ['docker version', 'echo hello | tr a-z A-Z', 'pwd']) {
      await run(page, line).catch(() => {});
    }
    await mkdir(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
    console.log('saved docs/screenshot.png');
  }

  await browser.close();
  server.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
