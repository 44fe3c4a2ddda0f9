import { describe, expect, it } from 'vitest';
import { LineEditor, toCrlf, type LineEditorOptions } from '../../../src/terminal/line-editor.ts';
import { InputTokenizer, PASTE_END, PASTE_START } from '../../../src/terminal/input.ts';
import { Screen } from './screen.ts';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DEL = '\x1b[3~';
const BS = '\x7f';
const ENTER = '\r';
const CTRL = (c: string) => String.fromCharCode(c.toUpperCase().charCodeAt(0) - 64);

function setup(options: Partial<LineEditorOptions> & { cols?: number; prompt?: string } = {}) {
  const cols = options.cols ?? 40;
  const screen = new Screen(cols);
  const submitted: string[] = [];
  const events: string[] = [];
  let interrupts = 0;
  const promptText = options.prompt ?? '$ ';
  const ed = new LineEditor({
    columns: cols,
    ...options,
    prompt: () => promptText,
    write: (d) => screen.write(d),
    onSubmit: (c) => {
      submitted.push(c);
      events.push(`run ${c}`);
    },
    onInterrupt: () => {
      interrupts++;
      events.push('interrupt');
    },
  });
  ed.start();
  return {
    ed,
    screen,
    submitted,
    events,
    get interrupts() {
      return interrupts;
    },
    /** Feeds keys; a string is typed one key at a time (as a person would). */
    type(...keys: string[]) {
      for (const k of keys) {
        if (k.startsWith('\x1b')) ed.feed(k);
        else for (const ch of k) ed.feed(ch);
      }
    },
    /** Runs what is on the line and finishes it with `output`. */
    run(line: string, output = '') {
      this.type(line, ENTER);
      if (output) ed.output(output);
      ed.done();
    },
  };
}

describe('prompt and typing', () => {
  it('shows the prompt and echoes typed text', () => {
    const t = setup();
    expect(t.screen.text()).toBe('$');
    t.type('echo hi');
    expect(t.screen.text()).toBe('$ echo hi');
    expect(t.ed.line).toBe('echo hi');
    expect([t.screen.x, t.screen.y]).toEqual([9, 0]);
  });

  it('inserts and deletes at the cursor', () => {
    const t = setup();
    t.type('ac', LEFT, 'b');
    expect(t.ed.line).toBe('abc');
    expect(t.screen.text()).toBe('$ abc');
    expect(t.screen.x).toBe(4);
    t.type(BS);
    expect(t.ed.line).toBe('ac');
    expect(t.screen.text()).toBe('$ ac');
    t.type(HOME, DEL);
    expect(t.ed.line).toBe('c');
    expect(t.screen.text()).toBe('$ c');
    expect(t.screen.x).toBe(2);
  });

  it('moves with Left/Right, Home/End, Ctrl-A/E/B/F', () => {
    const t = setup();
    t.type('hello');
    t.type(HOME);
    expect(t.ed.cursor).toBe(0);
    expect(t.screen.x).toBe(2);
    t.type(RIGHT, RIGHT);
    expect(t.ed.cursor).toBe(2);
    t.type(END);
    expect(t.ed.cursor).toBe(5);
    t.type(CTRL('a'));
    expect(t.ed.cursor).toBe(0);
    t.type(CTRL('e'));
    expect(t.ed.cursor).toBe(5);
    t.type(CTRL('b'), CTRL('b'), CTRL('f'));
    expect(t.ed.cursor).toBe(4);
    t.type(LEFT, LEFT, LEFT, LEFT, LEFT, LEFT);
    expect(t.ed.cursor).toBe(0);
    t.type(END, RIGHT);
    expect(t.ed.cursor).toBe(5);
    expect(t.screen.x).toBe(7);
    // Home/End as sent in application cursor mode and by other terminals.
    t.type('\x1bOH');
    expect(t.ed.cursor).toBe(0);
    t.type('\x1b[4~');
    expect(t.ed.cursor).toBe(5);
  });

  it('moves by words with Alt-B/Alt-F and Ctrl-Left/Right', () => {
    const t = setup();
    t.type('docker run --rm');
    t.type('\x1bb');
    expect(t.ed.cursor).toBe(13);
    t.type('\x1b[1;5D');
    expect(t.ed.cursor).toBe(7);
    t.type('\x1bf');
    expect(t.ed.cursor).toBe(10);
  });

  it('kills with Ctrl-U, Ctrl-K, Ctrl-W and yanks with Ctrl-Y', () => {
    const t = setup();
    t.type('docker run --rm alpine');
    t.type(CTRL('w'));
    expect(t.ed.line).toBe('docker run --rm ');
    t.type(CTRL('y'));
    expect(t.ed.line).toBe('docker run --rm alpine');
    t.type(HOME, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, RIGHT, CTRL('k'));
    expect(t.ed.line).toBe('docker');
    expect(t.screen.text()).toBe('$ docker');
    t.type(LEFT, LEFT, CTRL('u'));
    expect(t.ed.line).toBe('er');
    expect(t.ed.cursor).toBe(0);
    expect(t.screen.text()).toBe('$ er');
    expect(t.screen.x).toBe(2);
    t.type(END, '\x1b\x7f');
    expect(t.ed.line).toBe('');
  });

  it('ignores unbound control keys and unknown sequences', () => {
    const t = setup();
    t.type('a', '\x1b[15~', CTRL('t'), '\x1b', 'b');
    expect(t.ed.line).toBe('ab');
  });

  it('handles characters outside the BMP and wide characters', () => {
    const t = setup();
    t.type('é😀中', LEFT, 'x');
    expect(t.ed.line).toBe('é😀x中');
    expect(t.screen.text()).toBe('$ é😀x中');
    expect(t.ed.cursor).toBe(4);
  });
});

