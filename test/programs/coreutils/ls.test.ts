import { describe, expect, it } from 'vitest';
import { machine, run, type Machine } from '../harness.ts';

const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(' ');

function tree(): Machine {
  const m = machine();
  m.fs.mkdir('/w/d/e', { recursive: true });
  m.fs.writeFile('/w/f', 'hello\n');
  m.fs.writeFile('/w/g', 'hello\n', { mode: 0o755 });
  m.fs.writeFile('/w/.hidden', '');
  m.fs.symlink('g', '/w/lnk');
  m.fs.writeFile('/w/d/x', '');
  m.fs.writeFile('/w/old', '');
  m.fs.utimes('/w/old', Date.UTC(2020, 2, 4, 5, 6) / 1000);
  m.fs.chown('/w/f', 1000, 50);
  m.fs.chown('/w/g', 4242, 4343);
  return m;
}

describe('ls', () => {
  it('lists one per line when stdout is not a terminal, hidden files only with -a/-A', async () => {
    const m = tree();
    expect((await run(m, ['ls'], { cwd: '/w' })).stdout).toBe('d\nf\ng\nlnk\nold\n');
    expect((await run(m, ['ls', '-A'], { cwd: '/w' })).stdout).toBe('.hidden\nd\nf\ng\nlnk\nold\n');
    expect((await run(m, ['ls', '-a', 'd'], { cwd: '/w' })).stdout).toBe('.\n..\ne\nx\n');
  });
  it('-l shows modes, links, owners from /etc/passwd (numeric fallback), sizes and GNU dates', async () => {
    const m = tree();
    m.clock.advance(3600_000);
    const r = await run(m, ['ls', '-l', '/w'], {});
    expect(r.stdout).toBe(
      [
        'total 12',
        'drwxr-xr-x 3 root root  4096 Jan  6 09:00 d',
        '-rw-r--r-- 1 node staff    6 Jan  6 09:00 f',
        '-rwxr-xr-x 1 4242 4343     6 Jan  6 09:00 g',
        'lrwxrwxrwx 1 root root     1 Jan  6 09:00 lnk -> g',
        '-rw-r--r-- 1 root root     0 Mar  4  2020 old',
        '',
      ].join('\n'),
    );
  });
  it('-F, -d, -R, and files before directories', async () => {
    const m = tree();
    expect((await run(m, ['ls', '-F'], { cwd: '/w' })).stdout).toBe('d/\nf\ng*\nlnk@\nold\n');
    expect((await run(m, ['ls', '-d', 'd', 'd/e'], { cwd: '/w' })).stdout).toBe('d\nd/e\n');
    expect((await run(m, ['ls', '-R', 'd'], { cwd: '/w' })).stdout).toBe('d:\ne\nx\n\nd/e:\n');
    const r = await run(m, ['ls', 'g', 'x', 'd'], { cwd: '/w' });
    expect(r).toEqual({ stdout: 'g\n\nd:\ne\nx\n', stderr: "ls: cannot access 'x': No such file or directory\n", code: 2 });
  });
  it('sorts by time, size, reversed', async () => {
    const m = tree();
    m.fs.writeFile('/w/big', 'x'.repeat(100));
    expect((await run(m, ['ls', '-S'], { cwd: '/w' })).stdout).toBe('d\nbig\nf\ng\nlnk\nold\n');
    expect((await run(m, ['ls', '-tr'], { cwd: '/w' })).stdout.split('\n')[0]).toBe('old');
    expect((await run(m, ['ls', '-r'], { cwd: '/w' })).stdout).toBe('old\nlnk\ng\nf\nd\nbig\n');
  });
  it('-lh gives human sizes', async () => {
    const m = tree();
    m.fs.writeFile('/w/d/big', new Uint8Array(1265648));
    const out = (await run(m, ['ls', '-lh', 'd'], { cwd: '/w' })).stdout;
    expect(out).toBe('total 1.3M\n-rw-r--r-- 1 root root 1.3M Jan  6 09:00 big\ndrwxr-xr-x 2 root root 4.0K Jan  6 09:00 e\n-rw-r--r-- 1 root root    0 Jan  6 09:00 x\n');
  });
  it('lays out columns like GNU on a terminal (checked against ls -C -w N)', async () => {
    const m = machine();
    m.fs.mkdir('/g');
    for (const n of GREEK) m.fs.writeFile(`/g/${n}`, '');
    expect((await run(m, ['ls', '/g'], { tty: 40 })).stdout).toBe(
      'alpha\t gamma\t omega\t  sigma\nbeta\t iota\t omicron  tau\nchi\t kappa\t phi\t  theta\ndelta\t lambda  pi\t  upsilon\nepsilon  mu\t psi\t  xi\neta\t nu\t rho\t  zeta\n',
    );
    expect((await run(m, ['ls', '-C', '-w', '80', '/g'])).stdout).toBe(
      'alpha  delta\tgamma  lambda  omega\tpi   sigma  upsilon\nbeta   epsilon\tiota   mu      omicron\tpsi  tau    xi\nchi    eta\tkappa  nu      phi\trho  theta  zeta\n',
    );
  });
  it('quotes names needing it on a terminal only', async () => {
    const m = machine();
    m.fs.mkdir('/q');
    m.fs.writeFile('/q/a b', '');
    m.fs.writeFile('/q/alpha', '');
    expect((await run(m, ['ls', '/q'])).stdout).toBe('a b\nalpha\n');
    expect((await run(m, ['ls', '/q'], { tty: 80 })).stdout).toBe("'a b'   alpha\n");
  });
  it('reports bad options with exit status 2', async () => {
    expect(await run(machine(), ['ls', '-z'])).toEqual({ stdout: '', stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", code: 2 });
  });
});
