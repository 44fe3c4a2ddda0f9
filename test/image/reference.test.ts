import { describe, expect, it } from 'vitest';
import { canonicalString, familiarString, parseReference, withDefaultTag } from '../../engine/image/reference.ts';

// Error texts as the real docker 28 client prints them (`docker pull Node`, `docker pull 'foo bar'`, ...).
describe('image references', () => {
  it('fills in docker.io, library/ and latest', () => {
    expect(canonicalString(withDefaultTag(parseReference('node')))).toBe('docker.io/library/node:latest');
    expect(canonicalString(withDefaultTag(parseReference('curlimages/curl:8.11.1')))).toBe('docker.io/curlimages/curl:8.11.1');
    expect(canonicalString(withDefaultTag(parseReference('localhost:5000/app')))).toBe('localhost:5000/app:latest');
    expect(canonicalString(parseReference('index.docker.io/library/redis:7'))).toBe('docker.io/library/redis:7');
  });

  it('shows the familiar form', () => {
    expect(familiarString(parseReference('docker.io/library/node:20'))).toBe('node:20');
    expect(familiarString(parseReference('curlimages/curl'))).toBe('curlimages/curl');
    expect(familiarString(parseReference('registry.example.com/team/app:v1'))).toBe('registry.example.com/team/app:v1');
  });

  it('rejects what Docker rejects, in its words', () => {
    expect(() => parseReference('Node')).toThrow('invalid reference format: repository name (library/Node) must be lowercase');
    expect(() => parseReference('foo bar')).toThrow(/^invalid reference format$/);
    expect(() => parseReference('app:')).toThrow(/^invalid reference format$/);
    expect(() => parseReference('a'.repeat(64))).toThrow(`invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`);
    expect(() => parseReference('example.com/Foo:1')).toThrow('invalid reference format: repository name (Foo) must be lowercase');
  });
});
