import { describe, expect, it } from 'vitest';
import { createMachine, type Terminal } from '../../../engine/index.ts';

async function run(terminal: Terminal, line: string) {
  let out = '';
  const code = await terminal.run(line, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, out };
}

describe('legacy --link on the default bridge', () => {
  it("gives the parent an /etc/hosts record (alias, hostname, name) and the child's variables", async () => {
    const t = createMachine({ mode: 'headless' }).openTerminal();
    await run(t, 'docker run -d --name mongo -e MONGO_INITDB_DATABASE=shop mongo');
    const id = (await run(t, 'docker inspect -f "{{.Id}}" mongo')).out.trim();
    const hosts = await run(t, 'docker run --rm --link mongo:db alpine cat /etc/hosts');
    expect(hosts.out).toContain(`172.17.0.2\tdb ${id.slice(0, 12)} mongo\n172.17.0.3\t`);
    const env = (await run(t, 'docker run --rm --link mongo:db alpine env')).out.split('\n');
    expect(env).toEqual(
      expect.arrayContaining([
        'DB_PORT=tcp://172.17.0.2:27017',
        'DB_PORT_27017_TCP=tcp://172.17.0.2:27017',
        'DB_PORT_27017_TCP_ADDR=172.17.0.2',
        'DB_PORT_27017_TCP_PORT=27017',
        'DB_PORT_27017_TCP_PROTO=tcp',
        'DB_ENV_MONGO_INITDB_DATABASE=shop',
      ]),
    );
    expect(env.some((l) => /^DB_NAME=\/[a-z]+_[a-z]+\/db$/.test(l))).toBe(true);
    expect(env.some((l) => l.startsWith('DB_ENV_PATH='))).toBe(false);
    // The alias resolves for every client in the container, as the name does.
    expect((await run(t, 'docker run --rm --link mongo alpine ping -c 1 mongo')).out).toMatch(/^PING mongo \(172\.17\.0\.2\): 56 data bytes\n64 bytes from 172\.17\.0\.2: seq=0 ttl=64/);
    // docker exec processes get the link variables too.
    await run(t, 'docker run -d --name app --link mongo:db alpine sleep 100');
    expect((await run(t, "docker exec app sh -c 'echo $DB_PORT_27017_TCP_ADDR'")).out).toBe('172.17.0.2\n');
    await run(t, 'docker create --name web --link mongo:db alpine');
    expect((await run(t, 'docker inspect -f "{{json .HostConfig.Links}}" web')).out).toBe('["/mongo:/web/db"]\n');
    expect((await run(t, 'docker inspect -f "{{json .HostConfig.Links}}" mongo')).out).toBe('null\n');
  });

  it('refuses a missing container at create and a stopped one at start', async () => {
    const t = createMachine({ mode: 'headless' }).openTerminal();
    const missing = await run(t, 'docker run --rm --link nope:db alpine true');
    expect(missing.code).toBe(125);
    expect(missing.out).toContain('Error response from daemon: could not get container for nope: No such container: nope');
    await run(t, 'docker create --name db redis');
    const stopped = await run(t, 'docker run --name app --link db alpine true');
    expect(stopped.out).toContain('Error response from daemon: Cannot link to a non running container: /db AS /app/db');
    expect((await run(t, 'docker ps -a --filter name=app --format "{{.Status}}"')).out).toBe('Created\n');
    const host = await run(t, 'docker run --rm --network host --link db alpine true');
    expect(host.out).toContain("conflicting options: host type networking can't be used with links");
  });
});
