/**
 * A dossier checked against what it refers to: the référentiel it names, the questions its answers
 * answer, the actions its statuts are for, the rules that read its evidence. The shape was checked
 * by the dossier schema already; here every reference is. Errors stop the scoring (a wrong input
 * must not give a number the auditor would sign); warnings are always reported.
 *
 * Diagnostics carry JSON pointers; `locateDiagnostics` adds `file:line:col` from the text.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dossier } from '../dossier/dossier-schema.js';
import { isCalendarDate } from '../dossier/dossier-values.js';
import { resolveActionId, statutKeys } from '../dossier/dossier-inputs.js';
import { type FlatTree, flatTree } from '../score/flat-tree.js';
import { etoilesConfigFor } from '../etoiles/etoiles-config.js';
import { jsonPointer } from '../dossier/json-locations.js';
import type { QuestionCatalogue } from '../formule/check.js';
import type { ActionNode } from '../referentiel/model.js';
import type { RegleDePreuve } from '../preuves/regle-preuve.js';
import type { EvaluationContext } from './evaluation-context.js';
import { indicateursDuReferentiel } from './score-indicatif.js';
import { suggest } from './suggest.js';
import { DETAILLE, FAIT, PAS_FAIT, PROGRAMME, wordOfCode } from '../score/statut-codes.js';

const error = (code: string, message: string, path: readonly (string | number)[]): Diagnostic => ({ code, severity: 'error', message, pointer: jsonPointer(path) });
const warning = (code: string, message: string, path: readonly (string | number)[]): Diagnostic => ({ code, severity: 'warning', message, pointer: jsonPointer(path) });

export function checkDossier(context: EvaluationContext, dossier: Dossier): Diagnostic[] {
  // The statuts' warnings (a hundred in a CAE dossier) are the list; the few others go around them.
  const statuts = checkStatuts(context, dossier);
  const before = [...checkReferentiel(context, dossier), ...checkLabellisation(context, dossier)];
  if (before.length > 0) statuts.unshift(...before);
  for (const part of [checkReponses(context, dossier), checkPreuves(context, dossier), checkIndicateurs(context, dossier)]) for (const d of part) statuts.push(d);
  return statuts;
}

/** Indicators no indicative-score formula of the référentiel names: given for nothing. */
function checkIndicateurs(context: EvaluationContext, dossier: Dossier): Diagnostic[] {
  const ids = Object.keys(dossier.indicateurs ?? {});
  if (ids.length === 0) return [];
  const lus = indicateursDuReferentiel(context.referentiel);
  if (lus.size === 0) {
    return [warning('indicateurs-sans-score-indicatif', `${ids.length} indicateur(s) ignoré(s) : aucune action du référentiel ${context.referentiel.id} n'a de score indicatif`, ['indicateurs'])];
  }
  const out: Diagnostic[] = [];
  for (const id of ids) {
    if (lus.has(id)) continue;
    const hint = suggest(id, lus);
    out.push(warning('indicateur-non-lu', `Indicateur « ${id} » ignoré : aucune formule de score indicatif ne le lit${hint ? ` : vouliez-vous dire « ${hint} » ?` : ''}`, ['indicateurs', id]));
  }
  return out;
}

/** The label held must be an étoile of the configuration, and not obtained after the évaluation. */
function checkLabellisation(context: EvaluationContext, dossier: Dossier): Diagnostic[] {
  const label = dossier.labellisation;
  if (!label) return [];
  const out: Diagnostic[] = [];
  const etoiles = (context.etoiles ?? etoilesConfigFor(context.referentiel.id)).seuils.map((s) => s.etoile);
  if (!etoiles.includes(label.etoile)) {
    out.push(error('labellisation-etoile-inconnue', `Étoile du label ${label.etoile} inattendue, attendu l'une des étoiles de la configuration (${etoiles.join(', ')})`, ['labellisation', 'etoile']));
  }
  if (label.date && dossier.date && label.date > dossier.date) {
    out.push(warning('labellisation-date-posterieure', `Label obtenu le ${label.date}, après la date de l'évaluation (${dossier.date}) : l'étoile visée en tient compte quand même`, ['labellisation', 'date']));
  }
  return out;
}

function checkReferentiel(context: EvaluationContext, dossier: Dossier): Diagnostic[] {
  const id = context.referentiel.id;
  if (dossier.referentiel === undefined || dossier.referentiel === id) return [];
  return [error('referentiel-different', `Référentiel « ${dossier.referentiel} » inattendu, attendu « ${id} » (le référentiel chargé) : ce dossier n'est pas pour ce référentiel`, ['referentiel'])];
}

/** A renseigné statut's code (fait, programmé, pas fait, détaillé): it sets the node's own avancement. */
function isRenseigneCode(code: number): boolean {
  return code === FAIT || code === PROGRAMME || code === PAS_FAIT || code === DETAILLE;
}

/**
 * Per tree, the rank + 1 of the key that gave each node its statut (0: none), reused from one
 * dossier to the next: a CAE tree has ~1,800 nodes, an array of keys per dossier was garbage.
 */
