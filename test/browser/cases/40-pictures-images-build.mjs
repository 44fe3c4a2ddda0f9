import { test, assert, run, writeLines, selectTab, waitForSteps } from '../harness.mjs';

test('the build picture shows each step built, then CACHED after a source change, with the reason for the miss', async ({ page }) => {
  await run(page, 'mkdir -p /tmp/pic && cd /tmp/pic');
  // A WORKDIR no earlier case used, so the first build has nothing in the cache whatever ran before it.
  await writeLines(page, 'Dockerfile', ['FROM alpine:3.22', 'WORKDIR /pic', 'COPY deps.txt .', 'RUN cp deps.txt installed.txt', 'COPY app.txt .', 'RUN cat app.txt']);
  await writeLines(page, 'deps.txt', ['left-pad']);
  await writeLines(page, 'app.txt', ['v1']);
  await run(page, 'docker pull alpine:3.22', { timeout: 15000 });
  await run(page, 'docker build -t pic .', { timeout: 20000 });

  await selectTab(page, 'Build');
  await waitForSteps(page, ['built', 'built', 'built', 'built', 'built']);
  assert(await page.isVisible('[data-testid=build] .step .badge'), 'no step badges');

  // The picture follows the engine live: it is on screen while the next build runs.
  await run(page, "echo v2 > app.txt", { timeout: 5000 });
  await run(page, 'docker build -t pic .', { timeout: 20000 });
  const steps = await waitForSteps(page, ['cached', 'cached', 'cached', 'built', 'built']);
  assert(steps[0][0] === '[2/6] WORKDIR /pic', `first step is ${steps[0][0]}`);
  const badges = await page.$$eval('[data-testid=build] .step .badge', (b) => b.map((x) => x.textContent?.trim()));
  assert(badges.slice(0, 3).every((b) => b === 'CACHED'), `badges: ${badges.join(', ')}`);
  const [copyLabel, , copyReason] = steps[3];
  assert(copyLabel === '[5/6] COPY app.txt .' && /changed app\.txt/.test(copyReason), `COPY step: ${steps[3].join(' | ')}`);
  assert(/invalidated by \[5\/6\] COPY app\.txt \./.test(steps[4][2]), `RUN step: ${steps[4].join(' | ')}`);
  const invalidates = await page.textContent('[data-testid=build] .step.built .invalidates');
  assert(/\[6\/6\] RUN cat app\.txt/.test(invalidates ?? ''), `the COPY does not say what it invalidated: ${invalidates}`);

  // Editing the Dockerfile: a new last step is built, everything before it comes from the cache.
  await run(page, "echo 'RUN echo done' >> Dockerfile");
  await run(page, 'docker build -t pic .', { timeout: 20000 });
  const edited = await waitForSteps(page, ['cached', 'cached', 'cached', 'cached', 'cached', 'built']);
  assert(edited[5][0] === '[7/7] RUN echo done', `new step: ${edited[5].join(' | ')}`);

  // Earlier builds stay one choice away.
  const options = await page.$$eval('[data-testid=build] select option', (o) => o.map((x) => x.textContent?.trim() ?? ''));
  assert(options.length >= 3 && /\(latest\)/.test(options[0]), `build choices: ${options.join(' / ')}`);
  await page.selectOption('[data-testid=build] select', { index: 2 });
  await waitForSteps(page, ['built', 'built', 'built', 'built', 'built']);
  await page.selectOption('[data-testid=build] select', { index: 0 });
  await waitForSteps(page, ['cached', 'cached', 'cached', 'cached', 'cached', 'built']);
});

test('the images picture shows pic as its layers, the base layer marked as shared with alpine', async ({ page }) => {
  await selectTab(page, 'Images');
  const pic = page.locator('[data-testid=images] li.image[data-image="pic:latest"]');
  await pic.waitFor({ timeout: 5000 });
  // Top first: the six layers the build made over alpine's one.
  const layers = pic.locator('li.layer');
  assert((await layers.count()) === 7, `pic shows ${await layers.count()} layers`);
  const base = layers.last();
  assert(await base.evaluate((li) => li.classList.contains('shared')), 'the base layer is not marked shared');
  const mark = (await base.locator('.mark').textContent())?.trim();
  const alpineMark = (await page.locator('[data-testid=images] li.image[data-image="alpine:3.22"] li.layer .mark').first().textContent())?.trim();
  assert(mark && mark === alpineMark, `pic's base layer is marked ${mark}, alpine's ${alpineMark}`);
  const top = (await layers.first().locator('.by').textContent()) ?? '';
  assert(/RUN \/bin\/sh -c echo done/.test(top), `top layer: ${top}`);
  assert(/Efficiency \d+(\.\d+)? %/.test((await pic.locator('.efficiency').textContent()) ?? ''), 'no efficiency score');

  // Keyboard focus shows the layer's details, including who else has it.
  await base.locator('button.block').focus();
  const details = base.locator('.details');
  await details.waitFor({ state: 'visible', timeout: 2000 });
  const text = (await details.textContent()) ?? '';
  assert(/Also in: .*alpine:3\.22/.test(text) && /diffID [0-9a-f]{12}/.test(text), `details: ${text}`);
  await page.click('.xterm');
});
