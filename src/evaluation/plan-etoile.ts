/**
 * `cae plan`: the smallest set of actions not yet fait whose completion reaches an étoile.
 *
 * The units of a plan are what carries a statut: a tâche, or a sous-action that has its own statut
 * (its tâches then do not count, so it is the sous-action that must become fait). Setting a unit to
 * fait never changes any potentiel, so each unit's gain at the root is independent of the others:
 * its potentiel × (1 − its current fait fraction). The fewest units reaching a number of points are
 * then the largest gains, taken in order (any k units gain at most what the k largest gain); at
 * equal gain, those already programmées come first. Units required by the étoile's action criteria
 * come first, searched under the node the criterion is judged on (a sous-action carrying the
 * statut is proposed itself). The plan is then checked by scoring it for real, and « atteignable »
 * is exactly what that check says: the score reaches the étoile and every criterion is met.
 */
import { Rational } from '../exact/rational.js';
import { type CritereEvalue, computeEtoiles, evaluateCriteres } from '../etoiles/compute-etoiles.js';
import { type EtoilesConfig, etoilesConfigFor } from '../etoiles/etoiles-config.js';
import { selfAndAncestors } from '../referentiel/ancestors.js';
import type { Referentiel } from '../referentiel/model.js';
import { type Scores, computeScores } from '../score/compute-scores.js';
import { type ActionStatut, TRIPLE_FAIT, statutLabel } from '../score/statut.js';
import type { Evaluation, EvaluationContext } from './evaluate-dossier.js';

export interface TachePlanifiee {
  actionId: string;
  /** Root fait points gained by setting it to fait, exact. */
  gain: Rational;
  /** Why it is in the plan: an action criterion of the étoile, or the global score. */
  raison: 'critere' | 'score';
  critere?: string;
  /** Its statut now (`programme`, `pas_fait`, `detaille`…; null: none declared). */
  statutActuel: string | null;
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
  /** The étoile the score reaches once the plan is applied, checked by scoring it. */
  etoileAtteinte: number;
  /** The target's action criteria still unmet once the plan is applied (action ids). */
  criteresNonRemplis: string[];
  /** True exactly when, with the plan applied, `etoileAtteinte ≥ etoileCible` and no criterion is unmet. */
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
  programme: boolean;
}

interface Planning {
  ev: Evaluation;
  config: EtoilesConfig;
  target: number;
  seuil: Rational;
  candidates: Candidate[];
  chosen: Map<string, TachePlanifiee>;
  justification: string[];
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
  if (!seuil) throw new RangeError(`Étoile ${target} inconnue`);
  const root = ev.result.scores.get(ref.root.id)!;
  const needed = Rational.max(Rational.ZERO, seuil.mul(root.pointPotentiel).sub(root.pointFait));
  // Units under a score override ("Score réalisé") may not gain their nominal points: last.
  const capped = [...ev.consequences].filter(([, c]) => c.scoreOverride).map(([id]) => id);
  const all = candidatesOf(ref, ev.result, ev.statuts);
  const underCap = (id: string): boolean => capped.some((a) => isInSubtree(ref, id, a));
  const p: Planning = { ev, config, target, seuil, candidates: [...all.filter((x) => !underCap(x.id)), ...all.filter((x) => underCap(x.id))], chosen: new Map(), justification: [] };

  for (const c of evaluateCriteres(ev.result, ev.statuts, config.criteres, target)) if (c.etat === 'non_rempli') planCritere(p, c);
  const rest = p.candidates.filter((x) => !p.chosen.has(x.id) && x.gain.sign() > 0);
  const k = planScore(p, rest, needed);
  const checked = checkPlan(p, rest, k);
  const criteresNonRemplis = checked.criteres.filter((c) => c.etat === 'non_rempli').map((c) => c.actionId);
  const atteignable = checked.etoile >= target && criteresNonRemplis.length === 0;
  const gainTotal = Rational.sum([...p.chosen.values()].map((t) => t.gain));
  if (checked.etoile < target) p.justification.push(`Étoile ${target} non atteignable par le score : ${fr(gainTotal)} point(s) au mieux pour ${fr(needed)} manquant(s).`);
  if (criteresNonRemplis.length > 0) p.justification.push(`Étoile ${target} non atteignable : critère(s) ${criteresNonRemplis.join(', ')} non rempli(s) même avec ce plan.`);
  return {
    etoileActuelle: ev.etoiles.etoile,
    etoileLabellisee: ev.etoiles.labellisation?.etoile ?? null,
    etoileCible: target,
    pointsManquants: needed,
    taches: [...p.chosen.values()],
    gainTotal,
    etoileAtteinte: checked.etoile,
    criteresNonRemplis,
    atteignable,
    justification: p.justification,
  };
}

