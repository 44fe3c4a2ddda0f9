import { describe, expect, it } from 'vitest';
import { dump, parseDockerfile, parseDockerfileSliced } from '../../../engine/dockerfile/parser/index.ts';
import { parse, parseSliced } from '../../../engine/dockerfile/instructions/index.ts';

const labels = (n: number, tag = '') => ['FROM alpine', ...Array.from({ length: n }, (_, i) => `LABEL l${i}="value ${i}${tag}"`)].join('\n') + '\n';

describe('parsing a huge Dockerfile in slices', () => {
  it('pauses every few thousand instructions and gives the tree parseDockerfile gives', async () => {
    let pauses = 0;
    const text = labels(10_000);
    const sliced = await parseDockerfileSliced(text, async () => void pauses++);
    expect(pauses).toBeGreaterThanOrEqual(4);
    // Another text with the same instructions, so the remembered tree is not simply handed back.
    const whole = parseDockerfile(text + '\n');
    expect(whole).not.toBe(sliced);
    expect(dump(sliced.ast)).toBe(dump(whole.ast));
  });

  it('types the instructions in slices too, with the same stages', async () => {
    let pauses = 0;
    const ast = parseDockerfile(labels(10_000, '!')).ast;
    const typed = await parseSliced(ast, async () => void pauses++);
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(typed.stages[0]!.commands).toHaveLength(10_000);
    expect(parse(parseDockerfile(labels(10_000, '!') + '\n').ast)).toEqual(typed);
  });

  it('remembers the last file and its typed tree: a build reads them three times, parses once', () => {
    const text = labels(10, '?');
    const first = parseDockerfile(text);
    expect(parseDockerfile(text)).toBe(first);
    expect(parse(first.ast)).toBe(parse(first.ast));
  });
});