const rankScratch = new WeakMap<FlatTree, Int32Array>();

function checkStatuts(context: EvaluationContext, dossier: Dossier): Diagnostic[] {
  const out: Diagnostic[] = [];
  const statuts = dossier.statuts ?? {};
  const { referentiel } = context;
  const tree = flatTree(referentiel);
  // Keys resolved once per dossier (dossierInputs reads them too); a node's key by its index.
  const { keys, index, codes } = statutKeys(referentiel, statuts);
  let rankAt = rankScratch.get(tree);
  if (!rankAt) rankScratch.set(tree, (rankAt = new Int32Array(tree.nodes.length)));
  else rankAt.fill(0);
  // Actions outside the scored tree (normally none) by id.
  const keyOutside = new Map<string, string>();
  const keyOf = (id: string): string | undefined => {
    const i = tree.indexById.get(id);
    return i !== undefined ? keyAtNode(keys, rankAt, i) : keyOutside.get(id);
  };
  // The renseigné parents, in the order of their keys: the node and the key's rank.
  const parents: ActionNode[] = [];
  const parentKeys: number[] = [];
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const i = index[k]!;
    const id = i >= 0 ? tree.nodes[i]!.id : resolveActionId(referentiel, key);
    if (id === null) continue;
    const prior = i >= 0 ? keyAtNode(keys, rankAt, i) : keyOutside.get(id);
    if (prior !== undefined) {
      out.push(error('statut-en-double', `Statut de ${id} inattendu une seconde fois (« ${key} » après « ${prior} »), attendu une seule clé par action : laquelle retenir ?`, ['statuts', key]));
      continue;
    }
    if (i >= 0) rankAt[i] = k + 1;
    else keyOutside.set(id, key);
    // A leaf (a node of the tree without children: its subtree is itself) has no children to warn of.
    if (i >= 0 && tree.subtreeEnd[i] === i + 1) continue;
    if (!isRenseigneCode(codes[k]!)) continue;
    const node = i >= 0 ? tree.nodes[i]! : referentiel.actions.get(id)!;
    if (node.children.length === 0) continue;
    parents.push(node);
    parentKeys.push(k);
  }
  // A renseigné parent's own statut sets its numbers: its children's statuts are not read.
  for (let p = 0; p < parents.length; p++) {
    const overridden = descendantsWithStatut(parents[p]!, tree, keys, rankAt, keyOf);
    if (overridden.length === 0) continue;
    const k = parentKeys[p]!;
    const key = keys[k]!;
    let names = `« ${overridden[0]!} »`;
    for (let j = 1; j < Math.min(3, overridden.length); j++) names += `, « ${overridden[j]!} »`;
    if (overridden.length > 3) names += ` et ${overridden.length - 3} autre(s)`;
    out.push({ code: 'statut-parent-ecrase-enfants', severity: 'warning', message: `Statut « ${describeStatut(codes[k]!)} » de ${key} retenu pour toute l'action : les statuts de ses descendants ${names} ne sont pas lus`, pointer: `/statuts/${pointerToken(key)}` });
  }
  return out;
}

/** The key that gave node `i` its statut, or undefined. */
function keyAtNode(keys: readonly string[], rankAt: Int32Array, i: number): string | undefined {
  const r = rankAt[i]!;
  return r === 0 ? undefined : keys[r - 1];
}

/** A key as one token of a JSON pointer (jsonPointer's escapes, for the keys of a large loop). */
function pointerToken(key: string): string {
  return key.includes('~') || key.includes('/') ? jsonPointer([key]).slice(1) : key;
}

/** The keys of the statuts below `node`, sorted: a slice of the flat tree when it is in the tree. */
function descendantsWithStatut(node: ActionNode, tree: FlatTree, keys: readonly string[], rankAt: Int32Array, keyOf: (id: string) => string | undefined): string[] {
  const found: string[] = [];
  const i = tree.indexById.get(node.id);
  if (i !== undefined) {
    let sorted = true;
    for (let j = i + 1; j < tree.subtreeEnd[i]!; j++) {
      const r = rankAt[j]!;
      if (r === 0) continue;
      const key = keys[r - 1]!;
      if (sorted && found.length > 0 && found[found.length - 1]! > key) sorted = false;
      found.push(key);
    }
    return sorted ? found : found.sort();
  }
  const stack = [...node.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    const key = keyOf(n.id);
    if (key !== undefined) found.push(key);
    stack.push(...n.children);
  }
  return found.sort();
}

/** A renseigné statut's word, by its code. */
function describeStatut(code: number): string {
  return code === DETAILLE ? 'détaillé' : wordOfCode(code)!;
}

