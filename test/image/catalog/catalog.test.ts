import { describe, expect, it } from 'vitest';
import { digestBytes } from '../../../engine/fs/digest.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { union } from '../../../engine/fs/union.ts';
import { layersOf } from '../../../engine/image/catalog/assemble.ts';
import { GENERATED_IMAGES, GENERATED_LAYERS } from '../../../engine/image/catalog/generated.ts';
import { catalogHasRepository, catalogImages, catalogRepositories, findCatalogImage, type CatalogImage } from '../../../engine/image/catalog/index.ts';
import { imageKey } from '../../../engine/image/catalog/keys.ts';
import { CATALOG_IMAGES } from '../../../engine/image/catalog/source/index.ts';
import { resolveCommand } from '../../../engine/programs/spawn.ts';
import { allLayerSpecs } from './verify.ts';

function image(ref: string): CatalogImage {
  const [repo, tag] = ref.split(':') as [string, string];
  const found = findCatalogImage(repo.includes('/') ? repo : `library/${repo}`, tag);
  if (!found) throw new Error(`no ${ref} in the catalog`);
  return found;
}

function totalSize(img: CatalogImage): number {
  return img.layers.reduce((n, l) => n + l.size, 0);
}

function rootFs(img: CatalogImage): TreeFs {
  return new TreeFs(union(img.layers.map((l) => l.tree())));
}

