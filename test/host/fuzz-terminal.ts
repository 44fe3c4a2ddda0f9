import { expect } from 'vitest';
import type { Machine, Terminal } from '../../engine/api.ts';
import { createMachine } from '../../engine/index.ts';
import { leakIn } from '../property.ts';

/** Runs `line` and checks what any command line must give: an exit status 0..255 and output free of JavaScript. */
export async function runClean(terminal: Terminal, line: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  expect(Number.isInteger(code) && code >= 0 && code <= 255, `exit status ${code} of ${line}`).toBe(true);
  expect(leakIn(out), `${line}\n${out}`).toBeUndefined();
  return { code, out };
}

/** `word` as one shell word, whatever it holds. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A machine with something to act on (images, a running and a stopped container, a volume, a network), made once
 * and handed out as fresh copies from its snapshot (a container that was running comes back exited, as after a
 * daemon restart).
 */
export async function machineWithObjects(): Promise<() => Machine> {
  const base = createMachine({ mode: 'headless', project: [{ path: 'Dockerfile', type: 'file', content: 'FROM alpine\nRUN echo hi > /hi\n' }] });
  const terminal = base.openTerminal();
  for (const line of [
    'docker pull -q alpine',
    'docker pull -q nginx',
    'docker build -q -t mine:1 .',
    'docker volume create data',
    'docker network create net',
    'docker run -d --name web -p 8080:80 -v data:/data --network net nginx',
    'docker create --name idle alpine echo hi',
  ]) {
    expect((await runClean(terminal, line)).code, line).toBe(0);
  }
  const snapshot = base.snapshot();
  return () => {
    const machine = createMachine({ mode: 'headless' });
    machine.restore(snapshot);
    return machine;
  };
}
