import { describe, expect, it } from 'vitest';
import { wordAt } from '../../../engine/host/completion/words.ts';

const at = (line: string) => wordAt(line, line.length);

describe('the word at the cursor', () => {
  it('splits the simple command into unquoted words', () => {
    expect(at('docker run --name "my app" al')).toMatchObject({ words: ['docker', 'run', '--name', 'my app'], from: 27, typed: 'al', value: 'al' });
    expect(at("cat 'a b'\\ c d\\ e")).toMatchObject({ words: ['cat', 'a b c'], typed: 'd\\ e', value: 'd e' });
    expect(at('echo "a\\"b')).toMatchObject({ words: ['echo'], typed: '"a\\"b', value: 'a"b' });
  });

  it('starts an empty word after a blank', () => {
    expect(at('ls ')).toEqual({ words: ['ls'], from: 3, typed: '', value: '', redirectTarget: false });
  });

  it('starts a new command after control operators', () => {
    for (const line of ['ls | gr', 'true && gr', 'a; gr', 'a || gr', '(gr', 'echo $(gr', 'echo `gr', 'sleep 1 & gr']) {
      expect(at(line).words, line).toEqual([]);
    }
  });

  it('skips prefix commands and assignments', () => {
    expect(at('sudo docker ps -').words).toEqual(['docker', 'ps']);
    expect(at('sudo -E FOO=1 time docker ').words).toEqual(['docker']);
    expect(at('DEBUG=1 node ').words).toEqual(['node']);
  });

  it('knows a redirection target is no argument', () => {
    expect(at('echo hi > ou')).toMatchObject({ words: ['echo', 'hi'], redirectTarget: true, value: 'ou' });
    expect(at('ls 2>err ')).toMatchObject({ words: ['ls'], redirectTarget: false });
    expect(at('cmd 2>&1 ').words).toEqual(['cmd']);
  });

  it('reads only up to the cursor', () => {
    expect(wordAt('docker con rest', 10)).toMatchObject({ words: ['docker'], from: 7, value: 'con' });
  });
});
