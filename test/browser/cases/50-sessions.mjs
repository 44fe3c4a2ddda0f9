import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, run, show, rows, waitFor, waitForPrompt } from '../harness.mjs';

// Each case runs in a browser context of its own (its own IndexedDB), so the shared page and its storage are untouched.

/** A fresh context and page on the site, with the runner's rules: any console error, failed request or CSP violation fails the case. */
async function openPage(browser, baseUrl) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  await page.goto(baseUrl, { waitUntil: 'load' });
  await waitForPrompt(page, 15000);
  const done = async () => {
    await context.close();
    assert(problems.length === 0, problems.join('\n'));
  };
  return { context, page, done };
}

/** Waits until every command so far is in IndexedDB. */
async function saved(page) {
  await page.waitForSelector('[data-testid=session-menu][data-unsaved=false]', { timeout: 10000 });
}

async function menu(page, item) {
  await page.click('[data-testid=session-menu] button[aria-haspopup=menu]');
  await page.click(`[role=menu] [role=menuitem]:has-text("${item}")`);
}

test('sessions: a reload brings back files and volumes', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser, baseUrl);
  try {
    await run(page, 'echo kept-across-reload > notes.txt');
    await run(page, 'docker volume create v1');
    await saved(page);
    await page.reload({ waitUntil: 'load' });
    await waitForPrompt(page, 15000);
    const cat = await run(page, 'cat notes.txt');
    assert(cat === 'kept-across-reload', `cat after reload:\n${cat}`);
    const volumes = await run(page, 'docker volume ls');
    assert(/^local\s+v1$/m.test(volumes), `docker volume ls after reload:\n${volumes}`);
  } finally {
    await done();
  }
});

test('sessions: undo takes back the last command, and is disabled with nothing to undo', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser, baseUrl);
  try {
    await page.click('[data-testid=session-menu] button[aria-haspopup=menu]');
    assert(await page.isDisabled('[role=menuitem]:has-text("Undo last command")'), 'undo is enabled on a fresh machine');
    await page.keyboard.press('Escape');
    await run(page, 'echo first > a.txt');
    await run(page, 'docker volume create undone');
    await menu(page, 'Undo last command');
    await page.waitForSelector('[role=status]:has-text("Undid")');
    const volumes = await run(page, 'docker volume ls -q');
    assert(!/undone/.test(volumes), `the volume is still there after undo:\n${volumes}`);
    const cat = await run(page, 'cat a.txt');
    assert(cat === 'first', `the command before the undone one lost its effect:\n${cat}`);
  } finally {
    await done();
  }
});

test('sessions: reset gives a fresh machine after confirmation', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser, baseUrl);
  try {
    await run(page, 'echo doomed > doomed.txt');
    page.once('dialog', (d) => d.dismiss());
    await menu(page, 'Reset machine');
    assert((await run(page, 'cat doomed.txt')) === 'doomed', 'a dismissed confirmation still reset the machine');
    page.once('dialog', (d) => d.accept());
    await menu(page, 'Reset machine');
    await page.waitForSelector('[role=status]:has-text("reset")');
    await waitForPrompt(page, 15000);
    const cat = await run(page, 'cat doomed.txt');
    assert(/No such file or directory/.test(cat), `after reset:\n${cat}`);
    await saved(page);
    await page.reload({ waitUntil: 'load' });
    await waitForPrompt(page, 15000);
    assert(/No such file/.test(await run(page, 'cat doomed.txt')), 'the reset was not saved');
  } finally {
    await done();
  }
});

