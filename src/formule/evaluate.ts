/**
 * Evaluates a parsed formula against an identity, answers and (for score rules) realised scores.
 *
 * Semantics (scoring.md §6.1–§6.2, docs/formules.md):
 * - `reponse(q, X)` is true iff the stored answer equals X (binaire answers are booleans: OUI = true,
 *   NON = false; choix answers are choice ids). No answer: false, and `reponse.q` is missing.
 * - `reponse(q)` gives the stored answer (a Rational for a proportion), null when there is none.
 * - Arithmetic, `min`, `max` and comparisons with a null operand give null; division by zero gives
 *   null. Everything is exact (Rational).
 * - `et`/`ou` treat null (and any non-boolean) as false, and short-circuit: an operand that is not
 *   needed is not evaluated, so it is neither read nor missing.
 * - `si c alors a` with c false or null and no `sinon` gives null (no effect).
 * - `score(x)` calls `ctx.score(x)`; null (or no `score` function) gives null, and `score.x` is missing.
 * - `referentiel(r)` (HEAD) matches `ctx.referentiel`; without it, false and `referentiel` is missing.
 * - `val`, `opt_val`, `cible`, `limite`, `est_suivi` (HEAD's indicative score) read `ctx.indicateurs`:
 *   `val(x)` the value or null, `opt_val(x)` the value or 0, `cible(x)`/`limite(x)` the target/limit
 *   or null, `est_suivi(x)` whether x has a value. See evaluateScoreIndicatif.
 *
 * The evaluator walks the tree directly and allocates only the result and its two small arrays.
 */
import { Rational } from '../exact/rational.js';
import type { SourcePosition } from '../diagnostics/diagnostic.js';
import { identiteChampConnu, identiteMatches, type Identite } from '../identite/identite.js';
import type { Formule, Noeud, NoeudArithmetique } from './ast.js';
import type { KindRegle } from './check.js';
import { enfants, parseFormule } from './parser.js';
import { matchReferentiel, parseReferentielArg, type ContexteReferentiel } from './referentiel-arg.js';

export type Valeur = boolean | Rational | string | null;
export type Reponse = boolean | string | Rational;

export interface ContexteEvaluation {
  identite: Identite;
  reponses: ReadonlyMap<string, Reponse>;
  /** Realised ratio (fait ÷ potentiel) of an action, for `score(x)`; null when unknown. */
  score?: (actionId: string) => Rational | null;
  /** The référentiel being scored, for `referentiel(…)`; absent: every `referentiel(…)` is false. */
  referentiel?: ContexteReferentiel;
  /** Indicator values, targets and limits, for the indicative-score functions. */
  indicateurs?: EntreesIndicateurs;
}

/** Indicator inputs of an indicative score: every value exact, keyed by indicator id (`cae_6.a`). */
export interface EntreesIndicateurs {
  /** The collectivité's value of each indicator; absent or null: no value. */
  valeurs: ReadonlyMap<string, Rational | null>;
  /** Target value (`cible`) of each indicator. */
  cibles?: ReadonlyMap<string, Rational | null>;
  /** Limit value (`limite`, HEAD's `seuil`) of each indicator. */
  limites?: ReadonlyMap<string, Rational | null>;
}

/** Which branch of the top-level `si … sinon si … sinon …` chain gave the value. */
export interface BrancheSuivie {
  /** 1-based rank of the condition that held; for the final `sinon`, one more than the last condition. */
  index: number;
  /** True when the final `sinon` (no condition) gave the value. */
  final: boolean;
  /** The condition that held, null for the final `sinon`. */
  condition: Noeud | null;
  /** The branch expression that was evaluated. */
  expression: Noeud;
}

export interface EvaluationFormule {
  value: Valeur;
  /** Inputs read, in first-read order, unique: `identite.type`, `reponse.AOM_1`, `score.cae_1.2.3`. */
  reads: string[];
  /** Inputs read but absent (subset of reads, same order). */
  missing: string[];
  /** The top-level branch that fired; null when the formula is no `si` or no branch fired. */
  branch: BrancheSuivie | null;
  /**
   * The first division by zero met, null if none. Its value is null (no effect), but a rule that
   * divides by zero is a mistake of the référentiel, not a choice: callers report it.
   */
  divisionParZero: NoeudArithmetique | null;
}

