import { describe, expect, it } from 'vitest';
import { catalogImageTags, dockerfileCompletions } from '../../../engine/dockerfile/completion.ts';

/** Completions with the cursor at `|`. */
function at(marked: string, images?: ReadonlyMap<string, readonly string[]>) {
  const cursor = marked.indexOf('|');
  const source = marked.slice(0, cursor) + marked.slice(cursor + 1);
  const before = source.slice(0, cursor).split('\n');
  return dockerfileCompletions(source, before.length, before.at(-1)!.length + 1, images ? { images } : {});
}
const labels = (marked: string, images?: ReadonlyMap<string, readonly string[]>) => at(marked, images).items.map((i) => i.label);

const IMAGES = new Map([
  ['alpine', ['3.21', 'latest']],
  ['node', ['22', '22-alpine']],
]);

describe('Dockerfile completion', () => {
  it('offers instructions at the start of a line, replacing the word typed', () => {
    const c = at('FROM alpine\nCO|');
    expect(c.items.map((i) => i.label)).toContain('COPY');
    expect(c.items.find((i) => i.label === 'COPY')).toMatchObject({ kind: 'instruction', insertText: 'COPY ' });
    expect([c.from, c.to]).toEqual([1, 3]);
    expect(labels('FROM alpine\n\n|')).toHaveLength(18);
  });

  it('offers nothing in comments, heredoc bodies or shell arguments', () => {
    expect(labels('# a comm|')).toEqual([]);
    expect(labels('FROM a\nRUN <<EOF\nec|\nEOF')).toEqual([]);
    expect(labels('FROM a\nRUN echo h|')).toEqual([]);
  });

  it('offers no instruction on a continuation line', () => {
    expect(labels('FROM a\nRUN echo \\\n  |')).toEqual([]);
  });

  it('offers the instruction\'s flags after --, on its line or a continuation', () => {
    expect(labels('FROM a\nCOPY --|')).toEqual(['--from', '--chown', '--chmod', '--link', '--parents', '--exclude']);
    expect(labels('FROM a\nRUN \\\n  --n|')).toEqual(['--mount', '--network', '--security']);
    const link = at('FROM a\nCOPY --l|').items.find((i) => i.label === '--link');
    expect(link?.insertText).toBe('--link');
    expect(at('FROM a\nCOPY --f|').items.find((i) => i.label === '--from')?.insertText).toBe('--from=');
    expect(labels('FROM a\nCMD --|')).toEqual([]);
  });

  it('offers the flags of the instruction ONBUILD wraps', () => {
    expect(labels('FROM a\nONBUILD COPY --|')).toContain('--chown');
    expect(labels('FROM a\nONBUILD |')).not.toContain('FROM');
  });

  it('offers earlier stage names after COPY --from=, replacing only the value', () => {
    const c = at('FROM node AS deps\nFROM alpine AS build\nFROM alpine\nCOPY --from=b|');
    expect(c.items.map((i) => i.label)).toEqual(['deps', 'build']);
    expect(c.from).toBe('COPY --from='.length + 1);
    expect(labels('FROM node AS deps\nCOPY --from=|\nFROM alpine AS later')).toEqual(['deps']);
  });

  it("offers RUN --mount's types and --network's and --security's words, replacing only the value", () => {
    expect(labels('FROM a\nRUN --mount=type=|')).toEqual(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
    const mount = at('FROM a\nRUN --mount=type=ca|,target=/root/.npm npm ci');
    expect([mount.from, mount.to]).toEqual(['RUN --mount=type='.length + 1, 'RUN --mount=type=ca'.length + 1]);
    expect(mount.items.find((i) => i.label === 'cache')).toMatchObject({ kind: 'value', insertText: 'cache' });
    // After another option, the type is still the one completed.
    expect(labels('FROM a\nRUN --mount=target=/x,type=|')).toContain('tmpfs');
    expect(labels('FROM a\nRUN --mount=|')).toEqual(['type=']);
    expect(labels('FROM a\nRUN --mount=type=cache,target=|')).toEqual([]);
    const network = at('FROM a\nRUN --network=|');
    expect(network.items.map((i) => i.label)).toEqual(['default', 'none', 'host']);
    expect(network.from).toBe('RUN --network='.length + 1);
    expect(labels('FROM a\nRUN \\\n  --security=|')).toEqual(['sandbox', 'insecure']);
    // Other instructions' flags take no such words.
    expect(labels('FROM a\nCOPY --network=|')).toEqual([]);
  });

  it('offers image names and earlier stages after FROM, then tags after the colon, then AS', () => {
    expect(labels('FROM |', IMAGES)).toEqual(['alpine', 'node']);
    expect(labels('FROM alpine AS base\nFROM --platform=linux/amd64 |', IMAGES)).toEqual(['base', 'alpine', 'node']);
    const tags = at('FROM node:22|', IMAGES);
    expect(tags.items.map((i) => i.label)).toEqual(['22', '22-alpine']);
    expect(tags.from).toBe('FROM node:'.length + 1);
    expect(labels('FROM node |', IMAGES)).toEqual(['AS']);
    expect(labels('FROM unknown:|', IMAGES)).toEqual([]);
  });

  it('reads image names and tags from the offline catalog by default', () => {
    const catalog = catalogImageTags();
    expect(catalog.get('alpine')).toContain('3.21');
    expect(catalog.get('curlimages/curl')).toBeDefined();
    expect(labels('FROM |')).toEqual([...catalog.keys()]);
  });
});
