import { describe, expect, it } from 'vitest';
import { BytesReader, terminalReader } from '../../../engine/programs/streams.ts';
import { makeMachine, program } from './helpers.ts';

const tty = { columns: 80, rows: 24 };
const typed = (text: string) => terminalReader(new BytesReader(text), tty);

describe('a shell whose stdin is a terminal is interactive', () => {
  it('ash prompts with the directory, keeps state across lines and ends at Ctrl-D', async () => {
    const r = await program(['sh'], makeMachine(), typed('cd /tmp\nX=1\nfake-echo $X $PWD\n'));
    expect(r.stdout).toBe('1 /tmp\n');
    // dash's prompt for root; the machine's `sh` is dash.
    expect(r.stderr).toBe('# # # # \n');
    expect(r.status).toBe(0);
  });

  it('ash shows `~ # ` at home, bash `user@host:dir# `, and `exit N` ends with N; an unfinished line asks for more', async () => {
    const m = makeMachine();
    m.fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
    const ash = await program(['ash'], m, typed('if true\nthen fake-echo yes; fi\nexit 4\n'));
    expect(ash.stdout).toBe('yes\n');
    expect(ash.stderr).toBe('~ # > ~ # ');
    expect(ash.status).toBe(4);
    const bash = await program(['bash'], m, typed('cd /tmp\n'));
    expect(bash.stderr).toBe('root@test:~# root@test:/tmp# exit\n');
  });

  it('without a terminal, sh reads its script from stdin as before', async () => {
    const r = await program(['sh'], makeMachine(), new BytesReader('fake-echo a\n'));
    expect(r).toEqual({ stdout: 'a\n', stderr: '', status: 0 });
  });
});
