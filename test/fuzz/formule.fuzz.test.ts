/**
 * Fuzzing the formula language: parseFormule throws nothing but FormuleError (with a stable code
 * and a position inside the text's lines); a parsed formula goes through checkFormule and
 * evaluateFormule without throwing, whatever the identity, the answers and the scores.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';
import { type QuestionCatalogue, type KindRegle, checkFormule } from '../../src/formule/check.js';
import { FORMULE_ERROR_CODES, FormuleError } from '../../src/formule/errors.js';
import { type Reponse, evaluateFormule } from '../../src/formule/evaluate.js';
import { parseFormule } from '../../src/formule/parser.js';
import type { Identite } from '../../src/identite/identite.js';
import { parseQuestionsFiles } from '../../src/personnalisation/parse-questions.js';
import { questionCatalogue } from '../../src/personnalisation/compile-personnalisation.js';
import { corpusFiles, expectNoPollution, formulesOf, fuzz, fuzzTimeout, mutatedText, reglesPreuveSeeds } from './support.js';

const HAND_FORMULES = [
  'si identite(population, moins_de_3000) alors 1 sinon 2',
  'si reponse(dechets_1, OUI) et identite(type, EPCI) alors 0.5 sinon si reponse(habitat_2) > 0.3 alors 2/3 sinon 1',
  'min(reponse(habitat_2) * 2, 1)',
  'max(score(cae_6.1.1) - 0.5, 0) / 3',
  'reponse(EP_1, EP_1_b) ou non reponse(dechets_1, NON)',
  '-(-(1)) + 2 * (3 - 4) / 5',
  'si identite(localisation, DOM) alors VRAI sinon FAUX',
  'reponse(tourisme_1) = 0 ou identite(population, plus_de_100000)',
];
const FORMULES = [...HAND_FORMULES, ...formulesOf(reglesPreuveSeeds()), ...formulesOf(corpusFiles('personnalisations'))];

const FORMULE_TOKENS = [
  'si ', ' alors ', ' sinon ', ' et ', ' ou ', 'non ', 'VRAI', 'FAUX', 'OUI', 'NON', 'identite(', 'reponse(', 'score(', 'min(', 'max(', '(', ')', '((((', '))))',
  ',', '+', '-', '*', '/', '=', '<', '>', '<=', '>=', '0', '1', '0.5', '1/3', '1e400', '9007199254740993', '0.0000001', '-0', ' ', '\n', '\t', '\r\n',
  'type', 'population', 'localisation', 'commune', 'EPCI', 'syndicat', 'DOM', 'Metropole', 'moins_de_3000', 'plus_de_800000', 'inconnu',
  'dechets_1', 'habitat_2', 'EP_1', 'EP_1_b', 'cae_6.1.1', 'cae_1.2.3', '__proto__', 'constructor', 'toString', 'prototype',
  '!', '@', '#', '.', '..', '1.', '3x', 'é', '\u0000', '\uFFFD', '\uD800', '😀', '"', "'",
];

/** Questions for the static checks: the corpus ones, else those the hand formulas name. */
function catalogue(): ReadonlyMap<string, QuestionCatalogue> {
  const files = corpusFiles('questions');
  if (files.length > 0) return questionCatalogue(parseQuestionsFiles(files).questions);
  return new Map<string, QuestionCatalogue>([
    ['dechets_1', { id: 'dechets_1', type: 'binaire', choix: [] }],
    ['habitat_2', { id: 'habitat_2', type: 'proportion', choix: [] }],
    ['EP_1', { id: 'EP_1', type: 'choix', choix: ['EP_1_a', 'EP_1_b'] }],
  ]);
}

