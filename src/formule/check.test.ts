import { describe, expect, it } from 'vitest';
import { checkFormule, describeType, typeFormule, type CheckOptions, type QuestionCatalogue } from './check.js';
import { parseFormule } from './parser.js';

const questions = new Map<string, QuestionCatalogue>(
  [
    { id: 'AOM_1', type: 'binaire', choix: [] },
    { id: 'habitat_2', type: 'proportion', choix: [] },
    { id: 'voirie_1', type: 'choix', choix: ['voirie_1_a', 'voirie_1_b', 'voirie_1_c'] },
  ].map((q) => [q.id, q as QuestionCatalogue]),
);

function check(text: string, options: Partial<CheckOptions> = {}) {
  const ast = parseFormule(text, { file: 'r.md', line: 5 });
  return checkFormule(ast, { kind: 'reduction', questions, file: 'r.md', ...options }).map(
    (d) => `${d.position!.line}:${d.position!.column} ${d.code} ${d.message}`,
  );
}

describe('checkFormule', () => {
  it('accepts sound formulas', () => {
    expect(check('si reponse(AOM_1, OUI) et reponse(voirie_1, voirie_1_b) alors max(reponse(habitat_2), 0.5)')).toEqual([]);
    expect(check('identite(type, commune) ou identite(population, plus_de_20000)', { kind: 'desactivation' })).toEqual([]);
    expect(check('reponse(AOM_1, non)', { kind: 'desactivation' })).toEqual([]);
    expect(check('min(score(cae_1.2.3), score(cae_3.3.5))', { kind: 'score', actionExists: () => true })).toEqual([]);
  });
  it('reports unknown questions and choices at the argument', () => {
    expect(check('si reponse(AOM_9, OUI) alors 1')).toEqual(['5:12 formule-question-inconnue question inconnue « AOM_9 »']);
    expect(check('si reponse(voirie_1, voirie_1_d) alors 1')).toEqual([
      '5:22 formule-choix-inconnu choix inconnu « voirie_1_d » pour la question « voirie_1 », attendu voirie_1_a, voirie_1_b, voirie_1_c',
    ]);
    expect(check('si reponse(AOM_1, PEUT_ETRE) alors 1')).toEqual([
      '5:19 formule-valeur-binaire valeur « PEUT_ETRE » inattendue pour la question binaire « AOM_1 », attendu OUI ou NON',
    ]);
  });
  it('checks the form of reponse against the question type', () => {
    expect(check('si reponse(habitat_2, OUI) alors 1')).toEqual([
      '5:23 formule-forme-reponse la question « habitat_2 » est une proportion : écrivez reponse(habitat_2) sans valeur',
    ]);
    expect(check('reponse(AOM_1)')).toEqual([
      '5:1 formule-forme-reponse la question « AOM_1 » est de type binaire : une valeur est attendue, comme reponse(AOM_1, OUI)',
    ]);
    expect(check('reponse(voirie_1)')[0]).toContain('comme reponse(voirie_1, voirie_1_a)');
  });
  it('checks identity fields and values', () => {
    expect(check('identite(couleur, bleu)', { kind: 'desactivation' })).toEqual([
      "5:10 formule-identite-inconnue champ d'identité inconnu « couleur », attendu type, soustype, population, localisation, dans_aire_urbaine",
    ]);
    const [d] = check('identite(population, moins_de_7000)', { kind: 'desactivation' });
    expect(d).toMatch(/^5:22 formule-identite-inconnue valeur inconnue « moins_de_7000 » pour identite\(population, …\), attendu moins_de_3000,/);
    expect(check('identite(type, epci)', { kind: 'desactivation' })).toEqual([]);
    expect(check('identite(localisation, Outremer)', { kind: 'desactivation' })).toHaveLength(1);
  });
  it('checks score targets when it can', () => {
    expect(check('score(cae_9.9)', { kind: 'score', actionExists: (id) => id === 'cae_1.2.3' })).toEqual([
      '5:7 formule-score-inconnu action inconnue « cae_9.9 » dans score()',
    ]);
    expect(check('score(cae_9.9)', { kind: 'score' })).toEqual([]);
  });
  it('checks the result type against the rule kind', () => {
    expect(check('si identite(type, commune) alors VRAI', { kind: 'reduction' })).toEqual([
      '5:1 formule-type-resultat une réduction de potentiel doit donner un nombre, cette formule donne booléen ou rien',
    ]);
    expect(check('si identite(type, commune) alors 0.5', { kind: 'desactivation' })).toEqual([
      '5:1 formule-type-resultat une désactivation doit donner un booléen, cette formule donne nombre ou rien',
    ]);
    expect(check('si VRAI alors 1 sinon FAUX')).toEqual([
      '5:1 formule-type-resultat une réduction de potentiel doit donner un nombre, cette formule donne booléen ou nombre',
    ]);
    expect(check('voirie_1_a')[0]).toContain('cette formule donne texte');
  });
  it('checks operand types', () => {
    expect(check('1 + VRAI')).toEqual(['5:5 formule-type-operande opérande de « + » : nombre attendu, trouvé booléen']);
    expect(check('si 3 alors 1')).toEqual(["5:4 formule-type-operande la condition d'un « si » : booléen attendu, trouvé nombre"]);
    expect(check('reponse(AOM_1, OUI) et 2', { kind: 'desactivation' })).toHaveLength(1);
    expect(check('VRAI = 1', { kind: 'desactivation' })[0]).toContain('comparaison « = » entre booléen et nombre');
  });
  it('infers nullable types', () => {
    expect(describeType(typeFormule(parseFormule('si VRAI alors 0.5')))).toBe('nombre ou rien');
    expect(describeType(typeFormule(parseFormule('si VRAI alors 0.5 sinon 1')))).toBe('nombre');
    expect(describeType(typeFormule(parseFormule('3/4')))).toBe('nombre');
    expect(describeType(typeFormule(parseFormule('3/reponse(x)')))).toBe('nombre ou rien');
    expect(describeType(typeFormule(parseFormule('reponse(x) > 0.5')))).toBe('booléen ou rien');
    expect(describeType(typeFormule(parseFormule('reponse(x, OUI)')))).toBe('booléen');
  });
  it('allows the indicator functions only in an indicative score, and score()/referentiel() never there', () => {
    expect(check('si val(x) > cible(x) alors 1 sinon val(x) / cible(x)', { kind: 'score_indicatif' })).toEqual([]);
    expect(check('si est_suivi(x) alors 1 sinon 0', { kind: 'score_indicatif' })).toEqual([]);
    expect(check('opt_val(x) + limite(y)')).toEqual([
      "5:1 formule-fonction-inconnue « opt_val » n'est permis que dans un score indicatif (exprScore)",
      "5:14 formule-fonction-inconnue « limite » n'est permis que dans un score indicatif (exprScore)",
    ]);
    expect(check('score(cae_1) + val(x)', { kind: 'score_indicatif' })).toEqual([
      "5:1 formule-fonction-inconnue « score » n'est pas permis dans un score indicatif (exprScore)",
    ]);
    expect(check('referentiel(te)', { kind: 'score_indicatif' })[0]).toContain("« referentiel » n'est pas permis");
    expect(check('si referentiel(te) alors 0.5')).toEqual([]);
    expect(check('est_suivi(x)', { kind: 'score_indicatif' })[0]).toContain('un score indicatif doit donner un nombre, cette formule donne booléen');
  });
  it('checks visibility conditions and the new identity fields', () => {
    expect(check('si reponse(AOM_1, NON) alors VRAI', { kind: 'visible' })).toEqual([]);
    expect(check('si reponse(AOM_1, NON) alors 1', { kind: 'visible' })[0]).toContain('une condition de visibilité doit donner un booléen');
    expect(check('identite(dans_aire_urbaine, oui) ou identite(dans_aire_urbaine, NON) ou identite(soustype, Pole)', { kind: 'desactivation' })).toEqual([]);
    expect(check('identite(dans_aire_urbaine, peut_etre)', { kind: 'desactivation' })).toEqual([
      '5:29 formule-identite-inconnue valeur inconnue « peut_etre » pour identite(dans_aire_urbaine, …), attendu OUI, NON',
    ]);
  });
  it('types the indicator functions', () => {
    expect(describeType(typeFormule(parseFormule('val(x)')))).toBe('nombre ou rien');
    expect(describeType(typeFormule(parseFormule('opt_val(x)')))).toBe('nombre');
    expect(describeType(typeFormule(parseFormule('cible(x) - limite(x)')))).toBe('nombre ou rien');
    expect(describeType(typeFormule(parseFormule('est_suivi(x) et referentiel(te)')))).toBe('booléen');
  });
});
