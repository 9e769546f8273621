/**
 * The projection of a collectivité's CAE and/or ECI evaluations onto the TE référentiel (issue 17):
 * each TE sous-action and tâche with origins receives the statut HEAD's switch-to-TE would give it
 * (`merge-statuts.ts`), and the answers of questions TE asks too are carried. Pure: the TE context
 * and the source evaluations in, the TE dossier and what could not be carried out.
 */
import type { Dossier, StatutSaisi } from '../dossier/dossier-schema.js';
import { type Evaluation, type EvaluationContext, evaluateDossier } from '../evaluation/evaluate-dossier.js';
import type { ActionNode } from '../referentiel/model.js';
import type { ActionScore } from '../score/action-score.js';
import type { MapView } from '../score/map-view.js';
import { type StatutDerive, type ScoreOrigine, pointsProjetes, statutDeLaProjection } from './merge-statuts.js';
import { type OrigineRef, originesOfNode } from './origine.js';

/** Why a TE action did not receive a statut from its origins (stable codes). */
export type CodeNonReporte = 'cible-non-concernee' | 'aucune-origine-concernee' | 'origines-non-renseignees' | 'sans-origine';

export interface OrigineEcartee {
  actionId: string;
  raison: 'referentiel-absent' | 'action-inconnue' | 'non-concernee';
}

export interface StatutReporte {
  actionId: string;
  identifiant: string;
  statut: StatutDerive;
  /** The origins read (scored and concernées). */
  origines: OrigineRef[];
}

export interface ActionNonReportee {
  actionId: string;
  identifiant: string;
  code: CodeNonReporte;
  message: string;
  /** The statut written anyway, as HEAD writes it (`non_concerne`, `non_renseigne`), or null. */
  statutEcrit: StatutDerive['statut'] | null;
  originesEcartees: OrigineEcartee[];
}

export interface Projection {
  dossier: Dossier;
  reportes: StatutReporte[];
  nonReportees: ActionNonReportee[];
  /** Answers not carried: TE asks no such question. */
  reponsesNonReprises: string[];
}

function statutSaisi(s: StatutDerive): StatutSaisi {
  if (s.statut !== 'detaille') return s.statut;
  return { fait: s.triplet.fait.toNumber(), programme: s.triplet.programme.toNumber(), pas_fait: s.triplet.pasFait.toNumber() };
}

function baseDossier(te: EvaluationContext, sources: readonly Evaluation[]): { dossier: Dossier; reponsesNonReprises: string[] } {
  const first = sources[0]?.dossier;
  const dossier: Dossier = { referentiel: te.referentiel.id };
  if (first?.date !== undefined) dossier.date = first.date;
  if (first?.collectivite !== undefined) dossier.collectivite = { ...first.collectivite };
  const questions = te.personnalisation?.questions;
  const reponses: NonNullable<Dossier['reponses']> = {};
  const nonReprises: string[] = [];
  for (const ev of sources) {
    for (const [q, v] of Object.entries(ev.dossier.reponses ?? {})) {
      if (q in reponses) continue;
      if (questions?.has(q)) reponses[q] = v;
      else if (!nonReprises.includes(q)) nonReprises.push(q);
    }
  }
  if (Object.keys(reponses).length > 0) dossier.reponses = reponses;
  return { dossier, reponsesNonReprises: nonReprises };
}

function label(n: ActionNode): string {
  return n.identifiant;
}

/**
 * Projects the source evaluations (one per référentiel: `cae`, `eci`) onto TE. The TE dossier
 * is first scored without statuts, with the carried answers, for each TE action's potentiel and
 * concerné flag (HEAD reads them from the TE scores before the switch).
 *
 * @example
 * const projection = projeterVersTe(teContext, [evaluateDossier(caeContext, dossierCae)]);
 */
