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

/** Text as its UTF-8 bytes (templates, encoded once). */
export const utf8 = (s: string): Uint8Array => encoder.encode(s);
