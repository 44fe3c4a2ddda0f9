// Long sessions in the page (issue 9): long-session.bench.ts's mix of commands typed into the built page, with all
// the page adds running (the pictures, a save to IndexedDB after each command, the undo ring, xterm's scrollback).
// The page's JavaScript heap after forced garbage collections (through the DevTools protocol) once the mix has run a
// first time, and again at the end; the target is long-session.bench.ts's. Typing is slower than a headless
// terminal, so fewer commands run here. Skipped (with the reason) when dist/ or chromium is missing.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '../browser/serve.mjs';
import type { Page } from 'playwright-core';
import { CHROMIUM, DIST, LAUNCH_ARGS, openPage } from './browser.bench.ts';
import { atMost, type Figure } from './figure.ts';
import { mix } from './long-session.bench.ts';

export const area = 'sessions';

/** The rendered rows' text, blanks left out (run in the page, where `__rows` is installed). */
function installRows(): void {
  (window as unknown as { __rows: () => string[] }).__rows = () =>
    [...(document.querySelector('.xterm-rows')?.children ?? [])].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()).filter((r) => r !== '');
}
const rowsOf = (page: Page) => page.evaluate(() => (window as unknown as { __rows: () => string[] }).__rows());

/**
 * runLine, watching the rendered rows instead of the accessibility tree, which xterm refreshes about once a second:
 * the session's cost is what is measured here, not that wait.
 */
async function runLine(page: Page, line: string): Promise<void> {
  await page.keyboard.press('Control+l');
  await page.waitForFunction(() => (window as unknown as { __rows: () => string[] }).__rows().length === 1, null, { polling: 10 });
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    () => {
      const rows = (window as unknown as { __rows: () => string[] }).__rows();
      return rows.length >= 2 && /^student@dockyard:\S*[$#]$/.test(rows.at(-1)!);
    },
    null,
    { timeout: 120_000, polling: 10 },
  );
}

export default async function bench({ smoke }: { smoke: boolean }): Promise<Figure[] | { skipped: string }> {
  if (!existsSync(join(DIST, 'index.html'))) return { skipped: 'dist/index.html is missing (run `npm run build` first)' };
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)` };
  const commands = smoke ? 150 : 1000;
  const warmUp = smoke ? 50 : 100;
  const server = await serve(DIST);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  const { page, close } = await openPage(browser, url);
  try {
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await page.evaluate(installRows);
    await page.click('.xterm');
    for (const line of ['docker pull -q alpine', 'mkdir notes', "printf 'FROM alpine\\nRUN echo built > /built\\n' > Dockerfile", 'docker build -q -t app .']) await runLine(page, line);
    let done = 0;
    let before = 0;
    let started = 0;
    for (let round = 0; done < commands; round++) {
      for (const line of mix(round)) {
        await runLine(page, line);
        done++;
        if (done === warmUp) {
          before = await heap();
          started = performance.now();
        }
      }
    }
    const elapsed = performance.now() - started;
    const after = await heap();
    // The mix leaves nothing behind: a command that failed half-way would show here.
    await runLine(page, 'echo "left: $(docker ps -aq | wc -l) $(docker volume ls -q | wc -l) $(ls notes | wc -l)"');
    const left = (await rowsOf(page)).find((r) => r.startsWith('left:'));
    if (left !== 'left: 0 0 10') throw new Error(`the mix left something behind: ${left}`);
    const mb = (n: number) => n / 1024 / 1024;
    return [
      { name: `page heap after ${warmUp} commands (warmed up)`, value: mb(before), unit: 'MB' },
      { name: `page heap after ${commands} commands`, value: mb(after), unit: 'MB' },
      { name: `page heap after/before over ${commands - warmUp} commands`, value: after / before, unit: 'x', target: atMost(1.5, 'flat, as long-session') },
      { name: `page: time per typed command (mean of ${commands - warmUp})`, value: elapsed / (commands - warmUp), unit: 'ms' },
    ];
  } finally {
    await close();
    await browser.close();
    server.close();
  }
}
