import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Machine } from '../../engine/api.ts';
import { parseDockerfile, DockerfileParseError } from '../../engine/dockerfile/parser/index.ts';
import { parse } from '../../engine/dockerfile/instructions/parse.ts';
import { lintDockerfile } from '../../engine/dockerfile/lint/index.ts';
import { dockerfileDiagnostics } from '../../engine/dockerfile/diagnostics.ts';
import { dockerfileCompletions } from '../../engine/dockerfile/completion.ts';
import { dockerfileHover } from '../../engine/dockerfile/hover.ts';
import { fuzzParameters, leakIn } from '../property.ts';
import { machineWithObjects, runClean } from '../host/fuzz-terminal.ts';

/**
 * Random Dockerfiles, from garbage to almost right: the parser and BuildKit's instruction layer give a syntax tree
 * or the project's parse error, and the editor's helpers (diagnostics, lint, completion, hover) never throw.
 */

const KEYWORDS = ['FROM', 'from', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'VOLUME', 'WORKDIR', 'USER', 'ONBUILD', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'MAINTAINER', 'Run', 'BOGUS', '__proto__', 'constructor'];
const PIECES = [
  'alpine', 'node:20 AS build', 'AS', 'scratch', '$BASE', '${A:-x}', '${A:?err}', '${', '}', '$', '--from=build', '--from=0', '--chmod=755', '--chmod=9999',
  '--chown=1:1', '--link', '--platform=$BUILDPLATFORM', '--mount=type=cache,target=/c', '--mount=type=secret,id=x', '--mount=type=bind',
  '--mount=', '--network=none', '--security=insecure', '--interval=5s', '--interval=x', '--retries=-1', 'CMD', 'NONE', '--',
  '["a", "b"]', '["a", 1]', '[', ']', '{}', '"', "'", '\\', '`', '=', 'A=1', 'A="b c"', 'A', '80/tcp', '80/xyz', '65536', '/app', '.', '..',
  '*.json', '<<EOF', '<<-EOT', "<<'E'", 'EOF', 'echo hi', '&&', '|', ';', '#', '# comment', '\t', ' ', '', 'é', '\u0000', '\r',
];

const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const instruction = fc.tuple(fc.constantFrom(...KEYWORDS), fc.array(word, { maxLength: 6 }), fc.constantFrom('', '', ' \\', '\\')).map(([k, args, end]) => `${k} ${args.join(' ')}${end}`);
const directive = fc.constantFrom('# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# escape=x', '# check=skip=all', '# check=error=true;skip=JSONArgsRecommended', '#check=skip=', '');
const line = fc.oneof({ weight: 8, arbitrary: instruction }, { weight: 1, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
const dockerfile = fc.tuple(fc.array(directive, { maxLength: 2 }), fc.array(line, { maxLength: 12 })).map(([d, l]) => [...d, ...l].join('\n'));

function parseOrError(text: string): void {
  try {
    parse(parseDockerfile(text).ast);
  } catch (e) {
    if (!(e instanceof DockerfileParseError)) throw e;
    expect(e.message).not.toBe('');
    expect(leakIn(e.message)).toBeUndefined();
    expect(e.startLine).toBeGreaterThanOrEqual(0);
    expect(e.endLine).toBeGreaterThanOrEqual(e.startLine);
  }
}

describe('Dockerfile inputs (property)', () => {
  test('the parser and instruction layer give a result or a DockerfileParseError', () => {
    fc.assert(fc.property(dockerfile, parseOrError), fuzzParameters(1500));
    fc.assert(fc.property(fc.string({ maxLength: 200 }), parseOrError), fuzzParameters(500));
  });

  test('the editor helpers never throw on what is being typed', () => {
    fc.assert(
      fc.property(dockerfile, fc.nat(14), fc.nat(40), (text, line, column) => {
        const diagnostics = dockerfileDiagnostics(text);
        for (const d of diagnostics) {
          expect(leakIn(d.message)).toBeUndefined();
          expect(d.endLine).toBeGreaterThanOrEqual(d.startLine);
        }
        for (const w of lintDockerfile(text)) expect(leakIn(w.message)).toBeUndefined();
        dockerfileCompletions(text, line + 1, column + 1, { images: new Map([['alpine', ['latest', '3.20']]]) });
        dockerfileHover(text, line + 1, column + 1);
      }),
      fuzzParameters(800),
    );
  });
});

/** Dockerfiles that mostly parse: a FROM an image the machine has, then instructions with odd arguments. */
const RUNNABLE = ['RUN echo hi > /f', 'RUN exit 2', 'RUN --mount=type=cache,target=/c ls /c', 'COPY Dockerfile /x/', 'COPY nope /x', 'ADD . /app', 'WORKDIR /w', 'USER nobody', 'USER 99:99', 'ENV A=1 B', 'ARG V=1', 'EXPOSE 80/udp', 'VOLUME /data', 'CMD ["sh"]', 'ENTRYPOINT echo', 'HEALTHCHECK CMD true', 'SHELL ["/bin/sh", "-c"]', 'STOPSIGNAL 9', 'LABEL a=b', 'ONBUILD RUN true', 'COPY --from=0 /f /g', 'COPY --from=nope /f /g', 'COPY <<EOF /h\nhi\nEOF'];
const buildable = fc
  .tuple(fc.constantFrom('FROM alpine', 'FROM mine:1 AS one', 'FROM scratch', 'FROM nope:1', 'FROM $BASE', 'ARG BASE=alpine\nFROM $BASE'), fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...RUNNABLE) }, { weight: 1, arbitrary: line }), { maxLength: 5 }))
  .map(([from, rest]) => [from, ...rest].join('\n') + '\n');

let fresh: () => Machine;
beforeAll(async () => {
  fresh = await machineWithObjects();
}, 60_000);

test('docker build of a random Dockerfile ends in an image or BuildKit’s error', async () => {
  await fc.assert(
    fc.asyncProperty(buildable, fc.constantFrom('', 'DOCKER_BUILDKIT=0 '), async (text, legacy) => {
      const machine = fresh();
      machine.hostFs.writeFile('/home/student/project/Dockerfile', text);
      await runClean(machine.openTerminal(), `${legacy}docker build -q -t fuzz .`);
    }),
    fuzzParameters(80),
  );
}, 120_000);
