import { DockerError } from '../core/errors.ts';

/**
 * Image references as Docker's distribution/reference package reads them: `node` means
 * `docker.io/library/node:latest`, `curlimages/curl:8` means `docker.io/curlimages/curl:8`, and the familiar form
 * (`node:20`) is what the CLI shows.
 */
export interface Reference {
  /** `docker.io` or another registry host. */
  readonly domain: string;
  /** The path within the registry: `library/node`, `curlimages/curl`. */
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

export const DEFAULT_DOMAIN = 'docker.io';
const OFFICIAL_PREFIX = 'library/';

// The grammar of distribution/reference (regexp.go), written out once.
const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_ID = /^[a-f0-9]{64}$/;
const NAME_TOTAL_LENGTH_MAX = 255;

/**
 * `ParseNormalizedNamed`: the reference a user typed, with docker.io and library/ filled in. Throws Docker's own
 * errors (`invalid reference format`, `... must be lowercase`).
 */
export function parseReference(text: string): Reference {
  if (ANCHORED_ID.test(text)) {
    throw new DockerError(`invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`, 1, 'EREFERENCE');
  }
  const [domain, remainder] = splitDomain(text);
  // The repository part (up to a tag's colon) is checked for case before the grammar, as ParseNormalizedNamed does.
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    throw new DockerError(`invalid reference format: repository name (${remote}) must be lowercase`, 1, 'EREFERENCE');
  }
  const m = REFERENCE.exec(`${domain}/${remainder}`);
  if (!m) throw new DockerError('invalid reference format', 1, 'EREFERENCE');
  const name = m[1]!;
  if (name.length > NAME_TOTAL_LENGTH_MAX) throw new DockerError('invalid reference format: repository name must not be more than 255 characters', 1, 'EREFERENCE');
  return { domain, path: remainder.slice(0, name.length - domain.length - 1), ...(m[2] !== undefined ? { tag: m[2] } : {}), ...(m[3] !== undefined ? { digest: m[3] } : {}) };
}

/** distribution/reference's splitDockerDomain: a first component with `.` or `:` or `localhost` is a registry. */
function splitDomain(name: string): [string, string] {
  const i = name.indexOf('/');
  let domain = DEFAULT_DOMAIN;
  let rest = name;
  if (i >= 0) {
    const first = name.slice(0, i);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first) {
      domain = first;
      rest = name.slice(i + 1);
    }
  }
  if (domain === 'index.docker.io') domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !rest.includes('/')) rest = OFFICIAL_PREFIX + rest;
  return [domain, rest];
}

/** `TagNameOnly`: a reference without tag or digest means `:latest`. */
export function withDefaultTag(ref: Reference): Reference {
  return ref.tag === undefined && ref.digest === undefined ? { ...ref, tag: 'latest' } : ref;
}

/** The repository as the CLI shows it: `node`, `curlimages/curl`, `registry.example.com/app`. */
export function familiarName(ref: Pick<Reference, 'domain' | 'path'>): string {
  if (ref.domain !== DEFAULT_DOMAIN) return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith(OFFICIAL_PREFIX) ? ref.path.slice(OFFICIAL_PREFIX.length) : ref.path;
}

/** `node:20`, `node@sha256:…`, `node:20@sha256:…`. */
export function familiarString(ref: Reference): string {
  return familiarName(ref) + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}

/** `docker.io/library/node:20`: the key the reference store keeps tags under. */
export function canonicalString(ref: Reference): string {
  return `${ref.domain}/${ref.path}` + (ref.tag !== undefined ? `:${ref.tag}` : '') + (ref.digest !== undefined ? `@${ref.digest}` : '');
}
