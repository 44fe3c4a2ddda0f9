/**
 * The ARGs BuildKit defines without a declaration in the global scope (frontend/dockerfile/dockerfile2llb
 * defaultArgs): the platform of the build and of the target. Inside a stage they still need `ARG NAME` to be seen.
 */
export const AUTOMATIC_ARGS: Readonly<Record<string, string>> = {
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
};

/** Proxy variables are accepted as build args without a declaration and are kept out of cache keys and history. */
export const PROXY_ARGS: ReadonlySet<string> = new Set([
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);
