import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockerError } from '../../../engine/core/errors.ts';
import { diffIdOf, digestBytes } from '../../../engine/fs/digest.ts';
import { concat, readTar, tarBytes } from '../../../engine/fs/tar.ts';
import { buildTree, makeFile, makeSymlink } from '../../../engine/fs/tree.ts';
import type { TarMember } from '../../../engine/fs/tar.ts';
import { loadArchive, saveArchive } from '../../../engine/image/archive/index.ts';
import type { SaveImage } from '../../../engine/image/archive/index.ts';
import { alpine, app, base, image, tool, webapp } from './fixture.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const hex = (d: string) => d.slice('sha256:'.length);
const save = (images: SaveImage[], now?: number) => concat([...saveArchive(images, now === undefined ? {} : { now })]);
const members = (bytes: Uint8Array) => new Map<string, TarMember>(readTar(bytes).map((m) => [m.name, m]));
const json = (m: Map<string, TarMember>, name: string) => JSON.parse(text(m.get(name)!.data)) as unknown;

function loadError(bytes: Uint8Array): string {
  try {
    loadArchive(bytes, { tmpDir: '/var/lib/docker/tmp/docker-import-42' });
  } catch (e) {
    expect(e).toBeInstanceOf(DockerError);
    return (e as Error).message;
  }
  throw new Error('load succeeded');
}

/** A tar of plain files, as a user (or an older Docker) might make it. */
function tarOf(files: Record<string, string | Uint8Array>, links: Record<string, string> = {}): Uint8Array {
  return tarBytes(
    buildTree([
      ...Object.entries(files).map(([path, data]) => ({ path: '/' + path, entry: makeFile(data) })),
      ...Object.entries(links).map(([path, target]) => ({ path: '/' + path, entry: makeSymlink(target) })),
    ]),
  );
}