/** An unmet criterion: the largest gains under the node it is judged on until its ratio is reached (in tâches when its potentiel is 0, as TeT). */
function planCritere(p: Planning, c: CritereEvalue): void {
  const ref = p.ev.referentiel;
  const node = c.jugeSur ?? c.actionId;
  const score = p.ev.result.scores.get(node)!;
  const byPoints = !score.pointPotentiel.isZero();
  const want = byPoints ? Rational.of(c.minFait, 100).mul(score.pointPotentiel).sub(score.pointFait) : Rational.of(c.minFait * score.totalTachesCount, 100).sub(score.faitTachesAvancement);
  let got = Rational.ZERO;
  for (const x of p.candidates) {
    if (got.gte(want)) break;
    if (!isInSubtree(ref, x.id, node)) continue;
    const ident = (id: string): string => ref.actions.get(id)?.identifiant ?? id;
    if (!p.chosen.has(x.id)) p.chosen.set(x.id, tache(p.ev, x, 'critere', `${ident(c.actionId)} (${c.label}, ${c.minFait} % fait${node !== c.actionId ? `, jugé sur ${ident(node)}` : ''})`));
    got = got.add(byPoints ? x.gain : x.tachesGain);
  }
  if (got.lt(want)) p.justification.push(`Critère ${c.actionId} (${c.label}) : impossible à remplir en passant des actions à « fait » (action non concernée, ou sans tâche à compléter).`);
}

/** The global threshold: largest gains first. Returns how many of `rest` were taken. */
function planScore(p: Planning, rest: Candidate[], needed: Rational): number {
  let total = Rational.sum([...p.chosen.values()].map((t) => t.gain));
  const critereTotal = total;
  let k = 0;
  while (total.lt(needed) && k < rest.length) {
    const x = rest[k++]!;
    p.chosen.set(x.id, tache(p.ev, x, 'score'));
    total = total.add(x.gain);
  }
  if (k > 0) {
    const withoutLast = Rational.sum(rest.slice(0, k - 1).map((x) => x.gain)).add(critereTotal);
    p.justification.push(
      `Minimal : les ${k} plus grands gains restants apportent ${fr(total)} point(s) pour ${fr(needed)} manquant(s) ; ` +
        `les ${k - 1} plus grands n'en apporteraient que ${fr(withoutLast)}, et aucun ensemble de ${k - 1} action(s) ne gagne plus qu'eux.`,
    );
  } else if (needed.isZero()) {
    p.justification.push(`Le seuil de l'étoile ${p.target} est déjà atteint par le score global.`);
  }
  return k;
}

/** Scores the plan for real, topping it up while a score override ate some gain. */
function checkPlan(p: Planning, rest: Candidate[], k: number): { etoile: number; criteres: CritereEvalue[] } {
  const ref = p.ev.referentiel;
  const score = () => {
    const planned = new Map(p.ev.statuts);
    for (const id of p.chosen.keys()) planned.set(id, { concerne: true, avancement: TRIPLE_FAIT });
    const after = computeScores(ref, { statuts: planned, consequences: p.ev.consequences });
    return { after, etoile: computeEtoiles(after, planned, p.config, p.ev.dossier.labellisation).etoile, criteres: evaluateCriteres(after, planned, p.config.criteres, p.target) };
  };
  let checked = score();
  while (checked.etoile < p.target && k < rest.length) {
    const root = checked.after.scores.get(ref.root.id)!;
    const deficit = p.seuil.mul(root.pointPotentiel).sub(root.pointFait);
    let added = Rational.ZERO;
    while (added.lt(deficit) && k < rest.length) {
      const x = rest[k++]!;
      p.chosen.set(x.id, tache(p.ev, x, 'score'));
      added = added.add(x.gain);
    }
    p.justification.push(`Complété après vérification : un plafonnement « Score réalisé » réduit le gain de certaines actions.`);
    checked = score();
  }
  return checked;
}

function tache(ev: Evaluation, x: Candidate, raison: 'critere' | 'score', critere?: string): TachePlanifiee {
  return { actionId: x.id, gain: x.gain, raison, ...(critere ? { critere } : {}), statutActuel: statutLabel(ev.statuts.get(x.id)) };
}

/** French decimal, 3 places at most. */
const fr = (x: Rational): string => String(x.round(3)).replace('.', ',');

function isInSubtree(ref: Referentiel, id: string, ancestor: string): boolean {
  for (const x of selfAndAncestors(ref, id)) if (x === ancestor) return true;
  return false;
}

/**
 * Units that can still become fait: a node carrying a renseigné statut of its own, or a leaf, when
 * no ancestor carries one; concerné and not fully fait. Largest gain first, then those already
 * programmées, then référentiel order; 0-point units (regulatory `.0` sous-actions) last.
 */
function candidatesOf(ref: Referentiel, result: Scores, statuts: ReadonlyMap<string, ActionStatut>): Candidate[] {
  const out: Candidate[] = [];
  let index = 0;
  for (const node of ref.actions.values()) {
    index++;
    const own = statuts.get(node.id)?.avancement;
    if (node.children.length > 0 && !own) continue;
    if (node.parentId !== null && [...selfAndAncestors(ref, node.parentId)].some((a) => statuts.get(a)?.avancement)) continue;
    const s = result.scores.get(node.id)!;
    if (!s.concerne || s.desactive) continue;
    const tachesGain = node.children.length > 0 ? Rational.of(s.totalTachesCount).sub(s.faitTachesAvancement) : Rational.ONE.sub(s.faitTachesAvancement);
    if (tachesGain.sign() <= 0 && s.pointPotentiel.sub(s.pointFait).sign() <= 0) continue;
    out.push({ index, id: node.id, gain: s.pointPotentiel.sub(s.pointFait), tachesGain, programme: !!own && own.programme.sign() > 0 });
  }
  // Stable: equal gains put what is already programmé first, then keep référentiel order.
  return out.sort((a, b) => b.gain.compare(a.gain) || Number(b.programme) - Number(a.programme) || a.index - b.index);
}
