/**
 * Step 5 of scoring.md §6.6 (§5.2): potentiels bottom-up, with the redistribution of the points
 * of non-concerné children among their concerné sisters below the action level.
 */
import { Rational } from '../../exact/rational.js';
import type { Noeud } from './noeud.js';

/**
 * A node's potentiel once its children's are final: 0 when non concerné; its perso points when it
 * is a leaf, or when it has a statut of its own and every child is non concerné (the statut kept
 * it concerné, so it is scored on its own points); otherwise the sum of its children's.
 */
export function calculerPotentiels(n: Noeud, niveauRedistribution: number): void {
  for (const e of n.enfants) calculerPotentiels(e, niveauRedistribution);
  if (n.enfants.length > 0 && n.action.depth >= niveauRedistribution) redistribuer(n.enfants);
  if (n.nonConcerne) n.potentiel = Rational.ZERO;
  else if (n.enfants.length === 0 || gardeSonPotentiel(n)) n.potentiel = n.perso;
  else n.potentiel = Rational.sum(n.enfants.map((e) => e.potentiel));
}

/** TeT: a parent with a statut of its own whose children are all non concernés keeps its perso points. */
function gardeSonPotentiel(n: Noeud): boolean {
  return n.statut !== undefined && n.enfants.every((e) => e.nonConcerne);
}

/**
 * Equal split (not proportional): the perso points of the non-concerné sisters are pooled and
 * shared equally among the concerné sisters whose potentiel is not 0. Nothing happens when none or
 * all are non concernés; when no sister can receive, the points are lost (as in TeT).
 */
function redistribuer(soeurs: readonly Noeud[]): void {
  const donneuses = soeurs.filter((s) => s.nonConcerne);
  if (donneuses.length === 0 || donneuses.length === soeurs.length) return;
  const pool = Rational.sum(donneuses.map((s) => s.perso));
  if (pool.isZero()) return;
  for (const s of donneuses) s.redistribution = s.redistribution.sub(s.perso);
  const receveuses = soeurs.filter((s) => !s.nonConcerne && !s.potentiel.isZero());
  if (receveuses.length === 0) return;
  const part = pool.div(Rational.integer(receveuses.length));
  for (const s of receveuses) {
    const avant = s.potentiel;
    s.potentiel = avant.add(part);
    s.redistribution = s.redistribution.add(part);
    // The receiver's subtree follows it, so its tâches keep summing to it.
    const rapport = s.potentiel.div(avant);
    for (const e of s.enfants) mettreAEchelle(e, rapport);
  }
}

function mettreAEchelle(n: Noeud, rapport: Rational): void {
  n.potentiel = n.potentiel.mul(rapport);
  for (const e of n.enfants) mettreAEchelle(e, rapport);
}
