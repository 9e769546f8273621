/**
 * The finite answer space a formula can see, for `cae lint`: every choice of a `choix` question,
 * both values of a `binaire` one, proportions at 0, ¼, ½, ¾ and 1, each identity value and the
 * populations around each threshold it tests, realised ratios at 0, ½ and 1 — each also absent. Only what
 * the formula reads varies. Beyond `BUDGET` combinations an evenly spread sample is taken (a real
 * formula reads 3 or 4 inputs: a few hundred combinations).
 */
import { Rational } from '../exact/rational.js';
import type { QuestionCatalogue } from '../formule/check.js';
import type { ContexteEvaluation, Reponse } from '../formule/evaluate.js';
import type { Noeud } from '../formule/ast.js';
import { LOCALISATIONS, SEUILS_MOINS_DE, SEUILS_PLUS_DE, TYPES_COLLECTIVITE, type Identite } from '../identite/identite.js';

export const BUDGET = 4096;

const PROPORTIONS = [0, 1, 2, 3, 4].map((k) => Rational.of(k, 4));
const RATIOS = [Rational.ZERO, Rational.of(1, 2), Rational.ONE];

/** One input and its candidate values (undefined = absent). */
interface Dimension {
  apply(ctx: Mutable, value: unknown): void;
  values: readonly unknown[];
}

interface Mutable {
  identite: Identite;
  reponses: Map<string, Reponse>;
  scores: Map<string, Rational>;
}

/** Every node of a tree, without recursion. */
export function nodesOf(ast: Noeud): Noeud[] {
  const out: Noeud[] = [];
  const stack: Noeud[] = [ast];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    for (const child of Object.values(n)) {
      if (typeof child === 'object' && child !== null && typeof (child as { kind?: unknown }).kind === 'string') stack.push(child as Noeud);
    }
  }
  return out;
}

function dimensions(ast: Noeud, questions: ReadonlyMap<string, QuestionCatalogue> | null): Dimension[] {
  const asked = new Map<string, Set<string>>(); // question → values compared with `reponse(q, X)`
  const champs = new Set<string>();
  const seuils = new Set<number>(); // thresholds the formula tests: `moins_de_3000` → 3000
  const actions = new Set<string>();
  for (const n of nodesOf(ast)) {
    if (n.kind === 'reponse') {
      const set = asked.get(n.question.nom) ?? new Set<string>();
      if (n.valeur) set.add(n.valeur.nom);
      asked.set(n.question.nom, set);
    } else if (n.kind === 'identite') {
      champs.add(n.champ.nom);
      const m = /_(\d+)$/.exec(n.valeur.nom);
      if (n.champ.nom === 'population' && m) seuils.add(Number(m[1]));
    }
    else if (n.kind === 'score') champs.add(`score:${n.action.nom}`), actions.add(n.action.nom);
  }
  const dims: Dimension[] = [];
  for (const [q, compared] of asked) {
    const cat = questions?.get(q);
    // Without the catalogue, every kind of answer the formula could meet.
    const values: unknown[] =
      cat?.type === 'binaire' ? [true, false] : cat?.type === 'choix' ? [...cat.choix] : cat?.type === 'proportion' ? [...PROPORTIONS] : [true, false, ...compared, ...PROPORTIONS];
    values.push(undefined);
    dims.push({ values, apply: (ctx, v) => (v === undefined ? ctx.reponses.delete(q) : ctx.reponses.set(q, v as Reponse)) });
  }
  if (champs.has('type')) dims.push({ values: [...TYPES_COLLECTIVITE, undefined], apply: (ctx, v) => setIdentite(ctx, 'type', v) });
  if (champs.has('localisation')) dims.push({ values: [...LOCALISATIONS, undefined], apply: (ctx, v) => setIdentite(ctx, 'localisation', v) });
  if (champs.has('population')) {
    // Only the thresholds it tests can change a formula's value: around each of them.
    const around = new Set<number>([0]);
    for (const s of seuils.size > 0 ? seuils : [...SEUILS_MOINS_DE, ...SEUILS_PLUS_DE]) for (const p of [s - 1, s, s + 1]) around.add(p);
    dims.push({ values: [...[...around].sort((a, b) => a - b), undefined], apply: (ctx, v) => setIdentite(ctx, 'population', v) });
  }
  for (const a of actions) dims.push({ values: [...RATIOS, undefined], apply: (ctx, v) => (v === undefined ? ctx.scores.delete(a) : ctx.scores.set(a, v as Rational)) });
  return dims;
}

function setIdentite(ctx: Mutable, champ: 'type' | 'localisation' | 'population', v: unknown): void {
  const id = ctx.identite as Record<string, unknown>;
  if (v === undefined) delete id[champ];
  else id[champ] = v;
}

/** The number of combinations of the full answer space (before any sampling down to `BUDGET`). */
export function tailleEspace(ast: Noeud, questions: ReadonlyMap<string, QuestionCatalogue> | null): number {
  let total = 1;
  for (const d of dimensions(ast, questions)) total *= d.values.length;
  return total;
}

/**
 * Calls `visit` on each combination (the context is reused between calls: read it, do not keep it)
 * until it returns true; returns the number of combinations visited.
 */
export function forEachReponses(ast: Noeud, questions: ReadonlyMap<string, QuestionCatalogue> | null, visit: (ctx: ContexteEvaluation) => boolean): number {
  const dims = dimensions(ast, questions);
  const state: Mutable = { identite: {}, reponses: new Map(), scores: new Map() };
  const ctx: ContexteEvaluation = { identite: state.identite, reponses: state.reponses, score: (id) => state.scores.get(id) ?? null };
  let total = 1;
  for (const d of dims) total *= d.values.length;
  const count = Math.min(total, BUDGET);
  // Evenly spread indices of the mixed-radix space when it is larger than the budget.
  const step = total / count;
  for (let k = 0; k < count; k++) {
    let index = Math.floor(k * step);
    for (const d of dims) {
      d.apply(state, d.values[index % d.values.length]);
      index = Math.floor(index / d.values.length);
    }
    if (visit(ctx)) return k + 1;
  }
  return count;
}
