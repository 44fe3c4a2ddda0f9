import { describe, expect, it } from 'vitest';
import type { CompletionSources } from '../../../engine/cli/completion/sources.ts';
import { TreeFs } from '../../../engine/fs/tree-fs.ts';
import { completeLine, type ShellCompletionContext } from '../../../engine/host/completion/index.ts';

function hostFs(): TreeFs {
  const fs = new TreeFs();
  for (const dir of ['/usr/bin', '/bin', '/home/student/project/src', '/home/student/project/my dir']) fs.mkdir(dir, { recursive: true });
  for (const p of ['/usr/bin/docker', '/usr/bin/dockerd', '/bin/cat', '/home/student/project/run.sh']) fs.writeFile(p, '', { mode: 0o755 });
  for (const p of ['/home/student/project/Dockerfile', '/home/student/project/docker-compose.yml', '/home/student/project/.dockerignore', '/home/student/project/my file.txt', '/home/student/notes.md', '/usr/bin/README']) {
    fs.writeFile(p, '');
  }
  return fs;
}

const docker: CompletionSources = {
  containers: () => [{ name: 'web', state: 'running' }],
  images: () => ['node:20'],
  volumes: () => ['data'],
  networks: () => ['bridge'],
  envNames: () => [],
};

const ctx: ShellCompletionContext = {
  fs: hostFs(),
  cwd: '/home/student/project',
  variables: new Map([
    ['HOME', '/home/student'],
    ['PATH', '/usr/bin:/bin'],
    ['HOSTNAME', 'dockyard'],
  ]),
  functions: ['dockup'],
  aliases: ['ll'],
  docker,
};

const at = (line: string, c: ShellCompletionContext = ctx) => completeLine(c, line, line.length);
const candidates = (line: string) => at(line)?.candidates;

describe('completion of a command line', () => {
  it('completes command names in command position: programs on PATH, builtins, functions, aliases, keywords', () => {
    expect(at('dock')).toEqual({ from: 0, candidates: ['docker', 'dockerd', 'dockup'] });
    expect(candidates('ls | ca')).toEqual(['case', 'cat']);
    expect(candidates('sudo dock')).toEqual(['docker', 'dockerd', 'dockup']);
    expect(candidates('l')).toEqual(['ll', 'local']);
    expect(candidates('cd')).toEqual(['cd']);
    // A file on PATH that no one may execute is no command.
    expect(candidates('READ')).toEqual([]);
  });

  it('completes executables by path in command position', () => {
    expect(candidates('./r')).toEqual(['./run.sh']);
    expect(candidates('./D')).toEqual([]);
    expect(candidates('./m')).toEqual(['./my\\ dir/']);
  });

  it('completes file names relative to the working directory', () => {
    expect(at('cat Do')).toEqual({ from: 4, candidates: ['Dockerfile'] });
    expect(candidates('ls s')).toEqual(['src/']);
    expect(candidates('cat d')).toEqual(['docker-compose.yml']);
    expect(candidates('cat ../n')).toEqual(['../notes.md']);
    expect(candidates('ls /usr/bin/do')).toEqual(['/usr/bin/docker', '/usr/bin/dockerd']);
    expect(candidates('cat nothing/x')).toEqual([]);
  });

  it('lists dotfiles only when the name typed starts with a dot', () => {
    expect(candidates('cat ')).not.toContain('.dockerignore');
    expect(candidates('cat .d')).toEqual(['.dockerignore']);
  });

  it('expands ~ to the home directory and keeps it in the word', () => {
    expect(candidates('cat ~/n')).toEqual(['~/notes.md']);
    expect(candidates('cd ~/pro')).toEqual(['~/project/']);
  });

  it('looks in the directory variables name and keeps them as typed', () => {
    expect(at('cat $HOME/pro')).toEqual({ from: 4, candidates: ['$HOME/project/'] });
    expect(candidates('cat ${HOME}/project/Do')).toEqual(['${HOME}/project/Dockerfile']);
    expect(candidates('ls $HOME/project/my')).toEqual(['$HOME/project/my\\ dir/', '$HOME/project/my\\ file.txt']);
    expect(candidates('cat "$HOME/project/my f')).toEqual(['"$HOME/project/my file.txt"']);
    // An unset variable expands to nothing, as bash expands it: `$NOPE/` is `/`.
    expect(candidates('ls $NOPE/ho')).toEqual(['$NOPE/home/']);
    // Inside single quotes nothing expands.
    expect(candidates("cat '$HOME/pro")).toEqual([]);
  });

  it("completes an assignment's value as a file name", () => {
    expect(at('X=./sr')).toEqual({ from: 0, candidates: ['X=./src/'] });
    expect(candidates('SRC=Dock')).toEqual(['SRC=Dockerfile']);
    expect(candidates('A=1 B=$HOME/no')).toEqual(['B=$HOME/notes.md']);
  });

  it('escapes special characters, or keeps the quote the user opened', () => {
    expect(candidates('cat my')).toEqual(['my\\ dir/', 'my\\ file.txt']);
    expect(candidates('cat my\\ f')).toEqual(['my\\ file.txt']);
    expect(candidates('cat "my f')).toEqual(['"my file.txt"']);
    expect(candidates("cat 'my d")).toEqual(["'my dir/"]);
  });

  it('offers only directories to cd', () => {
    expect(candidates('cd ')).toEqual(['my\\ dir/', 'src/']);
  });

  it('completes a redirection target as a file', () => {
    expect(candidates('echo hi > Doc')).toEqual(['Dockerfile']);
    expect(candidates('docker ps > Doc')).toEqual(['Dockerfile']);
  });

  it('completes variable names after $', () => {
    expect(at('echo $HO')).toEqual({ from: 5, candidates: ['$HOME', '$HOSTNAME'] });
  });

  it("hands docker's words to docker's completion", () => {
    expect(at('docker con')).toEqual({ from: 7, candidates: ['container'] });
    expect(candidates('sudo docker volume rm ')).toEqual(['data']);
    expect(at('docker run -v ')).toEqual({ from: 14, candidates: ['data:'], noSpace: true });
    expect(candidates('docker build -f D')).toEqual(['Dockerfile']);
    expect(candidates('docker build --file=D')).toEqual(['--file=Dockerfile']);
    expect(candidates('docker build ')).toEqual(['my\\ dir/', 'src/']);
    expect(at('docker pull ')).toBeUndefined();
    expect(candidates('/usr/bin/docker sta')).toEqual(['start', 'stats']);
  });

  it('completes file names after docker on a machine without a daemon', () => {
    const { docker: _, ...bare } = ctx;
    expect(at('docker run D', bare)?.candidates).toEqual(['Dockerfile']);
  });
});
