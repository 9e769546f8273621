/**
 * The evaluation as the JSON document of `cae score --format json` (EvaluationJson). Deterministic:
 * the same input gives byte-identical output (scores in référentiel depth-first order).
 */
import { Rational } from '../exact/rational.js';
import { printFormule } from '../formule/printer.js';
import { alternativeGroup } from '../referentiel/alternatives.js';
import { selfAndAncestors } from '../referentiel/ancestors.js';
import { type ActionScoreJson, type ScoreIndicatifResultatJson, actionScoreToJson, pt, ratio } from '../score/score-json.js';
import type { ResultatScoreIndicatif } from './score-indicatif.js';
import { statutLabel } from '../score/statut.js';
import { type Evaluation, statutSource } from './evaluate-dossier.js';
import { EVALUATION_FORMAT, type EvaluationJson, type ExplicationJson, type ScoreLabelJson, etoilesToJson } from './evaluation-document.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import { type Niveau, keepsAction, nodesOfNiveau } from './niveau.js';
import { etatLabellisation } from '../etoiles/etat-labellisation.js';
import { personnalisationAppliquee } from './personnalisation-appliquee.js';
import { statutsDeclaresAt } from './statuts-declares.js';

export interface ToJsonOptions {
  /** Add `explications` for every node (or for the given ids). */
  explain?: boolean | readonly string[];
  /** Level of detail of `scores` (and `statuts`, `explications`): `tache`, the default, keeps every node. */
  niveau?: Niveau;
}

/** The evaluation document with another value in place of `scores` (serialisers put a marker there). */
export type EvaluationDocumentWith<S> = Omit<EvaluationJson, 'scores'> & { scores: S };

/**
 * An evaluation → the `label-cae/evaluation@1` document of `cae score --format json`: points rounded
 * to 3 decimals and ratios to 4 (only here), scores in référentiel order, byte-identical for the
 * same input. `explain` adds every node's explanation (or those of the ids given). Never throws.
 *
 * @example
 * const doc = evaluationToJson(evaluateDossier(context, dossier), { explain: ['cae_6.1.1'] });
 */
export function evaluationToJson(ev: Evaluation, options: ToJsonOptions = {}): EvaluationJson {
  const scores: EvaluationJson['scores'] = {};
  if ((options.niveau ?? 'tache') === 'tache') for (const [id, s] of ev.result.scores) scores[id] = actionScoreToJson(s);
  else {
    for (const i of nodesOfNiveau(ev.referentiel, options.niveau!)) {
      const s = ev.result.scores.at(i);
      scores[s.actionId] = actionScoreToJson(s);
    }
  }
  for (const id of ev.scoresIndicatifs.keys()) addScoreIndicatif(ev, id, scores[id]);
  return evaluationDocumentWith(ev, scores, options);
}

/** Values the serialisers put in place of sections they write themselves (markers). */
export interface SectionsWith {
  statuts?: unknown;
}

/**
 * Every part of the evaluation document but the per-node scores, with `scores` in its place: the
 * one definition of the document's keys and their order, for evaluationToJson and the serialisers
 * (which may put markers in place of other sections: `sections`).
 */
export function evaluationDocumentWith<S>(ev: Evaluation, scores: S, options: ToJsonOptions = {}, sections: SectionsWith = {}): EvaluationDocumentWith<S> {
  const root = ev.result.scores.get(ev.referentiel.root.id)!;
  const doc: EvaluationDocumentWith<S> = {
    format: EVALUATION_FORMAT,
    referentiel: ev.referentiel.id,
    date: ev.dossier.date ?? null,
    collectivite: ev.dossier.collectivite ?? {},
    etoile: etoilesToJson(ev.etoiles, pt(root.pointFait), pt(root.pointPotentiel)),
    scores,
    constats: ev.constats,
  };
  const labels = scoresParLabel(ev);
  if (labels) doc.scoresLabel = labels;
  doc.labellisation = etatLabellisation(ev.etoiles, { renseignees: root.completedTachesCount, total: root.totalTachesCount });
  const niveau = options.niveau ?? 'tache';
  // A level of detail keeps the statuts of its nodes only: at `mesure` they were most of a line.
  if (sections.statuts !== undefined) doc.statuts = sections.statuts as EvaluationJson['statuts'];
  else doc.statuts = statutsDeclaresAt(ev, niveau);
  doc.personnalisation = personnalisationAppliquee(ev);
  if (options.explain) {
    const ids = (options.explain === true ? [...ev.result.scores.keys()] : options.explain).filter((id) => keepsAction(ev.referentiel, niveau, id));
    doc.explications = {};
    for (const id of ids) {
      const e = explainAction(ev, id);
      if (e) doc.explications[id] = e;
    }
  }
  return doc;
}

