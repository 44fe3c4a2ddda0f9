// Short explanations of each Dockerfile instruction and flag, for the editor's hovers and completion details.
// Written for learners from Docker's Dockerfile reference (https://docs.docker.com/reference/dockerfile/); the flags
// listed are exactly the ones our instruction parser accepts, so a hover never promises something a build rejects.

export interface FlagDoc {
  /** Without the leading dashes: `from`, `chown`. */
  readonly name: string;
  /** What the value looks like (`<stage|image>`); absent for a boolean flag. */
  readonly value?: string;
  readonly summary: string;
}

export interface InstructionDoc {
  /** Upper case, as written in Dockerfiles. */
  readonly name: string;
  readonly syntax: readonly string[];
  readonly summary: string;
  readonly flags: readonly FlagDoc[];
  readonly url: string;
}

const REFERENCE = 'https://docs.docker.com/reference/dockerfile/';

const CHOWN: FlagDoc = {
  name: 'chown',
  value: '<user>[:<group>]',
  summary:
    'Owner of the copied files in the image, by name or numeric ID. Without it they belong to root (0:0). Names are looked up in the image\'s /etc/passwd and /etc/group.',
};
const CHMOD: FlagDoc = {
  name: 'chmod',
  value: '<perms>',
  summary: 'Permission bits for the copied files, in octal (`755`) or symbolic form (`u=rwx,go=rx`), instead of the ones they had in the source.',
};
const LINK: FlagDoc = {
  name: 'link',
  summary:
    'Puts the copied files in a layer of their own that does not depend on the layers below. When an earlier instruction changes, the cached layer can be reused instead of copied again.',
};
const EXCLUDE: FlagDoc = {
  name: 'exclude',
  value: '<pattern>',
  summary: 'Leaves out source files matching the pattern (same syntax as .dockerignore). May be given several times.',
};

