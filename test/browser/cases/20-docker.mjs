import { test, assert, show, rows, run, freshScreen, typeLine, waitFor, waitForPrompt, writeLines } from '../harness.mjs';

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

test('docker build shows BuildKit\'s view and a rebuild comes from the cache', async ({ page }) => {
  await run(page, 'mkdir -p /tmp/web && cd /tmp/web');
  await writeLines(page, 'Dockerfile', ['FROM alpine:3.22', 'WORKDIR /app', 'COPY . .', 'RUN echo built > /built.txt']);
  const out = await run(page, 'docker build -t web .', { timeout: 20000 });
  // The header may have scrolled off a small terminal; the steps and the export are on screen.
  assert(/=> \[4\/4\] RUN echo built > \/built\.txt +\d/.test(out), `got:\n${out}`);
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
  // Long lines wrap at the terminal's width.
  assert(/writing image sha256:[0-9a-f]{64}/.test(out.replace(/\n/g, '')), `got:\n${out}`);
});
