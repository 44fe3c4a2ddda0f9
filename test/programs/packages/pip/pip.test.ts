import { describe, expect, it } from 'vitest';
import { imageMachine, runIn } from '../testing.ts';

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering the system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n";
const NOTICE = '\n[notice] A new release of pip is available: 25.0.1 -> 25.1.1\n[notice] To update, run: pip install --upgrade pip\n';

describe('pip in python:3.12', () => {
  it('is a #! script of the python3 program, which knows its version', async () => {
    const m = imageMachine('python:3.12');
    expect((await runIn(m, 'head -1 /usr/local/bin/pip')).stdout).toBe('#!/usr/local/bin/python3.12\n');
    expect((await runIn(m, 'python --version')).stdout).toBe('Python 3.12.11\n');
    expect((await runIn(m, 'pip --version')).stdout).toBe('pip 25.0.1 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n');
    expect((await runIn(m, 'python3 -m pip --version')).stdout).toBe('pip 25.0.1 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n');
  });

  it('installs from a requirements file, as pip 25 reports it', async () => {
    const m = imageMachine('python:3.12');
    m.fs.mkdir('/app');
    m.fs.writeFile('/app/requirements.txt', '# web\nflask==3.0.3  # pinned\n');
    const r = await runIn(m, 'pip install --no-cache-dir -r requirements.txt', { cwd: '/app' });
    expect(r.stdout).toBe(
      [
        'Collecting flask==3.0.3 (from -r requirements.txt (line 2))',
        '  Downloading flask-3.0.3-py3-none-any.whl.metadata (3.7 kB)',
        'Collecting Werkzeug>=3.0.0 (from flask==3.0.3->-r requirements.txt (line 2))',
        '  Downloading werkzeug-3.1.3-py3-none-any.whl.metadata (3.1 kB)',
        'Collecting Jinja2>=3.1.2 (from flask==3.0.3->-r requirements.txt (line 2))',
        '  Downloading jinja2-3.1.6-py3-none-any.whl.metadata (3.2 kB)',
        'Collecting itsdangerous>=2.1.2 (from flask==3.0.3->-r requirements.txt (line 2))',
        '  Downloading itsdangerous-2.2.0-py3-none-any.whl.metadata (3.2 kB)',
        'Collecting click>=8.1.3 (from flask==3.0.3->-r requirements.txt (line 2))',
        '  Downloading click-8.2.1-py3-none-any.whl.metadata (2.0 kB)',
        'Collecting blinker>=1.6.2 (from flask==3.0.3->-r requirements.txt (line 2))',
        '  Downloading blinker-1.9.0-py3-none-any.whl.metadata (1.9 kB)',
        'Collecting MarkupSafe>=2.1.1 (from Werkzeug>=3.0.0->flask==3.0.3->-r requirements.txt (line 2))',
        '  Downloading MarkupSafe-3.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl.metadata (5.1 kB)',
        'Downloading flask-3.0.3-py3-none-any.whl (101 kB)',
        'Downloading werkzeug-3.1.3-py3-none-any.whl (224 kB)',
        'Downloading jinja2-3.1.6-py3-none-any.whl (134 kB)',
        'Downloading itsdangerous-2.2.0-py3-none-any.whl (16 kB)',
        'Downloading click-8.2.1-py3-none-any.whl (102 kB)',
        'Downloading blinker-1.9.0-py3-none-any.whl (8.5 kB)',
        'Downloading MarkupSafe-3.0.2-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (23 kB)',
        'Installing collected packages: MarkupSafe, Werkzeug, Jinja2, itsdangerous, click, blinker, flask',
        'Successfully installed Jinja2-3.1.6 MarkupSafe-3.0.2 Werkzeug-3.1.3 blinker-1.9.0 click-8.2.1 flask-3.0.3 itsdangerous-2.2.0',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(ROOT_WARNING + NOTICE);
    expect(r.status).toBe(0);
    const site = '/usr/local/lib/python3.12/site-packages';
    expect(m.fs.readText(`${site}/flask-3.0.3.dist-info/METADATA`)).toContain('Name: Flask\nVersion: 3.0.3\n');
    expect(m.fs.stat(`${site}/flask-3.0.3.dist-info/INSTALLER`).size).toBe(4);
    expect(m.fs.exists(`${site}/markupsafe/_markupsafe.cpython-312-x86_64-linux-gnu.so`)).toBe(true);
    expect(m.fs.readText('/usr/local/bin/flask').startsWith('#!/usr/local/bin/python3.12\n')).toBe(true);
    // --no-cache-dir: nothing under ~/.cache
    expect(m.fs.exists('/root/.cache/pip')).toBe(false);
  });

  it('keeps downloads in ~/.cache/pip without --no-cache-dir, and uses them next time', async () => {
    const m = imageMachine('python:3.12');
    await runIn(m, 'pip install requests');
    expect(m.fs.exists('/root/.cache/pip/http-v2')).toBe(true);
    await runIn(m, 'pip uninstall -y requests');
    const again = await runIn(m, 'pip install requests');
    expect(again.stdout).toContain('Requirement already satisfied: charset-normalizer<4,>=2 in /usr/local/lib/python3.12/site-packages (from requests) (3.4.2)\n');
    expect(again.stdout).toContain('Using cached requests-2.32.4-py3-none-any.whl (64 kB)\n');
  });

  it('shows a progress bar for big wheels and says when a package is unknown', async () => {
    const m = imageMachine('python:3.12');
    const r = await runIn(m, 'pip install --no-cache-dir numpy==2.3.1');
    expect(r.stdout).toMatch(/Downloading numpy-2\.3\.1-cp312-cp312-manylinux_2_28_x86_64\.whl \(16\.6 MB\)\n {3}━{40} 16\.6\/16\.6 MB \d+\.\d MB\/s eta 0:00:00\n/);
    expect(await runIn(m, 'pip install nope')).toMatchObject({ stdout: '', status: 1, stderr: 'ERROR: Could not find a version that satisfies the requirement nope (from versions: none)\nERROR: No matching distribution found for nope\n' });
    expect((await runIn(m, 'pip install flask==9')).stderr).toBe('ERROR: Could not find a version that satisfies the requirement flask==9 (from versions: 3.0.3, 3.1.1)\nERROR: No matching distribution found for flask==9\n');
    expect((await runIn(m, 'pip install -r missing.txt')).stderr).toBe("ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'missing.txt'\n");
  });

  it('upgrades itself, after which it has no notice to give', async () => {
    const m = imageMachine('python:3.12');
    const r = await runIn(m, 'pip install --upgrade pip');
    expect(r.stdout).toContain('Requirement already satisfied: pip in /usr/local/lib/python3.12/site-packages (25.0.1)\nCollecting pip\n');
    expect(r.stdout).toContain('  Attempting uninstall: pip\n    Found existing installation: pip 25.0.1\n');
    expect(r.stdout.endsWith('Successfully installed pip-25.1.1\n')).toBe(true);
    expect(r.stderr).toBe(ROOT_WARNING);
    expect((await runIn(m, 'pip --version')).stdout).toBe('pip 25.1.1 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n');
  });

  it('installs into ~/.local for a user who cannot write site-packages', async () => {
    const m = imageMachine('python:3.12');
    const r = await runIn(m, 'pip install --disable-pip-version-check --no-cache-dir flask', { uid: 1000, gid: 1000, env: { HOME: '/tmp/app' } });
    expect(r.stdout.startsWith('Defaulting to user installation because normal site-packages is not writeable\n')).toBe(true);
    expect(r.stderr).toBe("  WARNING: The script flask is installed in '/tmp/app/.local/bin' which is not on PATH.\n  Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.\n");
    expect(m.fs.exists('/tmp/app/.local/lib/python3.12/site-packages/flask/__init__.py')).toBe(true);
  });

  it('lists and freezes what is installed; other Python code is for the container runtime', async () => {
    const m = imageMachine('python:3.12');
    await runIn(m, 'pip install -q --root-user-action=ignore --disable-pip-version-check blinker');
    expect((await runIn(m, 'pip freeze')).stdout).toBe('blinker==1.9.0\n');
    expect((await runIn(m, 'pip list')).stdout).toBe('Package Version\n------- -------\nblinker 1.9.0\npip     25.0.1\n');
    m.fs.writeFile('/app.py', 'print("hello")\n');
    const app = await runIn(m, 'python app.py');
    expect(app.status).toBe(1);
    expect(app.stderr).toMatch(/Dockyard cannot run/);
  });
});

describe('pip of a distribution', () => {
  it("refuses Debian's externally managed Python (PEP 668) unless told to break it", async () => {
    const m = imageMachine('debian:bookworm');
    await runIn(m, 'apt-get update && apt-get install -y --no-install-recommends python3-pip');
    const r = await runIn(m, 'pip install flask');
    expect(r.stderr.startsWith('error: externally-managed-environment\n\n× This environment is externally managed\n╰─> To install Python packages system-wide, try apt install\n    python3-xyz, where xyz is the package you are trying to\n')).toBe(true);
    expect(r.stderr).toContain('    See /usr/share/doc/python3.11/README.venv for more information.\n\nnote: If you believe this is a mistake');
    expect(r.status).toBe(1);
    expect((await runIn(m, 'python3 --version')).stdout).toBe('Python 3.11.2\n');
    const forced = await runIn(m, 'pip install --break-system-packages --no-cache-dir blinker');
    expect(forced.stdout).toContain('Successfully installed blinker-1.9.0\n');
    expect(m.fs.exists('/usr/local/lib/python3.11/dist-packages/blinker-1.9.0.dist-info/METADATA')).toBe(true);
    // Debian's pip was installed by dpkg, so it does not nag about new releases.
    expect(forced.stderr).toBe(ROOT_WARNING);
  });

  it('uses musl wheels on alpine', async () => {
    const m = imageMachine('python:3.12-alpine');
    const r = await runIn(m, 'pip install --no-cache-dir markupsafe');
    expect(r.stdout).toContain('Downloading MarkupSafe-3.0.2-cp312-cp312-musllinux_1_2_x86_64.whl (23 kB)\n');
  });
});
