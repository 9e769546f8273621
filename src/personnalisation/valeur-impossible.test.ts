import { describe, expect, it } from 'vitest';
import { Rational } from '../exact/rational.js';
import { evaluateFormule } from '../formule/evaluate.js';
import { parseFormule } from '../formule/parser.js';
import { BUDGET, forEachReponses } from './espace-reponses.js';
import { valeurImpossible } from './valeur-impossible.js';

const evalue = (text: string) => evaluateFormule(parseFormule(text), { identite: {}, reponses: new Map() });

describe('valeurImpossible', () => {
  it('accepts factors ≥ 0 (above 1 too: DOM points) and ratios in [0, 1]', () => {
    for (const f of ['0', '0.5', '1', '14/8']) expect(valeurImpossible('reduction', evalue(f))).toBeNull();
    for (const f of ['0', '0.3', '1']) expect(valeurImpossible('score', evalue(f))).toBeNull();
    expect(valeurImpossible('desactivation', evalue('VRAI'))).toBeNull();
  });
  it('refuses a negative factor, a score outside [0, 1] and any division by zero', () => {
    expect(valeurImpossible('reduction', evalue('0 - 1/2'))).toBe('facteur `-1/2` inattendu, attendu un facteur positif ou nul');
    expect(valeurImpossible('score', evalue('3/2'))).toBe('score réalisé `3/2` inattendu, attendu un ratio entre 0 et 1 (au plus le potentiel)');
    expect(valeurImpossible('score', evalue('0 - 1'))).toContain('score réalisé `-1`');
    expect(valeurImpossible('reduction', evalue('1/0'))).toBe('division par zéro inattendue en 1:1, attendu un diviseur non nul');
    expect(valeurImpossible('desactivation', evalue('1/0 > 1'))).toContain('division par zéro');
  });
});

describe('forEachReponses', () => {
  it('visits every answer of the questions read, each identity value, and absent answers', () => {
    const ast = parseFormule('si reponse(EP_1, EP_1_a) et identite(type, commune) alors 1 sinon 0');
    const seen = new Set<string>();
    const n = forEachReponses(ast, new Map([['EP_1', { id: 'EP_1', type: 'choix', choix: ['EP_1_a', 'EP_1_b'] }]]), (c) => {
      seen.add(`${String(c.reponses.get('EP_1'))}/${String(c.identite.type)}`);
      return false;
    });
    expect(n).toBe(3 * 5);
    expect(seen).toContain('EP_1_b/EPCI');
    expect(seen).toContain('undefined/undefined');
  });
  it('tries populations around every threshold and proportions between 0 and 1', () => {
    const pops = new Set<number | undefined>();
    const props = new Set<string>();
    forEachReponses(parseFormule('si identite(population, moins_de_3000) alors reponse(p) sinon 1'), new Map([['p', { id: 'p', type: 'proportion', choix: [] }]]), (c) => {
      pops.add(c.identite.population);
      const v = c.reponses.get('p');
      props.add(v instanceof Rational ? v.toFraction() : 'absente');
      return false;
    });
    expect(pops).toContain(2999);
    expect(pops).toContain(3001);
    expect([...props].sort()).toEqual(['0', '1', '1/2', '1/4', '3/4', 'absente']);
  });
  it('stops at the first hit, and samples beyond the budget', () => {
    expect(forEachReponses(parseFormule('reponse(a) + reponse(b)'), null, () => true)).toBe(1);
    const wide = parseFormule('reponse(a) + reponse(b) + reponse(c) + reponse(d) + reponse(e)');
    expect(forEachReponses(wide, null, () => false)).toBe(BUDGET);
  });
});
