/**
 * A growable byte buffer that batch lines are written into as UTF-8, piece by piece: numbers and
 * per-node templates go in as bytes, so a line of 700 kB is never a JavaScript string (building
 * one from thousands of small pieces, then flattening and encoding it, took longer than
 * computing the values). Reused from line to line.
 */
const encoder = new TextEncoder();

export class JsonBytes {
  private buffer = new Uint8Array(1 << 16);
  /** Bytes written so far; setting it lower forgets what follows. */
  length = 0;

  private room(n: number): void {
    if (this.buffer.length - this.length >= n) return;
    const larger = new Uint8Array(Math.max(2 * this.buffer.length, this.length + n));
    larger.set(this.buffer.subarray(0, this.length));
    this.buffer = larger;
  }

  /** Text known to be ASCII (numbers, `true`, JSON keys written here): a byte per character. */
  ascii(s: string): void {
    this.room(s.length);
    const b = this.buffer;
    let at = this.length;
    for (let k = 0; k < s.length; k++) b[at++] = s.charCodeAt(k);
    this.length = at;
  }

  /** Any text, encoded as UTF-8. */
  text(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.room(3 * s.length);
    this.length += encoder.encodeInto(s, this.buffer.subarray(this.length)).written;
  }

  /**
   * The buffer with room for `n` more bytes after `length`: a writer that knows its size bound
   * writes at `length` with the functions below, then sets `length` (one check per node rather
   * than one per piece).
   */
  reserve(n: number): Uint8Array {
    this.room(n);
    return this.buffer;
  }

  bytes(x: Uint8Array): void {
    const n = x.length;
    this.room(n);
    // TypedArray.set costs more than copying a few dozen bytes one by one (templates are short).
    if (n > 64) this.buffer.set(x, this.length);
    else {
      const b = this.buffer;
      let at = this.length;
      for (let k = 0; k < n; k++) b[at++] = x[k]!;
    }
    this.length += n;
  }

  /** What was written, in a buffer of its own (it may be transferred or kept); the sink is emptied. */
  take(): Uint8Array {
    const out = this.buffer.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** Room that any number written by the functions below takes at most. */
export const MAX_NUMBER_BYTES = 32;

/** x's bytes at `at`; returns the end. */
export function copyAt(b: Uint8Array, at: number, x: Uint8Array): number {
  b.set(x, at);
  return at + x.length;
}

/** ASCII text at `at` (a number printed by String); returns the end. */
export function asciiAt(b: Uint8Array, at: number, s: string): number {
  for (let k = 0; k < s.length; k++) b[at++] = s.charCodeAt(k);
  return at;
}

/** The integer n as String(n) gives it, digit by digit (no string); returns the end. */
export function integerAt(b: Uint8Array, at: number, n: number): number {
  if (!(n > -1e15 && n < 1e15) || n !== Math.floor(n)) return asciiAt(b, at, String(n));
  if (n < 0) {
    b[at++] = 45; // -
    n = -n;
  }
  return digitsAt(b, at, n);
}

/**
 * q ÷ 10^decimals as JavaScript prints that number (JSON.stringify), q an integer: below 10^15
 * the shortest text that reads back as the same double is the decimal itself, trailing zeros
 * removed, so the digits come straight from q (integer part, '.', the fraction at its width with
 * its trailing zeros dropped). Beyond that, the double is printed. Returns the end.
 */
export function decimalAt(b: Uint8Array, at: number, q: number, decimals: number): number {
  const abs = q < 0 ? -q : q;
  if (!(abs < 1e15) || q !== Math.floor(q)) return asciiAt(b, at, String(q / POW10[decimals]! + 0));
  if (q === 0) {
    b[at] = 48;
    return at + 1;
  }
  if (q < 0) b[at++] = 45; // -
  const scale = POW10[decimals]!;
  const whole = Math.floor(abs / scale);
  // Below 10^decimals (at most 10^6): small-integer arithmetic.
  let frac = (abs - whole * scale) | 0;
  at = digitsAt(b, at, whole);
  if (frac === 0) return at;
  b[at++] = 46; // .
  for (let k = at + decimals - 1; k >= at; k--) {
    const t = (frac / 10) | 0;
    b[k] = 48 + frac - t * 10;
    frac = t;
  }
  at += decimals;
  while (b[at - 1] === 48) at--;
  return at;
}

/** The digits of n (a non-negative integer below 10^15) at `at`; returns the end. */
function digitsAt(b: Uint8Array, at: number, n: number): number {
  if (n > 0x7fffffff) {
    let len = 1;
    for (let t = n; t >= 10; t = Math.floor(t / 10)) len++;
    const end = at + len;
    for (let k = end - 1; k >= at; k--) {
      const d = n % 10;
      b[k] = 48 + d;
      n = (n - d) / 10;
    }
    return end;
  }
  // Small-integer arithmetic (floating-point division and modulo cost several times more).
  let m = n | 0;
  let len = 1;
  for (let t = m; t >= 10; t = (t / 10) | 0) len++;
  const end = at + len;
  for (let k = end - 1; k >= at; k--) {
    const t = (m / 10) | 0;
    b[k] = 48 + m - t * 10;
    m = t;
  }
  return end;
}

/** Text as its UTF-8 bytes (templates, encoded once). */
export const utf8 = (s: string): Uint8Array => encoder.encode(s);