const NAMES = ['dechets_1', 'habitat_2', 'EP_1', 'tourisme_1', '__proto__', 'constructor', 'AOM_1'];
const reponseArb: fc.Arbitrary<Reponse> = fc.oneof(
  fc.boolean(),
  fc.constantFrom('EP_1_a', 'EP_1_b', 'OUI', '', '__proto__'),
  fc.tuple(fc.integer({ min: -5, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([n, d]) => Rational.of(n, d)),
);
const contextArb = fc.record({
  identite: fc.record(
    {
      type: fc.constantFrom('commune', 'EPCI', 'syndicat') as fc.Arbitrary<Identite['type']>,
      population: fc.oneof(fc.nat({ max: 2_000_000 }), fc.constant(0), fc.constant(1e9)),
      localisation: fc.constantFrom('DOM', 'Metropole') as fc.Arbitrary<Identite['localisation']>,
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Identite>,
  reponses: fc.array(fc.tuple(fc.constantFrom(...NAMES), reponseArb), { maxLength: 6 }).map((pairs) => new Map(pairs)),
  scores: fc.option(fc.tuple(fc.nat({ max: 10 }), fc.integer({ min: 1, max: 10 }))),
  kind: fc.constantFrom<KindRegle>('desactivation', 'reduction', 'score'),
});

const KNOWN_CODES = new Set<string>(FORMULE_ERROR_CODES);
const QUESTIONS = catalogue();

type Contexte = typeof contextArb extends fc.Arbitrary<infer C> ? C : never;

function runFormule(text: string, ctx: Contexte): void {
  let ast;
  try {
    ast = parseFormule(text, { file: 'f.md', line: 3, column: 1 });
  } catch (error) {
    if (!(error instanceof FormuleError)) throw error;
    if (!KNOWN_CODES.has(error.code)) throw new Error(`code inattendu ${error.code}`);
    const lines = text.split('\n').length;
    if (error.position.line < 3 || error.position.line > 2 + lines || error.position.column < 1) {
      throw new Error(`position hors du texte : ${error.position.line}:${error.position.column}`);
    }
    if (error.raison.trim() === '') throw new Error('raison vide');
    return;
  }
  const diagnostics = checkFormule(ast, { kind: ctx.kind, questions: QUESTIONS, actionExists: (id) => id.startsWith('cae_') });
  for (const d of diagnostics) if (!KNOWN_CODES.has(d.code)) throw new Error(`code de vérification inattendu ${d.code}`);
  const score = ctx.scores ? (): Rational | null => Rational.of(ctx.scores![0], ctx.scores![1]) : undefined;
  const r = evaluateFormule(ast, { identite: ctx.identite, reponses: ctx.reponses, ...(score ? { score } : {}) });
  const v = r.value;
  if (!(v === null || typeof v === 'boolean' || typeof v === 'string' || v instanceof Rational)) throw new Error(`valeur inattendue ${String(v)}`);
  expectNoPollution();
}

describe('fuzz: formula parser, checker and evaluator', () => {
  it('mutations of real formulas', () => {
    fuzz('formule-mutations', 4, fc.tuple(mutatedText(FORMULES, FORMULE_TOKENS, 8), contextArb), ([text, ctx]) => runFormule(text, ctx));
  }, fuzzTimeout(4, 2));

  it('token soup', () => {
    const soup = fc.array(fc.constantFrom(...FORMULE_TOKENS), { maxLength: 40 }).map((t) => t.join(''));
    fuzz('formule-tokens', 2, fc.tuple(soup, contextArb), ([text, ctx]) => runFormule(text, ctx));
  }, fuzzTimeout(2, 2));

  it('deep and long formulas near the limits', () => {
    const deep = fc
      .tuple(fc.integer({ min: 150, max: 5_100 }), fc.constantFrom('(', '-', 'si VRAI alors ', 'min(1,', 'non '), fc.constantFrom(')', '', '', ')', ''))
      .map(([n, open, close]) => open.repeat(n) + '1' + close.repeat(n));
    fuzz('formule-profondeur', 0.05, fc.tuple(deep, contextArb), ([text, ctx]) => runFormule(text, ctx));
  }, fuzzTimeout(0.05, 20));
});
