/**
 * Labellisation readiness: the conditions of a request as the platform checks them (TeT HEAD
 * `areAuditPrerequisitesMet`, see demande-labellisation.ts), each one met or not, and the verdict
 * « étoile demandable : N » or « aucune » with the reasons. The étoile the score reaches is what
 * the score allows; what may be requested also needs every tâche renseignée and every action
 * criterion of the target étoile met, so the two are always said apart.
 */
import type { Rational } from '../exact/rational.js';
import type { CritereEvalue, EtoilesResult } from './compute-etoiles.js';
import { REFUS_DEMANDE_LABELS, type RefusDemande, verdictDemande } from './demande-labellisation.js';

export type CodeCondition = 'completude' | 'score' | 'critere';

export interface ConditionLabellisation {
  code: CodeCondition;
  /** French, one line: what is required. */
  libelle: string;
  rempli: boolean;
  /** The action of a criterion, and the node its ratios were read on (its parent sous-action carrying a statut). */
  actionId: string | null;
  jugeSur: string | null;
  /** What was measured: `1 111 / 1 111 tâches`, `55,28 % fait (minimum 50 %)`. */
  constat: string;
}

export interface EtatLabellisation {
  /** The étoile the global score reaches (what the score allows to request). */
  etoileScore: number;
  /** The étoile the criteria are judged for (HEAD getEtoileCible). */
  etoileCible: number;
  /** The highest étoile that may be requested now, or null. */
  etoileDemandable: number | null;
  /** `étoile demandable : 3` or `étoile demandable : aucune`. */
  verdict: string;
  /** Why nothing may be requested (empty when an étoile may be). */
  raisons: string[];
  conditions: ConditionLabellisation[];
}

export interface CompteTaches {
  renseignees: number;
  total: number;
}

/** `0.5528` → `55,28 %`: the étoiles module has no report formatting, and the message needs one. */
const pct = (r: Rational): string => `${(Math.round(r.toNumber() * 10000) / 100).toFixed(2).replace('.', ',')} %`;

export function etatLabellisation(e: EtoilesResult, taches: CompteTaches): EtatLabellisation {
  const conditions: ConditionLabellisation[] = [
    {
      code: 'completude',
      libelle: 'toutes les tâches sont renseignées',
      rempli: e.complet,
      actionId: null,
      jugeSur: null,
      constat: `${taches.renseignees} / ${taches.total} tâches renseignées`,
    },
    {
      code: 'score',
      libelle: `score minimum de l'étoile visée (${e.critereScore.etoile}) : ${pct(e.critereScore.seuil)} fait`,
      rempli: e.critereScore.atteint,
      actionId: null,
      jugeSur: null,
      constat: `${pct(e.ratioFait)} fait, le score permet l'étoile ${e.etoile}`,
    },
    ...e.criteres.filter((c) => c.etat !== 'non_applicable').map(conditionCritere),
  ];
  const verdict = verdictDemande(e, e.etoile);
  const raisons = verdict.demandable ? [] : raisonsRefus(verdict.raison, e);
  return {
    etoileScore: e.etoile,
    etoileCible: e.etoileCible,
    etoileDemandable: e.etoileDemandable,
    verdict: `étoile demandable : ${e.etoileDemandable ?? 'aucune'}`,
    raisons,
    conditions,
  };
}

function conditionCritere(c: CritereEvalue): ConditionLabellisation {
  const fp = c.minFaitProgramme === null ? '' : ` ou ${c.minFaitProgramme} % fait + programmé`;
  const mesure = [`${c.ratioFait ? pct(c.ratioFait) : '—'} fait`];
  if (c.minFaitProgramme !== null) mesure.push(`${c.ratioFaitProgramme ? pct(c.ratioFaitProgramme) : '—'} fait + programmé`);
  return {
    code: 'critere',
    libelle: `critère de l'étoile ${c.etoile} : ${c.label} — au moins ${c.minFait} % fait${fp}`,
    rempli: c.etat === 'rempli',
    actionId: c.actionId,
    jugeSur: c.jugeSur,
    constat: mesure.join(', '),
  };
}

/** Every reason that blocks the request, the first (HEAD's order) first. */
function raisonsRefus(first: RefusDemande, e: EtoilesResult): string[] {
  const out = [REFUS_DEMANDE_LABELS[first]];
  if (first === 'referentiel-incomplet' && e.criteresNonRemplis.length > 0) out.push(REFUS_DEMANDE_LABELS['criteres-non-remplis']);
  return out;
}
