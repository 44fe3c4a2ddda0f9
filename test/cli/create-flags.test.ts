import { describe, expect, it } from 'vitest';
import { isIP, validateExtraHost } from '../../engine/cli/create-flags.ts';

describe('validateExtraHost: docker/cli opts.ValidateExtraHost', () => {
  it('accepts name:ip and name=ip, brackets around IPv6, host-gateway; sends name:ip', () => {
    expect(validateExtraHost('db:10.0.0.5')).toBe('db:10.0.0.5');
    expect(validateExtraHost('db=10.0.0.5')).toBe('db:10.0.0.5');
    expect(validateExtraHost('v6=[::1]')).toBe('v6:::1');
    expect(validateExtraHost('v6:::1')).toBe('v6:::1');
    expect(validateExtraHost('host.docker.internal=host-gateway')).toBe('host.docker.internal:host-gateway');
  });

  it('refuses a missing separator or name and a bad address with pflag’s wording', () => {
    expect(() => validateExtraHost('foo')).toThrow('invalid argument "foo" for "--add-host" flag: bad format for add-host: "foo"');
    expect(() => validateExtraHost(':1.2.3.4')).toThrow('bad format for add-host');
    expect(() => validateExtraHost('foo:bar')).toThrow('invalid argument "foo:bar" for "--add-host" flag: invalid IP address in add-host: "bar"');
  });
});

describe('isIP: Go net.ParseIP', () => {
  it.each([
    ['127.0.0.1', true], ['256.0.0.1', false], ['1.2.3', false], ['::', true], ['fe80::1', true], ['1:2:3:4:5:6:7:8', true],
    ['1:2:3:4:5:6:7', false], ['::ffff:10.0.0.1', true], ['1::2::3', false], ['g::1', false], ['01.2.3.4', false],
  ])('%s → %s', (text, ok) => expect(isIP(text)).toBe(ok));
});
