/**
 * The `personnalisation` section of the evaluation document: the answers by theme (kept or
 * ignored, and why), and each action a rule reduced, désactivé or capped, with its points before
 * and after and the answers the rule read. Only rules that changed something are listed.
 */
import { Rational } from '../exact/rational.js';
import { pt, ratio } from '../score/score-json.js';
import type { ExplicationRegle } from '../personnalisation/evaluate-personnalisation.js';
import { flatTree } from '../score/flat-tree.js';
import type { Evaluation } from './evaluate-dossier.js';
import type { PersonnalisationJson, ReponseJson } from './evaluation-document.js';

/** `dechets_2` → `dechets`, `EP_1` → `EP`: the question files of TeT are named after the same theme. */
export function themeDeQuestion(id: string): string {
  const m = /^(.*?)_\d+[a-z]?$/.exec(id);
  return m ? m[1]! : id;
}

// localeCompare(b, 'fr', options) is new Intl.Collator('fr', options).compare(a, b): built once,
// not once per comparison (that was most of the section's time in a batch), and only when a
// list is sorted: the first French collator loads ICU's data, ~10 ms of every command's start-up.
let collators: { theme: Intl.Collator; question: Intl.Collator } | null = null;

/** Answers by theme, then question (a stable sort): what the section lists. */
function parTheme(a: { theme: string; question: string }, b: { theme: string; question: string }): number {
  collators ??= { theme: new Intl.Collator('fr'), question: new Intl.Collator('fr', { numeric: true }) };
  return collators.theme.compare(a.theme, b.theme) || collators.question.compare(a.question, b.question);
}

/**
 * The order parTheme gives to the questions `ids` (positions in `ids`), kept by list of ids: the
 * dossiers of a batch answer the same questions, and collating their ids took most of the
 * section's time. At most ORDERS lists are kept (the cache is emptied past that). Exported for its test.
 */
const orders = new Map<string, Int32Array>();
const ORDERS = 256;

export function orderOf(ids: readonly string[]): Int32Array {
  const key = ids.join('\n');
  let order = orders.get(key);
  if (!order) {
    const items = ids.map((question, k) => ({ question, theme: themeDeQuestion(question), k }));
    order = Int32Array.from(items.sort(parTheme), (x) => x.k);
    if (orders.size >= ORDERS) orders.clear();
    orders.set(key, order);
  }
  return order;
}

/**
 * The section: answers by theme, ignored answers, and the actions the rules changed. The actions
 * are read from the engine's columns (actionsAppliquees), not from a full score object per action.
 */
export function personnalisationAppliquee(ev: Evaluation): PersonnalisationJson {
  return { reponses: reponsesAppliquees(ev), reponsesIgnorees: reponsesIgnorees(ev), actions: actionsAppliquees(ev) };
}

/** The plain path (a full ActionScore per action): the reference the fast path is tested against. */
export function personnalisationAppliqueeReference(ev: Evaluation): PersonnalisationJson {
  return { reponses: reponsesAppliquees(ev), reponsesIgnorees: reponsesIgnorees(ev), actions: actionsReference(ev) };
}

function reponsesAppliquees(ev: Evaluation): ReponseJson[] {
  const ignorees = new Map(ev.reponsesIgnorees.map((i) => [i.questionId, i]));
  const entries = Object.entries(ev.dossier.reponses ?? {});
  return Array.from(orderOf(entries.map((e) => e[0])), (k): ReponseJson => {
    const [question, valeur] = entries[k]!;
    return { question, theme: themeDeQuestion(question), valeur: valeurJson(valeur), retenue: !ignorees.has(question) };
  });
}

function reponsesIgnorees(ev: Evaluation): PersonnalisationJson['reponsesIgnorees'] {
  return ev.reponsesIgnorees.map((i) => ({ question: i.questionId, raison: i.raison, message: i.message }));
}

type ActionAppliquee = PersonnalisationJson['actions'][number];

/** What the section says of a rule whatever the scores: the answers and identity fields it read, its factor. */
interface RegleLue {
  reponses: string[];
  identite: string[];
  facteur: number | null;
}

