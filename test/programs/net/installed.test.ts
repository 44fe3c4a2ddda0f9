import { describe, expect, it } from 'vitest';
import { createMachine, type Terminal } from '../../../engine/index.ts';

async function run(terminal: Terminal, line: string) {
  let out = '';
  const code = await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, out };
}

describe('ping where the image has it', () => {
  it('Debian has none until apt installs iputils-ping, whose ping is iputils', async () => {
    const t = createMachine({ mode: 'headless' }).openTerminal();
    expect((await run(t, 'docker run --rm debian ping -c 1 localhost')).code).toBe(127);
    const r = await run(t, "docker run --rm debian sh -c 'apt-get update >/dev/null 2>&1; apt-get install -y iputils-ping >/dev/null 2>&1; ping -c 1 localhost'");
    expect(r.out).toMatch(/^PING localhost \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n64 bytes from localhost \(127\.0\.0\.1\): icmp_seq=1 ttl=64 time=\d\.\d{3} ms\n/);
    expect(r.code).toBe(0);
  });
});
