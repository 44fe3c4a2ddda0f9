// Typed Dockerfile instructions (BuildKit's frontend/dockerfile/instructions): syntax tree to stages and commands.
export { parse, parseSliced, parseInstruction, INSTRUCTION_NAMES, type ParsedDockerfile } from './parse.ts';
export { InstructionParseError } from './errors.ts';
export { withSuggestion, levenshtein } from './suggest.ts';
export { parseGoDuration, formatGoDuration } from './duration.ts';
export { checkChmod } from './chmod.ts';
export type * from './types.ts';
