/**
 * The `personnalisation` section of the evaluation document: the answers by theme (kept or
 * ignored, and why), and each action a rule reduced, désactivé or capped, with its points before
 * and after and the answers the rule read. Only rules that changed something are listed.
 */
import { Rational } from '../exact/rational.js';
import { pt, ratio } from '../score/score-json.js';
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

export function personnalisationAppliquee(ev: Evaluation): PersonnalisationJson {
  const ignorees = new Map(ev.reponsesIgnorees.map((i) => [i.questionId, i]));
  const entries = Object.entries(ev.dossier.reponses ?? {});
  const reponses = Array.from(orderOf(entries.map((e) => e[0])), (k): ReponseJson => {
    const [question, valeur] = entries[k]!;
    return { question, theme: themeDeQuestion(question), valeur: valeurJson(valeur), retenue: !ignorees.has(question) };
  });
  const actions: PersonnalisationJson['actions'] = [];
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
  return {
    reponses,
    reponsesIgnorees: ev.reponsesIgnorees.map((i) => ({ question: i.questionId, raison: i.raison, message: i.message })),
    actions,
  };
}

function valeurJson(v: unknown): ReponseJson['valeur'] {
  if (typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  if (v instanceof Rational) return v.toNumber();
  return null;
}
