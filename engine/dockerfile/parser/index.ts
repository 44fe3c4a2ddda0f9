// BuildKit's Dockerfile syntax parser (frontend/dockerfile/parser): text to syntax tree, nothing typed yet.
export { parseDockerfile, parseDockerfileSliced, type ParseResult, type ParseWarning } from './parse.ts';
export { dump, goQuote, argValues, type Node, type Heredoc } from './node.ts';
export { DockerfileParseError } from './errors.ts';
export type { Directive, EscapeToken } from './directives.ts';
export { chompHeredocContent, parseHeredocMarker } from './heredocs.ts';
export { parseWords, NOT_STRING_ARRAY } from './line-parsers.ts';
