/**
 * TeT's two rules on a parent whose children are all non concernés (scoring.md §5.1.3, §5.2),
 * written once for the fast path: the potentiel pass applies them, the avancement pass reads the
 * mark the first one leaves (`keepsOwn`). The reference engine (reference/) states them again in
 * its own words, on purpose: it is the independent oracle.
 */
import { AUCUN, isConcerneCode } from './statut-codes.js';

/** The parent becomes non concerné too, unless the dossier gives it a concerné statut (even `non_renseigne`). */
export function becomesNonConcerne(ownCode: number, anyChildConcerne: boolean): boolean {
  return !anyChildConcerne && !isConcerneCode(ownCode);
}

/**
 * A parent with a statut of its own whose children are all non concernés keeps its own
 * personalised points as potentiel (its statut kept it concerné); when that statut is
 * `non_renseigne`, those points are non renseignés.
 */
export function keepsOwnPotentiel(ownCode: number, anyChildConcerne: boolean): boolean {
  return !anyChildConcerne && ownCode !== AUCUN;
}
