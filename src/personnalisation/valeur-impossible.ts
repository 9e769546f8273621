/**
 * Values a rule may not give (scoring.md §6.4, §6.5): a reduction multiplies points, so a negative
 * factor would give negative potentiels; a « score réalisé » rule gives a ratio of the potentiel,
 * so above 1 (fait above the potentiel) or below 0 it means nothing; a division by zero means the
 * formula is wrong. One check, shared by `cae lint` (over every answer) and the scoring (per
 * dossier), so that both say the same thing.
 */
import { Rational } from '../exact/rational.js';
import type { KindRegle } from '../formule/check.js';
import type { EvaluationFormule } from '../formule/evaluate.js';

/** Why the value cannot be applied (« facteur `-1/2` inattendu, attendu … »), or null when it can. */
export function valeurImpossible(type: KindRegle, r: Pick<EvaluationFormule, 'value' | 'divisionParZero'>): string | null {
  const div = r.divisionParZero;
  if (div) return `division par zéro inattendue en ${div.pos.line}:${div.pos.column}, attendu un diviseur non nul`;
  const v = r.value;
  if (!(v instanceof Rational)) return null;
  if (type === 'reduction' && v.sign() < 0) return `facteur \`${v.toFraction()}\` inattendu, attendu un facteur positif ou nul`;
  if (type === 'score' && (v.sign() < 0 || v.gt(Rational.ONE))) {
    return `score réalisé \`${v.toFraction()}\` inattendu, attendu un ratio entre 0 et 1 (au plus le potentiel)`;
  }
  return null;
}

export const KIND_LABEL: Record<KindRegle, string> = { desactivation: 'Désactivation', reduction: 'Réduction de potentiel', score: 'Score réalisé' };
