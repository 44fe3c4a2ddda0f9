// The headless command line is a contract teachers and CI depend on (design.md): pin it through the real binary.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/dockyard.mjs');
const dockyard = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });

const SCRIPT = [
  '# a comment line is skipped',
  'echo "upper: $(echo hello | tr a-z A-Z)"',
  'for i in 1 2; do',
  '  echo "loop $i"',
  'done',
  'cat > note.txt <<EOF',
  'written at $(date +%H:%M:%S)',
  'EOF',
  'cat note.txt',
  'ls -a',
  'false',
  "docker version --format '{{.Client.Version}}'",
  '',
].join('\n');

describe('dockyard play', () => {
  it('prints the same bytes for the same inputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockyard-'));
    writeFileSync(join(dir, 'script.sh'), SCRIPT);
    const first = dockyard(['play', join(dir, 'script.sh')]);
    const second = dockyard(['play', '--seed', '0', join(dir, 'script.sh')]);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toContain('$ echo "upper: $(echo hello | tr a-z A-Z)"\nupper: HELLO\n');
    expect(first.stdout).toContain('$ for i in 1 2; do\n>   echo "loop $i"\n> done\nloop 1\nloop 2\n');
    expect(first.stdout).toContain('$ cat note.txt\nwritten at 09:00:');
    expect(first.stdout).toContain('$ docker version --format \'{{.Client.Version}}\'\n28.2.2\n');
    expect(first.stdout).not.toContain('a comment line');
  });

  it('reads the script from standard input when it is absent or -', () => {
    const a = dockyard(['play'], 'echo one\n');
    const b = dockyard(['play', '-'], 'echo one\n');
    expect(a.stdout).toBe('$ echo one\none\n');
    expect(b.stdout).toBe(a.stdout);
  });

  it('prints one JSON object per command with --json', () => {
    const r = dockyard(['play', '--json'], 'echo out; echo err >&2; exit 3\nnosuch\n');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { command: 'echo out; echo err >&2; exit 3', stdout: 'out\n', stderr: 'err\nexit\n', exitCode: 3 },
      { command: 'nosuch', stdout: '', stderr: 'bash: nosuch: command not found\n', exitCode: 127 },
    ]);
  });

  it('copies the project in, dotfiles and modes included, and exports it back', () => {
    const project = mkdtempSync(join(tmpdir(), 'dockyard-project-'));
    mkdirSync(join(project, 'src'));
    writeFileSync(join(project, '.dockerignore'), 'node_modules\n');
    writeFileSync(join(project, 'src/app.js'), 'console.log(1)\n');
    writeFileSync(join(project, 'run.sh'), '#!/bin/sh\necho ran\n');
    chmodSync(join(project, 'run.sh'), 0o755);
    const out = mkdtempSync(join(tmpdir(), 'dockyard-export-'));
    const r = dockyard(['play', '--project', project, '--export', out], 'ls -A\n./run.sh\necho new > made.txt\n');
    expect(r.stdout).toBe('$ ls -A\n.dockerignore  run.sh  src\n$ ./run.sh\nran\n$ echo new > made.txt\n');
    expect(readFileSync(join(out, 'made.txt'), 'utf8')).toBe('new\n');
    expect(readFileSync(join(out, '.dockerignore'), 'utf8')).toBe('node_modules\n');
    expect(readFileSync(join(out, 'src/app.js'), 'utf8')).toBe('console.log(1)\n');
    expect(statSync(join(out, 'run.sh')).mode & 0o777).toBe(0o755);
  });

  it('exits 1 when the script cannot be read, 2 on bad usage', () => {
    const missing = dockyard(['play', '/nonexistent/script.sh']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^dockyard: cannot read script \/nonexistent\/script.sh/);
    for (const args of [['play', '--bogus'], ['play', '--seed', 'x'], ['play', '--project'], ['frobnicate'], ['play', 'a', 'b'], []]) {
      expect(dockyard(args, '').status, args.join(' ')).toBe(2);
    }
    expect(existsSync(bin)).toBe(true);
  });

  it('answers --help and --version', () => {
    expect(dockyard(['--help']).stdout).toMatch(/^Usage: dockyard <command>/);
    expect(dockyard(['--version']).stdout).toMatch(/^dockyard \d+\.\d+\.\d+\n$/);
  });
});