/**
 * Why an action has its numbers: rules on it and its ancestors, redistribution, statut, override, evidence.
 *
 * @example
 * const explication = explainAction(ev, 'cae_6.1.1.3'); // rules, redistribution, statut used…
 */
export function explainAction(ev: Evaluation, actionId: string): ExplicationJson | null {
  const node = ev.referentiel.actions.get(actionId);
  if (!node) return null;
  const chain = [...selfAndAncestors(ev.referentiel, actionId)];
  const regles = ev.regles
    .filter((r) => chain.includes(r.actionId))
    .map((r) => ({
      type: r.type,
      formule: r.formule,
      source: r.source,
      valeur: r.valeur instanceof Rational ? r.valeur.round(6) : r.valeur,
      lu: r.lu,
      manquant: r.manquant,
      surAction: r.actionId,
      effective: r.effective,
      branche: r.branche ? { rang: r.branche.index, condition: r.branche.condition ? printFormule(r.branche.condition) : null } : null,
    }));
  const entrees: ExplicationJson['entrees'] = {};
  for (const r of regles) for (const key of r.lu) entrees[key] = inputValue(ev, key);
  const questionsLues = new Set(regles.flatMap((r) => [...r.lu, ...r.manquant]).filter((k) => k.startsWith('reponse.')).map((k) => k.slice('reponse.'.length)));
  const reponsesIgnorees = ev.reponsesIgnorees.filter((i) => questionsLues.has(i.questionId)).map((i) => ({ question: i.questionId, raison: i.raison, message: i.message }));
  let facteur = Rational.ONE;
  for (const r of ev.regles) if (r.type === 'reduction' && chain.includes(r.actionId) && r.valeur instanceof Rational) facteur = facteur.mul(r.valeur);
  const override = ev.result.overrides.find((o) => o.actionId === actionId);
  const preuve = ev.preuves.find((p) => p.actionId === actionId);
  const alternatives = explainAlternatives(ev, chain);
  const explication: ExplicationJson = {
    regles,
    entrees,
    reponsesIgnorees,
    facteur: facteur.round(6),
    redistribution: pt(ev.result.redistribution.get(actionId) ?? Rational.ZERO),
    statut: statutLabel(ev.statuts.get(actionId)),
    statutSource: statutSource(ev, actionId),
    scoreOverride: override ? { ratioAvant: ratio(override.ratioAvant), ratioApres: ratio(override.ratioApres), facteur: ratio(override.facteur) } : null,
    preuve: preuve
      ? { critere: `au moins ${preuve.seuil.toFraction()}`, compte: preuve.compte, seuil: preuve.seuil.toNumber(), rempli: preuve.rempli, elements: preuve.elements }
      : null,
    ...(alternatives ? { alternatives } : {}),
  };
  const si = ev.scoresIndicatifs.get(actionId);
  if (si) {
    const entrees = (r: ResultatScoreIndicatif, champ: 'resultat' | 'objectif'): Record<string, boolean | number | string | null> =>
      Object.fromEntries(r.lu.map((key) => [key, inputValue(ev, key, champ)]));
    explication.scoreIndicatif = { formule: si.formule, source: si.source, entreesFait: entrees(si.fait, 'resultat'), entreesProgramme: entrees(si.programme, 'objectif') };
  }
  return explication;
}

/**
 * A node's score as the evaluation document gives it: the points, and its indicative score when it has one.
 *
 * @example
 * const score = actionScoreJsonOf(ev, 'cae_6.1.1'); // { pointFait: 3.561, … } or null
 */
export function actionScoreJsonOf(ev: Evaluation, actionId: string): ActionScoreJson | null {
  const s = ev.result.scores.get(actionId);
  if (!s) return null;
  const json = actionScoreToJson(s);
  addScoreIndicatif(ev, actionId, json);
  return json;
}

function addScoreIndicatif(ev: Evaluation, actionId: string, json: ActionScoreJson | undefined): void {
  const si = ev.scoresIndicatifs.get(actionId);
  if (si && json) json.scoreIndicatif = { fait: resultatJson(si.fait), programme: resultatJson(si.programme) };
}

function resultatJson(r: ResultatScoreIndicatif): ScoreIndicatifResultatJson {
  return { ratio: r.score ? ratio(r.score) : null, exact: r.score ? r.score.toFraction() : null, lu: r.lu, manquant: r.manquant };
}

const FIELDS = ['pointReferentiel', 'pointPotentiel', 'pointFait', 'pointProgramme', 'pointPasFait', 'pointNonRenseigne'] as const;
type Sums = Record<(typeof FIELDS)[number], Rational>;

