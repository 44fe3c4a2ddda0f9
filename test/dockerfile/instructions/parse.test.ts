import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../../engine/dockerfile/parser/index.ts';
import {
  checkChmod,
  InstructionParseError,
  parse,
  parseGoDuration,
  withSuggestion,
  type Command,
} from '../../../engine/dockerfile/instructions/index.ts';

const stagesOf = (text: string) => parse(parseDockerfile(text).ast);
const commandsOf = (text: string): readonly Command[] => stagesOf('FROM a\n' + text).stages[0]?.commands ?? [];
const one = (text: string): Command => {
  const c = commandsOf(text)[0];
  if (c === undefined) throw new Error('no command');
  return c;
};

function errorOf(text: string): InstructionParseError {
  try {
    stagesOf(text);
  } catch (e) {
    if (e instanceof InstructionParseError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

const OLD = `FROM node:20

WORKDIR /app

COPY . .

RUN npm install
RUN npx prisma generate
RUN npm run build

EXPOSE 3000

CMD ["node", "dist/index.js"]
`;

const NEW = `FROM node:20

WORKDIR /usr/src/app

COPY package* .
COPY ./prisma .
    
RUN npm install
RUN npx prisma generate

COPY . .

EXPOSE 3000

CMD ["node", "dist/index.js", ]
`;

describe('the seed lesson Dockerfiles', () => {
  it('types the first one', () => {
    const { stages, metaArgs } = stagesOf(OLD);
    expect(metaArgs).toEqual([]);
    expect(stages).toHaveLength(1);
    const s = stages[0];
    expect(s).toMatchObject({ kind: 'from', baseName: 'node:20', name: '', platform: '', startLine: 1 });
    expect(s?.commands.map((c) => [c.kind, c.startLine])).toEqual([
      ['workdir', 3],
      ['copy', 5],
      ['run', 7],
      ['run', 8],
      ['run', 9],
      ['expose', 11],
      ['cmd', 13],
    ]);
    expect(s?.commands[1]).toMatchObject({ sourcePaths: ['.'], destPath: '.', from: '', chown: '' });
    expect(s?.commands[2]).toMatchObject({ cmdLine: ['npm install'], prependShell: true, code: 'RUN npm install' });
    expect(s?.commands[6]).toMatchObject({ cmdLine: ['node', 'dist/index.js'], prependShell: false });
  });

  it('types the second one, whose CMD with a trailing comma is shell form with its text as written', () => {
    const s = stagesOf(NEW).stages[0];
    expect(s?.commands.map((c) => c.kind)).toEqual(['workdir', 'copy', 'copy', 'run', 'run', 'copy', 'expose', 'cmd']);
    expect(s?.commands[1]).toMatchObject({ sourcePaths: ['package*'], destPath: '.' });
    expect(s?.commands[7]).toMatchObject({
      kind: 'cmd',
      cmdLine: ['["node", "dist/index.js", ]'],
      prependShell: true,
      startLine: 15,
    });
  });
});

describe('FROM and stages', () => {
  it('lower-cases stage names, reads AS in any case and keeps --platform', () => {
    const { stages } = stagesOf('FROM --platform=linux/amd64 golang:1.22 As Build\nRUN go build\nFROM alpine\nCOPY --from=build /out /');
    expect(stages.map((s) => [s.name, s.baseName, s.platform, s.commands.length])).toEqual([
      ['build', 'golang:1.22', 'linux/amd64', 1],
      ['', 'alpine', '', 1],
    ]);
    expect(stages[1]?.commands[0]).toMatchObject({ kind: 'copy', from: 'build' });
  });

  it('rejects bad stage names and word counts', () => {
    expect(errorOf('FROM a AS 1st').message).toBe(
      'dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols',
    );
    expect(errorOf('FROM a AS my$stage').reason).toContain('"my$stage"');
    expect(errorOf('FROM a b').message).toBe('dockerfile parse error on line 1: FROM requires either one or three arguments');
    expect(errorOf('FROM a AS').reason).toBe('FROM requires either one or three arguments');
  });

  it('keeps ARGs before the first FROM as meta args, several per line', () => {
    const r = stagesOf('ARG VERSION=20 BASE\nARG EMPTY=\nFROM node:${VERSION}\nARG VERSION\n');
    expect(r.metaArgs.map((a) => a.args)).toEqual([
      [
        { key: 'VERSION', value: '20', comment: '' },
        { key: 'BASE', value: undefined, comment: '' },
      ],
      [{ key: 'EMPTY', value: '', comment: '' }],
    ]);
    expect(r.stages[0]?.baseName).toBe('node:${VERSION}');
    expect(r.stages[0]?.commands[0]).toMatchObject({ kind: 'arg', args: [{ key: 'VERSION', value: undefined }] });
  });

  it('refuses anything but ARG before FROM, without the parse-error prefix', () => {
    const e = errorOf('ARG a\n\nRUN echo\nFROM x');
    expect(e.message).toBe('no build stage in current context');
    expect([e.startLine, e.endLine]).toEqual([3, 3]);
  });

  it('reads a stage comment', () => {
    expect(stagesOf('# builder compiles the app\nFROM a AS builder').stages[0]?.comment).toBe('compiles the app');
  });
});

describe('unknown instructions', () => {
  it('suggests a keyword within distance 2, in the case the user wrote', () => {
    expect(errorOf('FROM a\nRUNN echo').message).toBe(
      'dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)',
    );
    expect(errorOf('FROM a\ncopyy a b').reason).toBe('unknown instruction: copyy (did you mean copy?)');
    expect(errorOf('FROM a\nCoPyy a b').reason).toBe('unknown instruction: CoPyy (did you mean copy?)');
    expect(errorOf('FROM a\nFOOBAR baz').reason).toBe('unknown instruction: FOOBAR');
  });

  it('takes names of Object methods for unknown instructions, not for parsers (found by fuzzing)', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(errorOf(`FROM a\n${name} x`).reason).toBe(`unknown instruction: ${name}`);
    }
  });

  it('reports the start line of a multi-line instruction and keeps its end', () => {
    const e = errorOf('FROM a\n\nRUNX a \\\n  b \\\n  c\n');
    expect(e.message).toMatch(/^dockerfile parse error on line 3: unknown instruction: RUNX/);
    expect([e.startLine, e.endLine]).toEqual([3, 5]);
  });

  it('needs distance below 3 and keeps the first of equal matches', () => {
    expect(withSuggestion('x', 'ENTRYPOIN', ['ENTRYPOINT'], false)).toBe('x (did you mean ENTRYPOINT?)');
    expect(withSuggestion('x', 'WRKDR', ['WORKDIR'], false)).toBe('x (did you mean WORKDIR?)');
    expect(withSuggestion('x', 'WRKR', ['WORKDIR'], false)).toBe('x');
    expect(withSuggestion('x', 'run', ['RUN'], false)).toBe('x');
  });
});

describe('RUN, CMD, ENTRYPOINT, SHELL', () => {
  it('keeps RUN flags', () => {
    const c = one('RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=x --network=none --security=insecure npm ci');
    expect(c).toMatchObject({
      kind: 'run',
      mounts: ['type=cache,target=/root/.npm', 'type=secret,id=x'],
      network: 'none',
      security: 'insecure',
      flagsUsed: ['mount', 'network', 'security'],
      cmdLine: ['npm ci'],
    });
  });

  it('carries heredocs as files', () => {
    expect(one('RUN <<EOF\necho hi\nEOF')).toMatchObject({
      cmdLine: ['<<EOF'],
      files: [{ name: 'EOF', data: 'echo hi\n', chomp: false }],
    });
  });

  it('makes an empty ENTRYPOINT nil and an empty CMD empty', () => {
    expect(one('ENTRYPOINT []')).toMatchObject({ cmdLine: undefined, prependShell: false });
    expect(one('CMD []')).toMatchObject({ cmdLine: [], prependShell: false });
  });

  it('wants SHELL in JSON form', () => {
    expect(one('SHELL ["/bin/bash", "-c"]')).toMatchObject({ kind: 'shell', shell: ['/bin/bash', '-c'] });
    expect(errorOf('FROM a\nSHELL /bin/bash -c').reason).toBe('SHELL requires the arguments to be in JSON form');
    expect(errorOf('FROM a\nSHELL []').reason).toBe('SHELL requires at least one argument');
  });
});

describe('flags (bflag.go)', () => {
  it('reports unknown, duplicate, missing and non-boolean flags', () => {
    expect(errorOf('FROM a\nCOPY --form=x a b').message).toBe(
      'dockerfile parse error on line 2: unknown flag: --form (did you mean from?)',
    );
    expect(errorOf('FROM a\nRUN --foo echo').reason).toBe('unknown flag: --foo');
    expect(errorOf('FROM a\nCOPY --from=a --from=b x y').reason).toBe('duplicate flag specified: --from');
    expect(errorOf('FROM a\nCOPY --from x y').reason).toBe('missing a value on flag: --from');
    expect(errorOf('FROM a\nCOPY --link= x y').reason).toBe('missing a value on flag: --link');
    expect(errorOf('FROM a\nCOPY --link=yes x y').reason).toBe('expecting boolean value for flag --link, not: yes');
    expect(errorOf('FROM --plat=x a').reason).toBe('unknown flag: --plat');
  });

  it('accepts repeatable flags and boolean spellings', () => {
    expect(one('COPY --exclude=*.md --exclude=docs --link=FALSE --parents --chmod=755 --chown=1:1 a b/')).toMatchObject({
      excludes: ['*.md', 'docs'],
      link: false,
      parents: true,
      chmod: '755',
      chown: '1:1',
    });
  });
});

describe('COPY and ADD', () => {
  it('needs a destination', () => {
    expect(errorOf('FROM a\nCOPY x').message).toBe(
      'dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined',
    );
    expect(errorOf('FROM a\nADD x').reason).toMatch(/^ADD requires at least two arguments/);
  });

  it('takes JSON form and heredoc sources', () => {
    expect(one('COPY ["a b", "c", "/d/"]')).toMatchObject({ sourcePaths: ['a b', 'c'], destPath: '/d/' });
    expect(one('COPY <<-EOF /etc/x\n\thello\n\tEOF')).toMatchObject({
      sourcePaths: [],
      sourceContents: [{ path: 'EOF', data: 'hello\n', expand: true }],
      destPath: '/etc/x',
    });
    expect(errorOf('FROM a\nCOPY a <<EOF\nx\nEOF').reason).toBe('COPY cannot accept a heredoc as a destination');
  });

  it('reads ADD flags', () => {
    expect(one('ADD --checksum=sha256:abc --keep-git-dir --chown=app https://x/y.tgz /y')).toMatchObject({
      kind: 'add',
      checksum: 'sha256:abc',
      keepGitDir: true,
      chown: 'app',
    });
    expect(errorOf('FROM a\nADD --from=x a b').reason).toBe('unknown flag: --from');
  });

  it('checks --chmod as conversion does', () => {
    expect(checkChmod('755')).toBeUndefined();
    expect(checkChmod('u+x,go-w')).toBeUndefined();
    expect(checkChmod('64a')).toBe("invalid chmod parameter: '64a'. it should be octal string and between 0 and 07777");
    expect(checkChmod('10000')).toBe("invalid chmod parameter: '10000'. it should be octal string and between 0 and 07777");
  });
});

describe('ENV, LABEL, ARG, and one-argument instructions', () => {
  it('pairs ENV and LABEL keys and values, raw', () => {
    expect(one('ENV A=1 B="two words"')).toMatchObject({
      env: [
        { key: 'A', value: '1', noDelim: false },
        { key: 'B', value: '"two words"', noDelim: false },
      ],
    });
    expect(one('ENV PATH /usr/bin:$PATH')).toMatchObject({ env: [{ key: 'PATH', value: '/usr/bin:$PATH', noDelim: true }] });
    expect(one('LABEL org.opencontainers.image.title="x"')).toMatchObject({
      labels: [{ key: 'org.opencontainers.image.title', value: '"x"' }],
    });
  });

  it('rejects blank ARG names', () => {
    expect(errorOf('FROM a\nARG =x').reason).toBe('ARG names can not be blank');
  });

  it('types WORKDIR, USER, STOPSIGNAL, MAINTAINER, EXPOSE and VOLUME', () => {
    const cs = commandsOf(
      'WORKDIR /srv/$APP\nUSER node:node\nSTOPSIGNAL SIGTERM\nMAINTAINER Jane <j@x>\nEXPOSE 80 443/tcp 3000\nVOLUME ["/data", "/logs"]\nVOLUME /a /b\n',
    );
    expect(cs).toMatchObject([
      { kind: 'workdir', path: '/srv/$APP' },
      { kind: 'user', user: 'node:node' },
      { kind: 'stopsignal', signal: 'SIGTERM' },
      { kind: 'maintainer', maintainer: 'Jane <j@x>' },
      { kind: 'expose', ports: ['3000', '443/tcp', '80'] },
      { kind: 'volume', volumes: ['/data', '/logs'] },
      { kind: 'volume', volumes: ['/a', '/b'] },
    ]);
  });

  it('reports argument counts', () => {
    expect(one('USER a b')).toMatchObject({ user: 'a b' });
    expect(errorOf('FROM a\nEXPOSE').reason).toBe('EXPOSE requires at least one argument');
    expect(errorOf('FROM a\nVOLUME [""]').reason).toBe('VOLUME specified can not be an empty string');
  });
});

describe('HEALTHCHECK', () => {
  it('reads NONE, shell and exec CMD with Go durations', () => {
    expect(one('HEALTHCHECK NONE')).toMatchObject({ health: { test: ['NONE'] } });
    expect(one('HEALTHCHECK --interval=30s --timeout=1m30s --start-period=1.5s --retries=3 CMD curl -f http://x/')).toMatchObject({
      health: {
        test: ['CMD-SHELL', 'curl -f http://x/'],
        interval: 30e9,
        timeout: 90e9,
        startPeriod: 1.5e9,
        retries: 3,
      },
    });
    expect(one('HEALTHCHECK --start-interval=5s CMD ["/check", "-q"]')).toMatchObject({
      health: { test: ['CMD', '/check', '-q'], startInterval: 5e9 },
    });
  });

  it('gives BuildKit and Go errors', () => {
    const r = (t: string) => errorOf('FROM a\n' + t).reason;
    expect(r('HEALTHCHECK NONE x')).toBe('HEALTHCHECK NONE takes no arguments');
    expect(r('HEALTHCHECK CURL x')).toBe('Unknown type "CURL" in HEALTHCHECK (try CMD)');
    expect(r('HEALTHCHECK --interval=5 CMD x')).toBe('time: missing unit in duration "5"');
    expect(r('HEALTHCHECK --interval=5y CMD x')).toBe('time: unknown unit "y" in duration "5y"');
    expect(r('HEALTHCHECK --interval=abc CMD x')).toBe('time: invalid duration "abc"');
    expect(r('HEALTHCHECK --timeout=10us CMD x')).toBe('Interval "timeout" cannot be less than 1ms');
    expect(r('HEALTHCHECK --retries=-1 CMD x')).toBe('--retries cannot be negative (-1)');
    expect(r('HEALTHCHECK --retries=x CMD x')).toBe('strconv.ParseInt: parsing "x": invalid syntax');
    expect(r('HEALTHCHECK --foo=1 CMD x')).toBe('unknown flag: --foo');
  });

  it('parses Go durations', () => {
    expect(parseGoDuration('1h2m3.5s')).toBe(3723.5e9);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-2ms')).toBe(-2e6);
    expect(parseGoDuration('300µs')).toBe(300e3);
  });
});

describe('ONBUILD', () => {
  it('keeps the trigger text and node', () => {
    const c = one('ONBUILD RUN echo hi');
    expect(c).toMatchObject({ kind: 'onbuild', expression: 'RUN echo hi' });
    expect(c.kind === 'onbuild' && c.trigger?.value).toBe('run');
  });

  it('rejects ONBUILD, FROM and MAINTAINER triggers', () => {
    expect(errorOf('FROM a\nONBUILD ONBUILD RUN x').reason).toBe('Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
    expect(errorOf('FROM a\nONBUILD from b').reason).toBe("FROM isn't allowed as an ONBUILD trigger");
    expect(errorOf('FROM a\nONBUILD MAINTAINER me').message).toBe(
      "dockerfile parse error on line 2: MAINTAINER isn't allowed as an ONBUILD trigger",
    );
  });
});
