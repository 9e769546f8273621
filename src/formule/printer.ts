/**
 * Prints a tree back to formula text, with the fewest parentheses that keep the same tree:
 * `parseFormule(printFormule(ast))` gives `ast` again (positions aside). Used by the linter and by
 * explanations.
 */
import type { Noeud } from './ast.js';

// Binding strength, loosest first. A child printed at a weaker level than required gets parentheses.
const SI = 0;
const OU = 1;
const ET = 2;
const COMPARE = 3;
const TERM = 4;
const FACTOR = 5;
const UNARY = 6;

function level(n: Noeud): number {
  switch (n.kind) {
    case 'si':
      return SI;
    case 'logique':
      return n.op === 'ou' ? OU : ET;
    case 'comparaison':
      return COMPARE;
    case 'arithmetique':
      return n.op === '+' || n.op === '-' ? TERM : FACTOR;
    case 'oppose':
      return UNARY;
    default:
      return UNARY + 1;
  }
}

function at(n: Noeud, min: number): string {
  const s = print(n);
  return level(n) < min ? `(${s})` : s;
}

function print(n: Noeud): string {
  switch (n.kind) {
    case 'si': {
      // A `si` in the `alors` branch would capture our `sinon`: parenthesise it.
      const alors = n.sinon !== null && n.alors.kind === 'si' ? `(${print(n.alors)})` : print(n.alors);
      const head = `si ${at(n.condition, OU)} alors ${alors}`;
      return n.sinon === null ? head : `${head} sinon ${print(n.sinon)}`;
    }
    case 'logique': {
      const l = n.op === 'ou' ? OU : ET;
      // Left-associative: the left child may sit at the same level, the right one must bind tighter.
      return `${at(n.gauche, l)} ${n.op} ${at(n.droite, l + 1)}`;
    }
    case 'comparaison':
      return `${at(n.gauche, COMPARE)} ${n.op} ${at(n.droite, COMPARE + 1)}`;
    case 'arithmetique': {
      const l = level(n);
      return `${at(n.gauche, l)} ${n.op} ${at(n.droite, l + 1)}`;
    }
    case 'oppose': {
      return `-${at(n.operande, UNARY)}`;
    }
    case 'min':
    case 'max':
      return `${n.kind}(${print(n.gauche)}, ${print(n.droite)})`;
    case 'identite':
      return `identite(${n.champ.nom}, ${n.valeur.nom})`;
    case 'reponse':
      return n.valeur ? `reponse(${n.question.nom}, ${n.valeur.nom})` : `reponse(${n.question.nom})`;
    case 'score':
      return `score(${n.action.nom})`;
    case 'referentiel':
      return `referentiel(${n.referentiel.nom})`;
    case 'indicateur':
      return n.source ? `${n.fonction}(${n.indicateur.nom}, ${n.source.nom})` : `${n.fonction}(${n.indicateur.nom})`;
    case 'booleen':
      return n.texte;
    case 'nombre':
      return n.texte;
    case 'nom':
      return n.nom;
  }
}

export function printFormule(ast: Noeud): string {
  return print(ast);
}
