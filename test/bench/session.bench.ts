// Saved sessions: how big a save is and how long saving and loading take, for a machine that pulled two base
// images, built one, ran containers with a volume and a network and wrote an 8 MB `docker save` archive. The page
// saves after every command (off the typing path), so a save must stay well under a frame budget's worth of work.
import { createMachine, playScript } from '../../engine/index.ts';
import { deserializeSnapshot, serializeSnapshot } from '../../engine/host/session.ts';
import { scenarioMachine } from '../host/session-scenario.ts';
import { below, type Figure } from './figure.ts';

export const area = 'sessions';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export default async function bench({ smoke }: { smoke: boolean }): Promise<Figure[]> {
  const machine = await scenarioMachine();
  const rounds = smoke ? 1 : 15;
  const saves: number[] = [];
  const loads: number[] = [];
  let bytes: Uint8Array = new Uint8Array();
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    bytes = serializeSnapshot(machine.snapshot());
    saves.push(performance.now() - t);
    t = performance.now();
    createMachine({ mode: 'headless' }).restore(deserializeSnapshot(bytes));
    loads.push(performance.now() - t);
  }
  // A base image is saved as references to the catalog, not its bytes (engine/host/session.ts).
  const pulled = createMachine({ mode: 'headless' });
  await playScript(pulled, 'docker pull -q node:20\n');
  const nodeSave = serializeSnapshot(pulled.snapshot());
  return [
    { name: 'save size of a machine that pulled node:20 (1.1 GB)', value: nodeSave.length / 1024, unit: 'KiB', target: below(64, 'base layers by reference') },
    { name: 'save size after the round-trip scenario', value: bytes.length / 1024, unit: 'KiB', target: below(512) },
    { name: 'save (snapshot → bytes), median', value: median(saves), unit: 'ms', target: below(50) },
    { name: 'load (bytes → restored machine), median', value: median(loads), unit: 'ms', target: below(100) },
  ];
}