function regleLue(r: ExplicationRegle): RegleLue {
  return {
    reponses: r.lu.filter((k) => k.startsWith('reponse.')).map((k) => k.slice('reponse.'.length)),
    identite: r.lu.filter((k) => k.startsWith('identite.')).map((k) => k.slice('identite.'.length)),
    facteur: r.type === 'reduction' && r.valeur instanceof Rational ? r.valeur.round(6) : null,
  };
}

/** By rule: the rules of a batch come from the memory of profiles, shared and frozen (memo-personnalisation.ts). */
const lues = new WeakMap<ExplicationRegle, RegleLue>();

function regleLueMemo(r: ExplicationRegle): RegleLue {
  let l = lues.get(r);
  if (!l) {
    l = regleLue(r);
    if (Object.isFrozen(r)) lues.set(r, l);
  }
  return l;
}

/**
 * The actions the rules changed, their points read from the score columns (two exact values per
 * action instead of the 13 of an ActionScore); the plain path when the table has no columns.
 */
function actionsAppliquees(ev: Evaluation): ActionAppliquee[] {
  const table = ev.result.scores;
  const cols = table.columns?.();
  const tree = flatTree(ev.referentiel);
  if (!cols) return actionsReference(ev);
  const actions: ActionAppliquee[] = [];
  for (const r of ev.regles) {
    if (!r.effective) continue;
    const i = table.indexOf(r.actionId);
    if (i === undefined) continue;
    // The table's nodes are the référentiel's flat tree (computeScores): the référentiel points by index.
    if (tree.nodes[i]?.id !== r.actionId) return actionsReference(ev);
    const override = r.type === 'score' ? ev.result.overrides.find((o) => o.actionId === r.actionId) : undefined;
    const potentiel = cols.potentiel.at(i);
    const apres = r.type === 'desactivation' ? Rational.ZERO : cols.hasFacteur[i] ? cols.perso.at(i) : potentiel;
    const lue = regleLueMemo(r);
    actions.push({
      actionId: r.actionId,
      effet: r.type,
      pointAvant: pt(tree.points[i]!),
      pointApres: r.type === 'score' ? pt(potentiel) : pt(apres),
      facteur: lue.facteur,
      ratioFaitAvant: override ? ratio(override.ratioAvant) : null,
      ratioFaitApres: override ? ratio(override.ratioApres) : null,
      regle: r.source,
      // Copies: the document is the caller's to change.
      reponses: lue.reponses.slice(),
      identite: lue.identite.slice(),
    });
  }
  return actions;
}

function actionsReference(ev: Evaluation): ActionAppliquee[] {
  const actions: ActionAppliquee[] = [];
  for (const r of ev.regles) {
    if (!r.effective) continue;
    const s = ev.result.scores.get(r.actionId);
    if (!s) continue;
    const override = r.type === 'score' ? ev.result.overrides.find((o) => o.actionId === r.actionId) : undefined;
    const apres = r.type === 'desactivation' ? Rational.ZERO : (s.pointPotentielPerso ?? s.pointPotentiel);
    actions.push({
      actionId: r.actionId,
      effet: r.type,
      pointAvant: pt(s.pointReferentiel),
      pointApres: r.type === 'score' ? pt(s.pointPotentiel) : pt(apres),
      facteur: r.type === 'reduction' && r.valeur instanceof Rational ? r.valeur.round(6) : null,
      ratioFaitAvant: override ? ratio(override.ratioAvant) : null,
      ratioFaitApres: override ? ratio(override.ratioApres) : null,
      regle: r.source,
      reponses: r.lu.filter((k) => k.startsWith('reponse.')).map((k) => k.slice('reponse.'.length)),
      identite: r.lu.filter((k) => k.startsWith('identite.')).map((k) => k.slice('identite.'.length)),
    });
  }
  return actions;
}

function valeurJson(v: unknown): ReponseJson['valeur'] {
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  if (v instanceof Rational) return v.toNumber();
  return null;
}
