/**
 * Static checks run when rules are loaded (scoring.md §6.2, P `formule_checker.py` and HEAD
 * `verify-referentiel-expressions.ts`): question ids, choice ids and the form of `reponse`, identity
 * fields and values, `score()` targets, operand types, and the type of the result (boolean for a
 * désactivation, number for a réduction or a score).
 *
 * Types are sets: a formula may give a boolean, a number, a text (a bare name) or nothing (null),
 * e.g. `si c alors 0.5` is « nombre ou rien ».
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CHAMPS_IDENTITE, isChampIdentite, isValeurIdentite, VALEURS_IDENTITE } from '../identite/identite.js';
import type { Noeud } from './ast.js';
import type { FormuleErrorCode } from './errors.js';
import { parseReferentielArg } from './referentiel-arg.js';

export type TypeQuestion = 'binaire' | 'choix' | 'proportion';

export interface QuestionCatalogue {
  id: string;
  type: TypeQuestion;
  /** Choice ids, for `choix` questions. */
  choix: readonly string[];
}

export type KindRegle = 'desactivation' | 'reduction' | 'score';
/**
 * What a formula is for: a personalisation rule, an indicative score (HEAD's `exprScore`, the only
 * place where `val`, `opt_val`, `cible`, `limite` and `est_suivi` are allowed, and where `score` and
 * `referentiel` are not), or the visibility condition of a question (`exprVisible`).
 */
export type KindFormule = KindRegle | 'score_indicatif' | 'visible';

export interface CheckOptions {
  kind: KindFormule;
  questions: ReadonlyMap<string, QuestionCatalogue>;
  /** When given, `score(x)` targets must exist. */
  actionExists?: (id: string) => boolean;
  /** File name for diagnostic positions (node positions already carry line and column). */
  file?: string;
}

/** Codes of the checker that need the question catalogue (left out when none is given). */
export const CODES_QUESTIONS: ReadonlySet<string> = new Set(['formule-question-inconnue', 'formule-choix-inconnu', 'formule-valeur-binaire', 'formule-forme-reponse']);

/** Bit set of the values a formula may give. */
export const T_BOOLEEN = 1;
export const T_NOMBRE = 2;
export const T_TEXTE = 4;
export const T_RIEN = 8;
export type TypeFormule = number;

/** `booléen`, `nombre ou rien`…: how messages name a type. */
export function describeType(t: TypeFormule): string {
  const parts: string[] = [];
  if (t & T_BOOLEEN) parts.push('booléen');
  if (t & T_NOMBRE) parts.push('nombre');
  if (t & T_TEXTE) parts.push('texte');
  if (t & T_RIEN) parts.push('rien');
  return parts.length === 0 ? 'aucune valeur' : parts.join(' ou ');
}

const ATTENDU: Record<KindFormule, { bit: number; label: string }> = {
  desactivation: { bit: T_BOOLEEN, label: 'une désactivation doit donner un booléen' },
  reduction: { bit: T_NOMBRE, label: 'une réduction de potentiel doit donner un nombre' },
  score: { bit: T_NOMBRE, label: 'un score réalisé doit donner un nombre' },
  score_indicatif: { bit: T_NOMBRE, label: 'un score indicatif doit donner un nombre' },
  visible: { bit: T_BOOLEEN, label: 'une condition de visibilité doit donner un booléen' },
};

class Checker {
  readonly out: Diagnostic[] = [];
  constructor(
    private readonly questions: ReadonlyMap<string, QuestionCatalogue> | null,
    private readonly actionExists: ((id: string) => boolean) | undefined,
    private readonly file: string,
    /** Null when the kind is unknown (typeFormule): no check of where functions are allowed. */
    private readonly kind: KindFormule | null = null,
  ) {}

  /** Indicator functions only in an indicative score; score() and referentiel() never there. */
  private contexte(n: Noeud, fn: string, indicateur: boolean): void {
    if (this.kind === null) return;
    if (indicateur && this.kind !== 'score_indicatif') {
      this.report('formule-fonction-inconnue', `« ${fn} » n'est permis que dans un score indicatif (exprScore)`, n.pos);
    } else if (!indicateur && this.kind === 'score_indicatif') {
      this.report('formule-fonction-inconnue', `« ${fn} » n'est pas permis dans un score indicatif (exprScore)`, n.pos);
    }
  }

