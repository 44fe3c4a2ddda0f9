// What the editor offers as the student types a Dockerfile: instructions at the start of a line, the flags of the
// instruction being written, image names and tags after FROM, and the names of earlier stages where a stage may be
// named (COPY --from=, FROM <stage>). Pure: the editor hands over the text and the cursor, and shows what comes back.
import { CATALOG_IMAGES } from '../image/catalog/source/index.ts';
import { INSTRUCTION_DOCS, flagDoc, instructionDoc } from './docs.ts';
import { lineRoles, splitLines } from './line-roles.ts';

export type CompletionKind = 'instruction' | 'flag' | 'image' | 'tag' | 'stage' | 'keyword' | 'value';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  /** One line shown beside the label. */
  readonly detail?: string;
  /** Markdown, shown when the item is selected. */
  readonly documentation?: string;
}

export interface Completions {
  /** 1-based columns of the text the chosen item replaces (`to` exclusive): the word being typed. */
  readonly from: number;
  readonly to: number;
  readonly items: readonly CompletionItem[];
}

/** Image repositories (as written in FROM: `node`, `curlimages/curl`) and their tags. */
export type ImageTags = ReadonlyMap<string, readonly string[]>;

let catalogTags: ImageTags | undefined;

/** The offline registry's repositories and tags, as FROM can name them. */
export function catalogImageTags(): ImageTags {
  if (catalogTags === undefined) {
    const map = new Map<string, string[]>();
    for (const image of CATALOG_IMAGES) {
      const name = image.repository.replace(/^library\//, '');
      const tags = map.get(name) ?? [];
      tags.push(...image.tags);
      map.set(name, tags);
    }
    catalogTags = new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
  }
  return catalogTags;
}

const STAGE_DECLARATION = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)/i;

/** Stage names declared on lines before `line` (1-based), in order. */
export function stageNamesBefore(lines: readonly string[], line: number): string[] {
  const names: string[] = [];
  for (const text of lines.slice(0, line - 1)) {
    const m = STAGE_DECLARATION.exec(text);
    if (m !== null && !names.includes(m[1] as string)) names.push(m[1] as string);
  }
  return names;
}

const NONE: readonly CompletionItem[] = [];

export function dockerfileCompletions(
  source: string,
  line: number,
  column: number,
  options: { readonly images?: ImageTags } = {},
): Completions {
  const lines = splitLines(source);
  const text = lines[line - 1] ?? '';
  const before = text.slice(0, column - 1);
  const wordStart = before.length - (/\S*$/.exec(before)?.[0].length ?? 0) + 1;
  const wordEnd = column + (/^\S*/.exec(text.slice(column - 1))?.[0].length ?? 0);
  const result = (from: number, items: readonly CompletionItem[]): Completions => ({ from, to: wordEnd, items });
  const role = lineRoles(lines)[line - 1] ?? { kind: 'other' as const };

  if (role.kind === 'heredoc') return result(wordStart, NONE);
  if (role.kind === 'other') {
    // A blank line (or one being typed from nothing) may start an instruction; a comment may not.
    return result(wordStart, text.trim() === '' ? instructionItems() : NONE);
  }
  if (role.first && /^\s*\S*$/.test(before)) return result(wordStart, instructionItems());

  const word = before.slice(wordStart - 1);
  const words = (role.first ? before.trimStart().split(/\s+/).slice(1) : before.trim().split(/\s+/)).slice(0, -1);
  // ONBUILD wraps another instruction: the flags and arguments are that one's.
  let keyword = role.keyword;
  if (keyword === 'onbuild' && role.first) {
    if (words.length === 0) return result(wordStart, instructionItems().filter((i) => !['ONBUILD', 'FROM', 'MAINTAINER'].includes(i.label)));
    keyword = (words.shift() as string).toLowerCase();
  }

  if (word.startsWith('--')) {
    const eq = word.indexOf('=');
    if (eq < 0) return result(wordStart, flagItems(keyword));
    if (keyword === 'copy' && word.slice(2, eq) === 'from') {
      return result(wordStart + eq + 1, stageItems(stageNamesBefore(lines, line)));
    }
    if (keyword === 'run') {
      const values = runFlagValues(word.slice(2, eq), word.slice(eq + 1));
      // Only the value being typed is replaced: a mount's later options (`,target=…`) stay.
      const to = column + (/^[^\s,]*/.exec(text.slice(column - 1))?.[0].length ?? 0);
      if (values) return { from: wordStart + eq + 1 + values.offset, to, items: values.items };
    }
    return result(wordStart, NONE);
  }

  if (keyword === 'from' && role.first) {
    const args = words.filter((w) => !w.startsWith('--'));
    if (args.length === 0) return result(...imageCompletions(word, wordStart, options.images ?? catalogImageTags(), stageNamesBefore(lines, line)));
    if (args.length === 1) return result(wordStart, [{ label: 'AS', kind: 'keyword', insertText: 'AS ', detail: 'name this build stage' }]);
  }
  return result(wordStart, NONE);
}

