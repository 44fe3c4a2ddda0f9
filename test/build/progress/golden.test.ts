/// <reference types="vite/client" />
// Data cases: each folder under testdata/ holds events.json (the SolveStatus updates a build sends, each with the
// virtual time it arrives at, and the error the build ends with, if any) and what buildx prints for them on stderr:
// plain.txt for --progress=plain, tty.txt for the TTY view on a terminal that cannot redraw (the final frame, no
// colours). The expected texts were worked out from BuildKit's printer.go/display.go and buildx's error printing,
// not taken from these printers.
import { describe, expect, it } from 'vitest';
import { dockerfileErrorDisplay, type DockerfileError } from '../../../engine/build/progress/error-display.ts';
import { builderDescription, PlainPrinter } from '../../../engine/build/progress/plain.ts';
import { TtyPrinter } from '../../../engine/build/progress/tty.ts';
import type { SolveStatus } from '../../../engine/build/progress/types.ts';
import { warningsSummary } from '../../../engine/build/progress/warnings.ts';

interface Case {
  readonly tty: { readonly columns: number; readonly rows: number };
  readonly updates: readonly (Partial<SolveStatus> & { readonly at: number })[];
  readonly done: number;
  readonly error?: DockerfileError;
}

const files = import.meta.glob('./testdata/*/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const cases = new Map<string, Record<string, string>>();
for (const [path, text] of Object.entries(files)) {
  const [, name, file] = /^\.\/testdata\/([^/]+)\/(.+)$/.exec(path)!;
  cases.set(name!, { ...cases.get(name!), [file!]: text });
}

async function run(c: Case, make: (out: { write(t: string): void }, now: () => number) => PlainPrinter | TtyPrinter) {
  let text = '';
  let clock = 0;
  const printer = make({ write: (t) => void (text += t) }, () => clock);
  for (const u of c.updates) {
    clock = u.at;
    await printer.write({ vertexes: u.vertexes ?? [], statuses: u.statuses ?? [], logs: u.logs ?? [], warnings: u.warnings ?? [] });
  }
  clock = c.done;
  await printer.done(c.done);
  text += warningsSummary(printer.warnings(), { mode: 'plain' });
  if (c.error) text += dockerfileErrorDisplay(c.error);
  return text;
}

describe('progress printers (testdata)', () => {
  it('has cases', () => expect(cases.size).toBeGreaterThan(0));
  for (const [name, f] of [...cases].sort(([a], [b]) => a.localeCompare(b))) {
    const c = JSON.parse(f['events.json']!) as Case;
    const desc = builderDescription();

    it(`${name}: plain`, async () => {
      const actual = await run(c, (out, now) => new PlainPrinter({ out, desc: desc.text, now }));
      expect(actual).toBe(f['plain.txt']);
    });

    it(`${name}: tty`, async () => {
      const tty = { ...c.tty, redraws: false };
      const actual = await run(c, (out, now) => new TtyPrinter({ out, tty, desc: desc.console, colors: {}, now }));
      expect(actual).toBe(f['tty.txt']);
    });
  }
});
