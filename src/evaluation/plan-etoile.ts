/**
 * `cae plan`: the smallest set of tâches not yet fait whose completion reaches an étoile.
 *
 * Setting a concerné tâche to fait never changes any potentiel, so each tâche's gain at the root
 * is independent of the others: its potentiel × (1 − its current fait fraction). The fewest tâches
 * reaching a number of points are then the largest gains, taken in order (any k tâches gain at most
 * what the k largest gain). Tâches required by the étoile's action criteria come first; the plan
 * is then checked by scoring it for real (a score override could cap a gain). The default target
 * is the next étoile, or the target étoile of a labelled collectivité when higher (docs/etoiles.md).
 */
import { Rational } from '../exact/rational.js';
import { computeEtoiles, evaluateCriteres } from '../etoiles/compute-etoiles.js';
import { etoilesConfigFor } from '../etoiles/etoiles-config.js';
import { selfAndAncestors } from '../referentiel/ancestors.js';
import type { Referentiel } from '../referentiel/model.js';
import { type Scores, computeScores } from '../score/compute-scores.js';
import { type ActionStatut, TRIPLE_FAIT } from '../score/statut.js';
import type { Evaluation, EvaluationContext } from './evaluate-dossier.js';

export interface TachePlanifiee {
  actionId: string;
  /** Root fait points gained by setting it to fait, exact. */
  gain: Rational;
  /** Why it is in the plan: an action criterion of the étoile, or the global score. */
  raison: 'critere' | 'score';
  critere?: string;
}

export interface Plan {
  etoileActuelle: number;
  /** The label the dossier says the collectivité holds. */
  etoileLabellisee: number | null;
  etoileCible: number;
  /** Root fait points missing for the target's threshold before the plan. */
  pointsManquants: Rational;
  taches: TachePlanifiee[];
  gainTotal: Rational;
  /** The étoile reached once the plan is applied, checked by scoring it. */
  etoileAtteinte: number;
  atteignable: boolean;
  /** Why the set is minimal, and what could not be planned, in French. */
  justification: string[];
}

interface Candidate {
  index: number;
  id: string;
  /** Root fait points gained. */
  gain: Rational;
  /** Tâche avancement gained (1 − its fait fraction): what counts when a potentiel is 0. */
  tachesGain: Rational;
}

/**
 * The fewest tâches not yet fait whose completion reaches the next étoile (or `cible`), with each
 * one's gain, checked by scoring the plan. Pure.
 *
 * @example
 * const plan = planEtoile(context, evaluateDossier(context, dossier), 3);
 */