describe('generated data', () => {
  it('has exactly one entry per layer and per image', () => {
    expect(Object.keys(GENERATED_LAYERS).sort()).toEqual(allLayerSpecs().map((l) => l.key));
    expect(Object.keys(GENERATED_IMAGES).sort()).toEqual(CATALOG_IMAGES.map(imageKey).sort());
  });

  it('image IDs and manifest digests are the digests of the bytes the catalog serves', () => {
    for (const img of catalogImages()) {
      expect(digestBytes(img.configJson), img.tags[0]).toBe(img.id);
      expect(digestBytes(img.manifestJson), img.tags[0]).toBe(img.manifestDigest);
      expect(img.config.rootfs.diff_ids).toEqual(img.layers.map((l) => l.diffId));
      expect(img.config.history.filter((h) => !h.empty_layer)).toHaveLength(img.layers.length);
    }
  });

  it('writes the config the way Go marshals it', () => {
    const json = image('node:20').configJson;
    expect(json.startsWith('{"architecture":"amd64","config":{"Env":["PATH=')).toBe(true);
    expect(json).toMatch(/"os":"linux","rootfs":\{"type":"layers","diff_ids":\["sha256:/);
    expect(json).toContain('groupadd --gid 1000 node   \\u0026\\u0026 useradd');
    expect(json).not.toMatch(/[<>&]/);
  });
});

describe('tags and sharing', () => {
  it('alias tags are one image', () => {
    expect(image('node:20').id).toBe(image('node:20.19.2-bookworm').id);
    expect(image('node:lts').id).toBe(image('node:22').id);
    expect(image('node:latest').id).toBe(image('node:24').id);
    expect(image('alpine:latest').id).toBe(image('alpine:3.22').id);
    expect(image('debian:latest').id).toBe(image('debian:bookworm').id);
    expect(image('node:20-alpine').id).toBe(image('node:20-alpine3.21').id);
    expect(image('node:20-slim').id).toBe(image('node:20-bookworm-slim').id);
    expect(image('node:20').id).not.toBe(image('node:22').id);
  });

  it('variants share their base layers', () => {
    const debian = image('debian:bookworm').layers[0]!.diffId;
    expect(image('node:20').layers[0]!.diffId).toBe(debian);
    expect(image('node:20').layers.slice(0, 4).map((l) => l.diffId)).toEqual(image('node:22').layers.slice(0, 4).map((l) => l.diffId));
    expect(image('node:20-slim').layers[0]!.diffId).toBe(image('debian:bookworm-slim').layers[0]!.diffId);
    expect(image('node:20-alpine').layers[0]!.diffId).toBe(image('alpine:3.21').layers[0]!.diffId);
  });

  it('knows its repositories', () => {
    expect(catalogHasRepository('library/node')).toBe(true);
    expect(catalogHasRepository('library/nodejs')).toBe(false);
    expect(findCatalogImage('library/node', '19')).toBeUndefined();
    for (const r of catalogRepositories()) expect(catalogHasRepository(r.name.includes('/') ? r.name : `library/${r.name}`), r.name).toBe(true);
  });
});

describe('sizes as Docker Hub shows them', () => {
  const cases: [string, number, number][] = [
    ['node:20', 1.1e9, 0.04],
    ['node:20-slim', 2.4e8, 0.1],
    ['node:20-alpine', 1.33e8, 0.1],
    ['alpine:3.21', 7.83e6, 0.02],
    ['alpine:latest', 8.31e6, 0.02],
    ['debian:bookworm', 1.17e8, 0.02],
    ['debian:bookworm-slim', 7.48e7, 0.02],
  ];
  for (const [ref, expected, tolerance] of cases) {
    it(`${ref} ≈ ${expected / 1e6} MB`, () => {
      expect(Math.abs(totalSize(image(ref)) / expected - 1)).toBeLessThan(tolerance);
    });
  }
});

describe('file trees', () => {
  it('every Entrypoint/Cmd executable resolves on the image PATH, scripts through their interpreter', () => {
    for (const img of catalogImages()) {
      const fs = rootFs(img);
      const c = img.config.config;
      const path = c.Env?.find((e) => e.startsWith('PATH='))?.slice(5);
      const argv0 = (c.Entrypoint ?? c.Cmd ?? [])[0];
      if (argv0 === undefined) continue;
      const found = resolveCommand(fs, argv0, path, c.WorkingDir ?? '/');
      expect(found.kind, `${img.tags[0]}: ${argv0}`).toBe('found');
      if (found.kind !== 'found') continue;
      const entry = fs.entry(found.path);
      if (entry.type !== 'file') throw new Error(`${found.path} is not a file`);
      if (entry.content.kind === 'bytes') {
        const interpreter = new TextDecoder().decode(entry.content.bytes).split('\n')[0]!.slice(2).trim().split(' ')[0]!;
        expect(fs.exists(interpreter), `${img.tags[0]}: ${interpreter}`).toBe(true);
      } else {
        expect(entry.content.kind === 'synthetic' && entry.content.program, `${img.tags[0]}: ${found.path}`).toBeTruthy();
      }
      // With an entrypoint, CMD's program must exist too (node's entrypoint execs it).
      const cmd0 = c.Entrypoint ? c.Cmd?.[0] : undefined;
      if (cmd0 !== undefined && !cmd0.startsWith('-')) expect(resolveCommand(fs, cmd0, path, '/').kind, `${img.tags[0]}: ${cmd0}`).toBe('found');
    }
  });

  it('/etc/os-release names the distribution', () => {
    expect(rootFs(image('node:20')).readText('/etc/os-release')).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(rootFs(image('alpine:3.21')).readText('/etc/os-release')).toContain('VERSION_ID=3.21.3');
    expect(rootFs(image('node:20-alpine')).readText('/etc/os-release')).toContain('ID=alpine');
  });

  it('node images have the node user, npm as a script and the shell', () => {
    for (const ref of ['node:20', 'node:20-slim', 'node:20-alpine']) {
      const fs = rootFs(image(ref));
      expect(fs.readText('/etc/passwd'), ref).toMatch(/^node:x:1000:1000:/m);
      expect(fs.stat('/home/node').uid).toBe(1000);
      expect(fs.readText('/usr/local/bin/npm').startsWith('#!/usr/bin/env node\n')).toBe(true);
      expect(fs.exists('/bin/sh')).toBe(true);
      expect(fs.exists('/usr/bin/env')).toBe(true);
    }
  });

  it('layer trees are built once', () => {
    const l = image('node:20').layers[0]!;
    expect(l.tree()).toBe(l.tree());
    expect(image('node:22').layers[0]!.tree()).toBe(l.tree());
  });

  it('the layer specs of an image are the layers the runtime serves', () => {
    for (const spec of CATALOG_IMAGES) expect(layersOf(spec).map((l) => l.key)).toEqual(image(`${spec.repository.replace('library/', '')}:${spec.tags[0]!}`).layers.map((l) => l.key));
  });
});

describe('the other families', () => {
  const sizes: [string, number, number][] = [
    ['python:3.12', 1.02e9, 0.04],
    ['ubuntu:24.04', 7.81e7, 0.02],
    ['busybox:latest', 4.28e6, 0.02],
    ['nginx:latest', 1.92e8, 0.03],
    ['mongo:8', 8.9e8, 0.06],
  ];
  for (const [ref, expected, tolerance] of sizes) {
    it(`${ref} ≈ ${expected / 1e6} MB`, () => expect(Math.abs(totalSize(image(ref)) / expected - 1)).toBeLessThan(tolerance));
  }

  it('hello-world is a single small binary', () => {
    expect(totalSize(image('hello-world:latest'))).toBeLessThan(20_000);
    expect(image('hello-world:latest').layers).toHaveLength(1);
  });

  it('python shares the Debian base and buildpack-deps layers with node', () => {
    expect(image('python:3.12').layers.slice(0, 4).map((l) => l.diffId)).toEqual(image('node:20').layers.slice(0, 4).map((l) => l.diffId));
    expect(image('mongo:8').layers[0]!.diffId).toBe(image('ubuntu:24.04').layers[0]!.diffId);
    expect(image('mongo:7').layers[0]!.diffId).toBe(image('ubuntu:22.04').layers[0]!.diffId);
  });

  it('servers carry their real configuration', () => {
    const mongo = image('mongo:latest').config.config;
    expect(mongo.Volumes).toEqual({ '/data/configdb': {}, '/data/db': {} });
    expect(mongo.ExposedPorts).toEqual({ '27017/tcp': {} });
    const nginx = image('nginx:latest').config.config;
    expect(nginx.StopSignal).toBe('SIGQUIT');
    expect(nginx.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(rootFs(image('nginx:latest')).readText('/usr/share/nginx/html/index.html')).toContain('<h1>Welcome to nginx!</h1>');
    expect(rootFs(image('mongo:8')).readText('/etc/passwd')).toMatch(/^mongodb:x:999:999:/m);
    expect(rootFs(image('ubuntu:24.04')).readText('/etc/os-release')).toContain('VERSION_ID="24.04"');
  });
});

describe('redis', () => {
  const sizes: [string, number][] = [
    ['redis:7.4', 1.17e8],
    ['redis:latest', 1.374e8],
    ['redis:alpine', 5.82e7],
  ];
  for (const [ref, expected] of sizes) {
    it(`${ref} ≈ ${expected / 1e6} MB`, () => expect(Math.abs(totalSize(image(ref)) / expected - 1)).toBeLessThan(0.03));
  }

  it('tags, bases and the empty WORKDIR layer', () => {
    expect(image('redis:latest').id).toBe(image('redis:8.0.2').id);
    expect(image('redis:7').id).toBe(image('redis:7.4.4-bookworm').id);
    expect(image('redis:alpine').id).toBe(image('redis:8-alpine3.21').id);
    expect(image('redis:7').id).not.toBe(image('redis:8').id);
    expect(image('redis:7').layers[0]!.diffId).toBe(image('debian:bookworm-slim').layers[0]!.diffId);
    expect(image('redis:8').layers[0]!.diffId).toBe(image('debian:bookworm-slim').layers[0]!.diffId);
    expect(image('redis:alpine').layers[0]!.diffId).toBe(image('alpine:3.21').layers[0]!.diffId);
    // the diffID of a tar holding nothing, as every BuildKit WORKDIR over an existing directory has
    expect(image('redis:8').layers.map((l) => l.diffId)).toContain('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
    expect(image('redis:7').layers).toHaveLength(8);
    expect(image('redis:8').layers).toHaveLength(7);
  });

  it('carries its configuration and drops to the redis user', () => {
    const c = image('redis:latest').config.config;
    expect(c.WorkingDir).toBe('/data');
    expect(c.Volumes).toEqual({ '/data': {} });
    expect(c.ExposedPorts).toEqual({ '6379/tcp': {} });
    expect(c.Cmd).toEqual(['redis-server']);
    for (const ref of ['redis:7', 'redis:8', 'redis:alpine']) {
      const fs = rootFs(image(ref));
      expect(fs.readText('/etc/passwd'), ref).toMatch(/^redis:x:999:/m);
      expect(fs.stat('/data').uid).toBe(999);
      expect(fs.readText('/usr/local/bin/docker-entrypoint.sh')).toMatch(/exec (gosu redis|setpriv --reuid=redis)/);
      const server = fs.entry('/usr/local/bin/redis-server');
      expect(server.type === 'file' && server.content.kind === 'synthetic' && server.content.program).toBe('redis-server');
    }
  });
});

describe('postgres', () => {
  const sizes: [string, number][] = [
    ['postgres:latest', 4.38e8],
    ['postgres:16', 4.26e8],
    ['postgres:alpine', 2.75e8],
  ];
  for (const [ref, expected] of sizes) {
    it(`${ref} ≈ ${expected / 1e6} MB`, () => expect(Math.abs(totalSize(image(ref)) / expected - 1)).toBeLessThan(0.03));
  }

  it('tags and bases', () => {
    expect(image('postgres:latest').id).toBe(image('postgres:17.5-bookworm').id);
    expect(image('postgres:alpine').id).toBe(image('postgres:17-alpine').id);
    expect(image('postgres:16').id).not.toBe(image('postgres:17').id);
    expect(image('postgres:17').layers[0]!.diffId).toBe(image('debian:bookworm-slim').layers[0]!.diffId);
    expect(image('postgres:alpine').layers[0]!.diffId).toBe(image('alpine:3.22').layers[0]!.diffId);
    expect(image('postgres:17').layers).toHaveLength(14);
    expect(image('postgres:alpine').layers).toHaveLength(10);
  });

  it('carries its configuration, the postgres user and the password check', () => {
    const c = image('postgres:17').config.config;
    expect(c.StopSignal).toBe('SIGINT');
    expect(c.Volumes).toEqual({ '/var/lib/postgresql/data': {} });
    expect(c.Env).toContain('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin');
    const fs = rootFs(image('postgres:17'));
    expect(fs.readText('/etc/passwd')).toMatch(/^postgres:x:999:999::\/var\/lib\/postgresql:\/bin\/bash$/m);
    expect(fs.stat('/var/lib/postgresql').uid).toBe(999);
    const script = fs.readText('/usr/local/bin/docker-entrypoint.sh');
    expect(script).toContain('Error: Database is uninitialized and superuser password is not specified.');
    expect(script).toContain('POSTGRES_HOST_AUTH_METHOD:-}" != \'trust\'');
    for (const p of ['postgres', 'psql', 'pg_ctl', 'initdb']) expect(resolveCommand(fs, p, c.Env![0]!.slice(5), '/').kind, p).toBe('found');
  });
});

describe('history lines that name content', () => {
  it("ubuntu's ADD file:<hash> is the hex of its layer's diffID", () => {
    for (const ref of ['ubuntu:22.04', 'ubuntu:24.04']) {
      const img = image(ref);
      const add = img.config.history.find((h) => h.created_by?.includes('ADD file:'));
      expect(add?.created_by, ref).toBe(`/bin/sh -c #(nop) ADD file:${img.layers[0]!.diffId.slice(7)} in / `);
    }
  });
});

describe('httpd', () => {
  const sizes: [string, number][] = [
    ['httpd:latest', 1.482e8],
    ['httpd:alpine', 5.99e7],
  ];
  for (const [ref, expected] of sizes) {
    it(`${ref} ≈ ${expected / 1e6} MB`, () => expect(Math.abs(totalSize(image(ref)) / expected - 1)).toBeLessThan(0.03));
  }

  it('tags, bases and layers as docker history shows them', () => {
    expect(image('httpd:latest').id).toBe(image('httpd:2.4.63-bookworm').id);
    expect(image('httpd:2.4').id).toBe(image('httpd:2').id);
    expect(image('httpd:alpine').id).toBe(image('httpd:2.4-alpine').id);
    expect(image('httpd:alpine').id).not.toBe(image('httpd:latest').id);
    expect(image('httpd:latest').layers[0]!.diffId).toBe(image('debian:bookworm-slim').layers[0]!.diffId);
    expect(image('httpd:alpine').layers[0]!.diffId).toBe(image('alpine:3.22').layers[0]!.diffId);
    // 74.8MB, 0B (mkdir), 0B (WORKDIR), 11MB, 62.4MB, 138B
    expect(image('httpd:latest').layers.map((l) => l.size)).toEqual([74_824_507, 0, 0, 11_000_000, 62_400_000, 138]);
    expect(image('httpd:latest').layers[2]!.diffId).toBe(image('redis:8').layers.find((l) => l.size === 0 && l.key === 'empty')!.diffId);
    expect(image('httpd:alpine').layers).toHaveLength(7);
  });

  it('carries its configuration, the web root and httpd-foreground', () => {
    const c = image('httpd:latest').config.config;
    expect(c.StopSignal).toBe('SIGWINCH');
    expect(c.Cmd).toEqual(['httpd-foreground']);
    expect(c.WorkingDir).toBe('/usr/local/apache2');
    expect(c.ExposedPorts).toEqual({ '80/tcp': {} });
    expect(c.Env).toContain('HTTPD_SHA256=88fc236ab99b2864b248de7d49a008ec2afd7551e64dce8b95f58f32f94c46ab');
    for (const ref of ['httpd:latest', 'httpd:alpine']) {
      const fs = rootFs(image(ref));
      expect(fs.readText('/usr/local/apache2/htdocs/index.html'), ref).toBe('<html><body><h1>It works!</h1></body></html>\n');
      const conf = fs.readText('/usr/local/apache2/conf/httpd.conf');
      expect(conf).toMatch(/^Listen 80$/m);
      expect(conf).toMatch(/^User www-data$/m);
      expect(conf).toContain('DocumentRoot "/usr/local/apache2/htdocs"');
      expect(fs.readText('/usr/local/bin/httpd-foreground')).toContain('exec httpd -DFOREGROUND "$@"');
      expect(resolveCommand(fs, 'httpd', image(ref).config.config.Env![0]!.slice(5), '/').kind).toBe('found');
      expect(fs.readText('/etc/passwd')).toMatch(/^www-data:x:(33|82):/m);
    }
    expect(rootFs(image('httpd:latest')).stat('/usr/local/apache2').uid).toBe(33);
    expect(rootFs(image('httpd:alpine')).stat('/usr/local/apache2').uid).toBe(82);
    expect(image('httpd:latest').config.history.map((h) => h.created_by)).toContain('STOPSIGNAL SIGWINCH');
  });
});

describe('curlimages/curl', () => {
  it('≈ 21.9 MB, on the catalog alpine 3.22 layer, one ID for both tags', () => {
    const curl = image('curlimages/curl:latest');
    expect(Math.abs(totalSize(curl) / 2.19e7 - 1)).toBeLessThan(0.03);
    expect(curl.id).toBe(image('curlimages/curl:8.14.1').id);
    expect(curl.layers[0]!.diffId).toBe(image('alpine:3.22').layers[0]!.diffId);
    // the appliance commit changes no file: its layer is the empty tar
    expect(curl.layers.map((l) => l.diffId)).toContain('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
    expect(curl.config.history.slice(-2).map((h) => h.created_by)).toEqual(['/bin/sh', '/bin/sh']);
  });

  it('runs as curl_user with its own CA bundle and the upstream entrypoint', () => {
    const c = image('curlimages/curl:latest').config.config;
    expect(c.User).toBe('curl_user');
    expect(c.WorkingDir).toBe('/home/curl_user');
    expect(c.Entrypoint).toEqual(['/entrypoint.sh']);
    expect(c.Cmd).toEqual(['curl']);
    expect(c.Env).toContain('CURL_CA_BUNDLE=/cacert.pem');
    expect(c.Labels?.['org.opencontainers.image.source']).toBe('https://github.com/curl/curl-container');
    const fs = rootFs(image('curlimages/curl:latest'));
    expect(fs.readText('/etc/passwd')).toMatch(/^curl_user:x:100:101:/m);
    expect(fs.readText('/etc/group')).toMatch(/^curl_group:x:101:curl_user$/m);
    expect(fs.stat('/home/curl_user').uid).toBe(100);
    expect(fs.exists('/cacert.pem')).toBe(true);
    expect(fs.readText('/entrypoint.sh')).toContain('set -- curl "$@"');
    const curl = fs.entry('/usr/bin/curl');
    expect(curl.type === 'file' && curl.content.kind === 'synthetic' && curl.content.program).toBe('curl');
    expect(catalogRepositories().find((r) => r.name === 'curlimages/curl')?.official).toBe(false);
  });
});

describe('nginx stable', () => {
  const sizes: [string, number][] = [
    ['nginx:stable', 1.921e8],
    ['nginx:stable-alpine', 4.85e7],
  ];
  for (const [ref, expected] of sizes) {
    it(`${ref} ≈ ${expected / 1e6} MB`, () => expect(Math.abs(totalSize(image(ref)) / expected - 1)).toBeLessThan(0.03));
  }

  it('is its own image, sharing only the distribution base with mainline', () => {
    const stable = image('nginx:stable');
    expect(stable.id).toBe(image('nginx:1.28.0-bookworm').id);
    expect(stable.id).toBe(image('nginx:1.28').id);
    expect(image('nginx:stable-alpine').id).toBe(image('nginx:1.28-alpine').id);
    expect(stable.id).not.toBe(image('nginx:latest').id);
    expect(stable.layers).toHaveLength(7);
    expect(stable.layers[0]!.diffId).toBe(image('nginx:latest').layers[0]!.diffId);
    const mainline = new Set(image('nginx:latest').layers.map((l) => l.diffId));
    expect(stable.layers.slice(1).filter((l) => mainline.has(l.diffId))).toEqual([]);
    expect(image('nginx:stable-alpine').layers[0]!.diffId).toBe(image('nginx:alpine').layers[0]!.diffId);
  });

  it('carries 1.28.0 configuration and the entrypoint scripts', () => {
    const c = image('nginx:stable').config.config;
    expect(c.Env).toContain('NGINX_VERSION=1.28.0');
    expect(c.StopSignal).toBe('SIGQUIT');
    expect(c.Entrypoint).toEqual(['/docker-entrypoint.sh']);
    const fs = rootFs(image('nginx:stable'));
    expect(fs.exists('/docker-entrypoint.d/15-local-resolvers.envsh')).toBe(true);
    expect(fs.readText('/usr/share/nginx/html/index.html')).toContain('<h1>Welcome to nginx!</h1>');
    expect(image('nginx:stable-alpine').config.config.Env).toContain('NGINX_VERSION=1.28.0');
  });
});
