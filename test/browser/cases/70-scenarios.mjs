import { readFile } from 'node:fs/promises';
import { test, assert, run, waitFor, waitForPrompt } from '../harness.mjs';

/**
 * Scenarios in the page: the list, a scenario opened by its link, its checklist turning done as its solution runs,
 * what a reload keeps, the attempt's export, and a hostile lesson made harmless. Cases that change storage or the
 * URL open a context of their own; the shared page only opens and closes the list.
 */

/** A bundled scenario whose solution is quick to run in the page. */
const SCENARIO = process.env.SCENARIO ?? 'persist-with-volume';

async function openPage(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  // A scenario's machine starts with its images pulled and its containers' programs loading: allow for that.
  page.setDefaultTimeout(15000);
  const problems = [];
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
  const done = async () => {
    await context.close();
    assert(problems.length === 0, problems.join('\n'));
  };
  return { context, page, done, url };
}

async function goto(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  await waitForPrompt(page, 30000);
}

/** Each task's id and status as the checklist shows them. */
async function tasks(page) {
  return page.$$eval('[data-testid=tasks] > li', (items) => items.map((li) => [li.dataset.task, li.dataset.status]));
}

async function waitForTasks(page, check, what, timeout = 30000) {
  let last = [];
  await waitFor(
    what,
    async () => {
      last = await tasks(page);
      return last.length > 0 && check(last);
    },
    timeout,
  ).catch((e) => {
    throw new Error(`${e.message}; the checklist shows:\n${last.map((t) => `    ${t.join(' ')}`).join('\n')}`);
  });
  return last;
}

test('scenarios: the list opens from the lesson panel, and Escape closes it', async ({ page }) => {
  await waitForPrompt(page, 15000);
  await page.click('[data-testid=scenarios-button]');
  const dialog = await page.waitForSelector('[data-testid=scenario-list][open]', { timeout: 15000 });
  await page.waitForSelector(`[data-testid=scenario-list] button[data-scenario=${SCENARIO}]`, { timeout: 15000 });
  const items = await page.$$eval('[data-testid=scenario-list] button[data-scenario]', (bs) => bs.map((b) => b.textContent ?? ''));
  assert(items.length >= 1, 'the list is empty');
  assert(items.every((t) => /not started|in progress|solved/.test(t)), `an item has no progress:\n${items.join('\n')}`);
  // The sandbox is the page's current session and says so.
  assert((await page.getAttribute('[data-testid=scenario-list] button[data-sandbox]', 'aria-current')) === 'page', 'the sandbox is not marked current');
  await page.keyboard.press('Escape');
  await waitFor('the list to close', async () => (await dialog.isVisible()) === false);
  await waitForPrompt(page);
});

test('scenarios: a link opens a scenario; its solution turns every task done; a reload keeps it; the attempt exports', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser);
  try {
    await goto(page, `${baseUrl}#scenario=${SCENARIO}`);
    await page.waitForSelector(`[data-testid=scenario][data-scenario=${SCENARIO}]`, { timeout: 15000 });
    const start = await waitForTasks(page, (t) => t.every(([, s]) => s !== 'pending'), 'the first check');
    assert(start.every(([, s]) => s !== 'done'), `a task is done before anything was typed: ${JSON.stringify(start)}`);

    // A command typed by hand is recorded like any other.
    await run(page, 'docker ps');
    page.once('dialog', (d) => d.accept());
    await page.click('button:has-text("Show solution")');
    await page.waitForSelector('[data-testid=solution]');
    await page.click('[data-testid=solution] button:has-text("Run")');
    await waitForTasks(page, (t) => t.every(([, s]) => s === 'done' || s === 'needs-check'), 'the live checklist to pass', 60000);
    await page.click('button:has-text("Check my work")');
    await waitForTasks(page, (t) => t.every(([, s]) => s === 'done'), 'every task done after Check my work', 60000);
    const announced = await page.textContent('[data-testid=task-announcer]');
    assert(/Task done: /.test(announced ?? ''), `the live region says: ${announced}`);
    await page.waitForSelector('[data-testid=scenario-progress][data-progress=solution-shown]');

    await page.waitForSelector('[data-testid=session-menu][data-unsaved=false]', { timeout: 15000 });
    await page.reload({ waitUntil: 'load' });
    await waitForPrompt(page, 30000);
    await page.waitForSelector(`[data-testid=scenario][data-scenario=${SCENARIO}]`);
    await page.waitForSelector('[data-testid=scenario-progress][data-progress=solution-shown]');
    // A reload is a daemon restart for the machine: containers come back stopped (no restart policy), so tasks that
    // need them running are not done any more; the machine's state and the attempt (exported below) are kept.
    await waitForTasks(page, (t) => t.every(([, s]) => s !== 'pending'), 'the checklist after the reload');
    const names = await run(page, "docker ps -a --format '{{.Names}}'");
    assert(names.split('\n').length >= 1 && names.trim() !== '', `no containers after the reload:\n${names}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export attempt")')]);
    assert(download.suggestedFilename() === `${SCENARIO}.dockyard-attempt`, `the file is named ${download.suggestedFilename()}`);
    const attempt = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert(attempt.format === 'dockyard-attempt' && attempt.version === 1 && attempt.scenario === SCENARIO, `header: ${JSON.stringify({ ...attempt, events: undefined })}`);
    const lines = attempt.events.filter((e) => e.type === 'command').map((e) => e.line);
    assert(lines[0] === 'docker ps', `the first command is ${lines[0]}`);
    assert(lines.length > 1, `the solution's commands are missing: ${JSON.stringify(lines)}`);
    assert(attempt.events.some((e) => e.type === 'solution'), 'the solution shown is not recorded');
    assert(attempt.events.every((e, i, all) => i === 0 || e.at >= all[i - 1].at), 'times go backwards');

    // The list shows the progress too.
    await page.click('[data-testid=scenarios-button]');
    const item = await page.waitForSelector(`[data-testid=scenario-list] button[data-scenario=${SCENARIO}]`, { timeout: 15000 });
    assert(/solved with solution shown/.test((await item.textContent()) ?? ''), 'the list does not show the progress');
    // Back to the sandbox: its own session, not the scenario's.
    await page.click('[data-testid=scenario-list] button[data-sandbox]');
    await waitFor('the sandbox', async () => page.url().endsWith('#sandbox') && (await page.isVisible('#lesson-title')));
    await waitForPrompt(page, 30000);
  } finally {
    await done();
  }
});

