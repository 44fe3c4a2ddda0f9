import { ALPINE_3_21 } from './alpine.ts';
import { BUILDPACK_DEPS_BOOKWORM, DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { copy, execForm, joined, meta, run } from './dockerfile.ts';
import type { LayerBuilder } from './layer-builder.ts';
import { alpineGroup, alpinePasswd, debianGroup, debianPasswd, shadowFor } from './os.ts';
import type { ImageSpec, LayerSpec } from './types.ts';

/**
 * node 20.19.2 (iron), 22.16.0 (jod, `lts`) and 24.2.0 (`current`, `latest`) as of June 2025, from
 * nodejs/docker-node: bookworm (on buildpack-deps), bookworm-slim and alpine3.21 variants. Layer sizes are
 * approximations of Docker Hub's listing (node:20 ≈ 1.1GB, 20-slim ≈ 240MB, 20-alpine ≈ 135MB).
 *
 * docker-entrypoint.sh is a simplified restatement of upstream's (MIT): run the arguments, prepending `node` when
 * the first one is an option, not a command, or a non-executable file.
 */

const ENTRYPOINT_SH = `#!/bin/sh
set -e

# An option, a script name or anything that is not a command is meant for node.
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

interface NodeRelease {
  readonly version: string;
  readonly npm: string;
  readonly created: string;
  readonly binary: number;
  /** Sizes of the node layer: bookworm, slim, alpine. */
  readonly layer: { readonly bookworm: number; readonly slim: number; readonly alpine?: number };
  readonly tags: { readonly bookworm: readonly string[]; readonly slim: readonly string[]; readonly alpine?: readonly string[] };
}

const RELEASES: readonly NodeRelease[] = [
  {
    version: '20.19.2', npm: '10.8.2', created: '2025-05-22T02:14:51Z', binary: 97_364_232,
    layer: { bookworm: 161_276_413, slim: 163_514_262, alpine: 121_902_118 },
    tags: {
      bookworm: ['20', '20.19', '20.19.2', '20-bookworm', '20.19-bookworm', '20.19.2-bookworm', 'iron', 'iron-bookworm'],
      slim: ['20-slim', '20.19-slim', '20.19.2-slim', '20-bookworm-slim', '20.19-bookworm-slim', '20.19.2-bookworm-slim', 'iron-slim', 'iron-bookworm-slim'],
      alpine: ['20-alpine', '20.19-alpine', '20.19.2-alpine', '20-alpine3.21', '20.19-alpine3.21', '20.19.2-alpine3.21', 'iron-alpine', 'iron-alpine3.21'],
    },
  },
  {
    version: '22.16.0', npm: '10.9.2', created: '2025-05-22T02:16:40Z', binary: 119_430_512,
    layer: { bookworm: 192_431_050, slim: 194_660_871, alpine: 150_118_355 },
    tags: {
      bookworm: ['22', '22.16', '22.16.0', '22-bookworm', '22.16-bookworm', '22.16.0-bookworm', 'lts', 'lts-bookworm', 'jod', 'jod-bookworm'],
      slim: ['22-slim', '22.16-slim', '22.16.0-slim', '22-bookworm-slim', '22.16.0-bookworm-slim', 'lts-slim', 'lts-bookworm-slim', 'jod-slim', 'jod-bookworm-slim'],
      alpine: ['22-alpine', '22.16-alpine', '22.16.0-alpine', '22-alpine3.21', '22.16.0-alpine3.21', 'lts-alpine', 'lts-alpine3.21', 'jod-alpine', 'jod-alpine3.21'],
    },
  },
  {
    version: '24.2.0', npm: '11.3.0', created: '2025-06-10T01:57:13Z', binary: 121_934_552,
    layer: { bookworm: 199_812_644, slim: 202_048_933 },
    tags: {
      bookworm: ['24', '24.2', '24.2.0', '24-bookworm', '24.2.0-bookworm', 'current', 'current-bookworm', 'bookworm', 'latest'],
      slim: ['24-slim', '24.2.0-slim', '24-bookworm-slim', 'current-slim', 'bookworm-slim', 'slim'],
    },
  },
];

const YARN = '1.22.22';
const NODE_PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The official linux-x64 tarball unpacked into /usr/local, plus the `nodejs` link the Dockerfile adds. */
function nodeFiles(l: LayerBuilder, r: NodeRelease, musl: boolean): void {
  l.exe('/usr/local/bin/node', 'node', musl ? r.binary - 3_117_000 : r.binary);
  if (!musl) l.link('/usr/local/bin/nodejs', '/usr/local/bin/node');
  l.links('/usr/local/bin', {
    npm: '../lib/node_modules/npm/bin/npm-cli.js',
    npx: '../lib/node_modules/npm/bin/npx-cli.js',
    corepack: '../lib/node_modules/corepack/dist/corepack.js',
  });
  const npm = '/usr/local/lib/node_modules/npm';
  l.file(`${npm}/bin/npm-cli.js`, "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n", { mode: 0o755 });
  l.file(`${npm}/bin/npx-cli.js`, "#!/usr/bin/env node\n\nconst cli = require('../lib/cli.js')\n\n// run the resulting command as `npm exec ...args`\nprocess.argv[1] = require.resolve('./npm-cli.js')\nprocess.argv.splice(2, 0, 'exec')\n\ncli(process)\n", { mode: 0o755 });
  l.file(`${npm}/package.json`, `{\n  "version": "${r.npm}",\n  "name": "npm",\n  "description": "a package manager for JavaScript",\n  "main": "./index.js",\n  "bin": {\n    "npm": "bin/npm-cli.js",\n    "npx": "bin/npx-cli.js"\n  },\n  "license": "Artistic-2.0"\n}\n`);
  l.file('/usr/local/lib/node_modules/corepack/dist/corepack.js', "#!/usr/bin/env node\nprocess.env.COREPACK_ENABLE_DOWNLOAD_PROMPT??='0';\nrequire('./lib/corepack.cjs').runMain(process.argv.slice(2));\n", { mode: 0o755 });
  l.blob('/usr/local/CHANGELOG.md', 412_930);
  l.blob('/usr/local/LICENSE', 117_014);
  l.blob('/usr/local/README.md', 38_117);
  l.blob('/usr/local/share/man/man1/node.1', 22_912);
  l.fill('/usr/local/include/node', 120, '#%.h', 1);
  l.fill(`${npm}/node_modules`, 400, '#%.js', 3);
  l.fill(`${npm}/lib`, 120, '#%.js', 1);
  l.fill('/usr/local/lib/node_modules/corepack/dist/lib', 4, '#%.cjs', 1);
  l.fill('/usr/local/share/doc/node', 4, '#%.md', 1);
}

function nodeUserFiles(l: LayerBuilder, alpine: boolean): void {
  const passwd = alpine ? alpinePasswd('node:x:1000:1000::/home/node:/bin/sh') : debianPasswd('node:x:1000:1000::/home/node:/bin/bash');
  l.file('/etc/passwd', passwd);
  l.file('/etc/group', alpine ? alpineGroup('node:x:1000:') : debianGroup('node:x:1000:'));
  l.file('/etc/shadow', shadowFor(passwd), { mode: 0o640, gid: 42 });
  l.dir('/home/node', { uid: 1000, gid: 1000, mode: alpine ? 0o2755 : 0o755 });
  if (!alpine) {
    l.file('/home/node/.bashrc', "# ~/.bashrc: executed by bash(1) for non-login shells.\ncase $- in\n    *i*) ;;\n      *) return;;\nesac\nHISTCONTROL=ignoreboth\nalias ls='ls --color=auto'\n", { uid: 1000, gid: 1000 });
    l.file('/home/node/.profile', '# ~/.profile: executed by the command interpreter for login shells.\nif [ -n "$BASH_VERSION" ]; then\n    if [ -f "$HOME/.bashrc" ]; then\n\t. "$HOME/.bashrc"\n    fi\nfi\n', { uid: 1000, gid: 1000 });
    l.file('/home/node/.bash_logout', '# ~/.bash_logout: executed by bash(1) when login shell exits.\nif [ "$SHLVL" = 1 ]; then\n    [ -x /usr/bin/clear_console ] && /usr/bin/clear_console -q\nfi\n', { uid: 1000, gid: 1000 });
  }
}

function yarnFiles(l: LayerBuilder): void {
  const dir = `/opt/yarn-v${YARN}`;
  l.file(`${dir}/bin/yarn`, '#!/bin/sh\nargv0=$(echo "$0" | sed -e \'s,\\\\,/,g\')\nbasedir=$(dirname "$(readlink "$0" || echo "$argv0")")\nexec node "$basedir/yarn.js" "$@"\n', { mode: 0o755 });
  l.file(`${dir}/bin/yarn.js`, "#!/usr/bin/env node\n'use strict';\nrequire(__dirname + '/../lib/cli').default().catch(function (error) { console.error(error.stack || error.message || error); process.exitCode = 1; });\n", { mode: 0o755 });
  l.link(`${dir}/bin/yarnpkg`, 'yarn');
  l.blob(`${dir}/lib/cli.js`, 5_288_617);
  l.file(`${dir}/package.json`, `{\n  "name": "yarn",\n  "installationMethod": "tar",\n  "version": "${YARN}",\n  "license": "BSD-2-Clause"\n}\n`);
  l.links('/usr/local/bin', { yarn: `${dir}/bin/yarn`, yarnpkg: `${dir}/bin/yarnpkg` });
}

const NODE_INSTALL_BOOKWORM = joined(`ARCH= && dpkgArch="$(dpkg --print-architecture)" \\
  && case "\${dpkgArch##*-}" in \\
    amd64) ARCH='x64';; \\
    ppc64el) ARCH='ppc64le';; \\
    s390x) ARCH='s390x';; \\
    arm64) ARCH='arm64';; \\
    armhf) ARCH='armv7l';; \\
    i386) ARCH='x86';; \\
    *) echo "unsupported architecture"; exit 1 ;; \\
  esac \\
  && export GNUPGHOME="$(mktemp -d)" \\
  && set -ex \\
  && for key in \\
    C0D6248439F1D5604AAFFB4021D900FFDB233756 \\
    DD792F5973C6DE52C432CBDAC77ABFA00DDBF2B7 \\
    CC68F5A3106FF448322E48ED27F5E38D5B0A215F \\
    8FCCA13FEF1D0C2E91008E09770F7A9A5AE15600 \\
    890C08DB8579162FEE0DF9DB8BEAB4DFCF555EF4 \\
    C82FA3AE1CBEDC6BE46B9360C43CEC45C17AB93C \\
    108F52B48DB57BB0CC439B2997B01419BD92F80A \\
    A363A499291CBBC940DD62E41F10027AF002F8B0 \\
  ; do \\
      gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" || \\
      gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ; \\
  done \\
  && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz" \\
  && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc" \\
  && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc \\
  && gpgconf --kill all \\
  && rm -rf "$GNUPGHOME" \\
  && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c - \\
  && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner \\
  && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt \\
  && ln -s /usr/local/bin/node /usr/local/bin/nodejs \\
  && node --version \\
  && npm --version \\
  && rm -rf /tmp/*`);

const YARN_INSTALL = joined(`set -ex \\
  && export GNUPGHOME="$(mktemp -d)" \\
  && for key in \\
    6A010C5166006599AA17F08146C2130DFD2497F5 \\
  ; do \\
    gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" || \\
    gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ; \\
  done \\
  && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz" \\
  && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc" \\
  && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz \\
  && gpgconf --kill all \\
  && rm -rf "$GNUPGHOME" \\
  && mkdir -p /opt \\
  && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/ \\
  && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn \\
  && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg \\
  && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz \\
  && yarn --version \\
  && rm -rf /tmp/*`);

// The slim and alpine RUN lines are upstream's opening words only (the full lines run to several kB).
const NODE_INSTALL_SLIM = `ARCH= OPENSSL_ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "\${dpkgArch##*-}" in     amd64) ARCH='x64' OPENSSL_ARCH='linux-x86_64';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && set -ex   && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends   && rm -rf /var/lib/apt/lists/*   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && apt-mark auto '.*' > /dev/null   && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version   && rm -rf /tmp/*`;
const NODE_INSTALL_ALPINE = `addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= OPENSSL_ARCH='linux*' && alpineArch="$(apk --print-arch)"       && case "\${alpineArch##*-}" in         x86_64) ARCH='x64'           CHECKSUM="$CHECKSUM"           OPENSSL_ARCH=linux-x86_64;;         *) ;;       esac   && tar -Jxf "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && apk del .build-deps   && node --version   && npm --version   && rm -rf /tmp/*`;
const YARN_INSTALL_SLIM = `set -ex   && savedAptMark="$(apt-mark showmanual)"   && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr --no-install-recommends   && rm -rf /var/lib/apt/lists/*   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apt-mark auto '.*' > /dev/null   && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false   && yarn --version   && rm -rf /tmp/*`;
const YARN_INSTALL_ALPINE = `apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME="$(mktemp -d)"   && gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys 6A010C5166006599AA17F08146C2130DFD2497F5   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   && yarn --version   && rm -rf /tmp/*`;

type Variant = 'bookworm' | 'slim' | 'alpine';

function layer(key: string, created: string, build: (l: LayerBuilder) => void, size?: number): LayerSpec {
  return size === undefined ? { key, created, build } : { key, created, size, build };
}

function nodeImage(r: NodeRelease, variant: Variant): ImageSpec {
  const t = r.created;
  const key = `node:${r.version}-${variant}`;
  const alpine = variant === 'alpine';
  const entrypoint = copy(t, 'docker-entrypoint.sh /usr/local/bin/', layer(`${key}/entrypoint`, t, (l) => l.file('/usr/local/bin/docker-entrypoint.sh', ENTRYPOINT_SH, { mode: 0o755 })));
  const yarnLayer = layer(`${key}/yarn`, t, yarnFiles);
  const nodeLayer = (size: number): LayerSpec =>
    layer(`${key}/node`, t, (l) => {
      if (alpine) {
        nodeUserFiles(l, true);
        l.blob('/usr/lib/libstdc++.so.6.0.33', 2_667_928);
        l.link('/usr/lib/libstdc++.so.6', 'libstdc++.so.6.0.33');
        l.blob('/usr/lib/libgcc_s.so.1', 140_112);
      }
      nodeFiles(l, r, alpine);
    }, size);
  const steps =
    variant === 'alpine'
      ? [meta(t, `ENV NODE_VERSION=${r.version}`), run(t, NODE_INSTALL_ALPINE, nodeLayer(r.layer.alpine!)), meta(t, `ENV YARN_VERSION=${YARN}`), run(t, YARN_INSTALL_ALPINE, yarnLayer)]
      : [
          run(t, 'groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node', layer(`${key}/user`, t, (l) => nodeUserFiles(l, false))),
          meta(t, `ENV NODE_VERSION=${r.version}`),
          run(t, variant === 'slim' ? NODE_INSTALL_SLIM : NODE_INSTALL_BOOKWORM, nodeLayer(variant === 'slim' ? r.layer.slim : r.layer.bookworm)),
          meta(t, `ENV YARN_VERSION=${YARN}`),
          run(t, variant === 'slim' ? YARN_INSTALL_SLIM : YARN_INSTALL, yarnLayer),
        ];
  return {
    repository: 'library/node',
    tags: r.tags[variant]!,
    base: variant === 'alpine' ? ALPINE_3_21 : variant === 'slim' ? DEBIAN_BOOKWORM_SLIM : BUILDPACK_DEPS_BOOKWORM,
    steps: [...steps, entrypoint, execForm(t, 'ENTRYPOINT', ['docker-entrypoint.sh']), execForm(t, 'CMD', ['node'])],
    config: { Env: [NODE_PATH_ENV, `NODE_VERSION=${r.version}`, `YARN_VERSION=${YARN}`], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] },
  };
}

export const NODE_IMAGES: readonly ImageSpec[] = RELEASES.flatMap((r) => (['bookworm', 'slim', 'alpine'] as const).filter((v) => r.tags[v]).map((v) => nodeImage(r, v)));
