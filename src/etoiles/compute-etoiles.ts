/**
 * The label level at the root (scoring.md §7): the highest étoile whose threshold is ≤ fait ÷
 * potentiel (compared exactly), the next one and the fait points still missing for it, and the
 * action criteria of the target étoile.
 */
import { Rational } from '../exact/rational.js';
import type { Scores } from '../score/compute-scores.js';
import type { ActionStatut } from '../score/statut.js';
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
  /** Highest étoile allowed by the global score. */
  etoile: number;
  label: string;
  ratioFait: Rational;
  prochaine: { etoile: number; label: string; seuil: Rational; pointsFaitManquants: Rational } | null;
  /** Criteria of the target étoile (the one reached), one per action. */
  criteres: CritereEvalue[];
  criteresNonRemplis: CritereEvalue[];
  /** Every tâche has a statut (or is non concerné): a labellisation request needs it. */
  complet: boolean;
}

const sortedCache = new WeakMap<EtoilesConfig['seuils'], EtoilesConfig['seuils']>();

/** The thresholds in ascending order, sorted once per list (configurations are not mutated). */
function sortedSeuils(config: EtoilesConfig): EtoilesConfig['seuils'] {
  let s = sortedCache.get(config.seuils);
  if (!s) sortedCache.set(config.seuils, (s = [...config.seuils].sort((a, b) => a.seuil.compare(b.seuil))));
  return s;
}

export function computeEtoiles(
  result: Scores,
  statuts: ReadonlyMap<string, ActionStatut>,
  config: EtoilesConfig,
): EtoilesResult {
  const root = result.scores.get(result.referentiel.root.id)!;
  const pot = root.pointPotentiel;
  const ratioFait = pot.isZero() ? Rational.ZERO : root.pointFait.div(pot);
  const seuils = sortedSeuils(config);
  let reached = seuils[0]!;
  for (const s of seuils) if (ratioFait.gte(s.seuil)) reached = s;
  const next = seuils.find((s) => s.seuil.gt(reached.seuil));
  const criteres = evaluateCriteres(result, statuts, config.criteres, reached.etoile);
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
    criteres,
    criteresNonRemplis: criteres.filter((c) => c.etat === 'non_rempli'),
    complet: root.completedTachesCount === root.totalTachesCount,
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
    // A sous-action that carries its own renseigné statut is judged for its tâches.
    const parentId = result.referentiel.actions.get(c.actionId)?.parentId ?? null;
    const parentStatut = parentId ? statuts.get(parentId) : undefined;
    const judged = parentId && parentStatut?.concerne && parentStatut.avancement ? parentId : c.actionId;
    const r = scores.ratiosFaitProgramme(judged === c.actionId ? i : scores.indexOf(judged)!);
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