export function planEtoile(ctx: EvaluationContext, ev: Evaluation, cible?: number): Plan {
  const ref = ev.referentiel;
  const config = ctx.etoiles ?? etoilesConfigFor(ref.id);
  const seuils = [...config.seuils].sort((a, b) => a.etoile - b.etoile);
  // By default the étoile after the one reached, or the target étoile when it is higher (a
  // collectivité labelled N aims at N + 1 whatever its score: HEAD's getEtoileCible).
  const target = cible ?? Math.min(Math.max(ev.etoiles.etoile + 1, ev.etoiles.etoileCible), seuils.at(-1)!.etoile);
  const seuil = seuils.find((s) => s.etoile === target)?.seuil;
  const justification: string[] = [];
  const root = ev.result.scores.get(ref.root.id)!;
  if (!seuil) throw new RangeError(`Étoile ${target} inconnue`);
  const needed = Rational.max(Rational.ZERO, seuil.mul(root.pointPotentiel).sub(root.pointFait));

  // Tâches under a score override ("Score réalisé") may not gain their nominal points: last.
  const capped = new Set([...ev.consequences].filter(([, c]) => c.scoreOverride).map(([id]) => id));
  const underCap = (id: string): boolean => [...capped].some((a) => isInSubtree(ref, id, a));
  const all = candidatesOf(ref, ev.result, ev.statuts);
  const candidates = [...all.filter((x) => !underCap(x.id)), ...all.filter((x) => underCap(x.id))];
  const chosen = new Map<string, TachePlanifiee>();

  // 1. Action criteria of the target étoile that are not met: the largest gains inside the action
  //    until its ratio is reached (counted in tâches when its potentiel is 0, as TeT does).
  for (const c of evaluateCriteres(ev.result, ev.statuts, config.criteres, target)) {
    if (c.etat !== 'non_rempli') continue;
    const score = ev.result.scores.get(c.actionId)!;
    const byPoints = !score.pointPotentiel.isZero();
    const want = byPoints
      ? Rational.of(c.minFait, 100).mul(score.pointPotentiel).sub(score.pointFait)
      : Rational.of(c.minFait * score.totalTachesCount, 100).sub(score.faitTachesAvancement);
    let got = Rational.ZERO;
    for (const x of candidates) {
      if (got.gte(want)) break;
      if (chosen.has(x.id) || !isInSubtree(ref, x.id, c.actionId)) continue;
      chosen.set(x.id, { actionId: x.id, gain: x.gain, raison: 'critere', critere: `${c.actionId} (${c.label}, ${c.minFait} % fait)` });
      got = got.add(byPoints ? x.gain : x.tachesGain);
    }
    if (got.lt(want)) justification.push(`Critère ${c.actionId} (${c.label}) : impossible à remplir par des tâches (statut porté par la sous-action ou tâches non concernées).`);
  }

  // 2. The global threshold: largest gains first.
  let total = Rational.sum([...chosen.values()].map((t) => t.gain));
  const rest = candidates.filter((x) => !chosen.has(x.id) && x.gain.sign() > 0);
  let k = 0;
  while (total.lt(needed) && k < rest.length) {
    const x = rest[k++]!;
    chosen.set(x.id, { actionId: x.id, gain: x.gain, raison: 'score' });
    total = total.add(x.gain);
  }
  const scoreCount = k;
  if (scoreCount > 0) {
    const withoutLast = Rational.sum(rest.slice(0, scoreCount - 1).map((x) => x.gain)).add(Rational.sum([...chosen.values()].filter((t) => t.raison === 'critere').map((t) => t.gain)));
    justification.push(
      `Minimal : les ${scoreCount} plus grands gains restants apportent ${fr(total)} point(s) pour ${fr(needed)} manquant(s) ; ` +
        `les ${scoreCount - 1} plus grands n'en apporteraient que ${fr(withoutLast)}, et aucun ensemble de ${scoreCount - 1} tâche(s) ne gagne plus qu'eux.`,
    );
  } else if (needed.isZero()) {
    justification.push(`Le seuil de l'étoile ${target} est déjà atteint par le score global.`);
  }

  // 3. Check by scoring the plan for real, topping it up while a score override ate some gain.
  const score = () => {
    const planned = new Map(ev.statuts);
    for (const id of chosen.keys()) planned.set(id, { concerne: true, avancement: TRIPLE_FAIT });
    const after = computeScores(ref, { statuts: planned, consequences: ev.consequences });
    return { after, etoiles: computeEtoiles(after, planned, config, ev.dossier.labellisation), criteres: evaluateCriteres(after, planned, config.criteres, target) };
  };
  let checked = score();
  while (checked.etoiles.etoile < target && k < rest.length) {
    const root2 = checked.after.scores.get(ref.root.id)!;
    const deficit = seuil.mul(root2.pointPotentiel).sub(root2.pointFait);
    let added = Rational.ZERO;
    while (added.lt(deficit) && k < rest.length) {
      const x = rest[k++]!;
      chosen.set(x.id, { actionId: x.id, gain: x.gain, raison: 'score' });
      added = added.add(x.gain);
      total = total.add(x.gain);
    }
    justification.push(`Complété après vérification : un plafonnement « Score réalisé » réduit le gain de certaines tâches.`);
    checked = score();
  }
  const etoiles = checked.etoiles;
  const atteignable = etoiles.etoile >= target && checked.criteres.every((c) => c.etat !== 'non_rempli');
  if (!atteignable) justification.push(`Étoile ${target} non atteignable par les seules tâches restantes : ${fr(total)} point(s) au mieux pour ${fr(needed)} manquant(s).`);
  return {
    etoileActuelle: ev.etoiles.etoile,
    etoileLabellisee: ev.etoiles.labellisation?.etoile ?? null,
    etoileCible: target,
    pointsManquants: needed,
    taches: [...chosen.values()],
    gainTotal: total,
    etoileAtteinte: etoiles.etoile,
    atteignable,
    justification,
  };
}

/** French decimal, 3 places at most. */
const fr = (x: Rational): string => String(x.round(3)).replace('.', ',');

function isInSubtree(ref: Referentiel, id: string, ancestor: string): boolean {
  for (const x of selfAndAncestors(ref, id)) if (x === ancestor) return true;
  return false;
}

/**
 * Leaves that can still become fait: concerné, not fully fait, not overridden by an ancestor's
 * statut. Largest gain first; 0-point leaves (regulatory `.0` sous-actions) last, for criteria.
 */
function candidatesOf(ref: Referentiel, result: Scores, statuts: ReadonlyMap<string, ActionStatut>): Candidate[] {
  const out: Candidate[] = [];
  let index = 0;
  for (const node of ref.actions.values()) {
    index++;
    if (node.children.length > 0) continue;
    const s = result.scores.get(node.id)!;
    if (!s.concerne) continue;
    if (node.parentId !== null && [...selfAndAncestors(ref, node.parentId)].some((p) => statuts.get(p)?.avancement)) continue;
    const tachesGain = Rational.ONE.sub(s.faitTachesAvancement);
    if (tachesGain.sign() <= 0) continue;
    out.push({ index, id: node.id, gain: s.pointPotentiel.sub(s.pointFait), tachesGain });
  }
  // Stable: equal gains keep référentiel order, so plans are deterministic.
  return out.sort((a, b) => b.gain.compare(a.gain) || a.index - b.index);
}
