/**
 * Documented input limits (README, « Limites »). A real dossier is nowhere near them.
 *
 * @example
 * if (text.length > DOSSIER_LIMITS.maxBytes) throw new Error('dossier trop volumineux');
 */
export const DOSSIER_LIMITS = {
  /** Bytes of JSON text. */
  maxBytes: 50 * 1024 * 1024,
  /** Bracket nesting depth. A dossier needs 4. */
  maxNesting: 64,
} as const;
