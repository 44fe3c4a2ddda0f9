import { describe, expect, it } from 'vitest';
import { sessionFile } from '../../../engine/host/session-format.ts';
import { deserializeSnapshot, encodeSnapshot, serializeSnapshot } from '../../../engine/sessions.ts';
import { createMachine } from '../../../engine/index.ts';
import type { FileRequest, FileResponse } from '../../../src/session/file-worker.ts';
import { SessionFileWriter } from '../../../src/session/file-writer.ts';

/** A stand-in for the module worker: answers on a later task, as a real one does; or fails to load. */
function fakeWorker(behaviour: 'works' | 'fails-to-load' | 'answers-error', log: string[]): () => Worker {
  return () => {
    let payload: Uint8Array[] = [];
    let parts = 0;
    const worker = {
      onmessage: null as ((e: MessageEvent<FileResponse>) => void) | null,
      onerror: null as ((e: ErrorEvent) => void) | null,
      postMessage({ id, part, last }: FileRequest) {
        payload.push(...part);
        parts++;
        if (!last) return;
        log.push(`worker got ${payload.reduce((n, c) => n + c.length, 0)} bytes in ${payload.length} pieces` + (parts > 1 ? ` and ${parts} messages` : ''));
        const whole = payload;
        payload = [];
        parts = 0;
        setTimeout(() => {
          if (behaviour === 'fails-to-load') worker.onerror?.({ preventDefault() {} } as ErrorEvent);
          else if (behaviour === 'answers-error') worker.onmessage?.({ data: { id, error: 'session too large to save' } } as MessageEvent<FileResponse>);
          else worker.onmessage?.({ data: { id, file: sessionFile(whole) } } as MessageEvent<FileResponse>);
        }, 0);
      },
      terminate() {
        log.push('terminated');
      },
    };
    return worker as unknown as Worker;
  };
}

describe('writing session files off the main thread', () => {
  it('gives the same bytes as serializing on the spot, however the file was wrapped', async () => {
    const machine = createMachine({ mode: 'headless' });
    await machine.openTerminal().run('echo kept > k.txt', { stdout: () => {}, stderr: () => {} });
    const expected = serializeSnapshot(machine.snapshot());
    const log: string[] = [];
    const inWorker = new SessionFileWriter(fakeWorker('works', log));
    const wrapHere = (p: readonly Uint8Array[]) => {
      log.push('wrapped here');
      return sessionFile(p);
    };
    const pieces = encodeSnapshot(machine.snapshot());
    expect(await inWorker.write(pieces, wrapHere)).toEqual(expected);
    expect(log).toEqual([`worker got ${pieces.reduce((n, c) => n + c.length, 0)} bytes in ${pieces.length} pieces`]);
    const restored = createMachine({ mode: 'headless' });
    restored.restore(deserializeSnapshot(expected));
    expect(restored.hostFs.readText('/home/student/project/k.txt')).toBe('kept\n');
  });

  it('posts a big payload a few megabytes at a time, the page getting a turn between messages', async () => {
    const log: string[] = [];
    let pauses = 0;
    const writer = new SessionFileWriter(fakeWorker('works', log), async () => void pauses++);
    const payload = Array.from({ length: 10 }, (_, i) => new Uint8Array(1024 * 1024).fill(i));
    expect(await writer.write(payload, sessionFile)).toEqual(sessionFile(payload));
    expect(log).toEqual([`worker got ${10 * 1024 * 1024} bytes in 10 pieces and 3 messages`]);
    expect(pauses).toBe(2);
  });

  it('wraps on this thread when the worker cannot load, for the save waiting and every later one', async () => {
    const log: string[] = [];
    const writer = new SessionFileWriter(fakeWorker('fails-to-load', log));
    const wrap = (p: readonly Uint8Array[]) => {
      log.push('wrapped here');
      return sessionFile(p);
    };
    const payload = [new Uint8Array([1, 2]), new Uint8Array([3])];
    expect(await writer.write(payload, wrap)).toEqual(sessionFile(payload));
    expect(await writer.write(payload, wrap)).toEqual(sessionFile(payload));
    expect(log).toEqual(['worker got 3 bytes in 2 pieces', 'terminated', 'wrapped here', 'wrapped here']);
  });

  it("passes on the worker's error for one file and keeps using it", async () => {
    const log: string[] = [];
    const writer = new SessionFileWriter(fakeWorker('answers-error', log));
    await expect(writer.write([new Uint8Array([1])], sessionFile)).rejects.toThrow('session too large to save');
    await expect(writer.write([new Uint8Array([2])], sessionFile)).rejects.toThrow('session too large to save');
    expect(log).toEqual(['worker got 1 bytes in 1 pieces', 'worker got 1 bytes in 1 pieces']);
  });

  it('rejects what is waiting once disposed', async () => {
    const log: string[] = [];
    const writer = new SessionFileWriter(fakeWorker('works', log));
    const pending = writer.write([new Uint8Array([1])], sessionFile);
    writer.dispose();
    await expect(pending).rejects.toThrow('closed');
  });
});