interface State {
  ctx: ContexteEvaluation;
  reads: string[];
  missing: string[];
  divisionParZero: NoeudArithmetique | null;
}

function read(s: State, key: string, present: boolean): void {
  const reads = s.reads;
  for (let i = 0; i < reads.length; i++) if (reads[i] === key) return;
  reads.push(key);
  if (!present) s.missing.push(key);
}

function isTrue(v: Valeur): boolean {
  return v === true;
}

function matchesAnswer(answer: Reponse, expected: string): boolean {
  if (typeof answer === 'boolean') {
    if (expected === 'OUI') return answer;
    if (expected === 'NON') return !answer;
    // VRAI/FAUX as HEAD reads them (true/false); the checker asks for OUI/NON.
    const u = expected.toUpperCase();
    return u === 'OUI' || u === 'VRAI' ? answer : u === 'NON' || u === 'FAUX' ? !answer : false;
  }
  if (typeof answer === 'string') return answer === expected;
  // A proportion equals a number written as the value: `reponse(q, 0.5)`, exactly.
  const n = Rational.parseDecimal(expected);
  return n !== null && answer.equals(n);
}

/** `valeur(i)`, `opt_val(i)`, `est_suivi(i)`, `cible(i)`, `limite(i)`: a dossier's indicator. */
function evIndicateur(n: Extract<Noeud, { kind: 'indicateur' }>, s: State): Valeur {
  const e = s.ctx.indicateurs;
  const id = n.indicateur.nom;
  const table = n.fonction === 'cible' ? e?.cibles : n.fonction === 'limite' ? e?.limites : e?.valeurs;
  const v = table?.get(id) ?? null;
  read(s, n.cle, v !== null);
  switch (n.fonction) {
    case 'opt_val':
      return v ?? Rational.ZERO;
    case 'est_suivi':
      return v !== null;
    default:
      return v;
  }
}

/** `=` compares any two values; `<`, `>`, `<=`, `>=` numbers only (null otherwise). */
function evComparaison(n: Extract<Noeud, { kind: 'comparaison' }>, s: State): Valeur {
  const l = ev(n.gauche, s);
  const r = ev(n.droite, s);
  if (l === null || r === null) return null;
  if (n.op === '=') {
    if (l instanceof Rational) return r instanceof Rational && l.equals(r);
    return l === r;
  }
  if (!(l instanceof Rational) || !(r instanceof Rational)) return null;
  const c = l.compare(r);
  switch (n.op) {
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
  }
  return null;
}

