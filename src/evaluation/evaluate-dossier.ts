/**
 * The whole evaluation of a dossier: identity and answers → personalisation consequences →
 * evidence rules → exact scores → étoiles and constats. This is what `cae score` runs; the pieces
 * stay usable on their own (`computeScores` with hand-written consequences, for instance).
 */
import type { Dossier } from '../dossier/dossier-schema.js';
import { type ReponseValue, dossierInputs, resolveActionId } from '../dossier/dossier-inputs.js';
import { type EtoilesResult, computeEtoiles } from '../etoiles/compute-etoiles.js';
import { type EtoilesConfig, etoilesConfigFor } from '../etoiles/etoiles-config.js';
import type { Identite } from '../identite/identite.js';
import { type ExplicationRegle, constatsPersonnalisation } from '../personnalisation/evaluate-personnalisation.js';
import { evaluatePersonnalisationMemo } from '../personnalisation/memo-personnalisation.js';
import { EMPTY_PERSONNALISATION, type Personnalisation } from '../personnalisation/personnalisation.js';
import type { Referentiel } from '../referentiel/model.js';
import { type ResultatPreuve, evaluateRegleDePreuve } from '../regles-preuve/evaluate-regle-preuve.js';
import type { RegleDePreuve } from '../regles-preuve/regle-preuve.js';
import { type Scores, computeScoresByIndex } from '../score/compute-scores.js';
import type { StatutsById } from '../score/statuts-by-id.js';
import type { Consequences } from '../score/consequences.js';
import type { Constat } from '../score/constat.js';
import { type ActionStatut, TRIPLE_FAIT, TRIPLE_PAS_FAIT, statutLabel } from '../score/statut.js';

/** Everything that does not change from one dossier to the next: load it once, score many. */
export interface EvaluationContext {
  referentiel: Referentiel;
  personnalisation?: Personnalisation;
  reglesPreuve?: readonly RegleDePreuve[];
  etoiles?: EtoilesConfig;
}

export interface Evaluation {
  referentiel: Referentiel;
  dossier: Dossier;
  identite: Identite;
  reponses: ReadonlyMap<string, ReponseValue>;
  /** Statuts by action id: the dossier's, and those evidence rules proposed. */
  statuts: ReadonlyMap<string, ActionStatut>;
  /** The statuts an evidence rule proposed (every other statut comes from the dossier). */
  statutsProposes: Set<string>;
  /** What the personalisation rules did, as the scoring core consumed it. */
  consequences: Consequences;
  result: Scores;
  etoiles: EtoilesResult;
  /** Shared between dossiers of the same profile, and frozen. */
  regles: readonly ExplicationRegle[];
  preuves: ResultatPreuve[];
  constats: Constat[];
}

export function identiteOf(dossier: Dossier): Identite {
  const c = dossier.collectivite ?? {};
  const identite: Identite = {};
  if (c.type) identite.type = c.type;
  if (c.population !== undefined) identite.population = c.population;
  if (c.localisation) identite.localisation = c.localisation;
  return identite;
}

export function evaluateDossier(ctx: EvaluationContext, dossier: Dossier): Evaluation {
  const { referentiel } = ctx;
  const { statuts, statutsHorsArbre, reponses, constats } = dossierInputs(referentiel, dossier);
  const statutsProposes = new Set<string>();
  if (dossier.referentiel !== undefined && dossier.referentiel !== referentiel.id) {
    constats.unshift({
      code: 'referentiel-different',
      severity: 'warning',
      actionId: null,
      message: `Dossier établi pour le référentiel « ${dossier.referentiel} », évalué avec « ${referentiel.id} »`,
      pointer: '/referentiel',
    });
  }
  const identite = identiteOf(dossier);
  // Remembered per profile: dossiers of a batch share the few profiles the rules can tell apart.
  const perso = evaluatePersonnalisationMemo(ctx.personnalisation ?? EMPTY_PERSONNALISATION, identite, reponses);
  const preuves = applyReglesPreuve(ctx, dossier, identite, reponses, statuts, statutsProposes, constats);
  // Statuts proposed by evidence rules are already in the index the engine reads (statuts.set).
  for (const id of statutsProposes) if (statuts.horsArbre.has(id)) statutsHorsArbre.push(id);
  const result = computeScoresByIndex(referentiel, statuts.index, statutsHorsArbre, perso.consequences);
  for (const c of constatsPersonnalisation(perso, result)) constats.push(c);
  const etoiles = computeEtoiles(result, statuts, ctx.etoiles ?? etoilesConfigFor(referentiel.id));
  return { referentiel, dossier, identite, reponses, statuts, statutsProposes, consequences: perso.consequences, result, etoiles, regles: perso.explications, preuves, constats };
}

