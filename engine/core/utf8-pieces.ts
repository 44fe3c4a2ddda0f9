const encoder = new TextEncoder();

/**
 * A long string's UTF-8 as pieces of about `characters` characters each, for work done a slice at a time (hashing an
 * image config, saving it). A cut never falls between the two halves of a surrogate pair, which would encode as two
 * replacement characters: the pieces together are exactly the string's UTF-8.
 */
export function* utf8Pieces(text: string, characters: number): Generator<Uint8Array, void, void> {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + characters);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    yield encoder.encode(text.slice(at, end));
    at = end;
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