function ev(n: Noeud, s: State): Valeur {
  switch (n.kind) {
    case 'nombre':
      return n.valeur;
    case 'booleen':
      return n.valeur;
    case 'nom':
      return n.nom;
    case 'reponse': {
      const answer = s.ctx.reponses.get(n.question.nom);
      read(s, n.cle, answer !== undefined);
      if (n.valeur === null) return answer ?? null;
      return answer === undefined ? false : matchesAnswer(answer, n.valeur.nom);
    }
    case 'identite': {
      const champ = n.champ.nom;
      read(s, n.cle, identiteChampConnu(s.ctx.identite, champ));
      return identiteMatches(s.ctx.identite, champ, n.valeur.nom);
    }
    case 'score': {
      const f = s.ctx.score;
      const v = f ? f(n.action.nom) : null;
      read(s, n.cle, v !== null && v !== undefined);
      return v ?? null;
    }
    case 'referentiel': {
      const courant = s.ctx.referentiel;
      read(s, n.cle, courant !== undefined);
      const parsed = parseReferentielArg(n.referentiel.nom);
      return courant !== undefined && parsed.ok && matchReferentiel(courant, parsed.arg);
    }
    case 'indicateur':
      return evIndicateur(n, s);
    case 'logique': {
      const l = isTrue(ev(n.gauche, s));
      if (n.op === 'et') return l ? isTrue(ev(n.droite, s)) : false;
      return l ? true : isTrue(ev(n.droite, s));
    }
    case 'si': {
      if (isTrue(ev(n.condition, s))) return ev(n.alors, s);
      return n.sinon ? ev(n.sinon, s) : null;
    }
    case 'arithmetique': {
      const l = ev(n.gauche, s);
      const r = ev(n.droite, s);
      if (!(l instanceof Rational) || !(r instanceof Rational)) return null;
      switch (n.op) {
        case '+':
          return l.add(r);
        case '-':
          return l.sub(r);
        case '*':
          return l.mul(r);
        case '/':
          if (!r.isZero()) return l.div(r);
          s.divisionParZero ??= n;
          return null;
      }
      return null;
    }
    case 'oppose': {
      const v = ev(n.operande, s);
      return v instanceof Rational ? v.neg() : null;
    }
    case 'min':
    case 'max': {
      const l = ev(n.gauche, s);
      const r = ev(n.droite, s);
      if (!(l instanceof Rational) || !(r instanceof Rational)) return null;
      return n.kind === 'min' ? Rational.min(l, r) : Rational.max(l, r);
    }
    case 'comparaison':
      return evComparaison(n, s);
  }
}

/**
 * Evaluates a tree. Never throws on well-typed or ill-typed trees (type mismatches give null).
 *
 * @example
 * const { value, reads } = evaluateFormule(parseFormule('identite(population, moins_de_3000)'), { identite: { population: 2500 }, reponses: new Map() });
 */
export function evaluateFormule(ast: Noeud, ctx: ContexteEvaluation): EvaluationFormule {
  const s: State = { ctx, reads: [], missing: [], divisionParZero: null };
  let node = ast;
  let index = 1;
  let branch: BrancheSuivie | null = null;
  let value: Valeur = null;
  // The top-level chain is walked here (not recursively) to record the branch that fired.
  for (;;) {
    if (node.kind !== 'si') {
      value = ev(node, s);
      if (node !== ast) branch = { index, final: true, condition: null, expression: node };
      break;
    }
    if (isTrue(ev(node.condition, s))) {
      branch = { index, final: false, condition: node.condition, expression: node.alors };
      value = ev(node.alors, s);
      break;
    }
    if (node.sinon === null) break;
    index++;
    node = node.sinon;
  }
  return { value, reads: s.reads, missing: s.missing, branch, divisionParZero: s.divisionParZero };
}

/** An evaluated rule, ready for `cae explain`: the rule text, the value, what it read, which branch. */
export interface Explication {
  /** The rule this formula belongs to, when the caller knows it. */
  regle?: { actionId?: string; kind?: KindRegle };
  /** The formula text as written, and where it starts in its file. */
  texte: string;
  position: SourcePosition;
  value: Valeur;
  reads: string[];
  missing: string[];
  branch: {
    index: number;
    final: boolean;
    /** Text of the condition that held (null for the final `sinon`), and of the branch taken. */
    condition: string | null;
    expression: string;
    /** Where the branch expression starts in the file. */
    position: SourcePosition;
  } | null;
}

function slice(f: Formule, n: Noeud): string {
  return f.texte.slice(n.pos.offset, n.end).replace(/\s+/g, ' ').trim();
}

/** Evaluates a formula and packs what `explain` shows. */
export function explainFormule(
  formule: Formule,
  ctx: ContexteEvaluation,
  regle?: { actionId?: string; kind?: KindRegle },
): Explication {
  const r = evaluateFormule(formule.ast, ctx);
  const b = r.branch;
  const e: Explication = {
    texte: formule.texte,
    position: { file: formule.file, line: formule.origine.line, column: formule.origine.column },
    value: r.value,
    reads: r.reads,
    missing: r.missing,
    branch: b
      ? {
          index: b.index,
          final: b.final,
          condition: b.condition ? slice(formule, b.condition) : null,
          expression: slice(formule, b.expression),
          position: { file: formule.file, line: b.expression.pos.line, column: b.expression.pos.column },
        }
      : null,
  };
  if (regle) e.regle = regle;
  return e;
}

