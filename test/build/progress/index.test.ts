import { describe, expect, it } from 'vitest';
import { newDisplay, PlainPrinter, QuietPrinter, RawJsonPrinter, TtyPrinter } from '../../../engine/build/progress/index.ts';

const tty = { columns: 80, rows: 24 };
const sink = { write: () => {} };

describe('newDisplay', () => {
  it('picks the TTY view on a terminal and plain text elsewhere for auto', () => {
    expect(newDisplay('auto', { out: { ...sink, tty } })).toBeInstanceOf(TtyPrinter);
    expect(newDisplay('auto', { out: sink })).toBeInstanceOf(PlainPrinter);
    expect(newDisplay('plain', { out: { ...sink, tty } })).toBeInstanceOf(PlainPrinter);
  });

  it('lets BUILDKIT_PROGRESS choose when the flag was left at auto', () => {
    expect(newDisplay('auto', { out: { ...sink, tty }, env: { BUILDKIT_PROGRESS: 'plain' } })).toBeInstanceOf(PlainPrinter);
    expect(newDisplay('tty', { out: { ...sink, tty }, env: { BUILDKIT_PROGRESS: 'plain' } })).toBeInstanceOf(TtyPrinter);
  });

  it('has quiet and rawjson modes', () => {
    expect(newDisplay('quiet', { out: sink })).toBeInstanceOf(QuietPrinter);
    expect(newDisplay('rawjson', { out: sink })).toBeInstanceOf(RawJsonPrinter);
  });

  it('names the builder in the plain #0 line', async () => {
    let out = '';
    const p = newDisplay('plain', { out: { write: (t: string) => void (out += t) }, builder: { name: 'mybuilder', driver: 'docker-container' } });
    await p.write({ vertexes: [{ id: 'a', name: 'A', started: 0, completed: 0 }], statuses: [], logs: [], warnings: [] });
    await p.done(0);
    expect(out.split('\n')[0]).toBe('#0 building with "mybuilder" instance using docker-container driver');
  });
});
