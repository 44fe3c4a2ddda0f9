#!/usr/bin/env node
// The same claim as skopeo-check.mjs, made through the product instead of the archive writer: the headless tool
// pulls alpine from the offline catalog and saves it into the project folder, `--export` puts that folder on the
// real disk, and Debian's skopeo must read the archive and copy it to an OCI layout, with the config digest equal
// to `docker image inspect -f '{{.Id}}'` and the layer digests equal to `.RootFS.Layers`. Prints
// `N passed, M failed`; exits non-zero on any failure (or when skopeo is missing).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { check, finish, requireSkopeo, same, sha256, skopeo } from './skopeo-harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');


requireSkopeo();

const dir = mkdtempSync(join(tmpdir(), 'dockyard-skopeo-product-'));
try {
  const project = join(dir, 'project');
  const script = join(dir, 'script.sh');
  // Every command prints one line the check reads back: the transcript is parsed with --json.
  writeFileSync(
    script,
    [
      'docker pull alpine && docker save -o alpine.tar alpine',
      "docker image inspect -f '{{.Id}}' alpine",
      "docker image inspect -f '{{json .RootFS.Layers}}' alpine",
      // An image this machine built: its RUN and COPY layers' tars must hash to the diffIDs its config names.
      "printf 'FROM alpine\\nWORKDIR /app\\nRUN echo built > /app/built.txt\\n' > Dockerfile && docker build -q -t built . >/dev/null && docker save -o built.tar built && echo saved",
      "docker image inspect -f '{{.Id}}' built",
      "docker image inspect -f '{{json .RootFS.Layers}}' built",
      '',
    ].join('\n'),
  );
  const play = spawnSync(process.execPath, [join(root, 'bin', 'dockyard.mjs'), 'play', '--json', '--export', project, script], { encoding: 'utf8' });
  const results = play.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const [, id, layers, , builtId, builtLayers] = results;

  check('dockyard play pulls alpine, saves it and exports the project folder', () => {
    same(play.status, 0, `dockyard exit status (stderr: ${play.stderr.trim()})`);
    same(results.map((r) => r.exitCode), [0, 0, 0, 0, 0, 0], `exit codes (${results.map((r) => r.stderr.trim()).join(' | ')})`);
  });
  const imageId = id?.stdout.trim();
  const diffIds = layers ? JSON.parse(layers.stdout) : [];
  const archive = join(project, 'alpine.tar');

  check('skopeo inspect docker-archive:alpine.tar shows the layers `docker image inspect` reports', () => {
    const info = JSON.parse(skopeo('inspect', `docker-archive:${archive}`).toString('utf8'));
    same(info.Layers, diffIds, 'Layers');
    same(sha256(skopeo('inspect', '--config', '--raw', `docker-archive:${archive}`)), imageId, 'config digest');
    same(sha256(skopeo('inspect', '--config', '--raw', `docker-archive:${archive}:alpine:latest`)), imageId, 'config digest by tag');
  });

  check('skopeo copy docker-archive:alpine.tar oci:… keeps the layers; the config is the same image', () => {
    const out = join(dir, 'oci');
    skopeo('copy', '-q', `docker-archive:${archive}`, `oci:${out}:saved`);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    const entry = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === 'saved');
    const blob = (d) => readFileSync(join(out, 'blobs', 'sha256', d.slice(7)));
    const manifest = JSON.parse(blob(entry.digest).toString('utf8'));
    const config = JSON.parse(blob(manifest.config.digest).toString('utf8'));
    same(config.rootfs.diff_ids, diffIds, 'diff_ids');
    same(manifest.layers.length, diffIds.length, 'layer count');
    manifest.layers.forEach((l, i) => {
      const raw = blob(l.digest);
      same(sha256(l.mediaType.endsWith('+gzip') ? gunzipSync(raw) : raw), diffIds[i], `layer ${i} uncompressed digest`);
    });
  });

  check('skopeo copy docker-archive:alpine.tar dir:… keeps the config bytes: its digest is the image ID', () => {
    const out = join(dir, 'dir');
    skopeo('copy', '-q', `docker-archive:${archive}`, `dir:${out}`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    same(manifest.config.digest, imageId, 'config digest');
    same(sha256(readFileSync(join(out, imageId.slice(7)))), imageId, 'config blob');
    same(manifest.layers.map((l) => l.digest), diffIds, 'layer digests');
  });

  check('skopeo copies an image docker build made: every layer tar hashes to its diffID, the config to the image ID', () => {
    const out = join(dir, 'built-oci');
    const expected = JSON.parse(builtLayers.stdout);
    skopeo('copy', '-q', `docker-archive:${join(project, 'built.tar')}`, `oci:${out}:built`);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    const blob = (d) => readFileSync(join(out, 'blobs', 'sha256', d.slice(7)));
    const manifest = JSON.parse(blob(index.manifests[0].digest).toString('utf8'));
    const config = JSON.parse(blob(manifest.config.digest).toString('utf8'));
    same(config.rootfs.diff_ids, expected, 'diff_ids');
    same(expected.length, diffIds.length + 2, 'alpine layers plus WORKDIR and RUN');
    manifest.layers.forEach((l, i) => {
      const raw = blob(l.digest);
      same(sha256(l.mediaType.endsWith('+gzip') ? gunzipSync(raw) : raw), expected[i], `layer ${i} uncompressed digest`);
    });
    same(sha256(skopeo('inspect', '--config', '--raw', `docker-archive:${join(project, 'built.tar')}`)), builtId.stdout.trim(), 'config digest');
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

finish();
