/**
 * Step 6 of scoring.md §6.6 (§3.2, §4): points and tâche counts bottom-up. A node is scored from
 * its own statut when it is non concerné, when its statut is renseigné, or when it is a leaf;
 * otherwise from its children, who keep their own scores either way.
 */
import { Rational } from '../../exact/rational.js';
import type { Triple } from '../statut.js';
import { type Noeud, tripleOf } from './noeud.js';

export function noter(n: Noeud): void {
  for (const e of n.enfants) noter(e);
  n.totalTaches = n.enfants.length === 0 ? 1 : somme(n.enfants, (e) => e.totalTaches);
  const triple = tripleOf(n.statut);
  if (n.nonConcerne) noterNonConcerne(n);
  else if (triple !== null) noterSurTriple(n, triple);
  else if (n.enfants.length === 0) n.nonRenseigne = n.potentiel;
  else noterSurEnfants(n);
}

/** Every point is 0; every tâche of the subtree counts as completed and non concernée. */
function noterNonConcerne(n: Noeud): void {
  n.completedTaches = n.totalTaches;
  n.pasConcerneTaches = n.totalTaches;
}

/** The triple's share of the potentiel and of the subtree's tâches; nothing is non renseigné. */
function noterSurTriple(n: Noeud, t: Triple): void {
  n.surSonStatut = true;
  n.fait = n.potentiel.mul(t.fait);
  n.programme = n.potentiel.mul(t.programme);
  n.pasFait = n.potentiel.mul(t.pasFait);
  const taches = Rational.integer(n.totalTaches);
  n.faitTaches = taches.mul(t.fait);
  n.programmeTaches = taches.mul(t.programme);
  n.pasFaitTaches = taches.mul(t.pasFait);
  n.completedTaches = n.totalTaches;
}

/**
 * Sums over the children. A parent that kept its own potentiel (its statut is `non_renseigne` and
 * every child is non concerné, step 5) has those points non renseignés.
 */
function noterSurEnfants(n: Noeud): void {
  const e = n.enfants;
  n.fait = sommeExacte(e, (x) => x.fait);
  n.programme = sommeExacte(e, (x) => x.programme);
  n.pasFait = sommeExacte(e, (x) => x.pasFait);
  n.faitTaches = sommeExacte(e, (x) => x.faitTaches);
  n.programmeTaches = sommeExacte(e, (x) => x.programmeTaches);
  n.pasFaitTaches = sommeExacte(e, (x) => x.pasFaitTaches);
  n.completedTaches = somme(e, (x) => x.completedTaches);
  n.pasConcerneTaches = somme(e, (x) => x.pasConcerneTaches);
  const gardeSonPotentiel = n.statut !== undefined && e.every((x) => x.nonConcerne);
  n.nonRenseigne = gardeSonPotentiel ? n.potentiel : sommeExacte(e, (x) => x.nonRenseigne);
}

const somme = (ns: readonly Noeud[], f: (n: Noeud) => number): number => ns.reduce((s, n) => s + f(n), 0);
const sommeExacte = (ns: readonly Noeud[], f: (n: Noeud) => Rational): Rational => Rational.sum(ns.map(f));
