import { describe, expect, it } from 'vitest';
import { fetchedLine, showList, sizeToStr, timeToStr } from '../../../../engine/programs/packages/apt/format.ts';

describe("apt's formatting", () => {
  it('SizeToStr keeps four significant digits, then one decimal under 100', () => {
    expect(sizeToStr(756)).toBe('756 ');
    expect(sizeToStr(9000)).toBe('9000 ');
    expect(sizeToStr(55_400)).toBe('55.4 k');
    expect(sizeToStr(151_000)).toBe('151 k');
    expect(sizeToStr(8_793_000)).toBe('8793 k');
    expect(sizeToStr(14_200_000)).toBe('14.2 M');
    expect(sizeToStr(261_000_000)).toBe('261 M');
  });

  it('TimeToStr and the Fetched line', () => {
    expect(timeToStr(0.4)).toBe('0s');
    expect(timeToStr(125)).toBe('2min 5s');
    expect(fetchedLine(9_316_000, 1290)).toBe('Fetched 9316 kB in 1s (7222 kB/s)\n');
  });

  it('ShowList wraps names at 76 columns off a terminal', () => {
    const names = ['krb5-locales', 'libbrotli1', 'libcurl4', 'libgssapi-krb5-2', 'libk5crypto3', 'libkeyutils1', 'libkrb5-3', 'libkrb5support0'];
    expect(showList('The following additional packages will be installed:', names)).toBe(
      'The following additional packages will be installed:\n  krb5-locales libbrotli1 libcurl4 libgssapi-krb5-2 libk5crypto3 libkeyutils1\n  libkrb5-3 libkrb5support0\n',
    );
    expect(showList('Nothing:', [])).toBe('');
  });
});
