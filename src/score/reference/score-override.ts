/**
 * Step 7 of scoring.md §6.6 (§6.5): "Score réalisé" rules cap an action's realised ratio
 * (fait ÷ potentiel). The fait of the action and of its subtree is multiplied by
 * capped ÷ original ratio; then each ancestor not scored on its own statut (nor non concerné)
 * takes the sum of its children's fait again. Potentiels are untouched (TeT HEAD).
 */
import { Rational } from '../../exact/rational.js';
import type { Consequences } from '../consequences.js';
import type { OverrideApplied, OverrideRefused } from '../scores.js';
import type { Noeud } from './noeud.js';

const ratioFait = (n: Noeud): Rational => (n.potentiel.isZero() ? Rational.ZERO : n.fait.div(n.potentiel));

export function appliquerScoresRealises(
  parId: ReadonlyMap<string, Noeud>,
  consequences: Consequences,
  refuses: OverrideRefused[],
): OverrideApplied[] {
  const appliques: OverrideApplied[] = [];
  for (const [actionId, c] of consequences) {
    const n = parId.get(actionId);
    if (!c.scoreOverride || n === undefined || n.potentiel.isZero()) continue;
    const avant = ratioFait(n);
    const resultat = c.scoreOverride((id) => {
      const autre = parId.get(id);
      return autre === undefined ? null : ratioFait(autre);
    });
    if (resultat !== null && !(resultat instanceof Rational)) {
      refuses.push({ actionId, message: resultat.impossible });
      continue;
    }
    if (resultat === null || avant.sign() <= 0) continue;
    const facteur = resultat.div(avant);
    if (!facteur.equals(Rational.ONE)) {
      multiplierFait(n, facteur);
      for (let a = n.parent; a !== null; a = a.parent) {
        if (!a.surSonStatut && !a.nonConcerne) a.fait = Rational.sum(a.enfants.map((e) => e.fait));
      }
    }
    appliques.push({ actionId, ratioAvant: avant, ratioApres: resultat, facteur });
  }
  return appliques;
}

function multiplierFait(n: Noeud, facteur: Rational): void {
  n.fait = n.fait.mul(facteur);
  for (const e of n.enfants) multiplierFait(e, facteur);
}
