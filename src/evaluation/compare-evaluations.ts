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

export interface ReponseChange {
  question: string;
  /** The answer as the dossier gives it (null: no answer). */
  avant: boolean | number | string | null;
  apres: boolean | number | string | null;
}

export interface CritereChange {
  actionId: string;
  label: string;
  /** `rempli`, `non_rempli`, `non_applicable`, or null when the criterion is not judged (another target étoile, action désactivée). */
  avant: string | null;
  apres: string | null;
}

export interface Comparison {
  referentiel: string;
  etoile: { avant: number; apres: number };
  /** The étoile that may be requested (null: none), before and after. */
  etoileDemandable: { avant: number | null; apres: number | null };
  ratioFait: { avant: number; apres: number };
  /** Nodes whose potentiel or fait changed, depth-first. */
  actions: NodeChange[];
  statuts: StatutChange[];
  /** Answers to personalisation questions added, removed or changed, by question id. */
  reponses: ReponseChange[];
  /** Action criteria of the target étoile whose state changed. */
  criteres: CritereChange[];
  /** French warnings: the two dossiers do not seem to be the same collectivité. */
  avertissements: string[];
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
    etoileDemandable: { avant: before.etoiles.etoileDemandable, apres: after.etoiles.etoileDemandable },
    ratioFait: { avant: ratio(before.etoiles.ratioFait), apres: ratio(after.etoiles.ratioFait) },
    actions,
    statuts,
    reponses: reponsesChanged(before, after),
    criteres: criteresChanged(before, after),
    avertissements: memeCollectivite(before, after),
  };
}

const valeurReponse = (v: unknown): boolean | number | string | null =>
  typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string' ? v : v === undefined || v === null ? null : String(v);

function reponsesChanged(before: Evaluation, after: Evaluation): ReponseChange[] {
  const a = before.dossier.reponses ?? {};
  const b = after.dossier.reponses ?? {};
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort((x, y) => x.localeCompare(y, 'fr', { numeric: true }));
  const out: ReponseChange[] = [];
  for (const question of ids) {
    const avant = valeurReponse(Object.hasOwn(a, question) ? a[question] : undefined);
    const apres = valeurReponse(Object.hasOwn(b, question) ? b[question] : undefined);
    if (avant !== apres) out.push({ question, avant, apres });
  }
  return out;
}

function criteresChanged(before: Evaluation, after: Evaluation): CritereChange[] {
  const avant = new Map(before.etoiles.criteres.map((c) => [c.actionId, c]));
  const apres = new Map(after.etoiles.criteres.map((c) => [c.actionId, c]));
  const out: CritereChange[] = [];
  for (const id of new Set([...avant.keys(), ...apres.keys()])) {
    const x = avant.get(id)?.etat ?? null;
    const y = apres.get(id)?.etat ?? null;
    if (x !== y) out.push({ actionId: id, label: (apres.get(id) ?? avant.get(id))!.label, avant: x, apres: y });
  }
  return out;
}

/** Another name or type, given in both dossiers, says they are not the same collectivité. */
function memeCollectivite(before: Evaluation, after: Evaluation): string[] {
  const a = before.dossier.collectivite ?? {};
  const b = after.dossier.collectivite ?? {};
  const out: string[] = [];
  if (a.nom !== undefined && b.nom !== undefined && a.nom.trim().toLowerCase() !== b.nom.trim().toLowerCase()) out.push(`les deux dossiers ne sont pas de la même collectivité : « ${a.nom} » puis « ${b.nom} »`);
  if (a.type !== undefined && b.type !== undefined && a.type !== b.type) out.push(`le type de collectivité change : ${a.type} puis ${b.type}`);
  return out;
}

function sameTriple(before: Evaluation, after: Evaluation, id: string): boolean {
  const x = before.statuts.get(id)?.avancement;
  const y = after.statuts.get(id)?.avancement;
  return !!x && !!y && x.fait.equals(y.fait) && x.programme.equals(y.programme) && x.pasFait.equals(y.pasFait);
}
