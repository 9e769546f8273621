/**
 * The label level at the root (scoring.md §7, docs/etoiles.md): the highest étoile whose threshold
 * is ≤ fait ÷ potentiel (compared exactly), the next one and the fait points still missing for it;
 * then, as TeT HEAD's parcours de labellisation, the target étoile (which also depends on the label
 * the collectivité holds), the global criterion and the action criteria of that target, and the
 * highest étoile a labellisation may be requested for.
 */
import { Rational } from '../exact/rational.js';
import type { Scores } from '../score/compute-scores.js';
import type { ActionStatut } from '../score/statut.js';
import { verdictDemande } from './demande-labellisation.js';
import { etoileDuScore, sortedSeuils } from './etoile-du-score.js';
import { type LabellisationObtenue, etoileCible, prochaineEtoile } from './etoile-cible.js';
import type { CritereAction, EtoilesConfig } from './etoiles-config.js';

export type EtatCritere = 'rempli' | 'non_rempli' | 'non_applicable';

export interface CritereEvalue extends CritereAction {
  etat: EtatCritere;
  /** The ratios the criterion was judged on (the parent sous-action's when it carries the statut). */
  ratioFait: Rational | null;
  ratioFaitProgramme: Rational | null;
  /** The action whose ratios were used. */
  jugeSur: string | null;
}

export interface EtoilesResult {
  /** Highest étoile allowed by the global score: also the highest one a labellisation may be asked for. */
  etoile: number;
  label: string;
  ratioFait: Rational;
  prochaine: { etoile: number; label: string; seuil: Rational; pointsFaitManquants: Rational } | null;
  /** The label the dossier says the collectivité holds, and the étoile after it. */
  labellisation: { etoile: number; date: string | null; prochaine: number | null } | null;
  /** max(label, the étoile after it, `etoile`, 1): what the criteria are judged for (HEAD `getEtoileCible`). */
  etoileCible: number;
  /** The target's global criterion: fait ÷ potentiel ≥ its threshold. */
  critereScore: { etoile: number; seuil: Rational; atteint: boolean };
  /** Criteria of the target étoile, one per action; those on désactivé actions are hidden. */
  criteres: CritereEvalue[];
  criteresNonRemplis: CritereEvalue[];
  /** Every tâche has a statut (or is non concerné): a labellisation request needs it. */
  complet: boolean;
  /** The highest étoile a labellisation may be requested for now, or null (incomplete, criteria unmet). */
  etoileDemandable: number | null;
  /** HEAD's `rempli`: the global and every action criterion of the target are met (the commitment file is not in a dossier). */
  rempli: boolean;
}

/**
 * Scores → the étoile reached (thresholds compared exactly), the next one with the points fait
 * missing, the target étoile and its criteria, as TeT HEAD. Pure, never throws.
 *
 * @example
 * const { etoile, prochaine } = computeEtoiles(ev.result, ev.statuts, etoilesConfig);
 */
export function computeEtoiles(
  result: Scores,
  statuts: ReadonlyMap<string, ActionStatut>,
  config: EtoilesConfig,
  labellisation?: LabellisationObtenue | null,
): EtoilesResult {
  const root = result.scores.get(result.referentiel.root.id)!;
  const pot = root.pointPotentiel;
  const ratioFait = pot.isZero() ? Rational.ZERO : root.pointFait.div(pot);
  const seuils = sortedSeuils(config);
  const reached = etoileDuScore(config, ratioFait);
  const next = seuils.find((s) => s.seuil.gt(reached.seuil));
  const cible = etoileCible(config, reached.etoile, labellisation);
  const seuilCible = seuils.find((s) => s.etoile === cible)?.seuil ?? reached.seuil;
  const criteres = evaluateCriteres(result, statuts, config.criteres, cible);
  const criteresNonRemplis = criteres.filter((c) => c.etat === 'non_rempli');
  const complet = root.completedTachesCount === root.totalTachesCount;
  const critereScore = { etoile: cible, seuil: seuilCible, atteint: ratioFait.gte(seuilCible) };
  return {
    etoile: reached.etoile,
    label: reached.label,
    ratioFait,
    prochaine: next
      ? {
          etoile: next.etoile,
          label: next.label,
          seuil: next.seuil,
          pointsFaitManquants: Rational.max(Rational.ZERO, next.seuil.mul(pot).sub(root.pointFait)),
        }
      : null,
    labellisation: labellisation ? { etoile: labellisation.etoile, date: labellisation.date ?? null, prochaine: prochaineEtoile(config, labellisation.etoile) } : null,
    etoileCible: cible,
    critereScore,
    criteres,
    criteresNonRemplis,
    complet,
    etoileDemandable: verdictDemande({ complet, etoile: reached.etoile, criteresNonRemplis }, reached.etoile).demandable ? reached.etoile : null,
    rempli: critereScore.atteint && criteresNonRemplis.length === 0,
  };
}

/**
 * For each action, the criterion with the highest étoile ≤ the target is kept. Criteria on
 * désactivé actions are hidden; criteria naming actions absent from the référentiel are
 * `non_applicable` (a partial référentiel, such as the embedded one).
 */
export function evaluateCriteres(
  result: Scores,
  statuts: ReadonlyMap<string, ActionStatut>,
  criteres: readonly CritereAction[],
  etoileCible: number,
): CritereEvalue[] {
  const kept = new Map<string, CritereAction>();
  for (const c of criteres) {
    if (c.etoile > etoileCible) continue;
    const prev = kept.get(c.actionId);
    if (!prev || c.etoile > prev.etoile) kept.set(c.actionId, c);
  }
  const out: CritereEvalue[] = [];
  const scores = result.scores;
  for (const c of kept.values()) {
    const i = scores.indexOf(c.actionId);
    if (i === undefined) {
      out.push(critereEvalue(c, 'non_applicable', null, null, null));
      continue;
    }
    if (scores.isDesactive(i)) continue;
    // A parent that carries its own renseigné statut and is concerné is judged for its children
    // (HEAD: the parent's `score.concerne` and `score.avancement` other than non renseigné).
    const parentId = result.referentiel.actions.get(c.actionId)?.parentId ?? null;
    const parentIndex = parentId ? scores.indexOf(parentId) : undefined;
    const onParent = parentIndex !== undefined && !!statuts.get(parentId!)?.avancement && scores.isConcerne(parentIndex);
    const judged = onParent ? parentId! : c.actionId;
    const r = scores.ratiosFaitProgramme(onParent ? parentIndex : i);
    const fp = r.fait.add(r.programme);
    const met = r.fait.gte(Rational.of(c.minFait, 100)) || (c.minFaitProgramme !== null && fp.gte(Rational.of(c.minFaitProgramme, 100)));
    out.push(critereEvalue(c, met ? 'rempli' : 'non_rempli', r.fait, fp, judged));
  }
  return out;
}

/** One shape for every result: spreading the criterion (`{ ...c, etat }`) costs V8 far more. */
function critereEvalue(c: CritereAction, etat: EtatCritere, ratioFait: Rational | null, ratioFaitProgramme: Rational | null, jugeSur: string | null): CritereEvalue {
  return { etoile: c.etoile, actionId: c.actionId, label: c.label, minFait: c.minFait, minFaitProgramme: c.minFaitProgramme, etat, ratioFait, ratioFaitProgramme, jugeSur };
}
