/**
 * Documented input limits of the Markdown parsers (README, « Limits »; docs/limites.md). A real
 * référentiel is nowhere near them: the largest TeT file is 30 kB, the CAE référentiel 1,471 actions.
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';

export const MARKDOWN_LIMITS = {
  /** Characters (UTF-16 code units) of one Markdown file. */
  maxChars: 10 * 1024 * 1024,
  /** Actions (headings with an `identifiant`) in one référentiel, all files together. */
  maxActions: 100_000,
  /** Aliases expanded per ```yaml block (a "billion laughs" block stops here). */
  maxYamlAliases: 100,
} as const;

/** A NUL byte: the file is binary. It is ignored. */
export function binaryDiagnostic(file: string, line: number, column: number): Diagnostic {
  return diagnostic('markdown-binaire', 'error', 'Octet nul inattendu, attendu un fichier texte Markdown (UTF-8) : le fichier est ignoré', { file, line, column });
}

/** The file is ignored: by the parsers and by every lint rule. */
export function tooLargeDiagnostic(file: string, chars: number): Diagnostic {
  return diagnostic('markdown-trop-volumineux', 'error', `Fichier Markdown de ${chars} caractères inattendu, attendu au plus ${MARKDOWN_LIMITS.maxChars} : il est ignoré`, { file, line: 1, column: 1 });
}
