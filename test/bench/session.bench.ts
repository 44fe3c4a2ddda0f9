// Saved sessions: how big a save is and how long saving and loading take, for a machine that pulled two base
// images, built one, ran containers with a volume and a network and wrote an 8 MB `docker save` archive. The page
// saves after every command (off the typing path), so a save must stay well under a frame budget's worth of work.
import { createMachine } from '../../engine/index.ts';
import { deserializeSnapshot, serializeSnapshot } from '../../engine/host/session.ts';
import { scenarioMachine } from '../host/session-scenario.ts';

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

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
  return [
    { name: 'save size after the round-trip scenario', value: bytes.length / 1024, unit: 'KiB', target: '< 512 KiB' },
    { name: 'save (snapshot → bytes), median', value: median(saves), unit: 'ms', target: '< 50 ms' },
    { name: 'load (bytes → restored machine), median', value: median(loads), unit: 'ms', target: '< 100 ms' },
  ];
}
