// pull.bench.ts's measurement, in a fresh process (run with --expose-gc): prints `{ first, again }`, heap bytes.
import { createMachine, playScript } from '../../engine/index.ts';

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

async function pull(image: string, machine = createMachine({ mode: 'headless' })): Promise<void> {
  const [entry] = await playScript(machine, `docker pull -q ${image}\n`);
  if (entry?.exitCode !== 0) throw new Error(`docker pull ${image} said ${JSON.stringify(entry?.output)}`);
}

// The pull code and the catalog's index load with the first pull of anything: not node:20's cost.
await pull('alpine:3.21');
/** Heap growth of pulling node:20 on a machine that exists already (the machine's own cost is not counted). */
async function pullNode(): Promise<number> {
  const machine = createMachine({ mode: 'headless' });
  const before = heapUsed();
  await pull('node:20', machine);
  return heapUsed() - before;
}
const first = await pullNode();
const again = await pullNode();
process.stdout.write(JSON.stringify({ first, again }) + '\n');
