import { DockerfileParseError, parseDockerfile } from '../../../engine/dockerfile/parser/index.ts';

/** The parse error `text` must raise; fails the test when it parses or throws anything else. */
export function parseError(text: string): DockerfileParseError {
  try {
    parseDockerfile(text);
  } catch (e) {
    if (e instanceof DockerfileParseError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}
