import { digestBytes } from '../../fs/digest.ts';
import { goTime, mapJson, quote, stringsJson, structJson } from './gojson.ts';
import type { Digest } from './types.ts';

/**
 * The legacy v1 JSON that `docker save` still writes next to every layer (blobs/sha256/<digest of the JSON>, not
 * referenced by any manifest): moby's image.V1Image with the v1 ID of `v1.CreateID`. Lower layers get an empty
 * V1Image dated at the epoch; the top layer gets the image's own fields, which Go decodes from the config and encodes
 * again, so the bytes follow Go's struct order and defaults rather than the config's text.
 */

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: Json): string => (typeof v === 'string' ? v : '');
const bool = (v: Json): boolean => v === true;
const strings = (v: Json): string[] | null => (Array.isArray(v) ? v.map(str) : null);
/** strslice.StrSlice also accepts a bare string. */
const strSlice = (v: Json): string[] | null => (typeof v === 'string' ? [v] : strings(v));
const int = (v: Json): number => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0);
const emptyObject = '{}';

function setJson(v: Json): string {
  return isObj(v) ? mapJson(Object.keys(v).map((k) => [k, emptyObject])) : 'null';
}

function labelsJson(v: Json): string {
  return isObj(v) ? mapJson(Object.entries(v).map(([k, x]) => [k, quote(str(x))])) : 'null';
}

function nonEmpty(s: string): string | undefined {
  return s === '' ? undefined : quote(s);
}

function healthJson(v: Json): string | undefined {
  if (!isObj(v)) return undefined;
  const test = strings(v.Test);
  const n = (x: Json): string | undefined => (int(x) === 0 ? undefined : String(int(x)));
  return structJson([
    ['Test', test && test.length > 0 ? stringsJson(test) : undefined],
    ['Interval', n(v.Interval)],
    ['Timeout', n(v.Timeout)],
    ['StartPeriod', n(v.StartPeriod)],
    ['StartInterval', n(v.StartInterval)],
    ['Retries', n(v.Retries)],
  ]);
}

/** api/types/container.Config as Go marshals it (every field without omitempty is always there). */
function containerConfigJson(v: Json): string {
  const c: Obj = isObj(v) ? v : {};
  const ports = isObj(c.ExposedPorts) && Object.keys(c.ExposedPorts).length > 0 ? setJson(c.ExposedPorts) : undefined;
  const shell = strSlice(c.Shell);
  return structJson([
    ['Hostname', quote(str(c.Hostname))],
    ['Domainname', quote(str(c.Domainname))],
    ['User', quote(str(c.User))],
    ['AttachStdin', String(bool(c.AttachStdin))],
    ['AttachStdout', String(bool(c.AttachStdout))],
    ['AttachStderr', String(bool(c.AttachStderr))],
    ['ExposedPorts', ports],
    ['Tty', String(bool(c.Tty))],
    ['OpenStdin', String(bool(c.OpenStdin))],
    ['StdinOnce', String(bool(c.StdinOnce))],
    ['Env', stringsJson(strings(c.Env))],
    ['Cmd', stringsJson(strSlice(c.Cmd))],
    ['Healthcheck', healthJson(c.Healthcheck)],
    ['ArgsEscaped', bool(c.ArgsEscaped) ? 'true' : undefined],
    ['Image', quote(str(c.Image))],
    ['Volumes', setJson(c.Volumes)],
    ['WorkingDir', quote(str(c.WorkingDir))],
    ['Entrypoint', stringsJson(strSlice(c.Entrypoint))],
    ['NetworkDisabled', bool(c.NetworkDisabled) ? 'true' : undefined],
    ['MacAddress', nonEmpty(str(c.MacAddress))],
    ['OnBuild', stringsJson(strings(c.OnBuild))],
    ['Labels', labelsJson(c.Labels)],
    ['StopSignal', nonEmpty(str(c.StopSignal))],
    ['StopTimeout', typeof c.StopTimeout === 'number' ? String(int(c.StopTimeout)) : undefined],
    ['Shell', shell && shell.length > 0 ? stringsJson(shell) : undefined],
  ]);
}

/** The fields of image.V1Image, in declaration order, as encoded values (undefined: left out by omitempty). */
type V1Fields = [string, string | undefined][];

function v1Fields(img: { id?: string; parent?: string; config?: Obj; os: string }): V1Fields {
  const c = img.config;
  const created = c === undefined ? '"1970-01-01T00:00:00Z"' : typeof c.created === 'string' ? quote(goTime(c.created) ?? c.created) : 'null';
  const size = c === undefined ? 0 : int(c.Size ?? c.size);
  return [
    ['id', img.id === undefined || img.id === '' ? undefined : quote(img.id)],
    ['parent', img.parent === undefined ? undefined : quote(img.parent)],
    ['comment', c && nonEmpty(str(c.comment))],
    ['created', created],
    ['container', c && nonEmpty(str(c.container))],
    ['container_config', containerConfigJson(c?.container_config)],
    ['docker_version', c && nonEmpty(str(c.docker_version))],
    ['author', c && nonEmpty(str(c.author))],
    ['config', c && isObj(c.config) ? containerConfigJson(c.config) : undefined],
    ['architecture', c && nonEmpty(str(c.architecture))],
    ['variant', c && nonEmpty(str(c.variant))],
    ['os', nonEmpty(img.os)],
    ['Size', size === 0 ? undefined : String(size)],
  ];
}

export interface LegacyBlob {
  readonly digest: Digest;
  readonly json: string;
  /** The v1 ID (hex), which the next layer names as its parent. */
  readonly v1Id: string;
}

/**
 * The legacy JSON of each layer of an image, bottom first. `config` is the parsed image config; `chainIds` the
 * chainID of each layer prefix.
 */
export function legacyBlobs(config: Obj, chainIds: readonly Digest[]): LegacyBlob[] {
  const os = str(config.os);
  const out: LegacyBlob[] = [];
  let parent: Digest | undefined;
  chainIds.forEach((chain, i) => {
    const top = i === chainIds.length - 1 ? config : undefined;
    // v1.CreateID: the V1Image without id, re-read as a map, plus layer_id and parent, marshalled with sorted keys.
    const idFields = v1Fields({ config: top, os: top ? os : '' }).filter((f): f is [string, string] => f[1] !== undefined);
    const idJson = mapJson([...idFields, ['layer_id', quote(chain)], ...(parent ? [['parent', quote(parent)] as [string, string]] : [])]);
    const v1Digest = digestBytes(idJson);
    const v1Id = v1Digest.slice('sha256:'.length);
    const json = structJson(v1Fields({ id: v1Id, ...(parent ? { parent: parent.slice('sha256:'.length) } : {}), config: top, os }));
    out.push({ digest: digestBytes(json), json, v1Id });
    parent = v1Digest;
  });
  return out;
}