test('scenarios: an unknown scenario in the link says so and opens the sandbox', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser);
  try {
    await goto(page, `${baseUrl}#scenario=no-such-scenario`);
    const text = await (await page.waitForSelector('[data-panel=lesson] [role=alert]', { timeout: 15000 })).textContent();
    assert(/no scenario “no-such-scenario”/.test(text ?? ''), `the message says: ${text}`);
    await page.waitForSelector('#lesson-title:has-text("Sandbox")');
  } finally {
    await done();
  }
});

test('scenarios: a lesson with script-injection payloads renders inert', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // The scenario's YAML reaches the page as a JS module exporting its text: put hostile markdown into its lesson.
  const payload = [
    '<img src=x onerror="window.__pwned = 1; alert(1)">',
    '[click me](javascript:alert(2))',
    '<script>window.__pwned = 2; alert(3)</script>',
    '<a href="#" onclick="alert(4)">handler</a> <iframe src="javascript:alert(5)"></iframe>',
    '<svg onload="alert(6)"><circle r="1"/></svg>',
    'INJECTED-END',
  ];
  let patched = false;
  await page.route('**/*.js', async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    // Vite writes the text as a template literal (real newlines) or a quoted string (`\n`): keep to its form.
    const m = /lesson: \|(\n|\\n) {2}/.exec(body);
    if (body.includes(`id: ${SCENARIO}`) && m) {
      const nl = m[1];
      const quoted = nl === '\\n' ? (text) => text.replace(/["'\\]/g, (c) => `\\${c}`) : (text) => text;
      body = body.replace(m[0], () => `lesson: |${nl}  ${quoted(payload.join(`${nl}${nl}  `))}${nl}${nl}  `);
      patched = true;
    }
    await route.fulfill({ response, body });
  });
  try {
    await goto(page, `${baseUrl}#scenario=${SCENARIO}`);
    await page.waitForSelector('[data-testid=lesson-text]:has-text("INJECTED-END")', { timeout: 15000 });
    assert(patched, 'the scenario file was not found to patch');
    await page.waitForTimeout(500);
    const found = await page.$$eval('[data-testid=lesson-text]', ([el]) => ({
      scripts: el.querySelectorAll('script, iframe, img, svg').length,
      handlers: [...el.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
      jsLinks: [...el.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
      text: el.textContent,
    }));
    assert(found.scripts === 0 && found.handlers === 0 && found.jsLinks === 0, `dangerous markup survived: ${JSON.stringify(found)}`);
    await page.click('[data-testid=lesson-text] >> text=click me').catch(() => {});
    assert(dialogs.length === 0, `dialogs opened: ${dialogs.join(', ')}`);
    assert((await page.evaluate(() => window.__pwned)) === undefined, 'an injected script ran');
  } finally {
    await done();
  }
});