  report(code: FormuleErrorCode, message: string, p: { line: number; column: number }): void {
    this.out.push(diagnostic(code, 'error', message, { file: this.file, line: p.line, column: p.column }));
  }

  private expect(n: Noeud, t: TypeFormule, bits: number, what: string): void {
    // Null is always allowed (it propagates); anything else outside `bits` is an operand error.
    if ((t & ~(bits | T_RIEN)) !== 0) {
      this.report('formule-type-operande', `${what} : ${describeType(bits)} attendu, trouvé ${describeType(t)}`, n.pos);
    }
  }

  type(n: Noeud): TypeFormule {
    switch (n.kind) {
      case 'si': {
        const c = this.type(n.condition);
        this.expect(n.condition, c, T_BOOLEEN, 'la condition d\'un « si »');
        const a = this.type(n.alors);
        const s = n.sinon ? this.type(n.sinon) : T_RIEN;
        return a | s;
      }
      case 'logique': {
        const l = this.type(n.gauche);
        const r = this.type(n.droite);
        this.expect(n.gauche, l, T_BOOLEEN, `opérande de « ${n.op} »`);
        this.expect(n.droite, r, T_BOOLEEN, `opérande de « ${n.op} »`);
        return T_BOOLEEN; // null counts as false
      }
      case 'comparaison': {
        const l = this.type(n.gauche);
        const r = this.type(n.droite);
        if (n.op === '=') {
          const lv = l & ~T_RIEN;
          const rv = r & ~T_RIEN;
          if (lv !== 0 && rv !== 0 && (lv & rv) === 0) {
            this.report('formule-type-operande', `comparaison « = » entre ${describeType(lv)} et ${describeType(rv)}`, n.pos);
          }
        } else {
          this.expect(n.gauche, l, T_NOMBRE, `opérande de « ${n.op} »`);
          this.expect(n.droite, r, T_NOMBRE, `opérande de « ${n.op} »`);
        }
        return T_BOOLEEN | ((l | r) & T_RIEN);
      }
      case 'arithmetique': {
        const l = this.type(n.gauche);
        const r = this.type(n.droite);
        this.expect(n.gauche, l, T_NOMBRE, `opérande de « ${n.op} »`);
        this.expect(n.droite, r, T_NOMBRE, `opérande de « ${n.op} »`);
        // Division by zero gives null, unless the divisor is a non-zero literal.
        const divNull = n.op === '/' && !(n.droite.kind === 'nombre' && !n.droite.valeur.isZero());
        return T_NOMBRE | ((l | r) & T_RIEN) | (divNull ? T_RIEN : 0);
      }
      case 'oppose': {
        const t = this.type(n.operande);
        this.expect(n.operande, t, T_NOMBRE, 'opérande du « - »');
        return T_NOMBRE | (t & T_RIEN);
      }
      case 'min':
      case 'max': {
        const l = this.type(n.gauche);
        const r = this.type(n.droite);
        this.expect(n.gauche, l, T_NOMBRE, `argument de « ${n.kind} »`);
        this.expect(n.droite, r, T_NOMBRE, `argument de « ${n.kind} »`);
        return T_NOMBRE | ((l | r) & T_RIEN);
      }
      case 'identite':
        this.identite(n);
        return T_BOOLEEN;
      case 'reponse':
        return this.reponse(n);
      case 'score':
        this.contexte(n, 'score', false);
        if (this.actionExists && !this.actionExists(n.action.nom)) {
          this.report('formule-score-inconnu', `action inconnue « ${n.action.nom} » dans score()`, n.action.pos);
        }
        return T_NOMBRE | T_RIEN;
      case 'referentiel': {
        this.contexte(n, 'referentiel', false);
        const r = parseReferentielArg(n.referentiel.nom);
        if (!r.ok) this.report('formule-referentiel-inconnu', r.raison, n.referentiel.pos);
        return T_BOOLEEN;
      }
      case 'indicateur':
        this.contexte(n, n.fonction, true);
        // opt_val gives 0 for a missing value; est_suivi is always true or false.
        return n.fonction === 'est_suivi' ? T_BOOLEEN : n.fonction === 'opt_val' ? T_NOMBRE : T_NOMBRE | T_RIEN;
      case 'booleen':
        return T_BOOLEEN;
      case 'nombre':
        return T_NOMBRE;
      case 'nom':
        return T_TEXTE;
    }
  }

