import type { Command, ResolvedCommand } from './command.ts';
import { usageOf, type CommandUsage } from './usage/index.ts';

/**
 * The tree of registered commands: `docker`, its management groups (`container`, `system`...) and their
 * commands. Only registered commands appear in it, so help never lists a command that would fail.
 */
export interface CommandNode {
  readonly path: string;
  readonly usage: CommandUsage;
  readonly children: Map<string, CommandNode>;
  command?: Command;
}

const GROUPS = ['container', 'image', 'volume', 'network', 'system', 'builder'];

export class CommandTable {
  readonly root: CommandNode;

  constructor(commands: readonly Command[]) {
    this.root = node('docker');
    // The management groups always exist, so an unknown word under them gets docker's group error
    // (`unknown command: docker container foo` with the group's usage), even before any of their commands work.
    for (const group of GROUPS) this.#group([group]);
    const byPath = new Map<string, CommandNode>();
    for (const command of commands) {
      for (const path of command.paths) {
        const words = path.split(' ');
        const parentPath = words.slice(0, -1).join(' ');
        // The first path under a parent is the canonical one; later ones are cobra aliases of it.
        const canonical = command.paths.find((p) => p.slice(0, p.lastIndexOf(' ')) === parentPath)!;
        let child = byPath.get(canonical);
        if (!child) byPath.set(canonical, (child = node(canonical)));
        child.command = command;
        this.#group(words.slice(1, -1)).children.set(words.at(-1)!, child);
      }
    }
  }

  /** Walks `words` down the tree: the deepest node reached and the words left. */
  find(words: readonly string[]): { node: CommandNode; rest: readonly string[] } {
    let at = this.root;
    let i = 0;
    for (; i < words.length; i++) {
      const next = at.children.get(words[i]!);
      if (!next) break;
      at = next;
    }
    return { node: at, rest: words.slice(i) };
  }

  /** Distinct children of a node that can do something, in name order (aliases folded; empty groups left out). */
  childrenOf(n: CommandNode): CommandNode[] {
    const seen = new Set<CommandNode>();
    for (const c of n.children.values()) if (this.isAvailable(c)) seen.add(c);
    return [...seen].sort((a, b) => (nameOf(a.path) < nameOf(b.path) ? -1 : 1));
  }

  /** A command, or a group with at least one available command. */
  isAvailable(n: CommandNode): boolean {
    return n.command !== undefined || [...n.children.values()].some((c) => this.isAvailable(c));
  }

  #group(words: readonly string[]): CommandNode {
    let at = this.root;
    for (const w of words) {
      let next = at.children.get(w);
      if (!next) {
        next = node(`${at.path} ${w}`);
        at.children.set(w, next);
      }
      at = next;
    }
    return at;
  }
}

export function resolved(n: CommandNode): ResolvedCommand | undefined {
  return n.command ? { command: n.command, path: n.path, usage: n.usage } : undefined;
}

export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf(' ') + 1);
}

function node(path: string): CommandNode {
  const usage = usageOf(path);
  if (!usage) throw new Error(`no usage data for ${path}: capture it with test/cli/fixtures/capture/gen-usage.mjs`);
  return { path, usage, children: new Map() };
}