const docs: readonly InstructionDoc[] = [
  {
    name: 'FROM',
    syntax: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    summary:
      'Starts a new build stage from a base image. Every Dockerfile begins with FROM (only ARG may come before it). `AS <name>` names the stage so later stages can `COPY --from` it or build `FROM` it.',
    flags: [
      {
        name: 'platform',
        value: '<os>/<arch>[/<variant>]',
        summary:
          'Chooses the platform variant of a multi-platform base image, such as `linux/amd64` or `linux/arm64`. Without it the build\'s target platform is used.',
      },
    ],
    url: `${REFERENCE}#from`,
  },
  {
    name: 'RUN',
    syntax: ['RUN [OPTIONS] <command>', 'RUN [OPTIONS] ["executable", "param1", "param2"]'],
    summary:
      'Runs a command in a container made from the current image and saves the changed files as a new layer. The shell form runs through `/bin/sh -c`; the JSON (exec) form runs the program directly, with no shell.',
    flags: [
      {
        name: 'mount',
        value: 'type=<bind|cache|tmpfs|secret|ssh>[,<option>=<value>...]',
        summary:
          'Gives this one command extra filesystems that are not saved in the layer: `bind` (files from the context or another stage), `cache` (a directory kept between builds, for package managers), `tmpfs`, `secret` and `ssh`.',
      },
      {
        name: 'network',
        value: '<default|none|host>',
        summary: 'The network the command runs with: `default` (the normal one), `none` (no network access at all) or `host` (needs a build entitlement).',
      },
      {
        name: 'security',
        value: '<sandbox|insecure>',
        summary: '`insecure` runs the command with extra privileges, like `docker run --privileged`; it needs a build entitlement. `sandbox` is the default.',
      },
    ],
    url: `${REFERENCE}#run`,
  },
  {
    name: 'CMD',
    syntax: ['CMD ["executable", "param1", "param2"]', 'CMD ["param1", "param2"]', 'CMD command param1 param2'],
    summary:
      'The default command of a container started from the image, replaced by any command given to `docker run`. With an ENTRYPOINT, it supplies the entrypoint\'s default arguments. Only the last CMD counts.',
    flags: [],
    url: `${REFERENCE}#cmd`,
  },
  {
    name: 'LABEL',
    syntax: ['LABEL <key>=<value> [<key>=<value>...]'],
    summary: 'Adds key-value metadata to the image (maintainer, version, source URL…). Labels are inherited from the base image; `docker inspect` shows them.',
    flags: [],
    url: `${REFERENCE}#label`,
  },
  {
    name: 'MAINTAINER',
    syntax: ['MAINTAINER <name>'],
    summary: 'Deprecated: sets the image\'s author field. Use `LABEL org.opencontainers.image.authors="…"` instead.',
    flags: [],
    url: `${REFERENCE}#maintainer-deprecated`,
  },
  {
    name: 'EXPOSE',
    syntax: ['EXPOSE <port>[/<protocol>] [<port>[/<protocol>]...]'],
    summary:
      'Documents the ports the application listens on (TCP unless `/udp`). It does not publish them: use `docker run -p` for that, or `-P` to publish every exposed port.',
    flags: [],
    url: `${REFERENCE}#expose`,
  },
  {
    name: 'ENV',
    syntax: ['ENV <key>=<value> [<key>=<value>...]'],
    summary:
      'Sets environment variables for the following instructions and for containers run from the image. Values stay in the image, so never put secrets here.',
    flags: [],
    url: `${REFERENCE}#env`,
  },
  {
    name: 'ADD',
    syntax: ['ADD [OPTIONS] <src> ... <dest>', 'ADD [OPTIONS] ["<src>", ... "<dest>"]'],
    summary:
      'Copies files into the image like COPY, and can also fetch URLs and Git repositories and unpack local tar archives. Prefer COPY for plain files.',
    flags: [
      {
        name: 'checksum',
        value: '<algorithm>:<hash>',
        summary: 'Checks a file downloaded from a URL against this digest (for example `sha256:…`); the build fails if it does not match.',
      },
      { name: 'keep-git-dir', summary: 'When adding a Git repository, keeps its `.git` directory in the image.' },
      CHOWN,
      CHMOD,
      LINK,
      EXCLUDE,
    ],
    url: `${REFERENCE}#add`,
  },
  {
    name: 'COPY',
    syntax: ['COPY [OPTIONS] <src> ... <dest>', 'COPY [OPTIONS] ["<src>", ... "<dest>"]'],
    summary:
      'Copies files and directories from the build context (or another stage or image) into the image, as a new layer. A relative `<dest>` is taken from the WORKDIR.',
    flags: [
      {
        name: 'from',
        value: '<stage|image|context>',
        summary: 'Copies from an earlier build stage (by name or index), an image, or a named context instead of the build context: the heart of multi-stage builds.',
      },
      CHOWN,
      CHMOD,
      LINK,
      {
        name: 'parents',
        summary: 'Keeps the source paths\' parent directories under `<dest>` instead of copying each source to `<dest>` directly.',
      },
      EXCLUDE,
    ],
    url: `${REFERENCE}#copy`,
  },
  {
    name: 'ENTRYPOINT',
    syntax: ['ENTRYPOINT ["executable", "param1", "param2"]', 'ENTRYPOINT command param1 param2'],
    summary:
      'The program a container from the image always runs; CMD and `docker run` arguments are passed to it. Use the JSON form so the program is PID 1 and receives signals.',
    flags: [],
    url: `${REFERENCE}#entrypoint`,
  },
  {
    name: 'VOLUME',
    syntax: ['VOLUME ["/data"]', 'VOLUME /data [/more...]'],
    summary:
      'Marks a directory as holding data that lives outside the container: each new container gets an anonymous volume there unless one is mounted. Changes to it in later build steps are discarded.',
    flags: [],
    url: `${REFERENCE}#volume`,
  },
  {
    name: 'USER',
    syntax: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    summary: 'The user (and group) that later RUN, CMD and ENTRYPOINT instructions and the container run as. Running as a non-root user is safer.',
    flags: [],
    url: `${REFERENCE}#user`,
  },
  {
    name: 'WORKDIR',
    syntax: ['WORKDIR /path/to/workdir'],
    summary:
      'Sets the working directory for the instructions that follow and for the container, creating it if needed. A relative path is taken from the previous WORKDIR.',
    flags: [],
    url: `${REFERENCE}#workdir`,
  },
  {
    name: 'ARG',
    syntax: ['ARG <name>[=<default value>] [<name>[=<default value>]...]'],
    summary:
      'Declares a build argument that `docker build --build-arg` can set. It exists only while building (not in running containers), from its line to the end of the stage; an ARG before FROM can be used in FROM lines.',
    flags: [],
    url: `${REFERENCE}#arg`,
  },
  {
    name: 'ONBUILD',
    syntax: ['ONBUILD <INSTRUCTION>'],
    summary: 'Stores an instruction that runs later, when another Dockerfile uses this image as its base: right after that build\'s FROM.',
    flags: [],
    url: `${REFERENCE}#onbuild`,
  },
  {
    name: 'STOPSIGNAL',
    syntax: ['STOPSIGNAL signal'],
    summary: 'The signal `docker stop` sends to ask the container to exit, by name (`SIGQUIT`) or number. The default is SIGTERM.',
    flags: [],
    url: `${REFERENCE}#stopsignal`,
  },
  {
    name: 'HEALTHCHECK',
    syntax: ['HEALTHCHECK [OPTIONS] CMD command', 'HEALTHCHECK NONE'],
    summary:
      'A command Docker runs inside the container to test that it still works; its exit status (0 healthy, 1 unhealthy) sets the health `docker ps` shows. `NONE` turns off a check inherited from the base image.',
    flags: [
      { name: 'interval', value: '<duration>', summary: 'Time between checks (default 30s).' },
      { name: 'timeout', value: '<duration>', summary: 'A check taking longer than this counts as failed (default 30s).' },
      {
        name: 'start-period',
        value: '<duration>',
        summary: 'Start-up time during which failed checks are not counted (default 0s). A success ends it early.',
      },
      { name: 'start-interval', value: '<duration>', summary: 'Time between checks during the start period (default 5s).' },
      { name: 'retries', value: '<n>', summary: 'How many checks in a row must fail before the container is unhealthy (default 3).' },
    ],
    url: `${REFERENCE}#healthcheck`,
  },
  {
    name: 'SHELL',
    syntax: ['SHELL ["executable", "parameters"]'],
    summary: 'Replaces the shell that shell-form RUN, CMD and ENTRYPOINT use (by default `["/bin/sh", "-c"]`), for the rest of the stage.',
    flags: [],
    url: `${REFERENCE}#shell`,
  },
];

/** By lower-case instruction name. */
export const INSTRUCTION_DOCS: ReadonlyMap<string, InstructionDoc> = new Map(docs.map((d) => [d.name.toLowerCase(), d]));

export function instructionDoc(name: string): InstructionDoc | undefined {
  return INSTRUCTION_DOCS.get(name.toLowerCase());
}

/** `flag` without its dashes. Flag names are case-sensitive in BuildKit. */
export function flagDoc(instruction: string, flag: string): FlagDoc | undefined {
  return instructionDoc(instruction)?.flags.find((f) => f.name === flag);
}

/** Markdown for a hover over an instruction keyword. */
export function instructionMarkdown(doc: InstructionDoc): string {
  return `**${doc.name}**\n\n\`\`\`\n${doc.syntax.join('\n')}\n\`\`\`\n\n${doc.summary}\n\n[Dockerfile reference](${doc.url})`;
}

/** Markdown for a hover over a flag. */
export function flagMarkdown(instruction: InstructionDoc, flag: FlagDoc): string {
  return `**${instruction.name} --${flag.name}${flag.value !== undefined ? `=${flag.value}` : ''}**\n\n${flag.summary}\n\n[Dockerfile reference](${instruction.url})`;
}
