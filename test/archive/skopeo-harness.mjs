// What both skopeo checks share: running skopeo, and counting checks into the closing `N passed, M failed` line.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export const sha256 = (bytes) => 'sha256:' + createHash('sha256').update(bytes).digest('hex');
export const skopeo = (...args) => execFileSync('skopeo', args, { encoding: 'buffer', stdio: ['ignore', 'pipe', 'pipe'] });
export const skopeoJson = (...args) => JSON.parse(skopeo(...args).toString('utf8'));

let passed = 0;
let failed = 0;

export function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    const detail = e.stderr?.length ? e.stderr.toString().trim() : e.message;
    console.log(`FAIL ${name}\n     ${detail.split('\n').join('\n     ')}`);
  }
}

export function same(actual, wanted, what) {
  const a = JSON.stringify(actual);
  const w = JSON.stringify(wanted);
  if (a !== w) throw new Error(`${what}: got ${a}, want ${w}`);
}

/** Stops with a failed count when skopeo is missing (CI installs it; see .ci/run). */
export function requireSkopeo() {
  if (spawnSync('skopeo', ['--version']).status !== 0) {
    console.log('0 passed, 1 failed (skopeo is not installed: apt-get install -y skopeo)');
    process.exit(1);
  }
}

export function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}