/** An action's labels: the `labels` list of its YAML (kept in `extra`). */
function labelsOf(node: ActionNode): string[] {
  const l = node.extra.labels;
  return Array.isArray(l) ? l.filter((x): x is string => typeof x === 'string') : [];
}

const labelsParReferentiel = new WeakMap<Referentiel, readonly string[]>();

/** The labels the référentiel's actions carry, sorted: found once per référentiel, not per dossier. */
function labelsDuReferentiel(referentiel: Referentiel): readonly string[] {
  let labels = labelsParReferentiel.get(referentiel);
  if (!labels) {
    const all = new Set<string>();
    for (const n of referentiel.actions.values()) for (const l of labelsOf(n)) all.add(l);
    labels = [...all].sort();
    labelsParReferentiel.set(referentiel, labels);
  }
  return labels;
}

/**
 * HEAD's `scoresTag` at the root, exactly: a node with the label counts its whole score, a node
 * without it the sum of its children's (HEAD's `affectScoreRecursivelyFromOrigineActions`).
 */
export function scoresParLabel(ev: Evaluation): Record<string, ScoreLabelJson> | null {
  const all = labelsDuReferentiel(ev.referentiel);
  if (all.length === 0) return null;
  const out: Record<string, ScoreLabelJson> = {};
  for (const label of all) {
    const sums = Object.fromEntries(FIELDS.map((f) => [f, Rational.ZERO])) as Sums;
    const visit = (n: ActionNode): void => {
      if (labelsOf(n).includes(label)) {
        const s = ev.result.scores.get(n.id)!;
        for (const f of FIELDS) sums[f] = sums[f].add(s[f]);
        return;
      }
      for (const c of n.children) visit(c);
    };
    visit(ev.referentiel.root);
    const points = Object.fromEntries(FIELDS.map((f) => [f, pt(sums[f])])) as unknown as ScoreLabelJson;
    // The ratio from the exact sums, rounded once (not from the rounded points).
    points.ratioFait = sums.pointPotentiel.isZero() ? 0 : ratio(sums.pointFait.div(sums.pointPotentiel));
    out[label] = points;
  }
  return out;
}

/** The alternative group of the node or its nearest ancestor that has one, and which count here. */
function explainAlternatives(ev: Evaluation, chain: readonly string[]): ExplicationJson['alternatives'] | null {
  for (const id of chain) {
    const node = ev.referentiel.actions.get(id);
    const group = node ? alternativeGroup(ev.referentiel, node) : null;
    if (!group) continue;
    const ids = group.map((g) => g.id);
    const retenues = ids.filter((g) => {
      const s = ev.result.scores.get(g);
      return s !== undefined && s.concerne && !s.desactive;
    });
    const ecartees = ids.filter((g) => !retenues.includes(g));
    const why = (g: string): string => (ev.result.scores.get(g)?.desactive ? `${g} désactivée par sa règle` : `${g} non concernée`);
    const message =
      retenues.length === 1
        ? `${retenues[0]} retenue parmi ${ids.join(', ')} : ${ecartees.map(why).join(', ')}`
        : retenues.length === 0
          ? `aucune de ${ids.join(', ')} ne compte : ${ecartees.map(why).join(', ')}`
          : `${retenues.join(' et ')} comptent toutes${ecartees.length > 0 ? ` (${ecartees.map(why).join(', ')})` : ''} : aucune règle ne les départage pour ce dossier, et HEAD les compte alors toutes`;
    return { groupe: ids, retenues, message };
  }
  return null;
}

/** The value an input key names: `identite.type`, `reponse.AOM_1`; null when absent. */
function inputValue(ev: Evaluation, key: string, valeur: 'resultat' | 'objectif' = 'resultat'): boolean | number | string | null {
  const [kind, name] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
  if (kind === 'indicateur' || kind === 'cible' || kind === 'limite') {
    const i = ev.dossier.indicateurs && Object.hasOwn(ev.dossier.indicateurs, name) ? ev.dossier.indicateurs[name]! : undefined;
    return i?.[kind === 'indicateur' ? valeur : kind] ?? null;
  }
  if (kind === 'identite') {
    const v = (ev.identite as Record<string, unknown>)[name === 'dans_aire_urbaine' ? 'dansAireUrbaine' : name];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  }
  if (kind === 'reponse') {
    const v = ev.dossier.reponses && Object.hasOwn(ev.dossier.reponses, name) ? ev.dossier.reponses[name] : undefined;
    return v === undefined ? null : v;
  }
  return null;
}
