import { describe, expect, it } from 'vitest';
import { TtyPrinter, type TtyOptions } from '../../../engine/build/progress/tty.ts';
import type { SolveStatus, Vertex } from '../../../engine/build/progress/types.ts';

const empty: SolveStatus = { vertexes: [], statuses: [], logs: [], warnings: [] };
const vertex = (v: Vertex): SolveStatus => ({ ...empty, vertexes: [v] });
const UP = '\x1b[1A';
const HIDE = '\x1b[?25l';
const SHOW = '\x1b[?25h';
const BLUE = '\x1b[34m';
const RESET = '\x1b[0m';

function setup(tty: TtyOptions['tty'], extra: Partial<TtyOptions> = {}) {
  const chunks: string[] = [];
  let now = 0;
  const p = new TtyPrinter({ out: { write: (t) => void chunks.push(t) }, tty, now: () => now, ...extra });
  const at = async (t: number, s: SolveStatus) => {
    now = t;
    await p.write(s);
  };
  const done = async (t: number) => {
    now = t;
    await p.done(t);
  };
  return { at, done, chunks };
}

/** A job row as display.go lays it out: name left, timer ending at the last column, then the newline. */
const row = (name: string, time: string, width: number) => `${` => ${name}`.padEnd(width - 7)}  ${time}s\n`;

describe('TtyPrinter', () => {
  it('draws in place: cursor up over the last frame, header, rows; finished rows blue; FINISHED at the end', async () => {
    const { at, done, chunks } = setup({ columns: 50, rows: 12 });
    await at(0, vertex({ id: 'a', name: '[1/2] FROM alpine', started: 0 }));
    expect(chunks).toEqual([`${UP}\x1b[1B\x1b[0G${HIDE}${'[+] Building 0.0s (0/1) '.padEnd(49)} \n${row('[1/2] FROM alpine', '0.0', 50)}${SHOW}`]);

    await at(1000, vertex({ id: 'a', name: '[1/2] FROM alpine', started: 0, completed: 1000 }));
    // The ticker's last redraw before the update, then the update's.
    expect(chunks[1]).toBe(
      `${UP}${UP}\x1b[0G${HIDE}${'[+] Building 0.9s (0/1) '.padEnd(49)} \n${row('[1/2] FROM alpine', '0.9', 50)}${SHOW}` +
        `${UP}${UP}\x1b[0G${HIDE}${'[+] Building 1.0s (1/1) '.padEnd(49)} \n${BLUE}${row('[1/2] FROM alpine', '1.0', 50)}${RESET}${SHOW}`,
    );

    await done(1000);
    expect(chunks[2]).toBe(`${UP}${UP}\x1b[0G${HIDE}${'[+] Building 1.0s (1/1) FINISHED'.padEnd(49)} \n${BLUE}${row('[1/2] FROM alpine', '1.0', 50)}${RESET}${SHOW}`);
  });

  it("shows a running step's last output rows, faint, and blanks them out when it ends", async () => {
    const { at, chunks } = setup({ columns: 40, rows: 20 });
    await at(0, vertex({ id: 'a', name: 'RUN x', started: 0 }));
    await at(200, { ...empty, logs: [{ vertex: 'a', stream: 1, data: 'one\ntwo\n', timestamp: 200 }] });
    const faint = (s: string) => `\x1b[2m => => # ${s.padEnd(30)}\n${RESET}`;
    expect(chunks[1]).toContain(`${row('RUN x', '0.2', 40)}${faint('one')}${faint('two')}${SHOW}`);

    await at(300, vertex({ id: 'a', name: 'RUN x', started: 0, completed: 300 }));
    expect(chunks[2]).toBe(
      `${UP.repeat(4)}\x1b[0G${HIDE}${'[+] Building 0.3s (1/1) '.padEnd(39)} \n${BLUE}${row('RUN x', '0.3', 40)}${RESET}` +
        `${' '.repeat(40)}\n${' '.repeat(40)}\n\x1b[2A\x1b[0G${SHOW}`,
    );
  });

  it('leaves the output out when the terminal has too few rows for it', async () => {
    const { at, chunks } = setup({ columns: 40, rows: 10 });
    await at(0, vertex({ id: 'a', name: 'RUN x', started: 0 }));
    await at(200, { ...empty, logs: [{ vertex: 'a', stream: 1, data: 'one\n', timestamp: 200 }] });
    expect(chunks.join('')).not.toContain('=> => #');
  });

  it('keeps running rows on screen when the list is too long, dropping finished ones', async () => {
    const { at, chunks } = setup({ columns: 40, rows: 6 }, { colors: {} });
    await at(0, vertex({ id: 'run', name: 'RUNNING', started: 0 }));
    for (let i = 2; i <= 6; i++) await at(i * 100, vertex({ id: `d${i}`, name: `DONE${i}`, started: i * 100, completed: i * 100 }));
    const last = chunks[chunks.length - 1]!;
    const rows = [...last.matchAll(/ => (\S+)/g)].map((m) => m[1]);
    expect(rows).toEqual(['RUNNING', 'DONE4', 'DONE5', 'DONE6']);
  });

  it('colours cancelled rows yellow and failed ones red, and cuts rows to the width', async () => {
    const { at, done, chunks } = setup({ columns: 40, rows: 20, redraws: false }, { desc: 'docker:default' });
    await at(0, vertex({ id: 'a', name: '[a 1/1] RUN a-very-long-command-that-does-not-fit', started: 0, completed: 100, error: 'exit code: 1' }));
    await at(100, vertex({ id: 'b', name: '[b 1/1] RUN b', started: 0, completed: 100, canceled: true }));
    expect(chunks).toEqual([]);
    await done(100);
    expect(chunks.join('')).toBe(
      // The header is cut at the width; a name gets what is left after the prefix and the timer (29 columns here).
      '[+] Building 0.1s (2/2) FINISHED docker:\n' +
        `\x1b[31m${row('ERROR [a 1/1] RUN a-very-long', '0.1', 40)}${RESET}` +
        `\x1b[33m${row('CANCELED [b 1/1] RUN b', '0.1', 40)}${RESET}` +
        '------\n > [a 1/1] RUN a-very-long-command-that-does-not-fit:\n------\n',
    );
  });

  it('skips rows when the terminal is too narrow to show them', async () => {
    const { at, done, chunks } = setup({ columns: 20, rows: 20, redraws: false }, { desc: 'docker:default' });
    await at(0, vertex({ id: 'a', name: 'A', started: 0, completed: 0 }));
    await done(0);
    expect(chunks.join('')).toBe('[+] Building 0.0s (1\n');
  });
});