describe('docker save archive', () => {
  const bytes = save([alpine, webapp], 1750000000);
  const m = members(bytes);
  const manifestDigest = (id: string) => {
    const idx = json(m, 'index.json') as { manifests: { digest: string; annotations?: Record<string, string> }[] };
    const blob = [...m.values()].find((x) => x.name.startsWith('blobs/sha256/') && text(x.data).includes(`"digest":"${id}"`) && text(x.data).startsWith('{"schemaVersion"'));
    return { idx, blob: blob! };
  };

  it('lays out an OCI image layout that is also a docker-archive, in directory-walk order', () => {
    const names = [...m.keys()];
    const blobs = names.filter((n) => /^blobs\/sha256\/[0-9a-f]{64}$/.test(n));
    expect(names.slice(0, 2)).toEqual(['blobs/', 'blobs/sha256/']);
    expect(names.slice(2 + blobs.length)).toEqual(['index.json', 'manifest.json', 'oci-layout', 'repositories']);
    expect(blobs).toEqual([...blobs].sort());
    // 3 layers + 2 configs + 2 OCI manifests + legacy JSON: 1 for alpine's layer, 3 for webapp's (its base layer's
    // v1 ID differs from alpine's, whose top layer carries alpine's whole config).
    expect(blobs).toHaveLength(3 + 2 + 2 + 4);
    for (const name of blobs) expect(`sha256:${name.slice(13)}`).toBe(digestBytes(m.get(name)!.data));
  });

  it('writes a layer shared by two images once', () => {
    const layerBlobs = [...m.keys()].filter((n) => [base, app, tool].some((l) => n === `blobs/sha256/${hex(l.diffId)}`));
    expect(layerBlobs).toHaveLength(3);
    expect(readTar(bytes).filter((x) => x.name === `blobs/sha256/${hex(base.diffId)}`)).toHaveLength(1);
  });

  it('gives members Docker 28 headers: 0755 dirs, 0644 files, root, created / epoch / save-time mtimes', () => {
    const created = Date.parse('2024-06-01T12:02:00Z') / 1000;
    expect(m.get('blobs/')).toMatchObject({ type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: created });
    expect(m.get('blobs/sha256/')).toMatchObject({ type: 'dir', mode: 0o755, mtime: 1750000000 });
    expect(m.get(`blobs/sha256/${hex(base.diffId)}`)).toMatchObject({ type: 'file', mode: 0o644, mtime: Date.parse('2024-06-01T12:00:00Z') / 1000 });
    expect(m.get(`blobs/sha256/${hex(webapp.id)}`)).toMatchObject({ mode: 0o644, mtime: created });
    for (const n of ['index.json', 'manifest.json', 'oci-layout', 'repositories']) expect(m.get(n)).toMatchObject({ type: 'file', mode: 0o644, mtime: 0 });
    expect(manifestDigest(alpine.id).blob.mtime).toBe(0);
    expect(bytes.length % 512).toBe(0);
    expect(bytes.subarray(bytes.length - 1024).every((b) => b === 0)).toBe(true);
  });

  it('pins manifest.json, repositories and oci-layout byte for byte', () => {
    const layerSource = (l: { diffId: string; size: number }) => `"${l.diffId}":{"mediaType":"application/vnd.oci.image.layer.v1.tar","size":${l.size},"digest":"${l.diffId}"}`;
    const sources = (ls: { diffId: string; size: number }[]) => [...ls].sort((a, b) => (a.diffId < b.diffId ? -1 : 1)).map(layerSource).join(',');
    expect(text(m.get('manifest.json')!.data)).toBe(
      `[{"Config":"blobs/sha256/${hex(alpine.id)}","RepoTags":["alpine:latest"],"Layers":["blobs/sha256/${hex(base.diffId)}"],"LayerSources":{${sources([base])}}},` +
        `{"Config":"blobs/sha256/${hex(webapp.id)}","RepoTags":["myorg/webapp:1.0","myorg/webapp:latest"],` +
        `"Layers":["blobs/sha256/${hex(base.diffId)}","blobs/sha256/${hex(app.diffId)}","blobs/sha256/${hex(tool.diffId)}"],"LayerSources":{${sources([base, app, tool])}}}]\n`,
    );
    expect(text(m.get('repositories')!.data)).toBe(`{"alpine":{"latest":"${hex(base.diffId)}"},"myorg/webapp":{"1.0":"${hex(tool.diffId)}","latest":"${hex(tool.diffId)}"}}\n`);
    expect(text(m.get('oci-layout')!.data)).toBe('{"imageLayoutVersion": "1.0.0"}');
  });

  it('pins index.json and the OCI manifests: one index entry per tag, uncompressed layer descriptors, no platform', () => {
    const a = manifestDigest(alpine.id).blob;
    const w = manifestDigest(webapp.id).blob;
    const desc = (blob: TarMember, name: string, tag: string) =>
      `{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:${blob.name.slice(13)}","size":${blob.data.length},` +
      `"annotations":{"io.containerd.image.name":"${name}","org.opencontainers.image.ref.name":"${tag}"}}`;
    expect(text(m.get('index.json')!.data)).toBe(
      `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[` +
        `${desc(a, 'docker.io/library/alpine:latest', 'latest')},${desc(w, 'docker.io/myorg/webapp:1.0', '1.0')},${desc(w, 'docker.io/myorg/webapp:latest', 'latest')}]}`,
    );
    const layer = (l: { diffId: string; size: number }) => `{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"${l.diffId}","size":${l.size}}`;
    expect(text(a.data)).toBe(
      `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json",` +
        `"digest":"${alpine.id}","size":${alpine.configJson.length}},"layers":[${layer(base)}]}`,
    );
  });

  it('writes the legacy v1 JSON of each layer as Go marshals image.V1Image', () => {
    const legacy = [...m.values()].filter((x) => x.name.startsWith('blobs/sha256/') && text(x.data).startsWith('{"id":'));
    expect(legacy).toHaveLength(4);
    const lower = legacy.map((x) => text(x.data)).find((t) => !t.includes('"parent"') && !t.includes('"config"'))!;
    expect(lower).toMatch(
      /^\{"id":"[0-9a-f]{64}","created":"1970-01-01T00:00:00Z","container_config":\{"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":false,"AttachStderr":false,"Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":null,"Cmd":null,"Image":"","Volumes":null,"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":null\},"os":"linux"\}$/,
    );
    const top = legacy.map((x) => text(x.data)).find((t) => t.includes('"User":"1000"'))!;
    expect(top).toContain('"created":"2024-06-01T12:02:00.5Z"');
    expect(top).toContain('"ExposedPorts":{"8080/tcp":{}},"Tty":false');
    expect(top).toContain('"Labels":{"org.example.team":"a\\u0026b"}');
    expect(top).toMatch(/"architecture":"amd64","os":"linux"\}$/);
  });

  it('is deterministic and streams layer tars through without buffering them', () => {
    expect(digestBytes(save([alpine, webapp], 1750000000))).toBe(digestBytes(bytes));
    const chunks = [...saveArchive([webapp])];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(64 * 1024);
  });

  it('saves an image by ID with RepoTags null, no repositories file, and an unannotated index entry', () => {
    const byId = members(save([{ ...webapp, repoTags: [] }]));
    expect(byId.has('repositories')).toBe(false);
    expect(text(byId.get('manifest.json')!.data)).toContain('"RepoTags":null');
    const idx = json(byId, 'index.json') as { manifests: Record<string, unknown>[] };
    expect(idx.manifests).toHaveLength(1);
    expect(idx.manifests[0]).not.toHaveProperty('annotations');
  });

  it('lists only the first of several untagged images in index.json, as Docker 28 does', () => {
    const two = members(save([{ ...alpine, repoTags: [] }, { ...webapp, repoTags: [] }]));
    expect((json(two, 'index.json') as { manifests: unknown[] }).manifests).toHaveLength(1);
    expect(json(two, 'manifest.json') as unknown[]).toHaveLength(2);
  });

  it('merges tags of one image named twice and records a saved parent only', () => {
    const child = { ...webapp, parent: alpine.id };
    const withParent = text(members(save([alpine, child, { ...alpine, repoTags: ['alpine:3.21'] }])).get('manifest.json')!.data);
    expect(withParent).toContain(`"RepoTags":["alpine:latest","alpine:3.21"]`);
    expect(withParent).toContain(`"Parent":"${alpine.id}"`);
    expect(text(members(save([child])).get('manifest.json')!.data)).not.toContain('"Parent"');
  });

  it('refuses an image without layers as Docker does', () => {
    const empty = image(['scratchy:latest'], [], '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers"}}');
    expect(() => save([empty])).toThrow('empty export - not implemented');
  });
});

