/**
 * Keys written twice in one JSON object. `JSON.parse` keeps the last one silently, so a statut
 * declared twice would be scored with whichever came second: the dossier must say which it means.
 *
 * A single linear scan of text that `JSON.parse` has already accepted (so its syntax is known to
 * be valid): strings are skipped with `indexOf`, a string followed by `:` is a key of the innermost
 * open object. Keys are compared by their decoded value (`"a"` and `"\u0061"` are the same key).
 */
export interface DuplicateKey {
  key: string;
  /** Offset of the second occurrence's opening quote. */
  offset: number;
  /** Offset of the first occurrence's opening quote. */
  firstOffset: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COLON = 0x3a;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Index of the quote that closes the string opened at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

export function findDuplicateKeys(text: string, limit = 20): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const objects: Map<string, number>[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACE) objects.push(new Map());
    else if (c === CLOSE_BRACE) objects.pop();
    else if (c === QUOTE) {
      const end = stringEnd(text, i);
      let next = end + 1;
      while (isBlank(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === COLON) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const keys = objects[objects.length - 1]!;
        const first = keys.get(key);
        if (first === undefined) keys.set(key, i);
        else if (found.push({ key, offset: i, firstOffset: first }) >= limit) return found;
      }
      i = end;
    }
  }
  return found;
}

export interface KeyCount {
  /** Key tokens in the text, every object together. */
  keys: number;
  /**
   * Whether a key could decode to `__proto__`: written so, or written with an escape
   * (`"__pr\u006fto__"`). When false, JSON.parse made no own `__proto__` key.
   */
  mayHaveProto: boolean;
}

/**
 * Counts the key tokens of text JSON.parse accepted, without reading them: as many keys as the
 * parsed value holds means no key was written twice, so findDuplicateKeys (which reads and
 * compares every key, 5× as long) only runs when the counts differ. One pass also tells whether a
 * `__proto__` key is possible, which spares walking the parsed value for one.
 */
export function countKeyTokens(text: string): KeyCount {
  let keys = 0;
  let mayHaveProto = false;
  // Escapes anywhere (`\"` in a name, `\u00e9` from an ASCII-only writer): strings end at an
  // unescaped quote, and a key with a backslash may decode to anything.
  const escapes = text.includes('\\');
  // The next backslash at or after the current string: moved forward only (linear in the text).
  let nextEscape = escapes ? text.indexOf('\\') : -1;
  let i = text.indexOf('"');
  while (i >= 0) {
    const end = escapes ? stringEnd(text, i) : text.indexOf('"', i + 1);
    let next = end + 1;
    while (isBlank(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === COLON) {
      keys++;
      if (end - i === 10 && text.startsWith('__proto__', i + 1)) mayHaveProto = true;
      else if (nextEscape >= 0) {
        if (nextEscape < i) nextEscape = text.indexOf('\\', i);
        if (nextEscape >= 0 && nextEscape < end) mayHaveProto = true;
      }
    }
    i = text.indexOf('"', end + 1);
  }
  return { keys, mayHaveProto };
}