describe('enter, running and typed-ahead input', () => {
  it('submits the line and waits for done()', () => {
    const t = setup();
    t.type('echo hi', ENTER);
    expect(t.submitted).toEqual(['echo hi']);
    expect(t.ed.mode).toBe('running');
    t.ed.output('hi\n');
    t.ed.done();
    expect(t.ed.mode).toBe('editing');
    expect(t.screen.lines()).toEqual(['$ echo hi', 'hi', '$']);
  });

  it('submits with the cursor anywhere in the line', () => {
    const t = setup();
    t.type('pwd', HOME, ENTER);
    expect(t.submitted).toEqual(['pwd']);
    expect(t.screen.lines()).toEqual(['$ pwd']);
    expect([t.screen.x, t.screen.y]).toEqual([0, 1]);
  });

  it('shows a new prompt for an empty line without running anything', () => {
    const t = setup();
    t.type(ENTER, '   ', ENTER);
    expect(t.submitted).toEqual([]);
    expect(t.screen.lines()).toEqual(['$', '$', '$']);
  });

  it('converts output newlines to CRLF', () => {
    expect(toCrlf('a\nb\r\nc')).toBe('a\r\nb\r\nc');
    const t = setup();
    t.type('ls', ENTER);
    t.ed.output('one\ntw');
    t.ed.output('o\n');
    t.ed.done();
    expect(t.screen.lines()).toEqual(['$ ls', 'one', 'two', '$']);
  });

  it('keeps the prompt after output without a final newline, as bash does', () => {
    const t = setup();
    t.run('printf hi', 'hi');
    expect(t.screen.lines()).toEqual(['$ printf hi', 'hi$']);
  });

  it('buffers keys typed while a command runs and replays them at the next prompt', () => {
    const t = setup();
    t.type('sleep 1', ENTER);
    t.type('echo a', ENTER, 'echo b');
    expect(t.submitted).toEqual(['sleep 1']);
    expect(t.screen.lines()).toEqual(['$ sleep 1']);
    expect([t.screen.x, t.screen.y]).toEqual([0, 1]);
    t.ed.done();
    expect(t.submitted).toEqual(['sleep 1', 'echo a']);
    expect(t.ed.mode).toBe('running');
    t.ed.output('a\n');
    t.ed.done();
    expect(t.ed.line).toBe('echo b');
    expect(t.screen.lines()).toEqual(['$ sleep 1', '$ echo a', 'a', '$ echo b']);
  });

  it('buffers keys that arrive before start()', () => {
    const screen = new Screen(40);
    const ed = new LineEditor({ write: (d) => screen.write(d), prompt: () => '$ ', onSubmit: () => {} });
    ed.feed('ls');
    ed.start();
    expect(ed.line).toBe('ls');
    expect(screen.text()).toBe('$ ls');
  });
});

