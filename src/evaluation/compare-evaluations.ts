/**
 * Before / after comparison of two evaluations on the same référentiel (pre- and post-audit):
 * the étoile change, the per-node change of potentiel and fait, and the statuts that changed.
 * Differences are exact; they are rounded only in the JSON.
 */
import type { Rational } from '../exact/rational.js';
import { pt, ratio } from '../score/score-json.js';
import { statutLabel } from '../score/statut.js';
import type { Evaluation } from './evaluate-dossier.js';

export interface NodeChange {
  actionId: string;
  potentielAvant: number;
  potentielApres: number;
  faitAvant: number;
  faitApres: number;
  deltaPotentiel: number;
  deltaFait: number;
}

export interface StatutChange {
  actionId: string;
  avant: string | null;
  apres: string | null;
}

export interface Comparison {
  referentiel: string;
  etoile: { avant: number; apres: number };
  ratioFait: { avant: number; apres: number };
  /** Nodes whose potentiel or fait changed, depth-first. */
  actions: NodeChange[];
  statuts: StatutChange[];
}

/**
 * Two evaluations of the same référentiel (before and after an audit) → the étoile change, the
 * per-node change of potentiel and fait, and the statuts that changed. Pure.
 *
 * @example
 * const c = compareEvaluations(evaluateDossier(context, avant), evaluateDossier(context, apres));
 */
export function compareEvaluations(before: Evaluation, after: Evaluation): Comparison {
  const actions: NodeChange[] = [];
  for (const [id, b] of before.result.scores) {
    const a = after.result.scores.get(id);
    if (!a) continue;
    const dPot: Rational = a.pointPotentiel.sub(b.pointPotentiel);
    const dFait: Rational = a.pointFait.sub(b.pointFait);
    if (dPot.isZero() && dFait.isZero()) continue;
    actions.push({
      actionId: id,
      potentielAvant: pt(b.pointPotentiel),
      potentielApres: pt(a.pointPotentiel),
      faitAvant: pt(b.pointFait),
      faitApres: pt(a.pointFait),
      deltaPotentiel: pt(dPot),
      deltaFait: pt(dFait),
    });
  }
  const statuts: StatutChange[] = [];
  for (const id of before.result.scores.keys()) {
    const avant = statutLabel(before.statuts.get(id));
    const apres = statutLabel(after.statuts.get(id));
    const same = avant === apres && (avant !== 'detaille' || sameTriple(before, after, id));
    if (!same) statuts.push({ actionId: id, avant, apres });
  }
  return {
    referentiel: before.referentiel.id,
    etoile: { avant: before.etoiles.etoile, apres: after.etoiles.etoile },
    ratioFait: { avant: ratio(before.etoiles.ratioFait), apres: ratio(after.etoiles.ratioFait) },
    actions,
    statuts,
  };
}

function sameTriple(before: Evaluation, after: Evaluation, id: string): boolean {
  const x = before.statuts.get(id)?.avancement;
  const y = after.statuts.get(id)?.avancement;
  return !!x && !!y && x.fait.equals(y.fait) && x.programme.equals(y.programme) && x.pasFait.equals(y.pasFait);
}
