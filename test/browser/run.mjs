#!/usr/bin/env node
/**
 * Browser tests: builds the site, serves dist/ from a tiny static server, opens it in Debian's Chromium (through
 * playwright-core) and drives the terminal like a student: types commands, reads the terminal's text from the
 * screen-reader copy xterm.js keeps in the page, and checks that no console error or CSP violation happened.
 *
 *   node test/browser/run.mjs [--no-build] [--screenshot] [--headed] [--filter TEXT]
 *
 * Cases live in cases/*.mjs (helpers in harness.mjs). Prints each case with its result and a final `N passed, M failed`; exits 1 when a case failed.
 * `--screenshot` also saves docs/screenshot.png (1280x720) for the README.
 */
import { readdir, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cases, freshScreen, waitForPrompt } from './harness.mjs';
import { serve } from './serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');
const OUTPUT = join(ROOT, 'test/browser/output');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const filterAt = args.indexOf('--filter');
const filter = filterAt >= 0 ? args[filterAt + 1] : undefined;

// ---- build and serve -------------------------------------------------------------------------------------------

async function buildSite() {
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn', configFile: join(ROOT, 'vite.config.ts') });
}

// ---- runner ----------------------------------------------------------------------------------------------------

/** Loads every case file in cases/, in file-name order; each registers its cases with harness.test(). */
async function loadCases() {
  const dir = join(ROOT, 'test/browser/cases');
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.mjs')).sort()) {
    await import(pathToFileURL(join(dir, file)).href);
  }
}

async function main() {
  await loadCases();
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
  const baseUrl = `http://127.0.0.1:${port}/`;
  await page.goto(baseUrl, { waitUntil: 'load' });

  let passed = 0;
  let failed = 0;
  const attributed = new Set();
  const selected = cases.filter((c) => !filter || c.name.includes(filter));
  for (const c of selected) {
    const start = problems.length;
    try {
      await c.fn({ page, context, browser, baseUrl });
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
