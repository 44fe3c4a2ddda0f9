import { describe, expect, it } from 'vitest';
import { dump, NOT_STRING_ARRAY, parseDockerfile } from '../../../engine/dockerfile/parser/index.ts';

const one = (line: string) => {
  const child = parseDockerfile(line).ast.children[0];
  if (child === undefined) throw new Error('no instruction');
  return child;
};

describe('JSON and shell forms', () => {
  it('parses a JSON string array as exec form', () => {
    const n = one('CMD ["node", "dist/index.js"]');
    expect(dump(n)).toBe('cmd "node" "dist/index.js"');
    expect(n.attributes.json).toBe(true);
    expect(dump(one('CMD []'))).toBe('cmd');
    expect(one('CMD []').attributes.json).toBe(true);
  });

  it('silently falls back to shell form on any JSON syntax error', () => {
    for (const text of ['["node", "dist/index.js", ]', "['a', 'b']", '["unterminated]', '["a" "b"]']) {
      const n = one(`CMD ${text}`);
      expect(dump(n)).toBe(`cmd ${JSON.stringify(text)}`);
      expect(n.attributes.json).toBeUndefined();
    }
  });

  it('rejects valid JSON with a non-string element', () => {
    expect(() => parseDockerfile('CMD [ "echo", [ "nested json" ] ]')).toThrow(NOT_STRING_ARRAY);
    expect(() => parseDockerfile('RUN ["a", 1]')).toThrow(NOT_STRING_ARRAY);
    expect(() => parseDockerfile('COPY ["a", null]')).toThrow(NOT_STRING_ARRAY);
  });

  it('splits COPY, ADD and VOLUME on whitespace when the text is not JSON', () => {
    expect(dump(one('COPY  a   b  /c/'))).toBe('copy "a" "b" "/c/"');
    expect(dump(one('VOLUME [/data]'))).toBe('volume "[/data]"');
    expect(dump(one('ADD ["a b", "/c"]'))).toBe('add "a b" "/c"');
  });

  it('extracts leading --flags and keeps the rest', () => {
    expect(dump(one('COPY --from=build --chown="1:1" /a /b'))).toBe('copy ["--from=build" "--chown=1:1"] "/a" "/b"');
    expect(dump(one('RUN --mount=type=cache,target=/x echo --not-a-flag'))).toBe(
      'run ["--mount=type=cache,target=/x"] "echo --not-a-flag"',
    );
  });

  it('keeps HEALTHCHECK type words and parses the command like CMD', () => {
    expect(dump(one('HEALTHCHECK --interval=5s CMD ["curl", "-f", "x"]'))).toBe(
      'healthcheck ["--interval=5s"] "CMD" "curl" "-f" "x"',
    );
    expect(dump(one('HEALTHCHECK NONE'))).toBe('healthcheck "NONE"');
  });

  it('gives ENV and LABEL key/value/separator triples in both forms', () => {
    expect(dump(one('ENV A=1 B="two words" C=a\\ b'))).toBe(
      'env "A" "1" "=" "B" "\\"two words\\"" "=" "C" "a\\\\ b" "="',
    );
    expect(dump(one('ENV PATH /usr/bin  /x'))).toBe('env "PATH" "/usr/bin  /x" ""');
    expect(() => parseDockerfile('ENV PATH')).toThrow('ENV must have two arguments');
    expect(() => parseDockerfile('LABEL a=1 b')).toThrow(
      'Syntax error - can\'t find = in "b". Must be of the form: name=value',
    );
  });

  it('gives ARG each name or name=value word', () => {
    expect(dump(one('ARG A B=2 C="x y"'))).toBe('arg "A" "B=2" "C=\\"x y\\""');
  });

  it('nests ONBUILD and accepts unknown keywords for later diagnosis', () => {
    expect(dump(parseDockerfile('ONBUILD RUN ["echo", "test"]').ast)).toBe('(onbuild (run "echo" "test"))');
    expect(dump(parseDockerfile('RUNN echo').ast)).toBe('(runn)');
  });

  it('quotes arguments the way Go does', () => {
    expect(dump(one('RUN ["a\\tb", "\\u0001", "é", "\\u00a0"]'))).toBe('run "a\\tb" "\\x01" "é" "\\u00a0"');
  });
});