test('sessions: a broken save gives a message, a working terminal and the bad save to download', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser, baseUrl);
  try {
    await run(page, 'echo soon-broken > b.txt');
    await saved(page);
    const garbage = await page.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('dockyard');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = () => db.transaction('session', 'readwrite').objectStore('session');
      const pointer = await new Promise((resolve) => {
        const r = store().get('current');
        r.onsuccess = () => resolve(r.result);
      });
      const bytes = new TextEncoder().encode('DOCKYARD-SESSION this is not a real save at all');
      await new Promise((resolve, reject) => {
        const tx = db.transaction('session', 'readwrite');
        tx.objectStore('session').put(bytes, pointer.key);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return [...bytes];
    });
    await page.reload({ waitUntil: 'load' });
    const alert = await page.waitForSelector('[data-testid=session-notices] [role=alert]', { timeout: 15000 });
    const text = (await alert.textContent()) ?? '';
    assert(/could not be restored/.test(text) && /fresh machine/.test(text), `the message says:\n${text}`);
    await waitForPrompt(page, 15000);
    const cat = await run(page, 'cat b.txt; echo works');
    assert(/No such file/.test(cat) && /^works$/m.test(cat), `the fresh terminal shows:\n${cat}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download the damaged save")')]);
    assert(/^dockyard-damaged-session-\d{8}-\d{4}\.dockyard$/.test(download.suggestedFilename()), `named ${download.suggestedFilename()}`);
    const kept = await readFile(await download.path());
    assert(Buffer.compare(kept, Buffer.from(garbage)) === 0, 'the downloaded save is not the damaged one');
    await page.click('[role=alert] button:has-text("Dismiss")');
    assert((await page.$('[data-testid=session-notices] [role=alert]')) === null, 'the message did not go away');
  } finally {
    await done();
  }
});

test('sessions: a save cut short brings back the one before it after a reload', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser, baseUrl);
  try {
    await run(page, 'echo one > f.txt');
    await saved(page);
    await run(page, 'echo two > f.txt');
    await saved(page);
    // The newest save loses its second half, as a write cut off by a crash or a full disk could leave it.
    const lengths = await page.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('dockyard');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = (key) =>
        new Promise((resolve) => {
          const r = db.transaction('session').objectStore('session').get(key);
          r.onsuccess = () => resolve(r.result);
        });
      const pointer = await get('current');
      const bytes = await get(pointer.key);
      await new Promise((resolve, reject) => {
        const tx = db.transaction('session', 'readwrite');
        tx.objectStore('session').put(bytes.slice(0, bytes.length >> 1), pointer.key);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return { whole: bytes.length, hasPrevious: typeof pointer.previous === 'string' };
    });
    assert(lengths.hasPrevious, 'the pointer names no previous save');
    await page.reload({ waitUntil: 'load' });
    const alert = await page.waitForSelector('[data-testid=session-notices] [role=alert]', { timeout: 15000 });
    const text = (await alert.textContent()) ?? '';
    assert(/could not be restored/.test(text) && /brought back the save before it/.test(text), `the message says:\n${text}`);
    await waitForPrompt(page, 15000);
    const cat = await run(page, 'cat f.txt');
    assert(cat === 'one', `the restored session shows:\n${cat}`);
    // The good save is the current one now: another reload comes back to it without a message.
    await saved(page);
    await page.reload({ waitUntil: 'load' });
    await waitForPrompt(page, 15000);
    assert((await page.$('[data-testid=session-notices] [role=alert]')) === null, 'a message after the second reload');
    assert((await run(page, 'cat f.txt')) === 'one', 'the second reload lost the session');
  } finally {
    await done();
  }
});

test('sessions: export then import brings a session back; a bad file changes nothing', async ({ browser, baseUrl }) => {
  const { page, done } = await openPage(browser, baseUrl);
  try {
    await run(page, 'echo exported > e.txt');
    await run(page, 'docker volume create exported-volume');
    const [download] = await Promise.all([page.waitForEvent('download'), menu(page, 'Export session')]);
    assert(/^dockyard-session-\d{8}-\d{4}\.dockyard$/.test(download.suggestedFilename()), `named ${download.suggestedFilename()}`);
    const file = join(tmpdir(), `dockyard-test-${process.pid}.dockyard`);
    await download.saveAs(file);

    page.once('dialog', (d) => d.accept());
    await menu(page, 'Reset machine');
    await waitForPrompt(page, 15000);
    assert(/No such file/.test(await run(page, 'cat e.txt')), 'reset kept the file');

    const bad = join(tmpdir(), `dockyard-test-${process.pid}-bad.dockyard`);
    await writeFile(bad, 'not a session');
    await run(page, 'echo current > current.txt');
    const [badChooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, 'Import session')]);
    await badChooser.setFiles(bad);
    const alert = await page.waitForSelector('[role=alert]:has-text("could not be imported")');
    assert(/not a Dockyard session file/.test((await alert.textContent()) ?? ''), `the message says: ${await alert.textContent()}`);
    assert((await run(page, 'cat current.txt')) === 'current', 'a bad import changed the session');

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), menu(page, 'Import session')]);
    await chooser.setFiles(file);
    await page.waitForSelector('[role=status]:has-text("Imported")');
    await waitForPrompt(page, 15000);
    const cat = await run(page, 'cat e.txt');
    assert(cat === 'exported', `after import:\n${cat}\n${show(await rows(page))}`);
    const volumes = await run(page, 'docker volume ls -q');
    assert(/^exported-volume$/m.test(volumes), `volumes after import:\n${volumes}`);
    await waitFor('the import to be saved', async () => (await page.$('[data-testid=session-menu][data-unsaved=false]')) !== null, 10000);
  } finally {
    await done();
  }
});

test('sessions: without IndexedDB the page says work will not be kept, and the terminal works', async ({ browser, baseUrl }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    // As in a private window that refuses storage: opening the database fails.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
      };
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(baseUrl, { waitUntil: 'load' });
    const alert = await page.waitForSelector('[data-testid=session-notices] [role=alert]', { timeout: 15000 });
    assert(/will not be kept/.test((await alert.textContent()) ?? ''), `the message says: ${await alert.textContent()}`);
    await waitForPrompt(page, 15000);
    assert((await run(page, 'echo still-works')) === 'still-works', 'the terminal does not work');
    assert(errors.length === 0, errors.join('\n'));
  } finally {
    await context.close();
  }
});

test('sessions: a full storage is reported once, the session keeps working, and the notice goes when saving works again', async ({ browser, baseUrl }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(baseUrl, { waitUntil: 'load' });
    await waitForPrompt(page, 15000);
    await page.evaluate(() => (window.__storageFull = true));
    await run(page, 'echo one > one.txt');
    await page.waitForSelector('[role=alert]:has-text("storage for this page is full")', { timeout: 10000 });
    await run(page, 'echo two > two.txt');
    await page.waitForTimeout(500);
    // Other panels keep empty live regions (role=alert) for their own messages: count the session's notices.
    const alerts = await page.$$('[data-testid=session-notices] [role=alert]');
    assert(alerts.length === 1, `${alerts.length} notices for one full storage`);
    assert((await run(page, 'cat one.txt two.txt')) === 'one\ntwo', 'the session stopped working');
    await page.evaluate(() => (window.__storageFull = false));
    await run(page, 'echo three > three.txt');
    await page.waitForSelector('[data-testid=session-menu][data-unsaved=false]', { timeout: 10000 });
    assert((await page.$('[data-testid=session-notices] [role=alert]')) === null, 'the notice stayed after a save worked');
    assert(errors.length === 0, errors.join('\n'));
  } finally {
    await context.close();
  }
});
