/**
 * A finding for the auditor, reported beside the scores: an ignored statut, a statut that
 * contradicts the evidence… Findings never stop the scoring.
 */
export interface Constat {
  /** Stable ASCII code, such as `preuve-contredit-statut`. */
  code: string;
  severity: 'error' | 'warning' | 'info';
  /** The action concerned, when there is one. */
  actionId: string | null;
  /** French. */
  message: string;
  /** JSON pointer into the dossier, when the finding is about a place in it. */
  pointer?: string;
}