describe('Ctrl-C', () => {
  it('abandons the line at the prompt', () => {
    const t = setup();
    t.type('echo oops', HOME, CTRL('c'));
    expect(t.submitted).toEqual([]);
    expect(t.interrupts).toBe(0);
    expect(t.ed.line).toBe('');
    expect(t.screen.lines()).toEqual(['$ echo oops^C', '$']);
    expect(t.ed.history).toEqual([]);
  });

  it('interrupts a running command, drops typed-ahead input and prints a new prompt', () => {
    const t = setup();
    t.type('sleep 100', ENTER, 'ls', ENTER);
    t.type(CTRL('c'));
    expect(t.events).toEqual(['run sleep 100', 'interrupt']);
    t.ed.done();
    expect(t.submitted).toEqual(['sleep 100']);
    expect(t.screen.lines()).toEqual(['$ sleep 100', '^C', '$']);
    expect(t.ed.mode).toBe('editing');
  });

  it('does not add a blank line when the interrupted command ended its output with a newline', () => {
    const t = setup();
    t.type('yes', ENTER);
    t.type(CTRL('c'));
    t.ed.output('\n');
    t.ed.done();
    expect(t.screen.lines()).toEqual(['$ yes', '^C', '$']);
  });
});

describe('history', () => {
  it('walks history with Up/Down and keeps the line being typed', () => {
    const t = setup();
    t.run('echo one');
    t.run('echo two');
    t.type('draft');
    t.type(UP);
    expect(t.ed.line).toBe('echo two');
    t.type(UP);
    expect(t.ed.line).toBe('echo one');
    t.type(UP);
    expect(t.ed.line).toBe('echo one');
    expect(t.screen.lines().at(-1)).toBe('$ echo one');
    t.type(DOWN, DOWN);
    expect(t.ed.line).toBe('draft');
    expect(t.screen.lines().at(-1)).toBe('$ draft');
    t.type(CTRL('p'));
    expect(t.ed.line).toBe('echo two');
    t.type(CTRL('n'));
    expect(t.ed.line).toBe('draft');
  });

  it('skips consecutive duplicates and lines starting with a space', () => {
    const t = setup();
    t.run('ls');
    t.run('ls');
    t.run(' secret');
    t.run('pwd');
    expect(t.ed.history).toEqual(['ls', 'pwd']);
  });

  it('keeps at most historySize entries and can be restored', () => {
    const t = setup({ historySize: 2 });
    t.run('a');
    t.run('b');
    t.run('c');
    expect(t.ed.history).toEqual(['b', 'c']);
    t.ed.setHistory(['x', 'y', 'z']);
    expect(t.ed.history).toEqual(['y', 'z']);
    t.type(UP);
    expect(t.ed.line).toBe('z');
  });
});

describe('reverse search (Ctrl-R)', () => {
  function withHistory() {
    const t = setup({ cols: 80 });
    t.run('echo one');
    t.run('ls -la');
    t.run('echo two');
    return t;
  }

  it('finds the newest match, then older ones, and runs the accepted line', () => {
    const t = withHistory();
    t.type(CTRL('r'), 'echo');
    expect(t.ed.mode).toBe('search');
    expect(t.ed.line).toBe('echo two');
    expect(t.screen.lines().at(-1)).toBe("(reverse-i-search)`echo': echo two");
    t.type(CTRL('r'));
    expect(t.ed.line).toBe('echo one');
    t.type(ENTER);
    expect(t.submitted.at(-1)).toBe('echo one');
    expect(t.screen.lines().at(-1)).toBe('$ echo one');
  });

  it('shows a failed search and keeps the last match', () => {
    const t = withHistory();
    t.type(CTRL('r'), 'ls');
    expect(t.ed.line).toBe('ls -la');
    t.type('x');
    expect(t.screen.lines().at(-1)).toBe("(failed reverse-i-search)`lsx': ls -la");
    t.type(BS);
    expect(t.screen.lines().at(-1)).toBe("(reverse-i-search)`ls': ls -la");
  });

  it('Ctrl-G cancels and restores the line', () => {
    const t = withHistory();
    t.type('draft', CTRL('r'), 'one', CTRL('g'));
    expect(t.ed.mode).toBe('editing');
    expect(t.ed.line).toBe('draft');
    expect(t.screen.lines().at(-1)).toBe('$ draft');
  });

  it('an editing key accepts the match for editing', () => {
    const t = withHistory();
    t.type(CTRL('r'), 'one', CTRL('e'), ' more');
    expect(t.ed.mode).toBe('editing');
    expect(t.ed.line).toBe('echo one more');
    expect(t.screen.lines().at(-1)).toBe('$ echo one more');
  });

  it('Ctrl-C abandons the search', () => {
    const t = withHistory();
    t.type(CTRL('r'), 'one', CTRL('c'));
    expect(t.ed.mode).toBe('editing');
    expect(t.ed.line).toBe('');
    expect(t.submitted).toHaveLength(3);
    expect(t.screen.lines().at(-1)).toBe('$');
  });
});

