/**
 * A dossier's bytes → its JSON text, refusing anything that is not UTF-8: a Latin-1 dossier
 * decoded leniently would change every accented name silently. A UTF-8 byte order mark is
 * accepted and dropped (JSON may not start with one).
 */
import { findInvalidUtf8, hexByte } from '../markdown/utf8.js';

export type DossierBytes = { ok: true; text: string } | { ok: false; byte: number; line: number; column: number; message: string };

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A dossier file's bytes → its text, refusing anything that is not UTF-8 (`ok: false` with the
 * line, column and byte of the first invalid one, and a French message); a byte order mark is
 * dropped.
 *
 * @example
 * const r = decodeDossierBytes(readFileSync('dossier.json'));
 * if (r.ok) readDossier(context, r.text, 'dossier.json'); else console.error(`dossier.json:${r.line}:${r.column}: ${r.message}`);
 */
export function decodeDossierBytes(bytes: Uint8Array): DossierBytes {
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: strict.decode(body) };
  } catch {
    const bad = findInvalidUtf8(body) ?? { byte: body[0] ?? 0, line: 1, column: 1 };
    return { ok: false, byte: bad.byte, line: bad.line, column: bad.column, message: `Encodage invalide : octet ${hexByte(bad.byte)} inattendu, attendu de l'UTF-8 (enregistrez le fichier en UTF-8)` };
  }
}
