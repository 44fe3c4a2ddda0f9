// Size (issue 9), in the page: big inputs must not freeze it. For each (a 5 MB Dockerfile, a 100,000-file build
// context, a container printing 10,000 lines and `docker logs` of them, 1,000 containers listed and removed) the
// longest main-thread task and the longest gap between frames while the command runs, and how long a key typed
// meanwhile takes to show (the tty echoes typeahead, as Linux does). The figures have targets; the functional checks
// (it finished, the output is right, the keys echoed) throw. Measured in Debian's Chromium against dist/, as
// browser.bench.ts does; skipped (with the reason) when dist/ or chromium is missing.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { serve } from '../browser/serve.mjs';
import { CHROMIUM, clearScreen, DIST, LAUNCH_ARGS, openPage, probeOf, runLine, type Probe } from './browser.bench.ts';
import { atMost, type Figure } from './figure.ts';

/** A task this long is a visible freeze: keys and the cursor stop. The 50 ms ideal is browser.bench.ts's. */
const FREEZE_MS = 200;

/** The rendered rows' text (what a student sees), blanks trimmed. */
async function renderedRows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(document.querySelector('.xterm-rows')?.children ?? [])].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).filter((r) => r !== ''),
  );
}

interface Watched {
  longestTask: number;
  longestFrameGap: number;
  /** From typing a key to seeing it on screen, while the command ran. */
  echoMs: number;
  /** The rows on screen when the command had finished. */
  rows: string[];
}

/**
 * Runs `line` on a cleared screen watching the main thread; half a second in, types `marker` and times its echo.
 * The marker is typeahead for the next prompt, which is then cleared with Ctrl-U.
 */
