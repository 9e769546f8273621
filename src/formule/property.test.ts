/**
 * Properties: the parser never throws anything but FormuleError, whatever the input; and printing a
 * tree then parsing it gives the same tree back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import type { Noeud, NomArgument } from './ast.js';
import { checkFormule } from './check.js';
import { FormuleError } from './errors.js';
import { evaluateFormule } from './evaluate.js';
import { KEYWORDS } from './lexer.js';
import { parseFormule } from './parser.js';
import { printFormule } from './printer.js';
import { stripPositions as strip } from '../../test/support/formule-ast.js';

const TOKENS = [
  'si', 'SI', 'alors', 'sinon', 'et', 'ou', 'VRAI', 'faux', 'OUI', 'NON', 'identite', 'reponse', 'score',
  'min', 'max', '(', ')', ',', '+', '-', '*', '/', '=', '<', '>', '<=', '>=', '0', '1.5', '2/3', 'a',
  'etat_1', 'sinon_x', 'cae_1.2.3', 'type', 'commune', '\n', '!', '@', '.', '1.', '3x', 'é', '\u0000',
  'referentiel', 'val', 'opt_val', 'cible', 'limite', 'est_suivi', 'te_2.1.3', 'cae_49.f-hab', 'te-test', 'a-', '-b',
];

const soup = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).chain((ts) =>
    fc.array(fc.constantFrom(' ', '', '\n', '\t'), { minLength: ts.length, maxLength: ts.length }).map((ws) =>
      ts.map((t, i) => t + ws[i]).join(''),
    ),
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

const ctx = {
  identite: { type: 'commune', population: 1000, dansAireUrbaine: true },
  reponses: new Map(),
  referentiel: { id: 'te', version: '2.1.3' },
  indicateurs: { valeurs: new Map([['a', Rational.ONE]]), cibles: new Map([['a', Rational.ZERO]]) },
};

describe('token soup', () => {
  it('never throws anything but FormuleError; what parses also prints, checks and evaluates', () => {
    fc.assert(
      fc.property(soup, (text) => {
        let ast: Noeud;
        try {
          ast = parseFormule(text);
        } catch (e) {
          if (!(e instanceof FormuleError)) throw e;
          expect(e.position.line).toBeGreaterThanOrEqual(1);
          expect(e.offset).toBeGreaterThanOrEqual(0);
          expect(e.offset).toBeLessThanOrEqual(text.length);
          return;
        }
        expect(strip(parseFormule(printFormule(ast)))).toEqual(strip(ast));
        checkFormule(ast, { kind: 'reduction', questions: new Map() });
        evaluateFormule(ast, ctx);
      }),
      { numRuns: 3000 },
    );
  });
});

const P = { offset: 0, line: 1, column: 1 };
const base = { pos: P, end: 0 };
const word = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.]{0,6}$/);
const name = word.filter((w) => !KEYWORDS.has(w.toLowerCase()));
// Dashed names (`cae_49.f-hab`) too, as long as the part before the first dash is no keyword.
const dashed = fc
  .tuple(fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.]{0,4}$/), fc.stringMatching(/^[a-zA-Z0-9_][a-zA-Z0-9_]{0,3}$/))
  .filter(([a]) => !KEYWORDS.has(a.toLowerCase()))
  .map(([a, b]) => `${a}-${b}`);
const arg = fc.oneof(word, dashed).map((nom): NomArgument => ({ nom, pos: P }));
const FONCTIONS = ['val', 'opt_val', 'cible', 'limite', 'est_suivi'] as const;

const leaf: fc.Arbitrary<Noeud> = fc.oneof(
  fc.stringMatching(/^\d{1,3}(\.\d{1,2})?$/).map((texte): Noeud => ({ kind: 'nombre', valeur: Rational.parseDecimal(texte)!, texte, ...base })),
  fc.constantFrom('VRAI', 'faux', 'OUI', 'non', 'Vrai').map((texte): Noeud => ({
    kind: 'booleen',
    valeur: ['vrai', 'oui'].includes(texte.toLowerCase()),
    texte,
    ...base,
  })),
  fc.oneof(name, dashed).map((nom): Noeud => ({ kind: 'nom', nom, ...base })),
  fc.tuple(arg, arg).map(([champ, valeur]): Noeud => ({ kind: 'identite', champ, valeur, cle: `identite.${champ.nom}`, ...base })),
  fc.tuple(arg, fc.option(arg)).map(([question, valeur]): Noeud => ({ kind: 'reponse', question, valeur, cle: `reponse.${question.nom}`, ...base })),
  arg.map((action): Noeud => ({ kind: 'score', action, cle: `score.${action.nom}`, ...base })),
  arg.map((referentiel): Noeud => ({ kind: 'referentiel', referentiel, cle: 'referentiel', ...base })),
  fc.tuple(fc.constantFrom(...FONCTIONS), arg, fc.option(arg)).map(([fonction, indicateur, source]): Noeud => ({
    kind: 'indicateur',
    fonction,
    indicateur,
    source: fonction === 'val' || fonction === 'opt_val' ? source : null,
    cle: `${fonction === 'cible' || fonction === 'limite' ? fonction : 'indicateur'}.${indicateur.nom}`,
    ...base,
  })),
);

const { tree } = fc.letrec<{ tree: Noeud }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(tie('tree'), tie('tree'), fc.option(tie('tree'))).map(([condition, alors, sinon]): Noeud => ({ kind: 'si', condition, alors, sinon, ...base })),
    fc.tuple(fc.constantFrom('et' as const, 'ou' as const), tie('tree'), tie('tree')).map(([op, gauche, droite]): Noeud => ({ kind: 'logique', op, gauche, droite, ...base })),
    fc.tuple(fc.constantFrom('=' as const, '<' as const, '>' as const, '<=' as const, '>=' as const), tie('tree'), tie('tree')).map(
      ([op, gauche, droite]): Noeud => ({ kind: 'comparaison', op, gauche, droite, ...base }),
    ),
    fc.tuple(fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const), tie('tree'), tie('tree')).map(
      ([op, gauche, droite]): Noeud => ({ kind: 'arithmetique', op, gauche, droite, ...base }),
    ),
    tie('tree').map((operande): Noeud => ({ kind: 'oppose', operande, ...base })),
    fc.tuple(fc.constantFrom('min' as const, 'max' as const), tie('tree'), tie('tree')).map(([kind, gauche, droite]): Noeud => ({ kind, gauche, droite, ...base })),
  ),
}));

describe('printFormule', () => {
  it('round-trips random trees through the parser', () => {
    fc.assert(
      fc.property(tree, (ast) => {
        const text = printFormule(ast);
        expect(strip(parseFormule(text)), text).toEqual(strip(ast));
        // Evaluation of arbitrary (ill-typed) trees never throws either.
        evaluateFormule(ast, ctx);
      }),
      { numRuns: 3000 },
    );
  });
});
