/**
 * Hand-written recursive-descent parser of the formula language (HEAD grammar, a superset of P):
 *
 *   statement  := "si" expression "alors" statement [ "sinon" statement ] | expression
 *   expression := and ( "ou" and )*
 *   and        := compare ( "et" compare )*
 *   compare    := term ( ( "=" | "<" | ">" | "<=" | ">=" ) term )*
 *   term       := factor ( ( "+" | "-" ) factor )*          left-associative
 *   factor     := unary ( ( "*" | "/" ) unary )*            left-associative
 *   unary      := "-" unary | primary
 *   primary    := "(" statement ")" | NUMBER | VRAI | FAUX | OUI | NON | NAME
 *               | identite "(" NAME "," NAME ")" | reponse "(" NAME [ "," ( NAME | NUMBER ) ] ")"
 *               | score "(" NAME ")" | min "(" statement "," statement ")" | max "(" … ")"
 *               | referentiel "(" NAME ")"                                  (HEAD, personalisation)
 *               | ( val | opt_val ) "(" NAME [ "," NAME ] ")"               (HEAD, indicative score)
 *               | ( cible | limite | est_suivi ) "(" NAME ")"               (HEAD, indicative score)
 *
 * Keywords are case-insensitive whole words; whitespace and newlines are ignored anywhere.
 * Limits (hostile input never overflows the stack): see LIMITES.
 */
import { requireArgument } from '../diagnostics/argument.js';
import { Rational } from '../exact/rational.js';
import type {
  FonctionIndicateur,
  Formule,
  FormulePosition,
  Noeud,
  NomArgument,
  OperateurArithmetique,
  OperateurComparaison,
} from './ast.js';
import { FormuleError, PositionMapper, type FormuleErrorCode } from './errors.js';
import { describeToken, tokenize, type Keyword, type Token } from './lexer.js';

export const LIMITES = {
  /** Longest formula text accepted, in UTF-16 code units. */
  longueur: 10_000,
  /** Deepest nesting (parentheses, `si`, calls, unary minus) and deepest syntax tree. */
  profondeur: 200,
} as const;

export interface OrigineFormule {
  /** File name shown in errors; `<formule>` by default. */
  file?: string;
  /** Position of the formula's first character in its file (1-based); 1:1 by default. */
  line?: number;
  column?: number;
}

const COMPARAISONS: ReadonlySet<string> = new Set(['=', '<', '>', '<=', '>=']);

/**
 * Functions HEAD added, read as calls only when a `(` follows: they are not keywords, so a question,
 * a choice or a bare name may still be called `cible` or `limite`.
 */
export type FonctionContextuelle = 'referentiel' | FonctionIndicateur;
export const FONCTIONS_CONTEXTUELLES: readonly FonctionContextuelle[] = ['referentiel', 'val', 'opt_val', 'cible', 'limite', 'est_suivi'];
function isFonctionContextuelle(s: string): s is FonctionContextuelle {
  return (FONCTIONS_CONTEXTUELLES as readonly string[]).includes(s);
}