async function watchedRun(page: Page, line: string, marker: string, timeout = 600_000): Promise<Watched> {
  await clearScreen(page);
  await page.keyboard.type(line);
  await page.evaluate(() => {
    const p = (window as unknown as { __probe: Probe }).__probe;
    p.longestTask = p.longestFrameGap = 0;
    p.watching = true;
  });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await page.evaluate((m) => {
    const w = window as unknown as { __echo: { typedAt: number; seenAt?: number } };
    const echo = (w.__echo = { typedAt: performance.now(), seenAt: undefined as number | undefined });
    const rows = document.querySelector('.xterm-rows')!;
    const seen = new MutationObserver(() => {
      if ((rows.textContent ?? '').replace(/\u00a0/g, ' ').includes(m)) {
        echo.seenAt = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(rows, { subtree: true, childList: true, characterData: true });
  }, marker);
  await page.keyboard.type(marker);
  await page.waitForFunction(() => (window as unknown as { __echo: { seenAt?: number } }).__echo.seenAt !== undefined, null, { timeout, polling: 100 });
  const echo = await page.evaluate(() => (window as unknown as { __echo: { typedAt: number; seenAt: number } }).__echo);
  const done = new RegExp(`^student@dockyard:\\S*[$#] ${marker}$`);
  let rows: string[];
  for (const until = Date.now() + timeout; ; ) {
    rows = await renderedRows(page);
    if (done.test(rows.at(-1) ?? '')) break;
    if (Date.now() > until) throw new Error(`${line}: no prompt after ${timeout} ms; the screen shows:\n${rows.slice(-8).join('\n')}`);
    await page.waitForTimeout(200);
  }
  const probe = await probeOf(page);
  await page.evaluate(() => void ((window as unknown as { __probe: Probe }).__probe.watching = false));
  await page.keyboard.press('Control+u');
  // The echo lands wherever the output was (as on Linux): the rows without it are the command's.
  const output = rows.slice(0, -1).map((r) => r.replace(marker, '')).filter((r) => r !== '');
  return { longestTask: probe.longestTask, longestFrameGap: probe.longestFrameGap, echoMs: echo.seenAt - echo.typedAt, rows: output };
}

/** The output of a short command: the rows between the echoed line and the next prompt. */
async function output(page: Page, line: string): Promise<string[]> {
  await runLine(page, line);
  const rows = await renderedRows(page);
  return rows.slice(rows.findIndex((r) => r.endsWith(line)) + 1, -1);
}

function check(ok: boolean, what: string, rows: readonly string[]): void {
  if (!ok) throw new Error(`${what}; the screen shows:\n${rows.slice(-8).join('\n')}`);
}

function figuresOf(what: string, w: Watched): Figure[] {
  return [
    { name: `${what}: longest main-thread task`, value: w.longestTask, unit: 'ms', target: atMost(FREEZE_MS) },
    { name: `${what}: longest gap between frames`, value: w.longestFrameGap, unit: 'ms', target: atMost(FREEZE_MS) },
    { name: `${what}: a key typed meanwhile shows after`, value: w.echoMs, unit: 'ms', target: atMost(FREEZE_MS) },
  ];
}

export const area = 'browser budgets';

export default async function bench(opts: { smoke: boolean }): Promise<Figure[] | { skipped: string }> {
  if (!existsSync(join(DIST, 'index.html'))) return { skipped: 'dist/index.html is missing (run `npm run build` first)' };
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)` };
  // The smoke run checks the benchmark works on a tenth of each size.
  const n = opts.smoke ? { labels: 10_000, dirs: 100, lines: 1_000, containers: 100 } : { labels: 100_000, dirs: 1_000, lines: 10_000, containers: 1_000 };
  const only = process.env.SIZE_BENCH?.split(',');
  const wanted = (part: string) => !only || only.includes(part);
  const server = await serve(DIST);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const { page, close } = await openPage(browser, url);
  const figures: Figure[] = [];
  try {
    await page.click('.xterm');
    await runLine(page, 'docker pull alpine');

    if (wanted('dockerfile')) {
      // About 52 bytes a line: 100,000 LABEL lines make 5 MB.
      await runLine(page, 'mkdir -p /tmp/big && cd /tmp/big');
      await runLine(page, `printf 'LABEL l%s="value of a rather long Dockerfile line"\\n' $(seq 1 ${n.labels}) > Dockerfile && sed -i '1i FROM alpine' Dockerfile`, 600_000);
      const size = await output(page, 'wc -c < Dockerfile');
      const w = await watchedRun(page, 'docker build -q -t huge .', 'qzx');
      check(/^sha256:[0-9a-f]{64}$/.test(w.rows.at(-1) ?? ''), 'the 5 MB Dockerfile did not build', w.rows);
      const labels = await output(page, "docker inspect -f '{{len .Config.Labels}}' huge");
      check(labels[0] === String(n.labels), `the image has ${labels[0]} labels, not ${n.labels}`, labels);
      figures.push(...figuresOf(`build of a ${(Number(size[0]) / 1e6).toFixed(1)} MB Dockerfile`, w));
    }

    if (wanted('context')) {
      // 100 files copied into 1,000 directories (cp -r shares the tree, so it is quick to make).
      await runLine(page, 'mkdir -p /tmp/ctx/a && cd /tmp/ctx && touch a/f{1..100}');
      await runLine(page, `for i in $(seq 2 ${n.dirs}); do cp -r a d$i; done`, 600_000);
      await runLine(page, "printf 'FROM alpine\\nCOPY . /app\\nRUN find /app -type f | wc -l\\n' > Dockerfile && echo 'd1*' > .dockerignore");
      const w = await watchedRun(page, 'docker build --progress=plain -t ctx . 2>&1 | grep -A1 "RUN find"', 'qzx');
      // d10..d19, d100..d199 and d1000: what .dockerignore leaves out; the Dockerfile and .dockerignore are sent too.
      const ignored = n.dirs === 1000 ? 111 : 11;
      check(w.rows.some((r) => r.endsWith(` ${(n.dirs - ignored) * 100 + 2}`)), 'the context did not arrive whole, less what .dockerignore leaves out', w.rows);
      figures.push(...figuresOf(`build of a ${n.dirs * 100 + 2}-file context`, w));
    }

    if (wanted('logs')) {
      const run = await watchedRun(page, `docker run --name counter alpine seq 1 ${n.lines}`, 'qzx');
      check(run.rows.at(-1) === String(n.lines), 'the container did not print its lines', run.rows);
      figures.push(...figuresOf(`docker run printing ${n.lines} lines`, run));
      const logs = await watchedRun(page, 'docker logs counter', 'qzx');
      check(logs.rows.at(-1) === String(n.lines), 'docker logs did not print the lines', logs.rows);
      figures.push(...figuresOf(`docker logs of ${n.lines} lines`, logs));
    }

    if (wanted('containers')) {
      await runLine(page, 'docker rm -f $(docker ps -aq)');
      const start = await watchedRun(page, `for i in $(seq 1 ${n.containers}); do docker create alpine sleep 100000 > /dev/null; done; docker ps -aq | wc -l`, 'qzx');
      check(start.rows.at(-1) === String(n.containers), 'the containers were not all created', start.rows);
      figures.push(...figuresOf(`docker create ${n.containers} times`, start));
      const ps = await watchedRun(page, 'docker ps -a', 'qzx');
      // A row wraps on the page's terminal: the last container's row is the last two.
      check(/"sleep 100000" .* Created *[a-z_]+$/.test(ps.rows.slice(-2).join('')), 'docker ps -a did not list them', ps.rows);
      figures.push(...figuresOf(`docker ps -a of ${n.containers}`, ps));
      const rm = await watchedRun(page, 'docker rm -f $(docker ps -aq) | wc -l', 'qzx');
      check(rm.rows.at(-1) === String(n.containers), 'docker rm -f did not remove them all', rm.rows);
      figures.push(...figuresOf(`docker rm -f of ${n.containers}`, rm));
    }
    return figures;
  } finally {
    await close();
    await browser.close();
    server.close();
  }
}
