import { goQuote } from '../../core/go-quote.ts';
import { formatGoDuration, type Command } from '../../dockerfile/instructions/index.ts';
import { processWord, processWords } from '../../dockerfile/words/index.ts';
import { resolvePath } from '../../fs/path.ts';
import type { ContainerConfig } from '../../image/types.ts';
import { BuildFailure } from '../errors.ts';
import { expansionScope, setEnv, type StageState } from '../stage-state.ts';

/** `["node" "dist/index.js"]`: Go's %q of a string slice, as BuildKit writes CMD and ENTRYPOINT history. */
export function goQuotedList(items: readonly string[]): string {
  return `[${items.map(goQuote).join(' ')}]`;
}

/** The shell a shell-form command runs under: SHELL if set, else /bin/sh -c. */
export function shellOf(st: StageState): readonly string[] {
  return st.config.Shell && st.config.Shell.length > 0 ? st.config.Shell : ['/bin/sh', '-c'];
}

export function expand(st: StageState, word: string, line: number): string {
  try {
    return processWord(word, expansionScope(st));
  } catch (e) {
    throw new BuildFailure(e instanceof Error ? e.message : String(e), { start: line, end: line });
  }
}

function expandWords(st: StageState, word: string, line: number): string[] {
  try {
    return processWords(word, expansionScope(st));
  } catch (e) {
    throw new BuildFailure(e instanceof Error ? e.message : String(e), { start: line, end: line });
  }
}

function history(st: StageState, createdBy: string): void {
  st.history.push({ createdBy, emptyLayer: true, comment: 'buildkit.dockerfile.v0' });
}

/** `docker.io` port notation: `3000` → `3000/tcp`, ranges expanded, as nat.ParsePortSpecs does for EXPOSE. */
function exposedPorts(spec: string, line: number): string[] {
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(spec);
  if (!m) throw new BuildFailure(`invalid containerPort: ${spec.split('/')[0]}`, { start: line, end: line });
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  const proto = (m[3] ?? 'tcp').toLowerCase();
  const out: string[] = [];
  for (let p = from; p <= to; p++) out.push(`${p}/${proto}`);
  return out;
}

/**
 * The instructions that only change the image config (BuildKit's dispatch* for them): no operation, no progress
 * step, an `empty_layer` history line. They reach later cache keys only through RUN's env, user, shell and cwd.
 */
