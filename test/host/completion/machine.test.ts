import { describe, expect, it } from 'vitest';
import { createMachine } from '../../../engine/index.ts';

async function terminal() {
  const machine = createMachine({ mode: 'headless', project: [{ path: 'Dockerfile', type: 'file', content: 'FROM alpine\n' }] });
  const t = machine.openTerminal();
  const run = async (line: string) => {
    let out = '';
    const status = await t.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
    if (status !== 0) throw new Error(`${line}: exit ${status}\n${out}`);
  };
  const complete = (line: string) => t.complete!(line, line.length);
  return { run, complete };
}

describe("a terminal's completion", () => {
  it("names what the machine's daemon has now", async () => {
    const { run, complete } = await terminal();
    expect(complete('docker volume rm tab')).toEqual({ from: 17, candidates: [] });
    await run('docker volume create tabvol');
    await run('docker network create tabnet');
    await run('docker run -d --name tabweb alpine sleep 1000');
    await run('docker create --name tabidle alpine');
    expect(complete('docker volume rm tab')).toEqual({ from: 17, candidates: ['tabvol'] });
    expect(complete('docker network inspect tab')?.candidates).toEqual(['tabnet']);
    expect(complete('docker run --network ')?.candidates).toEqual(['bridge', 'host', 'none', 'tabnet']);
    expect(complete('docker stop tab')?.candidates).toEqual(['tabweb']);
    expect(complete('docker start tab')?.candidates).toEqual(['tabidle']);
    expect(complete('docker rm tab')?.candidates).toEqual(['tabidle', 'tabweb']);
    expect(complete('docker run al')?.candidates).toEqual(['alpine:latest']);
    await run('docker network connect tabnet tabidle');
    expect(complete('docker network disconnect tabnet tab')?.candidates).toEqual(['tabidle']);
    expect(complete('docker network connect tabnet tab')?.candidates).toEqual(['tabweb']);
    await run('docker stop -t 0 tabweb');
    expect(complete('docker start tab')?.candidates).toEqual(['tabidle', 'tabweb']);
    expect(complete('docker network disconnect bridge tab')?.candidates).toEqual(['tabidle', 'tabweb']);
  });

  it("follows the shell: its directory, functions, aliases and variables", async () => {
    const { run, complete } = await terminal();
    expect(complete('cat Dock')?.candidates).toEqual(['Dockerfile']);
    await run('cd /etc');
    expect(complete('cat os-r')?.candidates).toEqual(['os-release']);
    await run('greet() { echo hi; }');
    await run("alias gl='ls -l'");
    await run('export GREETING=hello');
    expect(complete('gre')?.candidates).toEqual(expect.arrayContaining(['greet', 'grep']));
    expect(complete('g')?.candidates).toContain('gl');
    expect(complete('echo $GREE')?.candidates).toEqual(['$GREETING']);
    expect(complete('cat $HOME/pro')?.candidates).toEqual(['$HOME/project/']);
    await run('cd ~/project');
    expect(complete('F=./Dock')?.candidates).toEqual(['F=./Dockerfile']);
    expect(complete('docker run -e GREE')?.candidates).toEqual(['GREETING']);
  });
});
