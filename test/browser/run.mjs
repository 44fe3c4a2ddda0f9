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

const PROMPT_RE = /^student@dockyard:\S*[$#]( |$)/;

/** The non-empty rows of the terminal. */
async function rows(page) {
  return (await screenText(page)).split('\n').filter((r) => r.trim() !== '');
}

const isPrompt = (row) => row !== undefined && PROMPT_RE.test(row) && /[$#]$/.test(row);

/** Waits until the terminal's last row is a bare prompt; returns the rows. */
async function waitForPrompt(page, timeout = 5000) {
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

function show(rowList, n = 8) {
  return rowList
    .slice(-n)
    .map((r) => `    | ${r}`)
    .join('\n');
}

/** Focuses the terminal and clears it with Ctrl-L, so the prompt is on the first row. */
async function freshScreen(page) {
  await page.click('.xterm');
  await waitForPrompt(page);
  await page.keyboard.press('Control+l');
  await waitFor('a cleared screen', async () => {
    const r = await rows(page);
    return r.length === 1 && isPrompt(r[0]);
  });
}

/** Types keys (a string is typed; an array item {press} presses a key) and waits until they show on the screen. */
async function typeLine(page, line) {
  await page.keyboard.type(line);
  await waitFor(`"${line}" to echo`, async () => (await rows(page)).at(-1)?.endsWith(line));
}

/**
 * On a cleared screen, types a command line, presses Enter, waits for the next prompt and returns the rows printed
 * in between.
 */
async function run(page, line, { timeout = 5000 } = {}) {
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
  return last.slice(1, -1).join('\n');
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
  const r = await waitForPrompt(page);
  assert(r.at(-1) === 'student@dockyard:~/project$', `no prompt in:\n${show(r)}`);
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

test('docker version shows Version:', async ({ page }) => {
  const out = await run(page, 'docker version');
  assert(/Version:/.test(out), `got:\n${out}`);
});

test('docker pull draws per-layer progress in place, then docker images lists the image', async ({ page }) => {
  const out = await run(page, 'docker pull alpine', { timeout: 15000 });
  assert(/latest: Pulling from library\/alpine/.test(out), `got:\n${out}`);
  assert(/[0-9a-f]{12}: Pull complete/.test(out), `got:\n${out}`);
  assert(/Status: Downloaded newer image for alpine:latest/.test(out), `got:\n${out}`);
  // Redrawn in place: the final screen has one line per layer, not one per status.
  assert(!/Pulling fs layer/.test(out), `progress lines were not redrawn:\n${out}`);
  const images = await run(page, 'docker images');
  assert(/^alpine\s+latest\s+[0-9a-f]{12}\s+.+ago\s+8\.\d+MB$/m.test(images), `got:\n${images}`);
});

test('docker run -it gives the container\'s shell what is typed, and exit returns to the host', async ({ page }) => {
  await freshScreen(page);
  await typeLine(page, 'docker run -it --rm alpine sh');
  await page.keyboard.press('Enter');
  await waitFor('the container\'s prompt', async () => (await rows(page)).at(-1)?.trim() === '/ #', 15000).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
  await page.keyboard.type('echo inside-$((6*7))');
  await page.keyboard.press('Enter');
  await waitFor('the answer', async () => (await rows(page)).includes('inside-42')).catch(async (e) => {
    throw new Error(`${e.message}:\n${show(await rows(page))}`);
  });
  await page.keyboard.type('exit');
  await page.keyboard.press('Enter');
  const r = await waitForPrompt(page, 10000);
  assert(r.some((row) => row.endsWith('/ # echo inside-$((6*7))')), `typing was not echoed:\n${show(r)}`);
});

test('node runs JavaScript in its sandbox (QuickJS, loaded lazily under the page\'s CSP)', async ({ page }) => {
  const out = await run(page, "docker run --rm node:20-alpine node -e 'console.log(`answer ${6 * 7}`, process.version)'", { timeout: 90000 });
  assert(/^answer 42 v20\./m.test(out), `got:\n${out}`);
});

/** Writes a file line by line with short commands: the test types them, and a wrapped line does not echo as typed. */
async function writeLines(page, file, lines) {
  await run(page, `: > ${file}`);
  for (const line of lines) await run(page, `echo '${line}' >> ${file}`);
}

test('docker build shows BuildKit\'s view and a rebuild comes from the cache', async ({ page }) => {
  await run(page, 'mkdir -p /tmp/web && cd /tmp/web');
  await writeLines(page, 'Dockerfile', ['FROM alpine:3.22', 'WORKDIR /app', 'COPY . .', 'RUN echo built > /built.txt']);
  const out = await run(page, 'docker build -t web .', { timeout: 20000 });
  assert(/\[\+\] Building [\d.]+s \(\d+\/\d+\) FINISHED/.test(out), `got:\n${out}`);
  assert(/naming to docker\.io\/library\/web:latest/.test(out), `got:\n${out}`);
  const again = await run(page, 'docker build -t web .', { timeout: 20000 });
  assert(/CACHED \[4\/4\] RUN echo built/.test(again), `got:\n${again}`);
});

test('a build step runs tsc, loaded only when a build needs it', async ({ page }) => {
  await run(page, 'mkdir -p /tmp/ts && cd /tmp/ts');
  await writeLines(page, 'package.json', ['{"name": "a", "version": "1.0.0",', '"devDependencies": {"typescript": "^5.7.3"}}']);
  await writeLines(page, 'tsconfig.json', ['{"compilerOptions": {"outDir": "dist"}}']);
  await writeLines(page, 'index.ts', ['const x: number = 1;', 'console.log(x);']);
  await writeLines(page, 'Dockerfile', ['FROM node:20-alpine', 'WORKDIR /app', 'COPY . .', 'RUN npm install', 'RUN npx tsc && cat dist/index.js']);
  const out = await run(page, 'docker build --progress=plain .', { timeout: 40000 });
  assert(/const x = 1;/.test(out), `got:\n${out}`);
  assert(/writing image sha256:[0-9a-f]{64}/.test(out), `got:\n${out}`);
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
    await freshScreen(page).catch(() => {});
    for (const line of ['docker pull python:3.12', 'docker pull node:20', 'docker images', 'docker system df']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
      // Pulls take their (real) time in the page: node:20 is about a gigabyte at classroom speed.
      await page.waitForTimeout(300);
      await waitForPrompt(page, 60000).catch((e) => console.log(`screenshot: ${e.message}`));
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
