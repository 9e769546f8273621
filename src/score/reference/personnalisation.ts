/**
 * Steps 2–4 of scoring.md §6.6 (§6.4, §5.1): reduction factors, désactivés, non concernés.
 * Each is a plain recursion over the working tree.
 */
import type { Noeud } from './noeud.js';

/** Step 2: perso = référentiel points × the factors of the node and its ancestors (nested factors multiply). */
export function appliquerFacteurs(n: Noeud, facteurHerite: Noeud['perso'] | null): void {
  const propre = n.consequence?.facteur ?? null;
  n.aFacteur = propre !== null;
  const facteur = propre === null ? facteurHerite : facteurHerite === null ? propre : facteurHerite.mul(propre);
  n.perso = facteur === null ? n.action.points : n.action.points.mul(facteur);
  for (const e of n.enfants) appliquerFacteurs(e, facteur);
}

/** Step 3: a true désactivation covers the node and its whole subtree. */
export function marquerDesactives(n: Noeud, parentDesactive: boolean): void {
  n.desactive = parentDesactive || n.consequence?.desactive === true;
  for (const e of n.enfants) marquerDesactives(e, n.desactive);
}

/**
 * Step 4, downward: désactivés and explicit non-concerné statuts are non concernés, with their
 * whole subtree (TeT HEAD pushes an explicit non concerné down).
 */
export function marquerNonConcernes(n: Noeud, parentNonConcerne: boolean): void {
  n.nonConcerne = parentNonConcerne || n.desactive || n.statut?.concerne === false;
  for (const e of n.enfants) marquerNonConcernes(e, n.nonConcerne);
}

/**
 * Step 4, upward: a parent whose children are all non concernés is non concerné too, unless the
 * dossier gives it a statut of its own (a concerné statut, even `non_renseigne`, blocks it).
 */
export function propagerNonConcernes(n: Noeud): void {
  for (const e of n.enfants) propagerNonConcernes(e);
  if (n.enfants.length > 0 && n.statut === undefined && n.enfants.every((e) => e.nonConcerne)) n.nonConcerne = true;
}
