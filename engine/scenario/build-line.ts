import { parseFlags, FlagError } from '../cli/flags.ts';
import { usageOf } from '../cli/usage/index.ts';
import { canonicalString, parseReference, withDefaultTag } from '../image/reference.ts';

/** The paths that run a build (docker/cli forwards all of them to buildx). */
const BUILD_PATHS: readonly (readonly string[])[] = [['build'], ['buildx', 'build'], ['buildx', 'b'], ['image', 'build'], ['builder', 'build']];

/**
 * The canonical tags a command line's `docker build` asks for (`-t web` → `docker.io/library/web:latest`), read
 * with the real build flag table; empty when the line runs no build. Only simple lines are read: words split as
 * the shell would, commands joined by `&&`, `;`, `||` or newlines.
 */
export function buildTags(line: string): string[] {
  const usage = usageOf('docker buildx build');
  const specs = [...(usage?.flags ?? []), ...(usage?.hiddenFlags ?? [])];
  const tags: string[] = [];
  for (const words of simpleCommands(line)) {
    const start = words[0] === 'docker' ? 1 : -1;
    if (start < 0) continue;
    // Global options before the command (`docker --context x build`) are rare in class; only plain forms count.
    const path = BUILD_PATHS.find((p) => p.every((w, i) => words[start + i] === w));
    if (!path) continue;
    try {
      const { flags } = parseFlags(specs, words.slice(start + path.length), { interspersed: true });
      for (const t of flags.list('tag')) {
        try {
          tags.push(canonicalString(withDefaultTag(parseReference(t))));
        } catch {
          // An invalid tag fails the build; it tagged nothing.
        }
      }
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
    }
  }
  return tags;
}

/** Words of each simple command, with quotes removed. */
function simpleCommands(line: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && line[i + 1] === '\n') {
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? '') + line.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? line.length : end;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      for (; j < line.length && line[j] !== '"'; j++) text += line[j] === '\\' && j + 1 < line.length ? line[++j] : line[j];
      word = (word ?? '') + text;
      i = j;
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (c === ' ' || c === '\t') {
      endWord();
    } else if (c === '\n' || c === ';' || c === '&' || c === '|') {
      endCommand();
    } else {
      word = (word ?? '') + c;
    }
  }
  endCommand();
  return commands;
}
