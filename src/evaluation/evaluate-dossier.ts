/**
 * The whole evaluation of a dossier: identity and answers → personalisation consequences →
 * evidence rules → exact scores → étoiles and constats. This is what `cae score` runs; the pieces
 * stay usable on their own (`computeScores` with hand-written consequences, for instance).
 */
import { isReferentielLike, requireArgument } from '../diagnostics/argument.js';
import { type Diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import type { Dossier } from '../dossier/dossier-schema.js';
import { registeredZodValidation, validateDossierWith } from '../dossier/parse-dossier-core.js';
import { refusedPath } from '../dossier/dossier-shape.js';
import { jsonPointer } from '../dossier/json-locations.js';
import { isSealedDossier } from '../dossier/sealed-dossier.js';
import { type ReponseValue, dossierInputs, resolveActionId } from '../dossier/dossier-inputs.js';
import { type EtoilesResult, computeEtoiles } from '../etoiles/compute-etoiles.js';
import { type EtoilesConfig, etoilesConfigFor } from '../etoiles/etoiles-config.js';
import type { Identite } from '../identite/identite.js';
import { type ExplicationRegle, constatsPersonnalisation } from '../personnalisation/evaluate-personnalisation.js';
import { evaluatePersonnalisationMemo } from '../personnalisation/memo-personnalisation.js';
import { type ReponseIgnoree, type ReponsesActives, filterReponsesActives } from '../personnalisation/questions-actives.js';
import { EMPTY_PERSONNALISATION, type Personnalisation } from '../personnalisation/personnalisation.js';
import type { ActionNode, Referentiel } from '../referentiel/model.js';
import { flatTree } from '../score/flat-tree.js';
import { AUCUN } from '../score/statut-codes.js';
import { type ResultatPreuve, evaluateRegleDePreuve } from '../preuves/evaluate-regle-preuve.js';
import type { RegleDePreuve } from '../preuves/regle-preuve.js';
import { type Scores, computeScoresByIndex } from '../score/compute-scores.js';
import type { StatutsById } from '../score/statuts-by-id.js';
import type { Consequences } from '../score/consequences.js';
import type { Constat } from '../score/constat.js';
import { checkDossier } from './check-dossier.js';
import { type ScoreIndicatifAction, computeScoresIndicatifs } from './score-indicatif.js';
import { checksOf, rememberChecks } from './checked-dossiers.js';
import { type ActionStatut, TRIPLE_FAIT, TRIPLE_PAS_FAIT, statutLabel } from '../score/statut.js';

import type { EvaluationContext } from './evaluation-context.js';
export type { EvaluationContext } from './evaluation-context.js';

export interface Evaluation {
  referentiel: Referentiel;
  dossier: Dossier;
  identite: Identite;
  /** The answers the rules read: the dossier's, less those of questions not asked of it. */
  reponses: ReadonlyMap<string, ReponseValue>;
  /** The answers dropped because their question is not asked of this collectivité, and why. */
  reponsesIgnorees: readonly ReponseIgnoree[];
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
  /** Indicative scores (HEAD's exprScore) by action id, beside the points; empty without `indicateurs`. */
  scoresIndicatifs: ReadonlyMap<string, ScoreIndicatifAction>;
}

export function identiteOf(dossier: Dossier): Identite {
  const c = dossier.collectivite ?? {};
  const identite: Identite = {};
  if (c.type) identite.type = c.type;
  if (c.population !== undefined) identite.population = c.population;
  if (c.localisation) identite.localisation = c.localisation;
  if (c.dansAireUrbaine !== undefined) identite.dansAireUrbaine = c.dansAireUrbaine;
  return identite;
}

/** Without zod loaded: the place the compiled validator refused, zod's wording left to validateDossier. */
function schemaRefused(): Diagnostic {
  return { code: 'dossier-invalide', severity: 'error', message: 'Valeur invalide pour le schéma du dossier (validateDossier en donne le détail)', pointer: jsonPointer(refusedPath()) };
}

/**
 * A dossier that may not be scored: invalid for the schema, or wrong for the context.
 *
 * @example
 * try { evaluateDossier(context, { statuts: { '6.1.1.2': 'FAIT' } } as never); }
 * catch (e) { if (e instanceof DossierInvalideError) console.log(e.diagnostics[0]?.pointer); }
 */
export class DossierInvalideError extends Error {
  override readonly name = 'DossierInvalideError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`Dossier invalide : ${diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.pointer ? `${d.pointer} : ` : ''}${d.message} [${d.code}]`).join(' ; ')}`);
  }
}

/**
 * The dossier as the engine may read it, and the warnings of its check. A dossier that came
 * through `readDossier` for this context was checked already; any other object (plain
 * JavaScript, another context) is validated and checked here, and refused with
 * `DossierInvalideError` when anything is wrong.
 */
function checkedDossier(ctx: EvaluationContext, input: unknown): { dossier: Dossier; warnings: readonly Diagnostic[] } {
  let dossier: Dossier;
  if (isSealedDossier(input)) {
    const known = checksOf(ctx, input);
    if (known) return { dossier: input, warnings: known };
    dossier = input;
  } else {
    // zod words the errors; it is there whenever the library's index or validateDossier was loaded.
    const shape = validateDossierWith(input, null, 'dossier.json', registeredZodValidation()) ?? { dossier: null, diagnostics: [schemaRefused()] };
    if (!shape.dossier) throw new DossierInvalideError(shape.diagnostics);
    dossier = shape.dossier;
  }
  const checks = checkDossier(ctx, dossier);
  if (hasErrors(checks)) throw new DossierInvalideError(checks);
  rememberChecks(ctx, dossier, checks);
  return { dossier, warnings: checks };
}

