import { GuestError, Sandbox, type GuestFunction } from '../../js/index.ts';
import { v8Message, v8Name } from '../../js/v8-messages.ts';
import type { Process } from '../../process.ts';
import { rewrite, type Rewritten } from './async-rewriter.ts';
import { Bridge } from './bridge.ts';
import type { ShellEvaluator } from './evaluator.ts';
import { formatError } from './format-error.ts';
import { GUEST_SHELL } from './guest-shell.ts';

/**
 * mongosh's JavaScript in the sandbox: one QuickJS context per shell session, so variables stay between lines. Each
 * input goes through the async rewriter, runs as a script with top-level await, and its completion value comes
 * back to the REPL as host values. Errors come back with V8's wording, as mongosh (on Node) prints them.
 */

/** The script name QuickJS puts in stack frames; positions in them are found back in the input. */
const FILENAME = 'mongosh';

interface GuestShell {
  install: GuestFunction;
  exportValue: GuestFunction;
}

export class SandboxEvaluator implements ShellEvaluator {
  #sandbox: Sandbox | undefined;
  #shell: GuestShell | undefined;
  #bridge: Bridge | undefined;
  #globals: Readonly<Record<string, unknown>> | undefined;

  constructor(private readonly p: Process) {}

  async evaluate(source: string, globals: Readonly<Record<string, unknown>>): Promise<unknown> {
    const rewritten = rewrite(source);
    const { sandbox, shell, bridge } = await this.#ready(globals);
    try {
      return bridge.fromGuest(await sandbox.evalScriptAsync(rewritten.code, FILENAME, shell.exportValue));
    } catch (e) {
      if (!(e instanceof GuestError)) throw e;
      // A loop that never yields spins until a signal comes, as it would on a real CPU.
      if (e.interrupted === 'hang') await this.#signalled();
      throw this.#hostError(e.value, bridge, rewritten);
    }
  }

  close(): void {
    this.#sandbox?.dispose();
    this.#sandbox = undefined;
  }

  async #ready(globals: Readonly<Record<string, unknown>>): Promise<{ sandbox: Sandbox; shell: GuestShell; bridge: Bridge }> {
    this.#sandbox ??= await Sandbox.create({
      clock: this.p.clock,
      signal: this.p.signal,
      seed: 20250714,
      // A callback that throws after its line finished (a timer): mongosh prints it and carries on.
      onUncaught: (e) => void this.p.stderr.write(`${formatError(this.#hostError(e.value, this.#bridge))}\n`),
    });
    const sandbox = this.#sandbox;
    if (this.#globals !== globals || !this.#shell || !this.#bridge) {
      const bridge = new Bridge(globals);
      const factory = sandbox.evalScript(GUEST_SHELL, 'mongosh:shell') as GuestFunction;
      this.#shell = factory(bridge.bindings()) as GuestShell;
      factory.release();
      this.#shell.install(bridge.describeGlobals());
      this.#bridge = bridge;
      this.#globals = globals;
    }
    return { sandbox, shell: this.#shell, bridge: this.#bridge };
  }

  #signalled(): Promise<void> {
    const signal = this.p.signal;
    return new Promise((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  /** What the REPL prints for an error the input threw: the host's own object when it came from the host. */
  #hostError(value: unknown, bridge: Bridge | undefined, rewritten?: Rewritten): unknown {
    const original = bridge?.thrownBy(value);
    if (original !== undefined) return original;
    if (!(value instanceof Error)) return value;
    const e = value as Error & { guestStack?: string };
    const callee = rewritten && calleeOf(e.guestStack ?? '', rewritten);
    const message = v8Message(e.name, e.message, callee);
    const name = v8Name(e.name, e.message);
    if (message !== e.message) e.message = message;
    if (name !== e.name) Object.defineProperty(e, 'name', { value: name, configurable: true, writable: true });
    return e;
  }
}

/** The callee of the call that failed, from the first frame in the input (`at <eval> (mongosh:1:21)`). */
function calleeOf(stack: string, rewritten: Rewritten): string | undefined {
  const m = new RegExp(`\\(${FILENAME}:(\\d+):(\\d+)\\)`).exec(stack);
  if (!m) return undefined;
  const lines = rewritten.code.split('\n');
  const line = Number(m[1]);
  let offset = Number(m[2]) - 1;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
  return rewritten.calleeAt(rewritten.sourceOffset(offset));
}
