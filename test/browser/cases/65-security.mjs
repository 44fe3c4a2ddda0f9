import { test, assert, waitForPrompt } from '../harness.mjs';

// The Content-Security-Policy in index.html, as the built site ships it: no inline scripts, no eval (QuickJS is
// WebAssembly: 'wasm-unsafe-eval' only), nothing fetched from another origin.

/** The policy's directives by name, from the built page's meta tag. */
function directives(html) {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (!meta) return undefined;
  return new Map(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test('security: the built page keeps its CSP and carries no inline script', async ({ baseUrl }) => {
  const html = await (await fetch(baseUrl)).text();
  const csp = directives(html);
  assert(csp, `no Content-Security-Policy meta in the built index.html:\n${html}`);
  const scripts = csp.get('script-src') ?? [];
  assert(scripts.includes("'self'") && !scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), `script-src is ${scripts.join(' ')}`);
  assert(scripts.every((s) => ["'self'", "'wasm-unsafe-eval'"].includes(s)), `script-src allows more than the site and WebAssembly: ${scripts.join(' ')}`);
  for (const name of ['default-src', 'connect-src']) assert((csp.get(name) ?? []).join(' ') === "'self'", `${name} is ${(csp.get(name) ?? []).join(' ')}`);
  assert((csp.get('object-src') ?? []).join(' ') === "'none'", `object-src is ${(csp.get('object-src') ?? []).join(' ')}`);
  for (const [name, sources] of csp) assert(!sources.some((s) => /^(https?:|\*)/.test(s)), `${name} names an outside origin: ${sources.join(' ')}`);
  // Every script is a file of the site: Vite must not have inlined one (its module-preload polyfill, for one).
  const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert(tags.length > 0, 'no script tag at all');
  for (const [tag, attrs, body] of tags) assert(/\bsrc=/.test(attrs) && body.trim() === '', `an inline script: ${tag}`);
});

test('security: the page loads without a CSP violation, and the policy blocks and reports an injected script, eval and an outside origin', async ({ browser, baseUrl }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI || 'inline'}`));
    });
    await page.goto(baseUrl, { waitUntil: 'load' });
    await waitForPrompt(page, 15000);
    const atLoad = await page.evaluate(() => window.__violations.slice());
    assert(atLoad.length === 0, `violations while loading:\n${atLoad.join('\n')}`);

    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__ran = "inline script"';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="./favicon.svg" onload="window.__ran = \'handler\'">';
      document.body.append(holder);
      // Later, as the page's own task: DevTools' evaluation (this function) is itself exempt from the eval rule.
      const evaluated = await new Promise((resolve) =>
        setTimeout(() => {
          try {
            resolve(String(eval('1 + 1')));
          } catch (e) {
            resolve(e.name);
          }
        }),
      );
      let fetched = 'fetched';
      try {
        await fetch('https://example.com/dockyard-csp-check');
      } catch (e) {
        fetched = e.name;
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      holder.remove();
      script.remove();
      return { ran: window.__ran ?? 'nothing', evaluated, fetched, violations: window.__violations.slice() };
    });
    assert(outcome.ran === 'nothing', `an injected script ran: ${outcome.ran}`);
    assert(outcome.evaluated === 'EvalError', `eval gave ${outcome.evaluated}`);
    assert(outcome.fetched === 'TypeError', `the outside fetch gave ${outcome.fetched}`);
    const seen = (prefix) => outcome.violations.some((v) => v.startsWith(prefix));
    for (const directive of ['script-src-elem inline', 'script-src-attr inline', 'script-src eval', 'connect-src https://example.com']) {
      assert(seen(directive), `no "${directive}" violation reported; got:\n${outcome.violations.join('\n')}`);
    }
    // The page still works after all that.
    await waitForPrompt(page, 5000);
    assert(errors.length === 0, errors.join('\n'));
  } finally {
    await context.close();
  }
});