/**
 * Evidence rules propose a statut when the dossier declares none, and raise a constat when a
 * declared statut contradicts the evidence; a declared statut always stands.
 */
function applyReglesPreuve(
  ctx: EvaluationContext,
  dossier: Dossier,
  identite: Identite,
  reponses: ReadonlyMap<string, ReponseValue>,
  statuts: StatutsById,
  statutsProposes: Set<string>,
  constats: Constat[],
): ResultatPreuve[] {
  const out: ResultatPreuve[] = [];
  const preuves = (dossier.preuves ?? {}) as Record<string, unknown>;
  for (const regle of ctx.reglesPreuve ?? []) {
    const actionId = resolveActionId(ctx.referentiel, regle.actionId);
    if (actionId === null || !Array.isArray(preuves[regle.preuve])) continue;
    if (!dossier.date) {
      constats.push({
        code: 'preuve-date-manquante',
        severity: 'warning',
        actionId,
        message: `Preuves « ${regle.preuve} » non évaluées pour ${actionId} : le dossier n'a pas de date, attendu "date": "AAAA-MM-JJ"`,
        pointer: '/date',
      });
      continue;
    }
    const r = evaluateRegleDePreuve(regle, { date: dossier.date, preuves, identite, reponses });
    if (!r) continue;
    out.push(r);
    const declared = statuts.get(actionId);
    const label = statutLabel(declared);
    const bilan = `${r.compte} élément(s) « ${regle.preuve} » retenu(s)${r.depuis ? ` depuis le ${r.depuis}` : ''}, seuil ${r.seuil.toFraction()}`;
    if (!declared) {
      statuts.set(actionId, { concerne: true, avancement: r.rempli ? TRIPLE_FAIT : TRIPLE_PAS_FAIT });
      statutsProposes.add(actionId);
      constats.push({
        code: 'statut-propose-par-preuve',
        severity: 'info',
        actionId,
        message: `${actionId} : statut « ${r.rempli ? 'fait' : 'pas_fait'} » déduit des preuves (${bilan})`,
      });
    } else if ((label === 'fait' && !r.rempli) || (label === 'pas_fait' && r.rempli)) {
      constats.push({
        code: 'preuve-contredit-statut',
        severity: 'warning',
        actionId,
        message: `${actionId} : statut déclaré « ${label} » contredit par les preuves (${bilan} : critère ${r.rempli ? 'rempli' : 'non rempli'}) ; le statut déclaré est conservé`,
        pointer: `/statuts/${statutKeyOf(ctx, dossier, actionId)}`,
      });
    }
  }
  return out;
}

/** The key the dossier used for an action's statut (`6.1.1.3.5` or `cae_6.1.1.3.5`), for pointers. */
function statutKeyOf(ctx: EvaluationContext, dossier: Dossier, actionId: string): string {
  const key = Object.keys(dossier.statuts ?? {}).find((k) => resolveActionId(ctx.referentiel, k) === actionId) ?? actionId;
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Where an action's statut came from: the dossier, an evidence rule, or nowhere. */
export function statutSource(ev: Evaluation, actionId: string): 'dossier' | 'preuve' | null {
  if (ev.statutsProposes.has(actionId)) return 'preuve';
  return ev.statuts.has(actionId) ? 'dossier' : null;
}
