import { describe, expect, it } from 'vitest';
import { hostHeader, parseUrl, resolveLocation, type HttpUrl } from '../../../engine/network/http/url.ts';

describe('parseUrl', () => {
  it('takes bare host:port as http, defaults the path and drops the fragment', () => {
    expect(parseUrl('localhost:8080')).toEqual({ scheme: 'http', host: 'localhost', port: 8080, explicitPort: true, target: '/' });
    expect(parseUrl('http://Web/a/b?q=1#top')).toMatchObject({ host: 'web', port: 80, explicitPort: false, target: '/a/b?q=1' });
    expect(parseUrl('http://h?x')).toMatchObject({ target: '/?x' });
    expect(parseUrl('https://[::1]:8443/')).toMatchObject({ scheme: 'https', host: '::1', port: 8443 });
  });

  it('names what is wrong', () => {
    expect(parseUrl('http://h:99999/')).toBe('bad-port');
    expect(parseUrl('http://h:abc/')).toBe('bad-port');
    expect(parseUrl('http:///x')).toBe('malformed');
    expect(parseUrl('http://a b/')).toBe('bad-host');
  });

  it('sends the port in Host only when it is not the default', () => {
    expect(hostHeader(parseUrl('http://web:80/') as HttpUrl)).toBe('web');
    expect(hostHeader(parseUrl('web:8080') as HttpUrl)).toBe('web:8080');
  });

  it('resolves redirects against the URL they answered', () => {
    const base = parseUrl('http://web:8080/a/b') as HttpUrl;
    expect(resolveLocation(base, '/c')).toMatchObject({ host: 'web', port: 8080, target: '/c' });
    expect(resolveLocation(base, 'c')).toMatchObject({ target: '/a/c' });
    expect(resolveLocation(base, 'http://other/')).toMatchObject({ host: 'other', port: 80 });
  });
});
