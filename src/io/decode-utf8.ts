/**
 * Bytes → text, refusing anything that is not UTF-8: a Latin-1 file decoded leniently would turn
 * every accented letter into U+FFFD, silently. The first invalid byte is located (line:column,
 * counted in characters as editors do). A UTF-8 byte order mark is accepted and reported, so a
 * writer can keep it.
 */
export type Utf8Result = { ok: true; text: string; bom: boolean } | { ok: false; byte: number; offset: number; line: number; column: number };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strict.decode(body), bom };
  } catch {
    return { ok: false, ...locateInvalidByte(body) };
  }
}

/** Length of the UTF-8 sequence a lead byte announces, or 0 for a byte that cannot start one. */
function sequenceLength(b: number): number {
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return 2;
  if (b >= 0xe0 && b <= 0xef) return 3;
  if (b >= 0xf0 && b <= 0xf4) return 4;
  return 0;
}

function locateInvalidByte(bytes: Uint8Array): { byte: number; offset: number; line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = sequenceLength(b);
    let valid = n > 0 && i + n <= bytes.length;
    for (let k = 1; valid && k < n; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (valid && n > 1) {
      // Overlong forms and surrogates are invalid too (the decoder refused something here).
      valid = strictSequence(bytes.subarray(i, i + n));
    }
    if (!valid) return { byte: b, offset: i, line, column };
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column += n === 4 ? 2 : 1;
    i += n;
  }
  return { byte: bytes[bytes.length - 1] ?? 0, offset: bytes.length, line, column };
}

function strictSequence(seq: Uint8Array): boolean {
  try {
    strict.decode(seq);
    return true;
  } catch {
    return false;
  }
}

/** « Encodage invalide : octet 0xE9 inattendu, attendu de l'UTF-8 » (the position goes in front). */
export function describeInvalidUtf8(r: { byte: number }): string {
  return `Encodage invalide : octet 0x${r.byte.toString(16).toUpperCase().padStart(2, '0')} inattendu, attendu de l'UTF-8 (enregistrez le fichier en UTF-8)`;
}