/** `VRAI`, `FAUX`, `rien`, `3/4`, `voirie_1_a`: a value as explanations and messages show it. */
export function formatValeur(v: Valeur): string {
  if (v === null) return 'rien';
  if (v === true) return 'VRAI';
  if (v === false) return 'FAUX';
  if (typeof v === 'string') return v;
  return v.toFraction();
}

/** Inputs of an indicative score (HEAD's `exprScore`). */
export interface ContexteScoreIndicatif {
  /** The collectivité's value of each indicator (id → exact value); absent or null: no value. */
  indicateurs: ReadonlyMap<string, Rational | null>;
  /** Target values, for `cible(x)`. */
  cibles?: ReadonlyMap<string, Rational | null>;
  /** Limit values, for `limite(x)`. */
  limites?: ReadonlyMap<string, Rational | null>;
  identite?: Identite;
  reponses?: ReadonlyMap<string, Reponse>;
  referentiel?: ContexteReferentiel;
}

export interface ScoreIndicatif extends EvaluationFormule {
  /**
   * The indicative score (exact), shown beside the points and never added to them; null when it
   * cannot be computed: no value for any indicator the formula reads with `val`/`opt_val`, a missing
   * value, target or limit, a division by zero, or a result that is not a number.
   */
  score: Rational | null;
}

/** Indicators the formula reads with `val` or `opt_val`. */
function indicateursLus(ast: Noeud): string[] {
  const ids: string[] = [];
  const stack: Noeud[] = [ast];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'indicateur' && (n.fonction === 'val' || n.fonction === 'opt_val')) ids.push(n.indicateur.nom);
    for (const c of enfants(n)) stack.push(c);
  }
  return ids;
}

/**
 * Evaluates an indicative-score formula (HEAD's `exprScore`) on indicator values, targets and limits.
 * As in HEAD, the score is null when none of the indicators read by `val`/`opt_val` has a value
 * (so `opt_val(a) + opt_val(b)` with neither is null, not 0), and when the result is not a finite
 * number. A text formula is parsed first (and may throw FormuleError).
 *
 * @example
 * const s = evaluateScoreIndicatif('val(cae_7) / 10', { indicateurs: new Map([['cae_7', Rational.of(3)]]), cibles: new Map(), limites: new Map() });
 */
export function evaluateScoreIndicatif(formule: Noeud | string, ctx: ContexteScoreIndicatif): ScoreIndicatif {
  // Plain JavaScript callers get a TypeError naming the argument, not a failure deep inside.
  if (typeof formule !== 'string' && (typeof formule !== 'object' || formule === null || typeof formule.kind !== 'string')) {
    throw new TypeError('evaluateScoreIndicatif : argument formule invalide, attendu un texte ou un arbre de formule');
  }
  if (typeof ctx !== 'object' || ctx === null || !(ctx.indicateurs instanceof Map)) {
    throw new TypeError('evaluateScoreIndicatif : argument ctx invalide, attendu { indicateurs: Map, cibles?, limites? }');
  }
  const ast = typeof formule === 'string' ? parseFormule(formule) : formule;
  const indicateurs: EntreesIndicateurs = { valeurs: ctx.indicateurs };
  if (ctx.cibles) indicateurs.cibles = ctx.cibles;
  if (ctx.limites) indicateurs.limites = ctx.limites;
  const contexte: ContexteEvaluation = { identite: ctx.identite ?? {}, reponses: ctx.reponses ?? new Map(), indicateurs };
  if (ctx.referentiel) contexte.referentiel = ctx.referentiel;
  const r = evaluateFormule(ast, contexte);
  const lus = indicateursLus(ast);
  const sansValeur = lus.length > 0 && lus.every((id) => (ctx.indicateurs.get(id) ?? null) === null);
  const score = !sansValeur && r.value instanceof Rational ? r.value : null;
  return { ...r, score };
}
