/**
 * The evaluation document, as `cae score --format json` prints it and as every report renders it.
 * Points are rounded to 3 decimals, ratios to 4 (see score-json.ts); everything else is exact.
 */
import type { ConditionLabellisationCode } from '../codes.js';
import type { Collectivite } from '../dossier/dossier-schema.js';
import type { CritereEvalue, EtoilesResult } from '../etoiles/compute-etoiles.js';
import type { Constat } from '../score/constat.js';
import { type ActionScoreJson, pt, ratio } from '../score/score-json.js';

/**
 * The `format` of an evaluation document (`label-cae/evaluation@1`, `cae score --format json`).
 *
 * @example
 * if (doc.format === EVALUATION_FORMAT) console.log(doc.etoile.etoile);
 */
export const EVALUATION_FORMAT = 'label-cae/evaluation@1';

export interface CritereJson {
  etoile: number;
  actionId: string;
  label: string;
  minFait: number;
  minFaitProgramme: number | null;
  etat: CritereEvalue['etat'];
  ratioFait: number | null;
  ratioFaitProgramme: number | null;
  jugeSur: string | null;
}

export interface EtoileJson {
  /** Étoile reached by the global score (1–5). */
  etoile: number;
  label: string;
  ratioFait: number;
  pointFait: number;
  pointPotentiel: number;
  prochaine: { etoile: number; label: string; seuil: number; pointsFaitManquants: number } | null;
  complet: boolean;
  /** Criteria of `etoileCible` (of `etoile` when the dossier gives no label). */
  criteres: CritereJson[];
  criteresNonRemplis: CritereJson[];
  /** The label the dossier says the collectivité holds, and the étoile after it. */
  labellisation: { etoile: number; date: string | null; prochaine: number | null } | null;
  /** The étoile aimed at: max(label, the étoile after it, `etoile`, 1), as TeT HEAD. */
  etoileCible: number;
  /** The target's global criterion: fait ÷ potentiel ≥ its threshold (`seuil` rounded to 4 places, compared exactly). */
  critereScore: { etoile: number; seuil: number; atteint: boolean };
  /** The highest étoile a labellisation may be requested for, or null (incomplete, or a criterion unmet). */
  etoileDemandable: number | null;
  /** The global and every action criterion of the target are met (HEAD's `rempli`, without the commitment file). */
  rempli: boolean;
}

/** Why a node has its numbers (rendered by `cae explain`). */
export interface ExplicationJson {
  regles: {
    type: 'desactivation' | 'reduction' | 'score';
    formule: string;
    source: string | null;
    valeur: boolean | number | string | null;
    lu: string[];
    manquant: string[];
    /** The action the rule is on: the node itself or an ancestor whose rule reaches it. */
    surAction: string;
    /** Whether the rule changed anything (a false désactivation or a factor of 1 does not). */
    effective: boolean;
    /** The branch of `si … sinon si … sinon` that gave the value: its rank and condition. */
    branche: { rang: number; condition: string | null } | null;
  }[];
  /** The values of the inputs the rules read (`identite.population`, `reponse.AOM_1`). */
  entrees: Record<string, boolean | number | string | null>;
  /** Answers these rules would read that were dropped: their question is not asked of this collectivité. */
  reponsesIgnorees: { question: string; raison: 'type-non-concerne' | 'question-non-visible'; message: string }[];
  /** Product of the reduction factors on the node and its ancestors. */
  facteur: number;
  /** Points received (> 0) or given away (< 0) by redistribution. */
  redistribution: number;
  statut: string | null;
  statutSource: 'dossier' | 'preuve' | null;
  scoreOverride: { ratioAvant: number; ratioApres: number; facteur: number } | null;
  preuve: { critere: string; compte: number; seuil: number; rempli: boolean; elements: string[] } | null;
  /** The indicative-score formula and the values it read, when the node's score has `scoreIndicatif`. */
  scoreIndicatif?: {
    formule: string;
    source: string;
    /** Values of the inputs read (`indicateur.cae_7` is the result for fait, the objective for programmé). */
    entreesFait: Record<string, boolean | number | string | null>;
    entreesProgramme: Record<string, boolean | number | string | null>;
  };
  /**
   * TE's alternative mesures (`1.1.1`, `1.1.1alter`…), on the node and its descendants: which of
   * the group count (concernée, not désactivée) in this dossier. Absent outside such groups.
   */
  alternatives?: { groupe: string[]; retenues: string[]; message: string };
}