describe('docker load archive', () => {
  const bytes = save([alpine, webapp]);

  it('round-trips configs, tags and layer trees', () => {
    const loaded = loadArchive(bytes);
    expect(loaded.images.map((i) => [i.id, i.configJson, i.repoTags])).toEqual([
      [alpine.id, alpine.configJson, ['alpine:latest']],
      [webapp.id, webapp.configJson, ['myorg/webapp:1.0', 'myorg/webapp:latest']],
    ]);
    expect(loaded.images[1]!.diffIds).toEqual([base.diffId, app.diffId, tool.diffId]);
    expect([...loaded.layers.keys()]).toEqual([base.diffId, app.diffId, tool.diffId]);
    for (const l of [base, app, tool]) {
      const got = loaded.layers.get(l.diffId)!;
      expect(diffIdOf(got.tree)).toBe(l.diffId);
      expect(got.size).toBe(l.size);
    }
    expect(loaded.layers.get(app.diffId)!.tree.children.get('etc')!.type).toBe('dir');
  });

  it('skips layers the store already has, without reading them', () => {
    const loaded = loadArchive(bytes, { hasLayer: (chain) => chain === base.diffId });
    expect(loaded.layers.has(base.diffId)).toBe(false);
    expect(loaded.layers.has(app.diffId)).toBe(true);
  });

  it('loads the layout of Docker 1.10 to 24 (<id>.json, <id>/layer.tar, shared layers as symlinks)', () => {
    const layerTar = (l: typeof base) => concat([...l.tar()]);
    const old = tarOf(
      {
        'manifest.json': `[{"Config":"${hex(alpine.id)}.json","RepoTags":["alpine:latest"],"Layers":["aaa/layer.tar"]},{"Config":"${hex(webapp.id)}.json","RepoTags":null,"Layers":["bbb/layer.tar","ccc/layer.tar","ddd/layer.tar"]}]`,
        [`${hex(alpine.id)}.json`]: alpine.configJson,
        [`${hex(webapp.id)}.json`]: webapp.configJson,
        'aaa/layer.tar': layerTar(base),
        'aaa/VERSION': '1.0',
        'ccc/layer.tar': layerTar(app),
        'ddd/layer.tar': layerTar(tool),
      },
      { 'bbb/layer.tar': '../aaa/layer.tar' },
    );
    const loaded = loadArchive(old);
    expect(loaded.images.map((i) => i.id)).toEqual([alpine.id, webapp.id]);
    expect(loaded.images[1]!.repoTags).toEqual([]);
    expect(loaded.layers.size).toBe(3);
  });

  it('takes the image ID from the config bytes, not the blob name, as docker load does', () => {
    const renamed = tarOf({
      'manifest.json': `[{"Config":"cfg","RepoTags":["alpine:latest"],"Layers":["l"]}]`,
      cfg: alpine.configJson,
      l: concat([...base.tar()]),
    });
    expect(loadArchive(renamed).images[0]!.id).toBe(alpine.id);
  });

  it('says what Docker says for input that is not a tar, or is cut short', () => {
    expect(loadError(new TextEncoder().encode('hello world\n'.repeat(100)))).toBe('archive/tar: invalid tar header');
    expect(loadError(bytes.subarray(0, 700))).toBe('unexpected EOF');
    expect(loadError(bytes.subarray(0, 300))).toBe('unexpected EOF');
    const flipped = bytes.slice();
    flipped[5]! ^= 1;
    expect(loadError(flipped)).toBe('archive/tar: invalid tar header');
  });

  it('falls back to the legacy format without manifest.json and fails on its missing files', () => {
    expect(loadError(new Uint8Array(0))).toBe('open /var/lib/docker/tmp/docker-import-42/repositories: no such file or directory');
    expect(loadError(tarOf({ 'hello.txt': 'hi' }))).toBe('open /var/lib/docker/tmp/docker-import-42/repositories: no such file or directory');
    expect(loadError(tarOf({ 'blobs/sha256/x': 'x', 'index.json': '{}' }))).toBe('open /var/lib/docker/tmp/docker-import-42/blobs/json: no such file or directory');
    expect(loadArchive(tarOf({ repositories: '{}' })).images).toEqual([]);
  });

  it('reports a damaged manifest.json in encoding/json words', () => {
    const withManifest = (s: string) => tarOf({ 'manifest.json': s });
    expect(loadError(withManifest(''))).toBe('EOF');
    expect(loadError(withManifest('[{"Config":'))).toBe('unexpected EOF');
    expect(loadError(withManifest('[{"Config" "x"}]'))).toBe("invalid character '\"' after object key");
    expect(loadError(withManifest('{oops}'))).toBe("invalid character 'o' looking for beginning of object key string");
    expect(loadError(withManifest('null'))).toBe('invalid manifest, manifest cannot be null (but can be [])');
    expect(loadError(withManifest('{}'))).toBe('json: cannot unmarshal object into Go value of type []tarexport.manifestItem');
    expect(loadError(withManifest('[{"Config":5}]'))).toBe('json: cannot unmarshal number into Go struct field manifestItem.Config of type string');
    expect(loadArchive(withManifest('[] trailing')).images).toEqual([]);
  });

  it('reports missing or bad configs and layers in the order Docker checks them', () => {
    const tmp = '/var/lib/docker/tmp/docker-import-42';
    const layer = concat([...base.tar()]);
    const arch = (config: string | undefined, layers: string[], files: Record<string, string | Uint8Array> = {}) =>
      tarOf({ 'manifest.json': `[{"Config":"c.json","RepoTags":null,"Layers":${JSON.stringify(layers)}}]`, ...(config === undefined ? {} : { 'c.json': config }), ...files });
    expect(loadError(arch(undefined, []))).toBe(`open ${tmp}/c.json: no such file or directory`);
    expect(loadError(arch('{"os":"linux"}', []))).toBe('invalid image JSON, no RootFS key');
    expect(loadError(arch('{"os":"linux",', []))).toBe('unexpected end of JSON input');
    expect(loadError(arch('{"os":"linux"} x', []))).toBe("invalid character 'x' after top-level value");
    expect(loadError(arch('{"os":"windows","rootfs":{"type":"layers"}}', []))).toBe('cannot load windows image on linux');
    expect(loadError(arch(alpine.configJson, []))).toBe('invalid manifest, layers length mismatch: expected 0, got 1');
    expect(loadError(arch(alpine.configJson, ['l']))).toBe(`open ${tmp}/l: no such file or directory`);
    const damaged = layer.slice();
    damaged[text(layer).indexOf('Alpine')]! ^= 1;
    const actual = digestBytes(damaged);
    expect(loadError(arch(alpine.configJson, ['l'], { l: damaged }))).toBe(`invalid diffID for layer 0: expected "${base.diffId}", got "${actual}"`);
    expect(loadError(arch(alpine.configJson, ['l'], { l: layer.subarray(0, 1000) }))).toBe('unexpected EOF');
  });

  it('refuses a manifest nested deeper than encoding/json allows, as Go does, without overflowing the stack', () => {
    const nested = (n: number) => tarOf({ 'manifest.json': '['.repeat(n) + ']'.repeat(n) });
    expect(loadError(nested(10_001))).toBe("invalid character '[' exceeded max depth");
    expect(loadError(nested(1_000_000))).toBe("invalid character '[' exceeded max depth");
    // Ten thousand levels are still JSON to Go: the manifest is then the wrong type, not a crash.
    expect(loadError(nested(10_000))).toBe('json: cannot unmarshal array into Go value of type tarexport.manifestItem');
  });

  it('refuses config fields of the wrong type in encoding/json words, and fills in what Go leaves at its zero value', () => {
    const config = (fields: string) => `{"rootfs":{"type":"layers","diff_ids":[]}${fields}}`;
    const arch = (c: string) => tarOf({ 'manifest.json': '[{"Config":"c.json","RepoTags":["hand:made"],"Layers":[]}]', 'c.json': c });
    expect(loadError(arch(config(',"config":"x"')))).toBe('json: cannot unmarshal string into Go struct field Image.config of type container.Config');
    expect(loadError(arch(config(',"config":{"Env":"A=1"}')))).toBe('json: cannot unmarshal string into Go struct field Config.config.Env of type []string');
    expect(loadError(arch(config(',"config":{"Env":[1]}')))).toBe('json: cannot unmarshal number into Go struct field Config.config.Env of type string');
    expect(loadError(arch(config(',"config":{"Cmd":{"a":1}}')))).toBe('json: cannot unmarshal object into Go value of type string');
    expect(loadError(arch(config(',"config":{"Labels":{"a":1}}')))).toBe('json: cannot unmarshal number into Go struct field Config.config.Labels of type string');
    expect(loadError(arch(config(',"config":{"ExposedPorts":["80/tcp"]}')))).toBe('json: cannot unmarshal array into Go struct field Config.config.ExposedPorts of type nat.PortSet');
    expect(loadError(arch(config(',"history":{}')))).toBe('json: cannot unmarshal object into Go struct field Image.history of type []image.History');
    expect(loadError(arch(config(',"history":[{"empty_layer":"yes"}]')))).toBe('json: cannot unmarshal string into Go struct field History.history.empty_layer of type bool');
    expect(loadError(arch(config(',"architecture":1')))).toBe('json: cannot unmarshal number into Go struct field Image.architecture of type string');
    // Go accepts a config with no container config, no history, and a Cmd given as one string.
    const loaded = loadArchive(arch(config(',"os":"linux","config":{"Cmd":"echo hi","__proto__":{"polluted":true}}')));
    expect(loaded.images.map((i) => i.repoTags)).toEqual([['hand:made']]);
    expect(loadArchive(arch(config(''))).images).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fails only with a DockerError, whatever the bytes', () => {
    const small = save([alpine]);
    fc.assert(
      fc.property(fc.nat(small.length), fc.nat(small.length - 1), fc.integer({ min: 1, max: 255 }), (cut, at, xor) => {
        const damaged = small.slice(0, Math.max(cut, at + 1));
        damaged[at]! ^= xor;
        try {
          loadArchive(damaged);
        } catch (e) {
          expect(e).toBeInstanceOf(DockerError);
        }
      }),
      { numRuns: 150 },
    );
  });
});
