import { isSpace } from './chars.ts';

/**
 * Collects the words of ProcessWords as lex.go's wordsStruct does. Quoted and escaped text is added raw;
 * unquoted text and unquoted expansions are split on whitespace. An empty quoted string marks a word as
 * started but, like BuildKit, never yields an empty word on its own.
 */
export class WordCollector {
  private word = '';
  private inWord = false;
  private readonly words: string[] = [];

  addChar(ch: string): void {
    const space = isSpace(ch.codePointAt(0)!);
    if (space && this.inWord) {
      if (this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else if (!space) {
      this.addRaw(ch);
    }
  }

  addRaw(text: string): void {
    this.word += text;
    this.inWord = true;
  }

  addString(text: string): void {
    for (const ch of text) this.addChar(ch);
  }

  finish(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}
