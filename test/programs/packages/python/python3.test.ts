import { describe, expect, it } from 'vitest';
import { imageMachine, runIn } from '../testing.ts';

describe('python3', () => {
  it("reports the version the image records: the official image's PYTHON_VERSION, or Debian's package", async () => {
    expect((await runIn(imageMachine('python:3.13'), 'python3 -V')).stdout).toBe('Python 3.13.4\n');
    // node:20 is built on buildpack-deps, whose /usr/bin/python3 is Debian's.
    expect((await runIn(imageMachine('node:20'), 'python3 --version')).stdout).toBe('Python 3.11.2\n');
  });

  it('leaves running Python programs to the container runtime, and says so', async () => {
    const m = imageMachine('python:3.12-slim');
    expect(await runIn(m, 'python3 -c "print(1)"')).toMatchObject({ status: 1, stderr: 'python3: Dockyard cannot run Python code yet: Python application runtimes arrive with the container runtime\n' });
    expect(await runIn(m, 'python3 /app/main.py')).toMatchObject({ status: 2, stderr: "python3: can't open file '/app/main.py': [Errno 2] No such file or directory\n" });
    expect((await runIn(m, 'python3 -m venv /venv')).stderr).toContain('cannot run the module venv');
  });
});