/** BuildKit's mount types (`RUN --mount=type=…`), as the Dockerfile reference lists them. */
const MOUNT_TYPES: readonly (readonly [string, string])[] = [
  ['bind', 'files from the build context or another stage, read-only by default'],
  ['cache', 'a directory kept between builds, for package managers and compilers'],
  ['tmpfs', 'an empty in-memory directory for this command only'],
  ['secret', 'a secret file (or variable) the build was given, never saved in the layer'],
  ['ssh', "a socket to the build's SSH agent, for private repositories"],
];

/** `RUN --network=` and `--security=` take one of a few words. */
const RUN_FLAG_WORDS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  network: [
    ['default', 'the normal build network'],
    ['none', 'no network access at all'],
    ['host', "the host's network (needs the network.host entitlement)"],
  ],
  security: [
    ['sandbox', 'the default'],
    ['insecure', 'extra privileges, like docker run --privileged (needs the security.insecure entitlement)'],
  ],
};

/** The choices for a RUN flag's value typed so far, and where in the value the replaced part starts. */
function runFlagValues(flag: string, value: string): { offset: number; items: CompletionItem[] } | undefined {
  const valueItems = (list: readonly (readonly [string, string])[], prefix: string) =>
    list.map(([label, detail]): CompletionItem => ({ label, kind: 'value', insertText: label, detail: `${prefix}${label}: ${detail}` }));
  const words = Object.hasOwn(RUN_FLAG_WORDS, flag) ? RUN_FLAG_WORDS[flag] : undefined;
  if (words) return { offset: 0, items: valueItems(words, `--${flag}=`) };
  if (flag !== 'mount') return undefined;
  // The option being typed: after the last comma.
  const start = value.lastIndexOf(',') + 1;
  const option = value.slice(start);
  if (option.startsWith('type=')) return { offset: start + 'type='.length, items: valueItems(MOUNT_TYPES, 'type=') };
  if (start === 0 && !option.includes('=')) {
    return { offset: 0, items: [{ label: 'type=', kind: 'keyword', insertText: 'type=', detail: 'the kind of mount: bind, cache, tmpfs, secret or ssh' }] };
  }
  return undefined;
}

function instructionItems(): CompletionItem[] {
  return [...INSTRUCTION_DOCS.values()].map((doc) => ({
    label: doc.name,
    kind: 'instruction',
    insertText: `${doc.name} `,
    detail: doc.syntax[0],
    documentation: doc.summary,
  }));
}

function flagItems(keyword: string): CompletionItem[] {
  const doc = instructionDoc(keyword);
  if (doc === undefined) return [];
  return doc.flags.map((f) => ({
    label: `--${f.name}`,
    kind: 'flag',
    insertText: f.value === undefined ? `--${f.name}` : `--${f.name}=`,
    detail: f.value === undefined ? `${doc.name} --${f.name}` : `${doc.name} --${f.name}=${f.value}`,
    documentation: flagDoc(keyword, f.name)?.summary,
  }));
}

function stageItems(names: readonly string[]): CompletionItem[] {
  return names.map((name) => ({ label: name, kind: 'stage', insertText: name, detail: 'build stage' }));
}

function imageCompletions(word: string, wordStart: number, images: ImageTags, stages: readonly string[]): [number, CompletionItem[]] {
  const colon = word.indexOf(':');
  if (colon >= 0) {
    const tags = images.get(word.slice(0, colon)) ?? [];
    return [wordStart + colon + 1, tags.map((tag) => ({ label: tag, kind: 'tag', insertText: tag, detail: `${word.slice(0, colon)}:${tag}` }))];
  }
  const repos = [...images].map(([name, tags]): CompletionItem => ({
    label: name,
    kind: 'image',
    insertText: name,
    detail: `image: ${tags.slice(0, 4).join(', ')}${tags.length > 4 ? ', …' : ''}`,
  }));
  return [wordStart, [...stageItems(stages), ...repos]];
}
