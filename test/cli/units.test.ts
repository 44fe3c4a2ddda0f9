import { describe, expect, it } from 'vitest';
import { tabwrite, TABLE_OPTIONS } from '../../engine/cli/tabwriter.ts';
import { bytesSize, humanDuration, humanSize, humanSizeWithPrecision } from '../../engine/core/units.ts';

describe('go-units', () => {
  it.each([
    [0, '0B'], [999, '999B'], [1000, '1kB'], [124_000_000, '124MB'], [1_130_000_000, '1.13GB'], [1_234_567, '1.23MB'],
  ])('HumanSize(%d) = %s', (n, s) => expect(humanSize(n)).toBe(s));
  it('HumanSizeWithPrecision and BytesSize', () => {
    expect(humanSizeWithPrecision(1_234_567_890, 4)).toBe('1.235GB');
    expect(bytesSize(4_102_029_312)).toBe('3.82GiB');
  });
  it.each([
    [500, 'Less than a second'], [1000, '1 second'], [45_000, '45 seconds'], [60_000, 'About a minute'],
    [30 * 60_000, '30 minutes'], [3_600_000, 'About an hour'], [5 * 3_600_000, '5 hours'], [3 * 86_400_000, '3 days'],
    [20 * 86_400_000, '2 weeks'], [90 * 86_400_000, '3 months'], [800 * 86_400_000, '2 years'],
  ])('HumanDuration(%d) = %s', (ms, s) => expect(humanDuration(ms)).toBe(s));
});

describe('tabwriter as docker tables use it', () => {
  it('pads columns to max(10, widest + 3), leaves the last cell alone and counts runes', () => {
    const out = tabwrite('CONTAINER ID\tIMAGE\tNAMES\n3f2a9c1b7d4e\tmongo\tmongo\nabc\t"docker-entrypoint.s…"\tx', TABLE_OPTIONS);
    expect(out).toBe(
      'CONTAINER ID   IMAGE                    NAMES\n3f2a9c1b7d4e   mongo                    mongo\nabc            "docker-entrypoint.s…"   x',
    );
  });

  it('pads with tabs to the next tab stop when the pad character is a tab (buildx du and prune tables)', () => {
    const out = tabwrite(`ID\tRECLAIMABLE\tSIZE\n${'a'.padEnd(40)}\t${'true'.padEnd(5)}\t1kB`, { minWidth: 1, padding: 1, padChar: '\t', tabWidth: 8 });
    // Widest ID cell 40 + padding 1 = 41, so its column ends at 48: 40 characters need one tab, `ID` needs six.
    expect(out).toBe(`ID\t\t\t\t\t\tRECLAIMABLE\tSIZE\n${'a'.padEnd(40)}\ttrue \t\t1kB`);
  });
});