describe('Ctrl-L', () => {
  it('clears the screen and redraws the line at the top', () => {
    const t = setup();
    t.run('echo a', 'a\n');
    t.type('ls', LEFT, CTRL('l'));
    expect(t.screen.lines()).toEqual(['$ ls']);
    expect([t.screen.x, t.screen.y]).toEqual([3, 0]);
    expect(t.ed.line).toBe('ls');
  });
});

describe('continuation lines', () => {
  const needsMore = (text: string) => /\\$/.test(text) || (text.match(/'/g)?.length ?? 0) % 2 === 1;

  it('asks for more lines with "> " and submits them joined by newlines', () => {
    const t = setup({ needsMore });
    t.type('echo a \\', ENTER);
    expect(t.submitted).toEqual([]);
    expect(t.screen.lines()).toEqual(['$ echo a \\', '>']);
    t.type("'b", ENTER, "c'", ENTER);
    expect(t.submitted).toEqual(["echo a \\\n'b\nc'"]);
    expect(t.ed.history).toEqual(["echo a \\\n'b\nc'"]);
  });

  it('Ctrl-C drops the collected lines', () => {
    const t = setup({ needsMore });
    t.type("echo 'a", ENTER, 'b', CTRL('c'), 'ls', ENTER);
    expect(t.submitted).toEqual(['ls']);
  });

  it('Ctrl-D on an empty continuation line submits what was collected', () => {
    const t = setup({ needsMore });
    t.type("echo 'a", ENTER, CTRL('d'));
    expect(t.submitted).toEqual(["echo 'a\n"]);
  });

  it('recalls a multi-line command from history and shows it on several lines', () => {
    const t = setup({ needsMore });
    t.run('echo \\\nb'.replace('\n', '\r'));
    expect(t.ed.history).toEqual(['echo \\\nb']);
    t.type(UP);
    expect(t.screen.lines().slice(-2)).toEqual(['$ echo \\', '> b']);
    t.type(ENTER);
    expect(t.submitted.at(-1)).toBe('echo \\\nb');
  });

  it('works without a needsMore hook: every line is complete', () => {
    const t = setup();
    t.type('echo a \\', ENTER);
    expect(t.submitted).toEqual(['echo a \\']);
  });
});

describe('paste', () => {
  it('inserts bracketed paste at the cursor without interpreting keys', () => {
    const completions: string[] = [];
    const t = setup({
      complete: (line) => {
        completions.push(line);
        return undefined;
      },
    });
    t.type('echo []', LEFT);
    t.ed.feed(`${PASTE_START}a\tb\x1b[D${PASTE_END}`);
    expect(t.ed.line).toBe('echo [a\tb[D]');
    expect(completions).toEqual([]);
  });

  it('runs each pasted line in order and leaves the last partial line for editing', () => {
    const t = setup();
    t.ed.feed(`${PASTE_START}echo a\r\necho b\npwd${PASTE_END}`);
    expect(t.submitted).toEqual(['echo a']);
    t.ed.output('a\n');
    t.ed.done();
    expect(t.submitted).toEqual(['echo a', 'echo b']);
    t.ed.output('b\n');
    t.ed.done();
    expect(t.ed.line).toBe('pwd');
    expect(t.screen.lines()).toEqual(['$ echo a', 'a', '$ echo b', 'b', '$ pwd']);
  });

  it('accepts a paste split across chunks', () => {
    const t = setup();
    t.ed.feed(PASTE_START.slice(0, 3));
    t.ed.feed(PASTE_START.slice(3) + 'ab');
    t.ed.feed('c\x1b[20');
    t.ed.feed('1~d');
    expect(t.ed.line).toBe('abcd');
  });

  it('treats an unbracketed multi-line chunk as typed keys', () => {
    const t = setup();
    t.ed.feed('echo a\recho b');
    expect(t.submitted).toEqual(['echo a']);
    t.ed.done();
    expect(t.ed.line).toBe('echo b');
  });

  it('feeds pasted here-documents through the continuation check', () => {
    const needsMore = (text: string) => {
      const m = /<<(\w+)/.exec(text);
      return !!m && !text.split('\n').slice(1).includes(m[1]!);
    };
    const t = setup({ needsMore });
    t.ed.feed(`${PASTE_START}cat <<EOF\nhello\nEOF\nls\n${PASTE_END}`);
    expect(t.submitted).toEqual(['cat <<EOF\nhello\nEOF']);
    t.ed.done();
    expect(t.submitted).toEqual(['cat <<EOF\nhello\nEOF', 'ls']);
  });
});

describe('output while editing', () => {
  it('prints above the line being edited and redraws it', () => {
    const t = setup();
    t.type('docker ps', LEFT);
    t.ed.output('[background job done]');
    expect(t.screen.lines()).toEqual(['[background job done]', '$ docker ps']);
    expect(t.ed.cursor).toBe(8);
    expect(t.screen.x).toBe(10);
  });
});

describe('wrapping at the right margin', () => {
  it('wraps long lines and keeps the cursor in step', () => {
    const t = setup({ cols: 10 });
    t.type('abcdefgh');
    // "$ abcdefgh" fills the row exactly: the cursor waits at the start of the next one.
    expect(t.screen.lines()).toEqual(['$ abcdefgh']);
    expect([t.screen.x, t.screen.y]).toEqual([0, 1]);
    t.type('ijklmnopqrstuvwxyz');
    expect(t.screen.lines()).toEqual(['$ abcdefgh', 'ijklmnopqr', 'stuvwxyz']);
    t.type(HOME, 'X');
    expect(t.screen.lines()).toEqual(['$ Xabcdefg', 'hijklmnopq', 'rstuvwxyz']);
    expect([t.screen.x, t.screen.y]).toEqual([3, 0]);
    t.type(END);
    expect([t.screen.x, t.screen.y]).toEqual([9, 2]);
    t.type('!');
    expect(t.screen.lines()).toEqual(['$ Xabcdefg', 'hijklmnopq', 'rstuvwxyz!']);
    expect([t.screen.x, t.screen.y]).toEqual([0, 3]);
    t.type(BS, BS);
    expect(t.screen.lines()).toEqual(['$ Xabcdefg', 'hijklmnopq', 'rstuvwxy']);
    expect([t.screen.x, t.screen.y]).toEqual([8, 2]);
    t.type(CTRL('u'));
    expect(t.screen.lines()).toEqual(['$']);
    expect([t.screen.x, t.screen.y]).toEqual([2, 0]);
  });

  it('moves left and right across row boundaries', () => {
    const t = setup({ cols: 10 });
    t.type('abcdefghij');
    t.type(LEFT, LEFT, LEFT);
    expect([t.screen.x, t.screen.y]).toEqual([9, 0]);
    t.type(RIGHT);
    expect([t.screen.x, t.screen.y]).toEqual([0, 1]);
    t.type(ENTER);
    expect(t.screen.lines()).toEqual(['$ abcdefgh', 'ij']);
    expect([t.screen.x, t.screen.y]).toEqual([0, 2]);
  });

  it('does not print a blank line when Enter is pressed on an exactly full row', () => {
    const t = setup({ cols: 10 });
    t.type('abcdefgh', ENTER);
    t.ed.output('out\n');
    t.ed.done();
    expect(t.screen.lines()).toEqual(['$ abcdefgh', 'out', '$']);
  });

  it('redraws wrapped history entries in place', () => {
    const t = setup({ cols: 10 });
    t.run('a-very-long-command-line');
    t.run('ls');
    t.type(UP, UP);
    expect(t.screen.lines().slice(-3)).toEqual(['$ a-very-l', 'ong-comman', 'd-line']);
    t.type(DOWN);
    expect(t.screen.lines().at(-1)).toBe('$ ls');
  });

  it('follows a resize', () => {
    let screen = new Screen(10);
    const ed = new LineEditor({ columns: 10, prompt: () => '$ ', write: (d) => screen.write(d), onSubmit: () => {} });
    ed.start();
    ed.feed('abcdefghijkl');
    expect(screen.lines()).toEqual(['$ abcdefgh', 'ijkl']);
    // The emulator reflows the wrapped line to the new width; the editor must then move within one row.
    screen = new Screen(20);
    screen.write('$ abcdefghijkl');
    ed.resize(20);
    expect(ed.columns).toBe(20);
    ed.feed('\x1b[H');
    expect([screen.x, screen.y]).toEqual([2, 0]);
    ed.feed('\x0b');
    expect(screen.lines()).toEqual(['$']);
  });
});

describe('tab completion', () => {
  const files = ['Dockerfile', 'docker-compose.yml', 'src/', 'server.js'];
  const complete = (line: string, cursor: number) => {
    const from = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(from, cursor);
    const pool = from === 0 ? ['docker', 'dockerd', 'echo'] : files;
    return { from, candidates: pool.filter((c) => c.startsWith(word)) };
  };

  it('completes a unique match and adds a space', () => {
    const t = setup({ complete });
    t.type('ec\t');
    expect(t.ed.line).toBe('echo ');
  });

  it('completes a directory without a space', () => {
    const t = setup({ complete });
    t.type('ls sr\t');
    expect(t.ed.line).toBe('ls src/');
  });

  it('completes the common prefix, then lists on the second Tab', () => {
    const t = setup({ complete, cols: 40 });
    t.type('do\t');
    expect(t.ed.line).toBe('docker');
    expect(t.screen.lines()).toEqual(['$ docker']);
    t.type('\t');
    expect(t.ed.line).toBe('docker');
    expect(t.screen.lines()).toEqual(['$ docker', 'docker   dockerd', '$ docker']);
    expect(t.ed.cursor).toBe(6);
    expect(t.screen.x).toBe(8);
  });

  it('adds no space after a unique candidate the completer marks noSpace', () => {
    const t = setup({ complete: (line: string) => ({ from: line.length - 1, candidates: ['data:'], noSpace: true }) });
    t.type('docker run -v d\t');
    expect(t.ed.line).toBe('docker run -v data:');
  });

  it('lists names without the quoting the line needs, and without their directory', () => {
    const t = setup({ complete: () => ({ from: 4, candidates: ['src/my\\ dir/', '"src/my file.txt"'] }), cols: 40 });
    t.type('cat src/my\t\t');
    expect(t.screen.lines()[1]).toBe('my dir/      my file.txt');
  });

  it('completes in the middle of a line', () => {
    const t = setup({ complete });
    t.type('cat Doc && ls', LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, '\t');
    expect(t.ed.line).toBe('cat Dockerfile  && ls');
    expect(t.ed.cursor).toBe(15);
    expect(t.screen.text()).toBe('$ cat Dockerfile  && ls');
  });

  it('survives a completer that throws', () => {
    const t = setup({
      complete: () => {
        throw new Error('boom');
      },
    });
    t.type('ls\t', 'x');
    expect(t.ed.line).toBe('lsx');
  });
});

describe('input tokenizer', () => {
  it('splits keys and whole escape sequences, even across chunks', () => {
    const tok = new InputTokenizer();
    expect(tok.push('a\x1b[A\x1bOH\x1bb')).toEqual([
      { type: 'key', key: 'a' },
      { type: 'key', key: '\x1b[A' },
      { type: 'key', key: '\x1bOH' },
      { type: 'key', key: '\x1bb' },
    ]);
    expect(tok.push('\x1b[1;')).toEqual([]);
    expect(tok.push('5C')).toEqual([{ type: 'key', key: '\x1b[1;5C' }]);
    expect(tok.push('\x1b')).toEqual([{ type: 'key', key: '\x1b' }]);
    expect(tok.push('😀')).toEqual([{ type: 'key', key: '😀' }]);
  });
});