  private identite(n: Extract<Noeud, { kind: 'identite' }>): void {
    const champ = n.champ.nom;
    if (!isChampIdentite(champ)) {
      this.report('formule-identite-inconnue', `champ d'identité inconnu « ${champ} », attendu ${CHAMPS_IDENTITE.join(', ')}`, n.champ.pos);
      return;
    }
    if (!isValeurIdentite(champ, n.valeur.nom)) {
      this.report(
        'formule-identite-inconnue',
        `valeur inconnue « ${n.valeur.nom} » pour identite(${champ}, …), attendu ${VALEURS_IDENTITE[champ].join(', ')}`,
        n.valeur.pos,
      );
    }
  }

  private reponse(n: Extract<Noeud, { kind: 'reponse' }>): TypeFormule {
    const id = n.question.nom;
    const result = n.valeur ? T_BOOLEEN : T_NOMBRE | T_RIEN;
    if (!this.questions) return result;
    const q = this.questions.get(id);
    if (!q) {
      this.report('formule-question-inconnue', `question inconnue « ${id} »`, n.question.pos);
      return result;
    }
    if (n.valeur === null) {
      if (q.type !== 'proportion') {
        const exemple = q.type === 'binaire' ? 'OUI' : (q.choix[0] ?? 'choix');
        this.report(
          'formule-forme-reponse',
          `la question « ${id} » est de type ${q.type} : une valeur est attendue, comme reponse(${id}, ${exemple})`,
          n.pos,
        );
      }
      return result;
    }
    const v = n.valeur.nom;
    switch (q.type) {
      case 'proportion':
        this.report(
          'formule-forme-reponse',
          `la question « ${id} » est une proportion : écrivez reponse(${id}) sans valeur`,
          n.valeur.pos,
        );
        break;
      case 'binaire': {
        const u = v.toUpperCase();
        if (u !== 'OUI' && u !== 'NON') {
          this.report('formule-valeur-binaire', `valeur « ${v} » inattendue pour la question binaire « ${id} », attendu OUI ou NON`, n.valeur.pos);
        }
        break;
      }
      case 'choix':
        if (!q.choix.includes(v)) {
          this.report(
            'formule-choix-inconnu',
            `choix inconnu « ${v} » pour la question « ${id} », attendu ${q.choix.join(', ') || '(aucun choix déclaré)'}`,
            n.valeur.pos,
          );
        }
        break;
    }
    return result;
  }
}

/** The set of values a formula may give (`T_BOOLEEN | T_RIEN`…), without a question catalogue. */
export function typeFormule(ast: Noeud, questions?: ReadonlyMap<string, QuestionCatalogue>): TypeFormule {
  return new Checker(questions ?? null, undefined, '<formule>').type(ast);
}

/**
 * Checks a parsed formula against the question catalogue and the rule kind. Returns diagnostics
 * (empty when the formula is sound), never throws.
 *
 * @example
 * const diagnostics = checkFormule(parseFormule(text), { kind: 'reduction', questions: catalogue });
 */
export function checkFormule(ast: Noeud, options: CheckOptions): Diagnostic[] {
  const checker = new Checker(options.questions, options.actionExists, options.file ?? '<formule>', options.kind);
  const t = checker.type(ast);
  const attendu = ATTENDU[options.kind];
  const autres = (T_BOOLEEN | T_NOMBRE | T_TEXTE) & ~attendu.bit;
  if ((t & attendu.bit) === 0 || (t & autres) !== 0) {
    checker.report('formule-type-resultat', `${attendu.label}, cette formule donne ${describeType(t)}`, ast.pos);
  }
  return checker.out;
}
