import { describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import type { Noeud } from './ast.js';
import { FormuleError, formatFormuleError } from './errors.js';
import { evaluateFormule } from './evaluate.js';
import { LIMITES, parseFormule } from './parser.js';
import { printFormule } from './printer.js';

const ctx = { identite: {}, reponses: new Map() };
const num = (text: string): string => {
  const v = evaluateFormule(parseFormule(text), ctx).value;
  if (!(v instanceof Rational)) throw new Error(`not a number: ${String(v)}`);
  return v.toFraction();
};
const value = (text: string) => evaluateFormule(parseFormule(text), ctx).value;

function error(text: string, origine = {}): FormuleError {
  try {
    parseFormule(text, origine);
  } catch (e) {
    if (e instanceof FormuleError) return e;
    throw e;
  }
  throw new Error(`parsed: ${text}`);
}

describe('precedence and associativity', () => {
  it('is left-associative for - and /', () => {
    expect(num('10 - 4 - 3')).toBe('3');
    expect(num('24 / 4 / 2')).toBe('3');
    expect(num('2 - 3 + 4')).toBe('3');
  });
  it('binds * / tighter than + -', () => {
    expect(num('2 * 3 + 4')).toBe('10');
    expect(num('2 + 3 * 4')).toBe('14');
    expect(num('(2 + 3) * 4')).toBe('20');
    expect(num('1 + 6 / 3 * 2')).toBe('5');
  });
  it('has unary minus binding tighter than *', () => {
    expect(num('-2 * 3')).toBe('-6');
    expect(num('2 - -3')).toBe('5');
    expect(num('- - 3')).toBe('3');
    expect(num('-(1 + 2)')).toBe('-3');
  });
  it('computes exactly', () => {
    expect(num('0.1 + 0.2')).toBe('3/10');
    expect(num('max(0.1, 2/10) + 1/10')).toBe('3/10');
    expect(num('min(3/4, 0.75)')).toBe('3/4');
  });
  it('binds et tighter than ou', () => {
    // VRAI ou (FAUX et FAUX) = VRAI; (VRAI ou FAUX) et FAUX would be FAUX.
    expect(value('VRAI ou FAUX et FAUX')).toBe(true);
    expect(value('(VRAI ou FAUX) et FAUX')).toBe(false);
    const ast = parseFormule('a = a ou b = c et VRAI');
    expect(ast.kind === 'logique' && ast.op).toBe('ou');
  });
  it('puts comparisons between arithmetic and logic', () => {
    expect(value('1 + 1 = 2 et 3 > 2')).toBe(true);
    expect(value('1/3 < 0.34')).toBe(true);
    expect(value('2 <= 2 et 2 >= 3')).toBe(false);
  });
  it('chains sinon si and binds sinon to the nearest si', () => {
    expect(num('si FAUX alors 1 sinon si FAUX alors 2 sinon si VRAI alors 3 sinon 4')).toBe('3');
    const ast = parseFormule('si VRAI alors si FAUX alors 1 sinon 2');
    expect(ast.kind === 'si' && ast.sinon).toBe(null);
    expect(num('si VRAI alors si FAUX alors 1 sinon 2')).toBe('2');
    expect(value('si FAUX alors 1')).toBe(null);
  });
});

describe('words and keywords', () => {
  it('keeps keyword-prefixed identifiers as names', () => {
    for (const name of ['etat_1', 'sinon_x', 'ou_bien', 'si2', 'alorsX', 'minimum', 'scores', 'non_x', 'ouiz']) {
      const ast = parseFormule(name);
      expect(ast).toMatchObject({ kind: 'nom', nom: name });
    }
    expect(parseFormule('reponse(etat_1, sinon_x)')).toMatchObject({
      kind: 'reponse',
      question: { nom: 'etat_1' },
      valeur: { nom: 'sinon_x' },
    });
  });
  it('reads keywords in any case', () => {
    expect(num('SI Vrai ALORS 1 SiNoN 2')).toBe('1');
    expect(value('vrai ET faux')).toBe(false);
    expect(value('Oui OU non')).toBe(true);
    expect(parseFormule('IDENTITE(type, commune)')).toMatchObject({ kind: 'identite' });
    expect(parseFormule('Reponse(q)')).toMatchObject({ kind: 'reponse', valeur: null });
    expect(num('MAX(1, 2)')).toBe('2');
  });
  it('reads action ids with dots as names', () => {
    expect(parseFormule('score(cae_1.2.3)')).toMatchObject({ kind: 'score', action: { nom: 'cae_1.2.3' }, cle: 'score.cae_1.2.3' });
  });
  it('accepts keywords as call arguments', () => {
    expect(parseFormule('reponse(score, OUI)')).toMatchObject({ question: { nom: 'score' }, valeur: { nom: 'OUI' } });
  });
  it('ignores whitespace and newlines anywhere, even before a call parenthesis', () => {
    const ast = parseFormule('si reponse(a, NON) ou reponse\n(trafic, NON) alors 0.5');
    expect(ast).toMatchObject({ kind: 'si', condition: { kind: 'logique', droite: { kind: 'reponse', question: { nom: 'trafic' } } } });
    expect(parseFormule('reponse (AOM_1, NON)')).toMatchObject({ kind: 'reponse', question: { nom: 'AOM_1' } });
    expect(parseFormule('  max (\n reponse( habitat_2 ) ,\t0.5 )  \n')).toMatchObject({ kind: 'max' });
  });
  it('keeps exact decimals', () => {
    const ast = parseFormule('1.0') as Extract<Noeud, { kind: 'nombre' }>;
    expect(ast.texte).toBe('1.0');
    expect(ast.valeur.equals(Rational.ONE)).toBe(true);
  });
});

describe('positions', () => {
  it('gives every node its absolute line and column', () => {
    const ast = parseFormule('si identite(type, commune)\nalors  max(1, 2)', { file: 'x.md', line: 8, column: 3 });
    expect(ast.pos).toEqual({ offset: 0, line: 8, column: 3 });
    if (ast.kind !== 'si') throw new Error('si');
    expect(ast.condition.pos).toEqual({ offset: 3, line: 8, column: 6 });
    expect(ast.condition.kind === 'identite' && ast.condition.valeur.pos).toEqual({ offset: 18, line: 8, column: 21 });
    // Second line: columns restart at 1, whatever the origin column.
    expect(ast.alors.pos).toEqual({ offset: 34, line: 9, column: 8 });
    expect(ast.end).toBe(43);
  });
});

describe('errors', () => {
  it('reports a missing alors at the right column, with a caret', () => {
    const e = error('si identite(type, commune) 3/4', { file: 'cae_6.md', line: 8, column: 1 });
    expect(e.code).toBe('formule-syntaxe');
    expect(e.message).toBe('cae_6.md:8:28: « alors » attendu après la condition, trouvé « 3 »');
    expect(e.position).toEqual({ file: 'cae_6.md', line: 8, column: 28 });
    expect(formatFormuleError(e)).toBe(
      [
        'cae_6.md:8:28: « alors » attendu après la condition, trouvé « 3 »',
        '  si identite(type, commune) 3/4',
        '                             ^',
      ].join('\n'),
    );
  });
  it('names sinon when it comes instead of alors, on a later line', () => {
    const e = error('si reponse(a, OUI)\nsinon 2', { file: 'f.md', line: 10 });
    expect(e.message).toBe('f.md:11:1: « alors » attendu après la condition, trouvé « sinon »');
    expect(formatFormuleError(e).split('\n').slice(1)).toEqual(['  sinon 2', '  ^']);
  });
  it('reports the end of the formula', () => {
    expect(error('si VRAI alors').raison).toBe('expression attendue, trouvé la fin de la formule');
    expect(error('1 +').raison).toBe('expression attendue, trouvé la fin de la formule');
    expect(error('').raison).toBe('expression attendue, trouvé la fin de la formule');
  });
  it('reports unclosed and stray parentheses', () => {
    const e = error('(1 + 2');
    expect(e.raison).toBe('« ) » attendu pour fermer la parenthèse ouverte en colonne 1, trouvé la fin de la formule');
    expect(e.position.column).toBe(7);
    expect(error('1 + 2)').raison).toBe('fin de formule attendue, trouvé « ) »');
    expect(error('1 sinon 2').raison).toContain('« sinon » sans « si » correspondant');
  });
  it('reports bad characters and malformed numbers', () => {
    const e = error('1 @ 2');
    expect(e.code).toBe('formule-syntaxe');
    expect(e.raison).toBe('caractère inattendu « @ »');
    expect(e.position.column).toBe(3);
    expect(error('3alors').raison).toBe('nombre invalide « 3alors »');
    expect(error('1 != 2').raison).toBe('caractère inattendu « ! »');
  });
  it('checks arity', () => {
    for (const [text, raison] of [
      ['min(1)', '« min » attend 2 arguments, reçu 1'],
      ['max(1, 2, 3)', '« max » attend 2 arguments, reçu 3'],
      ['max()', '« max » attend 2 arguments, reçu 0'],
      ['reponse(a, b, c)', '« reponse » attend 1 ou 2 arguments, reçu 3'],
      ['reponse()', '« reponse » attend 1 ou 2 arguments, reçu 0'],
      ['identite(type)', '« identite » attend 2 arguments, reçu 1'],
      ['score(a, b)', '« score » attend 1 argument, reçu 2'],
    ]) {
      const e = error(text!);
      expect(e.code, text).toBe('formule-arite');
      expect(e.raison, text).toBe(raison);
      expect(e.position.column).toBe(1);
    }
  });
  it('rejects unknown functions and non-name arguments', () => {
    const e = error('1 + foo(2)');
    expect(e.code).toBe('formule-fonction-inconnue');
    expect(e.position.column).toBe(5);
    expect(error('reponse(1)').raison).toBe('nom attendu comme argument de « reponse », trouvé « 1 »');
    expect(error('min 1, 2').raison).toBe('« ( » attendu après « min », trouvé « 1 »');
    expect(error('1 + si VRAI alors 1').raison).toContain('entre parenthèses');
  });
  it('survives hostile input with a positioned limit error', () => {
    const deep = error('('.repeat(20_000) + '1' + ')'.repeat(20_000));
    // 40,001 characters: the length limit comes first.
    expect(deep.code).toBe('formule-limite');
    const nested = error('('.repeat(4_000) + '1' + ')'.repeat(4_000));
    expect(nested.code).toBe('formule-limite');
    expect(nested.raison).toBe(`formule trop imbriquée : plus de ${LIMITES.profondeur} niveaux`);
    expect(nested.position.column).toBe(LIMITES.profondeur + 1);
    const big = error('1 + '.repeat(262_144) + '1');
    expect(big.code).toBe('formule-limite');
    expect(big.raison).toMatch(/^formule trop longue : 1048577 caractères, au plus 10000$/);
    expect(formatFormuleError(big).length).toBeLessThan(500);
    expect(error('-'.repeat(5_000) + '1').code).toBe('formule-limite');
    expect(error('min('.repeat(300) + '1, 2)'.repeat(300)).code).toBe('formule-limite');
    expect(error('si VRAI alors '.repeat(500) + '1').code).toBe('formule-limite');
    // A long flat chain is not nested text, but its tree is deep: limit too, positioned, no overflow.
    const chain = error('1' + ' + 1'.repeat(1_500));
    expect(chain.code).toBe('formule-limite');
  });
  it('accepts nesting up to the limit', () => {
    const n = LIMITES.profondeur - 1;
    expect(num('('.repeat(n) + '1' + ')'.repeat(n))).toBe('1');
    expect(num('1' + ' + 1'.repeat(150))).toBe('151');
  });
});

describe('printFormule', () => {
  it('prints the fewest parentheses that keep the tree', () => {
    expect(printFormule(parseFormule('(10 - 4) - 3'))).toBe('10 - 4 - 3');
    expect(printFormule(parseFormule('10 - (4 - 3)'))).toBe('10 - (4 - 3)');
    expect(printFormule(parseFormule('(a = a ou b = c) et VRAI'))).toBe('(a = a ou b = c) et VRAI');
    expect(printFormule(parseFormule('si VRAI alors (si FAUX alors 1) sinon 2'))).toBe('si VRAI alors (si FAUX alors 1) sinon 2');
    expect(printFormule(parseFormule('reponse\n(trafic,NON)'))).toBe('reponse(trafic, NON)');
  });
});

describe("HEAD's additions", () => {
  it('reads referentiel() and the indicator functions as calls only before a parenthesis', () => {
    expect(parseFormule('referentiel(te_2.1.3)')).toMatchObject({ kind: 'referentiel', referentiel: { nom: 'te_2.1.3' } });
    expect(parseFormule('val(cae_1.a, insee)')).toMatchObject({ kind: 'indicateur', fonction: 'val', indicateur: { nom: 'cae_1.a' }, source: { nom: 'insee' } });
    expect(parseFormule('OPT_VAL (x)')).toMatchObject({ kind: 'indicateur', fonction: 'opt_val' });
    expect(parseFormule('est_suivi(te_2)')).toMatchObject({ kind: 'indicateur', fonction: 'est_suivi', source: null, cle: 'indicateur.te_2' });
    expect(parseFormule('cible(x) - limite(x)')).toMatchObject({ gauche: { cle: 'cible.x' }, droite: { cle: 'limite.x' } });
    // Not keywords: a bare name, a question or a choice may be called cible.
    expect(value('cible')).toBe('cible');
    expect(parseFormule('reponse(limite, val)')).toMatchObject({ kind: 'reponse', question: { nom: 'limite' }, valeur: { nom: 'val' } });
  });
  it('checks their arity', () => {
    expect(error('cible(a, b)').raison).toBe('« cible » attend 1 argument, reçu 2');
    expect(error('val()').raison).toBe('« val » attend 1 ou 2 arguments, reçu 0');
    expect(error('referentiel(te, cae)').code).toBe('formule-arite');
    expect(error('foo(x)').code).toBe('formule-fonction-inconnue');
  });
  it('keeps a dash between name characters in the name, except after a keyword', () => {
    expect(parseFormule('val(cae_49.f-hab)')).toMatchObject({ indicateur: { nom: 'cae_49.f-hab' } });
    expect(parseFormule('referentiel(te-test)')).toMatchObject({ referentiel: { nom: 'te-test' } });
    expect(value('a-b')).toBe('a-b');
    expect(num('si VRAI alors 3 sinon-1')).toBe('3');
    expect(num('si FAUX alors 3 sinon-1')).toBe('-1');
    expect(num('2 -3')).toBe('-1');
    expect(parseFormule('reponse(p) -0.2')).toMatchObject({ kind: 'arithmetique', op: '-' });
    expect(error('reponse(a-)').code).toBe('formule-syntaxe');
  });
  it('accepts a number as the value of reponse, and prints every addition back', () => {
    for (const t of ['reponse(q, 0.5)', 'referentiel(te_2.1.3)', 'val(cae_1.a, insee) + opt_val(b) * cible(c) / limite(d)', 'est_suivi(cae_49.f-hab)']) {
      expect(printFormule(parseFormule(t))).toBe(t);
    }
    expect(error('identite(type, 3)').code).toBe('formule-syntaxe');
  });
});
