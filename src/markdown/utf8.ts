/**
 * Strict UTF-8 decoding of the Markdown files. A file in another encoding (Latin-1, Windows-1252)
 * must not be read with U+FFFD in place of its accented letters: `--fix` would then write the loss
 * back. The native decoder checks; the first bad byte is located only when it refuses.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { binaryDiagnostic } from './limits.js';

/** ignoreBOM: a UTF-8 BOM is kept as U+FEFF in the text, so that a rewrite keeps it too. */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface InvalidByte {
  /** 0-based byte offset. */
  offset: number;
  byte: number;
  /** 1-based line, and column in UTF-16 code units like every other position. */
  line: number;
  column: number;
}

/** Length of a valid UTF-8 sequence starting at `i`, or 0 (RFC 3629: no overlongs, surrogates, > U+10FFFF). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) n = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    n = 3;
    if (b === 0xe0) lo = 0xa0;
    else if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4;
    if (b === 0xf0) lo = 0x90;
    else if (b === 0xf4) hi = 0x8f;
  } else return 0;
  if (i + n > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < lo || second > hi) return 0;
  for (let k = 2; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  return n;
}

/** The first byte that is not part of a valid UTF-8 sequence, with its position; null if the text is valid. */
export function findInvalidUtf8(bytes: Uint8Array): InvalidByte | null {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return { offset: i, byte: bytes[i]!, line, column };
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else column += n === 4 ? 2 : 1;
    i += n;
  }
  return null;
}

export const hexByte = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * The text, or an `encodage-invalide` diagnostic at the first bad byte (the file is then left out).
 * Bytes with a NUL are a binary file: `markdown-binaire` at the NUL, as the parsers say it.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { text: string } | { diagnostic: Diagnostic } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, nul));
      const lineStart = before.lastIndexOf('\n') + 1;
      return { diagnostic: binaryDiagnostic(file, before.split('\n').length, before.length - lineStart + 1) };
    }
    const bad = findInvalidUtf8(bytes) ?? { offset: 0, byte: bytes[0] ?? 0, line: 1, column: 1 };
    return {
      diagnostic: diagnostic(
        'encodage-invalide',
        'error',
        `Encodage invalide : octet ${hexByte(bad.byte)} inattendu en ${bad.line}:${bad.column}, attendu de l'UTF-8 : le fichier est ignoré et n'est jamais réécrit`,
        { file, line: bad.line, column: bad.column },
      ),
    };
  }
}
