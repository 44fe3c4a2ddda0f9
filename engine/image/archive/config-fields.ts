/**
 * The image config fields the simulator reads, checked as encoding/json checks them when Docker decodes image.Image:
 * a field of the wrong type refuses the whole archive with Go's message. And the config as the engine keeps it, with
 * what Go leaves at its zero value (no `config`, no `history`) filled in, so a hand-made archive that Docker loads
 * cannot leave the store holding an image that later commands trip over.
 */
import { field, jsonKind } from './gojson.ts';
import type { ContainerConfig, ImageConfig } from '../types.ts';

type Fail = (message: string) => never;
type Record_ = Record<string, unknown>;

const isObject = (v: unknown): v is Record_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** container.Config's fields of strslice.StrSlice type: a JSON string is read as a one-element list. */
const STR_SLICES = ['Cmd', 'Entrypoint', 'Shell'];
const STRING_LISTS = ['Env', 'OnBuild'];
const STRINGS = ['User', 'WorkingDir', 'StopSignal', 'Hostname', 'Domainname', 'Image'];

export function checkConfigFields(o: Record_, fail: Fail): void {
  const wrong = (v: unknown, where: string, type: string): never => fail(`json: cannot unmarshal ${jsonKind(v)} into Go struct field ${where} of type ${type}`);
  const str = (v: unknown, where: string, type = 'string') => void (v === undefined || v === null || typeof v === 'string' || wrong(v, where, type));
  const strings = (v: unknown, where: string) => {
    if (v === undefined || v === null) return;
    if (!Array.isArray(v)) wrong(v, where, '[]string');
    for (const x of v as unknown[]) str(x, where);
  };
  const strSlice = (v: unknown) => {
    if (v === undefined || v === null || typeof v === 'string') return;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`);
  };
  const map = (v: unknown, where: string, type: string, each?: (x: unknown) => void) => {
    if (v === undefined || v === null) return;
    if (!isObject(v)) wrong(v, where, type);
    if (each) for (const x of Object.values(v as Record_)) each(x);
  };

  for (const k of ['architecture', 'os', 'variant', 'author', 'comment']) str(field(o, k), `Image.${k}`);
  str(field(o, 'created'), 'Image.created', 'time.Time');
  const config = field(o, 'config');
  map(config, 'Image.config', 'container.Config');
  if (isObject(config)) {
    for (const k of STRINGS) str(field(config, k), `Config.config.${k}`);
    for (const k of STRING_LISTS) strings(field(config, k), `Config.config.${k}`);
    for (const k of STR_SLICES) strSlice(field(config, k));
    map(field(config, 'Labels'), 'Config.config.Labels', 'map[string]string', (x) => str(x, 'Config.config.Labels'));
    map(field(config, 'ExposedPorts'), 'Config.config.ExposedPorts', 'nat.PortSet', (x) => map(x, 'Config.config.ExposedPorts', 'struct {}'));
    map(field(config, 'Volumes'), 'Config.config.Volumes', 'map[string]struct {}', (x) => map(x, 'Config.config.Volumes', 'struct {}'));
    const health = field(config, 'Healthcheck');
    map(health, 'Config.config.Healthcheck', 'container.HealthConfig');
    if (isObject(health)) {
      strings(field(health, 'Test'), 'HealthConfig.config.Healthcheck.Test');
      for (const k of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries']) {
        const v = field(health, k);
        if (v !== undefined && v !== null && typeof v !== 'number') wrong(v, `HealthConfig.config.Healthcheck.${k}`, k === 'Retries' ? 'int' : 'time.Duration');
      }
    }
  }
  const history = field(o, 'history');
  if (history !== undefined && history !== null) {
    if (!Array.isArray(history)) wrong(history, 'Image.history', '[]image.History');
    for (const h of history as unknown[]) {
      if (h === null) continue;
      if (!isObject(h)) wrong(h, 'Image.history', 'image.History');
      for (const k of ['created_by', 'author', 'comment']) str(field(h as Record_, k), `History.history.${k}`);
      str(field(h as Record_, 'created'), 'History.history.created', 'time.Time');
      const empty = field(h as Record_, 'empty_layer');
      if (empty !== undefined && empty !== null && typeof empty !== 'boolean') wrong(empty, 'History.history.empty_layer', 'bool');
    }
  }
}

/** A checked config as the engine keeps it: Go's zero values where the JSON has nothing, StrSlice strings as lists. */
export function engineConfig(o: Record_): ImageConfig {
  const config = isObject(field(o, 'config')) ? { ...(field(o, 'config') as Record_) } : {};
  for (const k of STR_SLICES) if (typeof config[k] === 'string') config[k] = [config[k]];
  const text = (k: string) => (typeof field(o, k) === 'string' ? (field(o, k) as string) : '');
  const history = Array.isArray(field(o, 'history')) ? (field(o, 'history') as unknown[]).map((h) => (isObject(h) ? h : {})) : [];
  return { ...o, architecture: text('architecture'), os: text('os'), created: text('created'), config: config as ContainerConfig, history } as unknown as ImageConfig;
}