/** Minimum and maximum number of arguments of each name-argument function. */
const ARITES: Readonly<Record<'identite' | 'reponse' | 'score' | FonctionContextuelle, readonly [number, number]>> = {
  identite: [2, 2],
  reponse: [1, 2],
  score: [1, 1],
  referentiel: [1, 1],
  val: [1, 2],
  opt_val: [1, 2],
  cible: [1, 1],
  limite: [1, 1],
  est_suivi: [1, 1],
};

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly map: PositionMapper,
  ) {}

  private get tok(): Token {
    return this.tokens[this.i]!;
  }
  private at(offset: number): FormulePosition {
    return this.map.at(offset);
  }
  fail(code: FormuleErrorCode, raison: string, offset: number): never {
    throw new FormuleError(code, raison, this.map.source(this.map.at(offset)), offset, this.text);
  }
  private isKw(k: Keyword): boolean {
    return this.tok.kw === k;
  }
  private isPunct(p: string): boolean {
    const t = this.tok;
    return t.type === 'ponctuation' && t.text === p;
  }
  private expectPunct(p: string, context: string): Token {
    if (!this.isPunct(p)) this.fail('formule-syntaxe', `« ${p} » attendu ${context}, trouvé ${describeToken(this.tok)}`, this.tok.start);
    return this.tokens[this.i++]!;
  }
  private enter(offset: number): void {
    if (++this.depth > LIMITES.profondeur) {
      this.fail('formule-limite', `formule trop imbriquée : plus de ${LIMITES.profondeur} niveaux`, offset);
    }
  }

  parseFormule(): Noeud {
    const node = this.statement();
    if (this.tok.type !== 'fin') {
      const t = this.tok;
      const hint =
        t.kw === 'alors' || t.kw === 'sinon' ? ` (« ${t.kw} » sans « si » correspondant)` : '';
      this.fail('formule-syntaxe', `fin de formule attendue, trouvé ${describeToken(t)}${hint}`, t.start);
    }
    return node;
  }

  private statement(): Noeud {
    const t = this.tok;
    if (t.kw !== 'si') return this.expression();
    this.enter(t.start);
    this.i++;
    const condition = this.expression();
    if (!this.isKw('alors')) {
      this.fail('formule-syntaxe', `« alors » attendu après la condition, trouvé ${describeToken(this.tok)}`, this.tok.start);
    }
    this.i++;
    const alors = this.statement();
    let sinon: Noeud | null = null;
    if (this.isKw('sinon')) {
      this.i++;
      sinon = this.statement();
    }
    this.depth--;
    return { kind: 'si', condition, alors, sinon, pos: this.at(t.start), end: (sinon ?? alors).end };
  }

  private expression(): Noeud {
    let left = this.and();
    while (this.isKw('ou')) {
      this.i++;
      const right = this.and();
      left = { kind: 'logique', op: 'ou', gauche: left, droite: right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private and(): Noeud {
    let left = this.compare();
    while (this.isKw('et')) {
      this.i++;
      const right = this.compare();
      left = { kind: 'logique', op: 'et', gauche: left, droite: right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private compare(): Noeud {
    let left = this.term();
    while (this.tok.type === 'ponctuation' && COMPARAISONS.has(this.tok.text)) {
      const op = this.tokens[this.i++]!.text as OperateurComparaison;
      const right = this.term();
      left = { kind: 'comparaison', op, gauche: left, droite: right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private term(): Noeud {
    let left = this.factor();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.tokens[this.i++]!.text as OperateurArithmetique;
      const right = this.factor();
      left = { kind: 'arithmetique', op, gauche: left, droite: right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private factor(): Noeud {
    let left = this.unary();
    while (this.isPunct('*') || this.isPunct('/')) {
      const op = this.tokens[this.i++]!.text as OperateurArithmetique;
      const right = this.unary();
      left = { kind: 'arithmetique', op, gauche: left, droite: right, pos: left.pos, end: right.end };
    }
    return left;
  }

  private unary(): Noeud {
    const t = this.tok;
    if (!this.isPunct('-')) return this.primary();
    this.enter(t.start);
    this.i++;
    const operande = this.unary();
    this.depth--;
    return { kind: 'oppose', operande, pos: this.at(t.start), end: operande.end };
  }

  private primary(): Noeud {
    const t = this.tok;
    if (t.type === 'nombre') {
      this.i++;
      return { kind: 'nombre', valeur: Rational.parseDecimal(t.text)!, texte: t.text, pos: this.at(t.start), end: t.end };
    }
    if (this.isPunct('(')) {
      this.enter(t.start);
      this.i++;
      const inner = this.statement();
      this.expectPunct(')', `pour fermer la parenthèse ouverte en colonne ${this.at(t.start).column}`);
      this.depth--;
      return inner;
    }
    if (t.type !== 'mot') {
      this.fail('formule-syntaxe', `expression attendue, trouvé ${describeToken(t)}`, t.start);
    }
    switch (t.kw) {
      case 'vrai':
      case 'oui':
      case 'faux':
      case 'non':
        this.i++;
        return {
          kind: 'booleen',
          valeur: t.kw === 'vrai' || t.kw === 'oui',
          texte: t.text,
          pos: this.at(t.start),
          end: t.end,
        };
      case 'identite':
      case 'reponse':
      case 'score':
        return this.nameCall(t, t.kw);
      case 'min':
      case 'max':
        return this.minMax(t, t.kw);
      case 'si':
        this.fail('formule-syntaxe', `« si » inattendu ici : mettez le « si … alors … » entre parenthèses`, t.start);
      case null: {
        const next = this.tokens[this.i + 1]!;
        if (next.type === 'ponctuation' && next.text === '(') {
          const fn = t.text.toLowerCase();
          if (isFonctionContextuelle(fn)) return this.nameCall(t, fn);
          this.fail(
            'formule-fonction-inconnue',
            `fonction inconnue « ${t.text} », attendu identite, reponse, score, referentiel, min, max, val, opt_val, cible, limite ou est_suivi`,
            t.start,
          );
        }
        this.i++;
        return { kind: 'nom', nom: t.text, pos: this.at(t.start), end: t.end };
      }
      default:
        this.fail('formule-syntaxe', `expression attendue, trouvé ${describeToken(t)}`, t.start);
    }
  }

  /**
   * `identite(champ, valeur)`, `reponse(q [, v])`, `score(action)`, `referentiel(r)`, `val(x [, source])`,
   * `opt_val(x [, source])`, `cible(x)`, `limite(x)`, `est_suivi(x)`: arguments are names.
   */
  private nameCall(t: Token, fn: 'identite' | 'reponse' | 'score' | FonctionContextuelle): Noeud {
    this.i++;
    this.expectPunct('(', `après « ${t.text} »`);
    const args: NomArgument[] = [];
    if (this.isPunct(')')) {
      this.i++;
    } else {
      for (;;) {
        const a = this.tok;
        // HEAD also compares a proportion to a number: `reponse(q, 0.5)`.
        const nombre = a.type === 'nombre' && fn === 'reponse' && args.length === 1;
        if (a.type !== 'mot' && !nombre) {
          this.fail('formule-syntaxe', `nom attendu comme argument de « ${fn} », trouvé ${describeToken(a)}`, a.start);
        }
        args.push({ nom: a.text, pos: this.at(a.start) });
        this.i++;
        if (this.isPunct(',')) {
          this.i++;
          continue;
        }
        this.expectPunct(')', `après l'argument « ${a.text} »`);
        break;
      }
    }
    const end = this.tokens[this.i - 1]!.end;
    const [min, max] = ARITES[fn];
    if (args.length < min || args.length > max) {
      const attendu = min === max ? `${min} argument${min > 1 ? 's' : ''}` : `${min} ou ${max} arguments`;
      this.fail('formule-arite', `« ${fn} » attend ${attendu}, reçu ${args.length}`, t.start);
    }
    const pos = this.at(t.start);
    switch (fn) {
      case 'identite': {
        const champ = args[0]!;
        return { kind: 'identite', champ, valeur: args[1]!, cle: `identite.${champ.nom}`, pos, end };
      }
      case 'reponse': {
        const question = args[0]!;
        return { kind: 'reponse', question, valeur: args[1] ?? null, cle: `reponse.${question.nom}`, pos, end };
      }
      case 'score': {
        const action = args[0]!;
        return { kind: 'score', action, cle: `score.${action.nom}`, pos, end };
      }
      case 'referentiel':
        return { kind: 'referentiel', referentiel: args[0]!, cle: 'referentiel', pos, end };
      default: {
        const indicateur = args[0]!;
        const prefixe = fn === 'cible' || fn === 'limite' ? fn : 'indicateur';
        return { kind: 'indicateur', fonction: fn, indicateur, source: args[1] ?? null, cle: `${prefixe}.${indicateur.nom}`, pos, end };
      }
    }
  }

  private minMax(t: Token, fn: 'min' | 'max'): Noeud {
    this.i++;
    this.expectPunct('(', `après « ${t.text} »`);
    this.enter(t.start);
    const args: Noeud[] = [];
    if (!this.isPunct(')')) {
      for (;;) {
        args.push(this.statement());
        if (this.isPunct(',')) {
          this.i++;
          continue;
        }
        this.expectPunct(')', `pour fermer « ${t.text}( »`);
        break;
      }
    } else {
      this.i++;
    }
    this.depth--;
    if (args.length !== 2) this.fail('formule-arite', `« ${fn} » attend 2 arguments, reçu ${args.length}`, t.start);
    return { kind: fn, gauche: args[0]!, droite: args[1]!, pos: this.at(t.start), end: this.tokens[this.i - 1]!.end };
  }
}

/** Children of a node, for generic walks. */
export function enfants(n: Noeud): Noeud[] {
  switch (n.kind) {
    case 'si':
      return n.sinon ? [n.condition, n.alors, n.sinon] : [n.condition, n.alors];
    case 'logique':
    case 'comparaison':
    case 'arithmetique':
    case 'min':
    case 'max':
      return [n.gauche, n.droite];
    case 'oppose':
      return [n.operande];
    default:
      return [];
  }
}

/** Checks the tree height without recursion (left-deep chains like `1+1+…` are not nested input). */
function checkHeight(root: Noeud, parser: Parser): void {
  const stack: Array<[Noeud, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [n, h] = stack.pop()!;
    if (h > LIMITES.profondeur) {
      parser.fail('formule-limite', `formule trop profonde : plus de ${LIMITES.profondeur} niveaux d'opérations`, n.pos.offset);
    }
    for (const c of enfants(n)) stack.push([c, h + 1]);
  }
}

/**
 * Parses one formula. `origine` is the position of its first character in its Markdown file, so
 * errors and node positions are absolute. Throws `FormuleError` (and nothing else) on bad input.
 *
 * @example
 * const ast = parseFormule('si reponse(dechets_1, OUI) alors 0.5 sinon 1');
 */
export function parseFormule(text: string, origine: OrigineFormule = {}): Noeud {
  requireArgument(typeof text === 'string', 'parseFormule', 'text', 'le texte de la formule (une chaîne)', text);
  return parseFormuleComplete(text, origine).ast;
}

/** Same as parseFormule, but keeps the text and origin beside the tree (for explanations). */
export function parseFormuleComplete(text: string, origine: OrigineFormule = {}): Formule {
  const file = origine.file ?? '<formule>';
  const line = origine.line ?? 1;
  const column = origine.column ?? 1;
  if (typeof text !== 'string') {
    throw new FormuleError('formule-syntaxe', 'texte de formule attendu', { file, line, column }, 0, '');
  }
  const map = new PositionMapper(text, file, line, column);
  const fail = (code: FormuleErrorCode, raison: string, offset: number): never => {
    throw new FormuleError(code, raison, map.source(map.at(offset)), offset, text);
  };
  if (text.length > LIMITES.longueur) {
    fail('formule-limite', `formule trop longue : ${text.length} caractères, au plus ${LIMITES.longueur}`, LIMITES.longueur);
  }
  const tokens = tokenize(text);
  if (!Array.isArray(tokens)) return fail('formule-syntaxe', tokens.raison, tokens.offset);
  const parser = new Parser(text, tokens, map);
  const ast = parser.parseFormule();
  checkHeight(ast, parser);
  return { texte: text, ast, file, origine: { line, column } };
}
