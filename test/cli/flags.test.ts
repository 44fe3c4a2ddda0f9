import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags } from '../../engine/cli/flags.ts';
import { usageOf } from '../../engine/cli/usage/index.ts';

const run = usageOf('docker run')!.flags!;
const parse = (args: string[], interspersed = false) => parseFlags(run, args, { interspersed });

describe('pflag parsing', () => {
  it('stops at the image for run: the rest belongs to the container', () => {
    const r = parse(['-dit', '--name=web', '-p8080:80', '-p', '443:443', '-e', 'A=1', '--rm', 'nginx', 'sh', '-c', 'echo -n hi']);
    expect(r.args).toEqual(['nginx', 'sh', '-c', 'echo -n hi']);
    expect([r.flags.bool('detach'), r.flags.bool('interactive'), r.flags.bool('tty'), r.flags.bool('rm')]).toEqual([true, true, true, true]);
    expect(r.flags.string('name')).toBe('web');
    expect(r.flags.list('publish')).toEqual(['8080:80', '443:443']);
    expect(r.flags.list('env')).toEqual(['A=1']);
  });
  it('reads --detach=false, defaults and --', () => {
    const r = parse(['--detach=false', '--', '-x']);
    expect(r.flags.bool('detach')).toBe(false);
    expect(r.flags.changed('detach')).toBe(true);
    expect(r.flags.bool('rm')).toBe(false);
    expect(r.args).toEqual(['-x']);
  });
  it('reads the hidden --net and --net-alias into --network and --network-alias, in the order given', () => {
    const all = [...run, ...(usageOf('docker run')!.hiddenFlags ?? [])];
    const r = parseFlags(all, ['--net=host', '--network', 'other', '--net-alias', 'db', '--network-alias=mongo', 'mongo'], { interspersed: false });
    expect(r.flags.list('network')).toEqual(['host', 'other']);
    expect(r.flags.list('network-alias')).toEqual(['db', 'mongo']);
    expect(r.flags.changed('net')).toBe(false);
    expect(usageOf('docker create')!.hiddenFlags!.map((f) => f.long)).toEqual(['net', 'net-alias']);
  });
  it('allows interspersed flags when asked', () => {
    const r = parseFlags(usageOf('docker ps')!.flags!, ['-a', 'x', '-q', '--last', '3'], { interspersed: true });
    expect(r.args).toEqual(['x']);
    expect(r.flags.int('last')).toBe(3);
    expect(parseFlags(usageOf('docker ps')!.flags!, [], { interspersed: true }).flags.int('last')).toBe(-1);
  });
  it.each([
    [['--nme', 'x'], 'unknown flag: --nme'],
    [['-itz'], "unknown shorthand flag: 'z' in -z"],
    [['--name'], 'flag needs an argument: --name'],
    [['-p'], "flag needs an argument: 'p' in -p"],
    [['--rm=yes'], 'invalid argument "yes" for "--rm" flag: strconv.ParseBool: parsing "yes": invalid syntax'],
    [['--stop-timeout', 'x'], 'invalid argument "x" for "--stop-timeout" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    [['--health-interval', '5'], 'invalid argument "5" for "--health-interval" flag: time: missing unit in duration "5"'],
    [['-m', '1q'], `invalid argument "1q" for "-m, --memory" flag: invalid size: '1q'`],
  ])('%j fails: %s', (args, message) => {
    expect(() => parse(args)).toThrow(new FlagError(message));
  });
});