function checkReponses(context: EvaluationContext, dossier: Dossier): Diagnostic[] {
  const reponses = dossier.reponses ?? {};
  const ids = Object.keys(reponses);
  if (ids.length === 0) return [];
  const questions = context.personnalisation?.questions;
  const out: Diagnostic[] = [];
  if (!questions || questions.size === 0) {
    return [warning('reponses-sans-regles', `${ids.length} réponse(s) ignorée(s) : aucune question ni règle de personnalisation n'est chargée pour le référentiel ${context.referentiel.id} (donnez --questions et --personnalisations, ou un référentiel qui les contient)`, ['reponses'])];
  }
  if ((context.personnalisation?.regles.length ?? 0) === 0) {
    out.push(warning('reponses-sans-regles', `${ids.length} réponse(s) sans effet : aucune règle de personnalisation n'est chargée pour le référentiel ${context.referentiel.id} (donnez --personnalisations)`, ['reponses']));
  }
  for (const id of ids) {
    const question = questions.get(id);
    if (!question) {
      const hint = suggest(id, questions.keys());
      out.push(error('reponse-question-inconnue', `Question « ${id} » inattendue, attendu une question du référentiel ${context.referentiel.id}${hint ? ` : vouliez-vous dire « ${hint} » ?` : ''}`, ['reponses', id]));
      continue;
    }
    const problem = checkReponse(question, reponses[id]);
    if (problem) out.push(error('reponse-invalide', `Réponse à ${id} inattendue : ${problem}`, ['reponses', id]));
  }
  return out;
}

/** What is wrong with an answer to `question`, or null. */
export function checkReponse(question: QuestionCatalogue, value: unknown): string | null {
  const shown = (): string => JSON.stringify(value);
  switch (question.type) {
    case 'binaire': {
      if (value === 'OUI' || value === 'NON' || typeof value === 'boolean') return null;
      const hint = typeof value === 'string' ? suggest(value, ['OUI', 'NON'], { caseOnly: true }) : null;
      return `${shown()}, attendu OUI, NON, true ou false (question binaire)${hint ? ` : vouliez-vous dire « ${hint} » ?` : ''}`;
    }
    case 'proportion':
      if (typeof value === 'number' && value >= 0 && value <= 1) return null;
      return `${shown()}, attendu une proportion entre 0 et 1, écrite comme un nombre (0.25)`;
    case 'choix': {
      if (typeof value === 'string' && question.choix.includes(value)) return null;
      const hint = typeof value === 'string' ? suggest(value, question.choix) : null;
      return `${shown()}, attendu l'un des choix ${question.choix.join(', ')}${hint ? ` : vouliez-vous dire « ${hint} » ?` : ''}`;
    }
  }
}

function checkPreuves(context: EvaluationContext, dossier: Dossier): Diagnostic[] {
  const keys = Object.keys(dossier.preuves ?? {});
  if (keys.length === 0) return [];
  const read = new Set((context.reglesPreuve ?? []).map((r) => r.preuve));
  const out: Diagnostic[] = [];
  for (const regle of context.reglesPreuve ?? []) out.push(...checkPreuveItems(regle, dossier.preuves?.[regle.preuve]));
  for (const key of keys) {
    if (read.has(key)) continue;
    out.push(
      read.size === 0
        ? warning('preuves-sans-regles', `Preuves « ${key} » ignorées : aucune règle de preuve n'est chargée pour le référentiel ${context.referentiel.id} (donnez --regles-preuve, ou un référentiel qui les contient)`, ['preuves', key])
        : warning('preuve-non-lue', `Preuves « ${key} » ignorées : aucune règle de preuve ne les lit, attendu ${[...read].map((k) => `« ${k} »`).join(', ')}`, ['preuves', key]),
    );
  }
  return out;
}

/** The items an evidence rule counts: a list of objects with a real date and boolean conditions. */
function checkPreuveItems(regle: RegleDePreuve, items: unknown): Diagnostic[] {
  if (items === undefined) return [];
  const at = ['preuves', regle.preuve];
  if (!Array.isArray(items)) return [error('preuve-invalide', `Preuves « ${regle.preuve} » inattendues : ${typeof items}, attendu une liste d'éléments`, at)];
  const out: Diagnostic[] = [];
  items.forEach((item: unknown, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      out.push(error('preuve-invalide', `Élément ${i} de « ${regle.preuve} » inattendu, attendu un objet`, [...at, i]));
      return;
    }
    const record = item as Record<string, unknown>;
    const date = record[regle.champDate];
    if (typeof date !== 'string' || !isCalendarDate(date)) {
      out.push(error('preuve-date-invalide', `Date ${JSON.stringify(date)} inattendue pour l'élément ${i} de « ${regle.preuve} », attendu une date du calendrier au format AAAA-MM-JJ`, [...at, i, regle.champDate]));
    }
    for (const condition of regle.conditions) {
      if (typeof record[condition] !== 'boolean') {
        out.push(error('preuve-invalide', `Champ « ${condition} » ${JSON.stringify(record[condition]) ?? 'absent'} inattendu pour l'élément ${i} de « ${regle.preuve} », attendu true ou false`, [...at, i, condition]));
      }
    }
  });
  return out;
}