export function dispatchMetadata(st: StageState, cmd: Command, globals: { buildArgs: Readonly<Record<string, string>>; metaArgs: ReadonlyMap<string, string | undefined>; automatic: Readonly<Record<string, string>> }): boolean {
  const c = st.config;
  const line = cmd.startLine;
  switch (cmd.kind) {
    case 'env': {
      const parts: string[] = [];
      for (const kv of cmd.env) {
        const key = expand(st, kv.key, line);
        const value = expand(st, kv.value, line);
        setEnv(c, key, value);
        parts.push(`${key}=${value}`);
      }
      history(st, `ENV ${parts.join(' ')}`);
      return true;
    }
    case 'label': {
      // The stage's config is its own (cloned from its base when the stage began), so labels are set in place as
      // BuildKit does: a copy per LABEL made a Dockerfile of many LABEL lines quadratic.
      const labels: Record<string, string> = (c.Labels ??= {});
      const parts: string[] = [];
      for (const kv of cmd.labels) {
        const key = expand(st, kv.key, line);
        const value = expand(st, kv.value, line);
        labels[key] = value;
        parts.push(`${key}=${value}`);
      }
      history(st, `LABEL ${parts.join(' ')}`);
      return true;
    }
    case 'maintainer':
      history(st, `MAINTAINER ${cmd.maintainer}`);
      return true;
    case 'arg': {
      const parts: string[] = [];
      for (const a of cmd.args) {
        let value: string | undefined;
        if (Object.hasOwn(globals.buildArgs, a.key)) value = globals.buildArgs[a.key];
        else if (a.value !== undefined) value = expand(st, a.value, line);
        else if (globals.metaArgs.has(a.key)) value = globals.metaArgs.get(a.key);
        else if (Object.hasOwn(globals.automatic, a.key)) value = globals.automatic[a.key];
        st.args.delete(a.key);
        st.args.set(a.key, value);
        parts.push(value === undefined ? a.key : `${a.key}=${value}`);
      }
      history(st, `ARG ${parts.join(' ')}`);
      return true;
    }
    case 'cmd':
    case 'entrypoint': {
      const args = cmd.prependShell ? [...shellOf(st), (cmd.cmdLine ?? []).join(' ')] : [...(cmd.cmdLine ?? [])];
      if (cmd.kind === 'cmd') {
        c.Cmd = args;
        st.cmdSet.cmd = true;
      } else {
        c.Entrypoint = args;
        // A new ENTRYPOINT drops the base image's CMD unless this stage set one.
        if (!st.cmdSet.cmd) c.Cmd = null;
      }
      (c as { ArgsEscaped?: boolean }).ArgsEscaped = true;
      history(st, `${cmd.kind.toUpperCase()} ${goQuotedList(args)}`);
      return true;
    }
    case 'expose': {
      const ports: Record<string, Record<string, never>> = { ...(c.ExposedPorts ?? {}) };
      for (const p of cmd.ports) for (const word of expandWords(st, p, line)) for (const port of exposedPorts(word, line)) ports[port] = {};
      c.ExposedPorts = ports;
      history(st, `EXPOSE map[${Object.keys(ports).sort().map((p) => `${p}:{}`).join(' ')}]`);
      return true;
    }
    case 'user':
      c.User = expand(st, cmd.user, line);
      history(st, `USER ${c.User}`);
      return true;
    case 'volume': {
      const volumes: Record<string, Record<string, never>> = { ...(c.Volumes ?? {}) };
      const added: string[] = [];
      for (const v of cmd.volumes) {
        const path = expand(st, v, line);
        if (path === '') throw new BuildFailure('VOLUME specified can not be an empty string', { start: line, end: line });
        volumes[path] = {};
        added.push(path);
      }
      c.Volumes = volumes;
      history(st, `VOLUME [${added.join(' ')}]`);
      return true;
    }
    case 'stopsignal':
      c.StopSignal = expand(st, cmd.signal, line);
      history(st, `STOPSIGNAL ${c.StopSignal}`);
      return true;
    case 'healthcheck': {
      const h = cmd.health;
      const health: NonNullable<ContainerConfig['Healthcheck']> = {
        Test: h.test,
        ...(h.interval ? { Interval: h.interval } : {}),
        ...(h.timeout ? { Timeout: h.timeout } : {}),
        ...(h.startPeriod ? { StartPeriod: h.startPeriod } : {}),
        ...(h.startInterval ? { StartInterval: h.startInterval } : {}),
        ...(h.retries ? { Retries: h.retries } : {}),
      };
      (c as { Healthcheck?: ContainerConfig['Healthcheck'] }).Healthcheck = health;
      // Go's %q of the *HealthConfig: durations as quoted strings, the retry count as a quoted rune.
      const d = (ns: number) => goQuote(formatGoDuration(ns));
      const retries = `'\\x${h.retries.toString(16).padStart(2, '0')}'`;
      history(st, `HEALTHCHECK &{${goQuotedList(h.test)} ${d(h.interval)} ${d(h.timeout)} ${d(h.startPeriod)} ${d(h.startInterval)} ${retries}}`);
      return true;
    }
    case 'shell':
      c.Shell = [...cmd.shell];
      history(st, `SHELL [${cmd.shell.join(' ')}]`);
      return true;
    case 'onbuild':
      c.OnBuild = [...(c.OnBuild ?? []), cmd.expression];
      history(st, `ONBUILD ${cmd.expression}`);
      return true;
    default:
      return false;
  }
}

/** WORKDIR's target: relative paths continue from the current working directory. */
export function workdirPath(st: StageState, raw: string, line: number): string {
  const path = expand(st, raw, line);
  return resolvePath(st.config.WorkingDir || '/', path);
}