/**
 * Scores a dossier. Throws `DossierInvalideError` (with positioned-by-pointer diagnostics) when
 * the dossier is invalid or does not fit the context (another référentiel, unknown questions,
 * a statut given twice…), and `TypeError` when the context is not one. Warnings become constats.
 *
 * @example
 * const { context } = await loadEvaluationContext();
 * const { dossier } = readDossier(context!, text, 'dossier.json');
 * if (dossier) console.log(evaluateDossier(context!, dossier).etoiles.etoile);
 */
export function evaluateDossier(ctx: EvaluationContext, input: Dossier): Evaluation {
  requireArgument(typeof ctx === 'object' && ctx !== null && isReferentielLike(ctx.referentiel), 'evaluateDossier', 'ctx', "un contexte d'évaluation (loadEvaluationContext ou loadBundle)", ctx);
  const { dossier, warnings } = checkedDossier(ctx, input);
  const { referentiel } = ctx;
  const inputs = dossierInputs(referentiel, dossier);
  const { statuts, statutsHorsArbre, reponses } = inputs;
  // The check's warnings first (a CAE dossier has a hundred), then the inputs' constats.
  const constats = warnings.map(constatOf);
  for (const c of inputs.constats) constats.push(c);
  const statutsProposes = new Set<string>();
  const identite = identiteOf(dossier);
  const actives = activeReponses(ctx, identite, reponses, constats);
  // Remembered per profile: dossiers of a batch share the few profiles the rules can tell apart.
  const perso = evaluatePersonnalisationMemo(ctx.personnalisation ?? EMPTY_PERSONNALISATION, identite, actives.reponses);
  reportStatutsDesactives(referentiel, perso.consequences, statuts, constats);
  const preuves = applyReglesPreuve(ctx, dossier, identite, reponses, statuts, statutsProposes, constats);
  // Statuts proposed by evidence rules are already in the index the engine reads (statuts.set).
  for (const id of statutsProposes) if (statuts.horsArbre.has(id)) statutsHorsArbre.push(id);
  const result = computeScoresByIndex(referentiel, statuts.index, statutsHorsArbre, perso.consequences);
  for (const c of constatsPersonnalisation(perso, result)) constats.push(c);
  const etoiles = computeEtoiles(result, statuts, ctx.etoiles ?? etoilesConfigFor(referentiel.id), dossier.labellisation);
  const referentielCourant = ctx.personnalisation?.referentiel;
  const scoresIndicatifs = computeScoresIndicatifs(referentiel, dossier, { identite, reponses: actives.reponses, ...(referentielCourant ? { referentiel: referentielCourant } : {}) });
  return { referentiel, dossier, identite, reponses: actives.reponses, reponsesIgnorees: actives.ignorees, statuts, statutsProposes, consequences: perso.consequences, result, etoiles, regles: perso.explications, preuves, constats, scoresIndicatifs };
}

/** The answers the rules may read: those of questions asked of this collectivité (HEAD's rule). */
function activeReponses(ctx: EvaluationContext, identite: Identite, reponses: ReadonlyMap<string, ReponseValue>, constats: Constat[]): ReponsesActives {
  const activations = ctx.personnalisation?.activations;
  if (!activations || activations.size === 0 || reponses.size === 0) return { reponses, ignorees: [] };
  const actives = filterReponsesActives(activations, identite, reponses);
  for (const i of actives.ignorees) {
    constats.push({ code: 'reponse-ignoree', severity: 'warning', actionId: null, message: i.message, pointer: `/reponses/${i.questionId.replaceAll('~', '~0').replaceAll('/', '~1')}` });
  }
  return actives;
}

function constatOf(d: Diagnostic): Constat {
  const c: Constat = { code: d.code, severity: d.severity, actionId: null, message: d.message };
  if (d.pointer !== undefined) c.pointer = d.pointer;
  return c;
}

/**
 * A statut declared on a désactivé action (or below one) is not read: the action is non
 * concernée. Said once per désactivé action, naming the statuts it hides.
 */
function reportStatutsDesactives(referentiel: Referentiel, consequences: Consequences, statuts: StatutsById, constats: Constat[]): void {
  for (const [id, c] of consequences) {
    if (!c.desactive) continue;
    const node = referentiel.actions.get(id);
    if (!node) continue;
    const hidden = hiddenStatuts(referentiel, node, statuts);
    if (hidden.length === 0) continue;
    hidden.sort();
    constats.push({
      code: 'statut-sur-action-desactivee',
      severity: 'warning',
      actionId: id,
      message: `Statut(s) de ${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ` et ${hidden.length - 5} autre(s)` : ''} non lu(s) : l'action ${id} est désactivée par sa règle de personnalisation (voir cae explain ${node.identifiant})`,
    });
  }
}

/**
 * The identifiants of the statuts declared on a node and below it. In the scored tree a subtree
 * is a contiguous range of the statut codes (flat-tree.ts), read without a lookup per node (its
 * descendants are all in the tree); a node outside it (normally none) is walked.
 */
function hiddenStatuts(referentiel: Referentiel, node: ActionNode, statuts: StatutsById): string[] {
  const hidden: string[] = [];
  const tree = flatTree(referentiel);
  const top = tree.indexById.get(node.id);
  if (top !== undefined) {
    const code = statuts.index.code;
    for (let i = top; i < tree.subtreeEnd[top]!; i++) if (code[i] !== AUCUN) hidden.push(tree.nodes[i]!.identifiant);
    return hidden;
  }
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (statuts.has(n.id)) hidden.push(n.identifiant);
    stack.push(...n.children);
  }
  return hidden;
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