export interface EvaluationJson {
  format: typeof EVALUATION_FORMAT;
  referentiel: string;
  date: string | null;
  collectivite: Collectivite;
  etoile: EtoileJson;
  scores: Record<string, ActionScoreJson>;
  constats: Constat[];
  /**
   * The score per label (`labels: [te_cae, te_eci]` on TE's actions), as HEAD's `scoresTag`: a
   * labelled action gives its whole score, an unlabelled one the sum of its children's share.
   * Absent when the référentiel has no labels (CAE, ECI).
   */
  scoresLabel?: Record<string, ScoreLabelJson>;
  /** Can a labellisation be requested, and what blocks it (docs/reports.md). Absent from documents written before it. */
  labellisation?: LabellisationJson;
  /** The declared statut of every node that has one, by action id (own, from evidence, or from an ancestor). */
  statuts?: Record<string, StatutDeclareJson>;
  /** The answers and what the personalisation rules did with them. */
  personnalisation?: PersonnalisationJson;
  explications?: Record<string, ExplicationJson>;
}

/** The readiness of a labellisation request (src/etoiles/etat-labellisation.ts). */
export interface LabellisationJson {
  /** The étoile the global score reaches. */
  etoileScore: number;
  etoileCible: number;
  /** The highest étoile that may be requested now, or null. */
  etoileDemandable: number | null;
  /** `étoile demandable : 3` or `étoile demandable : aucune`. */
  verdict: string;
  raisons: string[];
  conditions: {
    code: ConditionLabellisationCode;
    libelle: string;
    rempli: boolean;
    actionId: string | null;
    jugeSur: string | null;
    constat: string;
  }[];
}

export interface StatutDeclareJson {
  statut: 'fait' | 'programme' | 'pas_fait' | 'non_concerne' | 'non_renseigne' | 'detaille';
  /** `parent`: the node has no statut of its own, an ancestor's (`porteur`) covers it. */
  source: 'dossier' | 'preuve' | 'parent';
  porteur: string;
  /** The fractions (ratios, 4 decimals) of a renseigné statut; null when non concerné or non renseigné. */
  avancement: { fait: number; programme: number; pasFait: number } | null;
}

export interface ReponseJson {
  question: string;
  /** The question's theme: its identifiant without the number (`dechets_2` → `dechets`). */
  theme: string;
  valeur: boolean | number | string | null;
  /** False when the answer was ignored (see `reponsesIgnorees`). */
  retenue: boolean;
}

export interface PersonnalisationJson {
  /** Sorted by theme, then question. */
  reponses: ReponseJson[];
  reponsesIgnorees: { question: string; raison: 'type-non-concerne' | 'question-non-visible'; message: string }[];
  /** One entry per rule that changed something. */
  actions: {
    actionId: string;
    effet: 'desactivation' | 'reduction' | 'score';
    /** Référentiel points, then the personalised potentiel (0 when désactivé). */
    pointAvant: number;
    pointApres: number;
    facteur: number | null;
    /** A score rule caps fait ÷ potentiel: before and after. */
    ratioFaitAvant: number | null;
    ratioFaitApres: number | null;
    /** `cae_6.md:8:1`. */
    regle: string;
    /** Questions and identity fields the rule read. */
    reponses: string[];
    identite: string[];
  }[];
}

export interface ScoreLabelJson {
  pointReferentiel: number;
  pointPotentiel: number;
  pointFait: number;
  pointProgramme: number;
  pointPasFait: number;
  pointNonRenseigne: number;
  /** fait ÷ potentiel of the label, exact then rounded to 4 decimals; 0 when the potentiel is 0. */
  ratioFait: number;
}

export function critereToJson(c: CritereEvalue): CritereJson {
  return {
    etoile: c.etoile,
    actionId: c.actionId,
    label: c.label,
    minFait: c.minFait,
    minFaitProgramme: c.minFaitProgramme,
    etat: c.etat,
    ratioFait: c.ratioFait ? ratio(c.ratioFait) : null,
    ratioFaitProgramme: c.ratioFaitProgramme ? ratio(c.ratioFaitProgramme) : null,
    jugeSur: c.jugeSur,
  };
}

export function etoilesToJson(e: EtoilesResult, pointFait: number, pointPotentiel: number): EtoileJson {
  return {
    etoile: e.etoile,
    label: e.label,
    ratioFait: ratio(e.ratioFait),
    pointFait,
    pointPotentiel,
    prochaine: e.prochaine
      ? { etoile: e.prochaine.etoile, label: e.prochaine.label, seuil: ratio(e.prochaine.seuil), pointsFaitManquants: pt(e.prochaine.pointsFaitManquants) }
      : null,
    complet: e.complet,
    criteres: e.criteres.map(critereToJson),
    criteresNonRemplis: e.criteresNonRemplis.map(critereToJson),
    labellisation: e.labellisation ? { ...e.labellisation } : null,
    etoileCible: e.etoileCible,
    critereScore: { etoile: e.critereScore.etoile, seuil: ratio(e.critereScore.seuil), atteint: e.critereScore.atteint },
    etoileDemandable: e.etoileDemandable,
    rempli: e.rempli,
  };
}
