import { createMachine, playScript, type Machine } from '../../engine/index.ts';

/** A machine that has done a bit of everything a session holds: pulled, built, ran with a volume and a network. */
export const SCENARIO = `
docker pull alpine
mkdir app && printf 'FROM alpine\\nRUN echo built > /built.txt\\nCMD ["cat", "/built.txt"]\\n' > app/Dockerfile
docker build -t myapp app
docker volume create data
docker network create appnet
docker run --name worker --network appnet -v data:/data alpine sh -c 'echo hello > /data/greeting; echo done'
docker run -d --name server --network appnet nginx:alpine
echo 'host notes' > notes.txt
docker save -o alpine.tar alpine
`;

export async function scenarioMachine(): Promise<Machine> {
  const machine = createMachine({ mode: 'headless' });
  const entries = await playScript(machine, SCENARIO);
  const failed = entries.find((e) => e.exitCode !== 0);
  if (failed) throw new Error(`${failed.command}: ${failed.output}`);
  return machine;
}