export function projeterVersTe(te: EvaluationContext, sources: readonly Evaluation[]): Projection {
  const { dossier, reponsesNonReprises } = baseDossier(te, sources);
  const avant = evaluateDossier(te, dossier).result.scores;
  const scoresParReferentiel = new Map<string, MapView<ActionScore>>();
  for (const ev of sources) if (!scoresParReferentiel.has(ev.referentiel.id)) scoresParReferentiel.set(ev.referentiel.id, ev.result.scores);

  const statuts: Record<string, StatutSaisi> = {};
  const reportes: StatutReporte[] = [];
  const nonReportees: ActionNonReportee[] = [];
  for (const node of te.referentiel.actions.values()) {
    if (node.type !== 'sous-action' && node.type !== 'tache') continue;
    const origines = originesOfNode(node);
    if (origines.kind === 'texte') {
      nonReportees.push({ actionId: node.id, identifiant: label(node), code: 'sans-origine', message: `${label(node)} : aucune action CAE/ECI d'origine (« ${origines.texte} »), statut à saisir`, statutEcrit: null, originesEcartees: [] });
      continue;
    }
    if (origines.kind === 'aucune') continue;
    const teScore = avant.get(node.id);
    let statut: StatutDerive;
    const ecartees: OrigineEcartee[] = [];
    const gardees: { ref: OrigineRef; score: ScoreOrigine }[] = [];
    if (teScore !== undefined && !teScore.concerne) {
      statut = { statut: 'non_concerne' };
    } else {
      for (const ref of origines.origines) {
        const table = scoresParReferentiel.get(ref.referentiel);
        const s = table?.get(ref.actionId);
        if (!table) ecartees.push({ actionId: ref.actionId, raison: 'referentiel-absent' });
        else if (!s) ecartees.push({ actionId: ref.actionId, raison: 'action-inconnue' });
        else if (!s.concerne) ecartees.push({ actionId: ref.actionId, raison: 'non-concernee' });
        else gardees.push({ ref, score: { ...s, ponderation: ref.ponderation } });
      }
      const potentiel = teScore?.pointPotentiel ?? node.points;
      const points = pointsProjetes(gardees.map((g) => g.score), potentiel);
      statut = statutDeLaProjection({ ...points, originesConcernees: gardees.length });
    }
    statuts[node.identifiant] = statutSaisi(statut);
    const origRefs = gardees.map((g) => g.ref);
    if (teScore !== undefined && !teScore.concerne) {
      nonReportees.push({ actionId: node.id, identifiant: label(node), code: 'cible-non-concernee', message: `${label(node)} : non concernée en TE (désactivée par la personnalisation), mise non concernée quel que soit le statut d'origine`, statutEcrit: 'non_concerne', originesEcartees: [] });
    } else if (gardees.length === 0) {
      const pourquoi = ecartees.map((e) => `${e.actionId} ${e.raison === 'referentiel-absent' ? 'sans dossier' : e.raison === 'action-inconnue' ? 'inconnue' : 'non concernée'}`).join(', ');
      nonReportees.push({ actionId: node.id, identifiant: label(node), code: 'aucune-origine-concernee', message: `${label(node)} : aucune origine notée et concernée (${pourquoi}), mise non concernée comme le fait TeT`, statutEcrit: 'non_concerne', originesEcartees: ecartees });
    } else if (statut.statut === 'non_renseigne') {
      nonReportees.push({ actionId: node.id, identifiant: label(node), code: 'origines-non-renseignees', message: `${label(node)} : origines sans avancement (${origRefs.map((o) => o.actionId).join(', ')}), mise non renseignée`, statutEcrit: 'non_renseigne', originesEcartees: ecartees });
    } else {
      reportes.push({ actionId: node.id, identifiant: node.identifiant, statut, origines: origRefs });
    }
  }
  if (Object.keys(statuts).length > 0) dossier.statuts = statuts;
  return { dossier, reportes, nonReportees, reponsesNonReprises };
}
