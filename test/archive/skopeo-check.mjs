#!/usr/bin/env node
// Real tools read what `docker save` writes: builds an archive of two images sharing a base layer, then has Debian's
// skopeo inspect and copy it and compares what skopeo reports with the IDs and diffIDs the archive was meant to
// carry. Prints `N passed, M failed`; exits non-zero on any failure (or when skopeo is missing).
//
// The archive comes from `produceArchive`. Today it calls the engine's writer directly; once `docker save` is a
// command, replace its body with a run of the headless tool, e.g.
//   node bin/dockyard.mjs play <scenario that tags the fixture images> -- docker save -o FILE alpine:latest myorg/webapp:1.0 myorg/webapp:latest
// and read the expected IDs from `docker image inspect`; nothing else here needs to change.
import { mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { register } from 'tsx/esm/api';
import { check, finish, requireSkopeo, same, sha256, skopeo, skopeoJson } from './skopeo-harness.mjs';

register();
const { saveArchive } = await import('../../engine/image/archive/index.ts');
const fixture = await import('../image/archive/fixture.ts');

/** What each saved image should look like to any reader: its config digest (image ID), diffIDs and config text. */
const expected = [fixture.alpine, fixture.webapp].map((img) => ({
  id: img.id,
  tags: img.repoTags,
  diffIds: img.layers.map((l) => l.diffId),
  config: JSON.parse(img.configJson),
}));

function produceArchive(file, images) {
  const fd = openSync(file, 'w');
  try {
    for (const chunk of saveArchive(images, { now: 1750000000 })) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}



requireSkopeo();

const dir = mkdtempSync(join(tmpdir(), 'dockyard-skopeo-'));
try {
  const both = join(dir, 'both.tar');
  const single = join(dir, 'alpine.tar');
  produceArchive(both, [fixture.alpine, fixture.webapp]);
  produceArchive(single, [fixture.alpine]);
  const [alpine, webapp] = expected;

  for (const [img, ref] of [
    [alpine, 'alpine:latest'],
    [webapp, 'myorg/webapp:1.0'],
    [webapp, 'myorg/webapp:latest'],
  ]) {
    check(`inspect docker-archive:…:${ref} lists the image's diffIDs`, () => {
      const info = skopeoJson('inspect', `docker-archive:${both}:${ref}`);
      same(info.Layers, img.diffIds, 'Layers');
      same([info.Architecture, info.Os, info.Env], [img.config.architecture, img.config.os, img.config.config.Env], 'platform and Env');
    });
    check(`inspect --config --raw docker-archive:…:${ref} gives the config whose digest is the image ID`, () => {
      same(sha256(skopeo('inspect', '--config', '--raw', `docker-archive:${both}:${ref}`)), img.id, 'config digest');
    });
  }

  check('inspect docker-archive:…:@1 picks the second manifest.json entry', () => {
    same(skopeoJson('inspect', `docker-archive:${both}:@1`).Layers, webapp.diffIds, 'Layers');
  });

  check('inspect docker-archive:FILE of a one-image archive', () => {
    same(skopeoJson('inspect', `docker-archive:${single}`).Layers, alpine.diffIds, 'Layers');
  });

  check('the same file read as an OCI layout (oci-archive:…:1.0) is the same image', () => {
    same(skopeoJson('inspect', `oci-archive:${both}:1.0`).Layers, webapp.diffIds, 'Layers');
    same(sha256(skopeo('inspect', '--config', '--raw', `oci-archive:${both}:1.0`)), webapp.id, 'config digest');
  });

  check('copy docker-archive:…:myorg/webapp:1.0 dir:… keeps the config bytes and the layer tars', () => {
    const out = join(dir, 'dir-webapp');
    skopeo('copy', '-q', `docker-archive:${both}:myorg/webapp:1.0`, `dir:${out}`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    same(manifest.config.digest, webapp.id, 'config digest');
    same(
      manifest.layers.map((l) => l.digest),
      webapp.diffIds,
      'layer digests',
    );
    for (const l of manifest.layers) same(sha256(readFileSync(join(out, l.digest.slice(7)))), l.digest, `blob ${l.digest}`);
  });

  for (const [img, source, label] of [
    [alpine, `docker-archive:${single}`, 'docker-archive:FILE oci:DIR:tag'],
    [webapp, `docker-archive:${both}:myorg/webapp:latest`, 'docker-archive:FILE:myorg/webapp:latest oci:DIR:tag'],
  ]) {
    check(`copy ${label}: the OCI image has the same layers and config`, () => {
      const out = join(dir, `oci-${img.id.slice(7, 19)}`);
      skopeo('copy', '-q', source, `oci:${out}:saved`);
      const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
      const entry = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === 'saved');
      const blob = (d) => readFileSync(join(out, 'blobs', 'sha256', d.slice(7)));
      const manifest = JSON.parse(blob(entry.digest).toString('utf8'));
      same(sha256(blob(manifest.config.digest)), manifest.config.digest, 'config blob digest');
      // skopeo rewrites a Docker config as an OCI one (same content, Go's key order and time format), so compare content.
      const config = JSON.parse(blob(manifest.config.digest).toString('utf8'));
      same(config.rootfs.diff_ids, img.diffIds, 'diff_ids');
      same([Date.parse(config.created), config.config.Cmd, config.config.Entrypoint ?? null], [Date.parse(img.config.created), img.config.config.Cmd, img.config.config.Entrypoint ?? null], 'config');
      same(manifest.layers.length, img.diffIds.length, 'layer count');
      manifest.layers.forEach((l, i) => {
        const raw = blob(l.digest);
        same(sha256(raw), l.digest, `layer ${i} blob digest`);
        same(sha256(l.mediaType.endsWith('+gzip') ? gunzipSync(raw) : raw), img.diffIds[i], `layer ${i} uncompressed digest`);
      });
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

finish();
