import { ALPINE_3_22 } from './alpine.ts';
import { BUILDPACK_DEPS_BOOKWORM, DEBIAN_BOOKWORM_SLIM } from './debian.ts';
import { execForm, meta, run } from './dockerfile.ts';
import type { LayerBuilder } from './layer-builder.ts';
import type { ImageSpec, LayerSpec } from './types.ts';

/**
 * python 3.12.11 (bookworm ≈1.02GB, slim ≈124MB, alpine3.22 ≈50MB) and 3.13.4 (`latest`), from
 * docker-library/python, June 2025. The build RUN lines are upstream's opening words only.
 */

interface PythonRelease {
  readonly version: string;
  readonly minor: string;
  readonly gpgKey: string;
  readonly sha256: string;
  readonly created: string;
  readonly sizes: { readonly bookworm: number; readonly slim?: number; readonly alpine?: number };
  readonly tags: { readonly bookworm: readonly string[]; readonly slim?: readonly string[]; readonly alpine?: readonly string[] };
}

const RELEASES: readonly PythonRelease[] = [
  {
    version: '3.12.11', minor: '3.12', gpgKey: '7169605F62C751356D054A26A821E680E5FA6305', sha256: 'c30bb24b7f1e9a19b11b55a546434f74e739bb4c271a3e3a80ff4380d49f7adb', created: '2025-06-04T00:51:22Z',
    sizes: { bookworm: 65_931_460, slim: 45_617_237, alpine: 40_827_311 },
    tags: { bookworm: ['3.12', '3.12.11', '3.12-bookworm', '3.12.11-bookworm'], slim: ['3.12-slim', '3.12.11-slim', '3.12-slim-bookworm', '3.12.11-slim-bookworm'], alpine: ['3.12-alpine', '3.12.11-alpine', '3.12-alpine3.22', '3.12.11-alpine3.22'] },
  },
  {
    version: '3.13.4', minor: '3.13', gpgKey: '7169605F62C751356D054A26A821E680E5FA6305', sha256: '27b15a797562a2971dce3ffe31bb216042ce0b995b39d768cf15f784cc757365', created: '2025-06-04T00:51:22Z',
    sizes: { bookworm: 68_407_912 },
    tags: { bookworm: ['3.13', '3.13.4', '3', 'latest', '3.13-bookworm', '3.13.4-bookworm', 'bookworm'] },
  },
];

function pythonFiles(l: LayerBuilder, r: PythonRelease): void {
  l.exe(`/usr/local/bin/python${r.minor}`, 'python3', 17_592);
  l.blob(`/usr/local/lib/libpython${r.minor}.so.1.0`, 26_318_384);
  l.link(`/usr/local/lib/libpython${r.minor}.so`, `libpython${r.minor}.so.1.0`);
  l.links('/usr/local/bin', { python3: `python${r.minor}`, pydoc3: `pydoc${r.minor}`, idle3: `idle${r.minor}`, 'python3-config': `python${r.minor}-config` });
  const script = (mod: string): string => `#!/usr/local/bin/python${r.minor}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${mod} import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n`;
  for (const name of ['pip', 'pip3', `pip${r.minor}`]) l.file(`/usr/local/bin/${name}`, script('pip._internal.cli.main'), { mode: 0o755 });
  for (const name of [`pydoc${r.minor}`, `idle${r.minor}`, `python${r.minor}-config`]) l.file(`/usr/local/bin/${name}`, `#!/usr/local/bin/python${r.minor}\n`, { mode: 0o755 });
  l.fill(`/usr/local/lib/python${r.minor}`, 600, '#%.py', 4);
  l.fill(`/usr/local/lib/python${r.minor}/lib-dynload`, 70, '_#.cpython-312-x86_64-linux-gnu.so', 2);
  l.fill(`/usr/local/lib/python${r.minor}/site-packages/pip`, 300, '#%.py', 2);
  l.fill(`/usr/local/include/python${r.minor}`, 80, '#%.h', 1);
}

type Variant = 'bookworm' | 'slim' | 'alpine';

function pythonImage(r: PythonRelease, variant: Variant): ImageSpec {
  const t = r.created;
  const key = `python:${r.version}-${variant}`;
  const links: LayerSpec = {
    key: `${key}/links`,
    created: t,
    build: (l) => l.links('/usr/local/bin', { idle: 'idle3', pydoc: 'pydoc3', python: 'python3', 'python-config': 'python3-config' }),
  };
  const deps: LayerSpec =
    variant === 'bookworm'
      ? { key: `${key}/deps`, created: t, size: 18_573_121, build: (l) => l.fill('/usr/lib/x86_64-linux-gnu', 60, 'lib#.so.%').fill('/usr/include', 100, '#%.h') }
      : variant === 'slim'
        ? { key: `${key}/deps`, created: t, size: 3_512_339, build: (l) => l.fill('/usr/share/ca-certificates/mozilla', 140, '#%.crt').fill('/usr/lib/x86_64-linux-gnu', 8) }
        : { key: `${key}/deps`, created: t, size: 1_019_824, build: (l) => l.fill('/usr/share/zoneinfo', 30, '#%').fill('/etc/ssl/certs', 1, 'ca-#.pem') };
  const build: LayerSpec = { key: `${key}/python`, created: t, size: r.sizes[variant]!, build: (l) => pythonFiles(l, r) };
  const depsLine =
    variant === 'bookworm'
      ? 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev \t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/*'
      : variant === 'slim'
        ? 'set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*'
        : 'set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t;';
  return {
    repository: 'library/python',
    tags: r.tags[variant]!,
    base: variant === 'alpine' ? ALPINE_3_22 : variant === 'slim' ? DEBIAN_BOOKWORM_SLIM : BUILDPACK_DEPS_BOOKWORM,
    steps: [
      meta(t, 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
      meta(t, 'ENV LANG=C.UTF-8'),
      run(t, depsLine, deps),
      meta(t, `ENV GPG_KEY=${r.gpgKey}`),
      meta(t, `ENV PYTHON_VERSION=${r.version}`),
      meta(t, `ENV PYTHON_SHA256=${r.sha256}`),
      run(t, 'set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \techo "$PYTHON_SHA256 *python.tar.xz" | sha256sum -c -; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \t./configure \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-ensurepip \t; \tmake -j "$(nproc)"; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tldconfig; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version', build),
      run(t, 'set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone', links),
      execForm(t, 'CMD', ['python3']),
    ],
    config: {
      Env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', `GPG_KEY=${r.gpgKey}`, `PYTHON_VERSION=${r.version}`, `PYTHON_SHA256=${r.sha256}`],
      Cmd: ['python3'],
    },
  };
}

export const PYTHON_IMAGES: readonly ImageSpec[] = RELEASES.flatMap((r) => (['bookworm', 'slim', 'alpine'] as const).filter((v) => r.tags[v]).map((v) => pythonImage(r, v)));
