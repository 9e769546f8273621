/**
 * TeT HEAD's own specifications of the formula language, ported as our tests with HEAD's expected
 * values (apps/backend/src/…, revision dbb36dc3):
 * - utils/expression-parser/expression-parser.spec.ts (the base grammar),
 * - collectivites/personnalisations/services/personnalisations-expression.service.spec.ts
 *   (reponse, identite, score, referentiel),
 * - indicateurs/valeurs/indicateur-expression.service.spec.ts (val, opt_val, cible, limite: the
 *   indicative score).
 * Where HEAD computes in floats we expect the exact value (HEAD's 2/3 is 0.666…, ours is 2/3); where
 * our behaviour differs on purpose, the case says so (« HEAD : … »).
 */
import { describe, expect, it } from 'vitest';
import { q, Rational } from '../exact/rational.js';
import type { Identite } from '../identite/identite.js';
import type { Noeud } from './ast.js';
import { checkFormule, type KindFormule } from './check.js';
import { FormuleError } from './errors.js';
import { evaluateFormule, evaluateScoreIndicatif, type Reponse, type Valeur } from './evaluate.js';
import { enfants, parseFormule } from './parser.js';
import type { ContexteReferentiel } from './referentiel-arg.js';

interface Entrees {
  reponses?: Record<string, Reponse>;
  identite?: Identite;
  scores?: Record<string, Rational>;
  referentiel?: ContexteReferentiel;
}

function evalue(texte: string, e: Entrees = {}) {
  const scores = e.scores;
  return evaluateFormule(parseFormule(texte), {
    identite: e.identite ?? {},
    reponses: new Map(Object.entries(e.reponses ?? {})),
    ...(scores ? { score: (id: string) => scores[id] ?? null } : {}),
    ...(e.referentiel ? { referentiel: e.referentiel } : {}),
  });
}
const valeur = (texte: string, e?: Entrees): Valeur => evalue(texte, e).value;

function diagnostics(texte: string, kind: KindFormule = 'reduction'): string[] {
  return checkFormule(parseFormule(texte), { kind, questions: new Map() }).map((d) => `${d.code} ${d.message}`);
}

function erreur(texte: string): FormuleError {
  try {
    parseFormule(texte);
  } catch (e) {
    if (e instanceof FormuleError) return e;
    throw e;
  }
  throw new Error(`« ${texte} » devait être refusée`);
}

// HEAD's identities use population tags and a `drom` flag; ours a population and a localisation.
const commune: Identite = { type: 'commune', population: 15000, localisation: 'Metropole' };
const epci: Identite = { type: 'EPCI', population: 40000, localisation: 'Metropole' };
const epciFp: Identite = { type: 'EPCI', soustype: 'epci_a_fiscalite_propre', localisation: 'Metropole' };
const syndicat: Identite = { type: 'EPCI', soustype: 'syndicat', localisation: 'Metropole' };
const pole: Identite = { type: 'EPCI', soustype: 'pole', localisation: 'Metropole' };

describe('HEAD expression-parser.spec : la grammaire de base', () => {
  it('reads a bare name as text (HEAD : its « inconnu » error case asserts nothing, its parser accepts it)', () => {
    expect(valeur('inconnu')).toBe('inconnu');
  });

  it.each([
    ['si VRAI alors 2', q(2)],
    ['si FAUX alors 2', null],
    ['si vrai alors 2 sinon si faux alors 4 sinon 8', q(2)],
    ['si faux alors 2 sinon si vrai alors 4 sinon 8', q(4)],
    ['si faux alors 2 sinon si faux alors 4 sinon 8', q(8)],
    ['si faux alors (si faux alors 1 sinon 2) sinon (si vrai alors 4 sinon 8)', q(4)],
  ])('%s', (texte, attendu) => {
    expect(valeur(texte)).toEqual(attendu);
  });

  it.each([
    ['vrai ou faux', true],
    ['faux ou vrai', true],
    ['vrai ou vrai', true],
    ['faux ou faux', false],
  ])('%s', (texte, attendu) => {
    expect(valeur(texte)).toBe(attendu);
  });

  it.each([
    ['2 + 3', q(5)],
    ['3 + 2', q(5)],
    ['2 -3', q(-1)],
    ['3 - 2', q(1)],
    ['2 * 3', q(6)],
    ['3 * 2', q(6)],
    ['2 / 3', q(2, 3)], // HEAD : 0.6666666666666666
    ['3 / 2', q(3, 2)],
    ['1 + 2 * 3 + 4', q(11)],
    ['1 + 5 - 4', q(2)],
    ['1 - 2 * 3 + 4', q(-1)],
    ['1 + 2 * 3 - 4', q(3)],
    ['3 + 4 * 5 / 2', q(13)],
    ['(3 + 4) * (5 / 2)', q(35, 2)],
    ['max(2, 3)', q(3)],
    ['max(3, 2)', q(3)],
    ['min(2, 3)', q(2)],
    ['min(3, 2)', q(2)],
  ])('%s', (texte, attendu) => {
    expect(valeur(texte)).toEqual(attendu);
  });

  it.each([
    ['1 < 2', true],
    ['3 > 4', false],
    ['1 <= 2', true],
    ['1 <= 1', true],
    ['3 >= 4', false],
    ['3 >= 3', true],
    ['3 = 3', true],
    ['3 = 4', false],
  ])('%s', (texte, attendu) => {
    expect(valeur(texte)).toBe(attendu);
  });
});

/** HEAD's extractNeededQuestionsFromExpression, on our tree: question → the values it is compared to. */
function questionsLues(ast: Noeud): Record<string, Array<boolean | number | string | null>> {
  const out: Record<string, Array<boolean | number | string | null>> = {};
  const visit = (n: Noeud): void => {
    if (n.kind === 'reponse') {
      const v = n.valeur?.nom ?? null;
      const u = v?.toUpperCase();
      const lu = v === null ? null : u === 'OUI' ? true : u === 'NON' ? false : /^\d/.test(v) ? Number(v) : v;
      const list = (out[n.question.nom] ??= []);
      if (!list.includes(lu)) list.push(lu);
    }
    enfants(n).forEach(visit);
  };
  visit(ast);
  return out;
}

describe('HEAD personnalisations-expression.service.spec', () => {
  describe('analyse', () => {
    it('refuses text after a complete formula, at column 17', () => {
      const e = erreur('score(cae_1.2.3))');
      expect(e.code).toBe('formule-syntaxe');
      expect(e.position.column).toBe(17);
    });
    it('score(cae_1.2.3) + score(cae_1.2.4)', () => {
      expect(parseFormule('score(cae_1.2.3) + score(cae_1.2.4)').kind).toBe('arithmetique');
    });
  });

  describe('questions lues', () => {
    it.each([
      ['reponse(AOM_1, OUI)', { AOM_1: [true] }],
      ['reponse(question_proportion) - 0.2', { question_proportion: [null] }],
      ['reponse(dechets_1, OUI) et reponse(dechets_2, NON) et reponse(dechets_3, 0.5)', { dechets_1: [true], dechets_2: [false], dechets_3: [0.5] }],
      ['reponse(comp_elec, OUI) ou reponse(comp_elec, NON) ou reponse(comp_elec, OUI)', { comp_elec: [true, false] }],
      ['score(eci_1) - 0.2', {}],
    ])('%s', (texte, attendu) => {
      expect(questionsLues(parseFormule(texte))).toEqual(attendu);
    });
    it('compares a proportion to a number exactly: reponse(dechets_3, 0.5)', () => {
      expect(valeur('reponse(dechets_3, 0.5)', { reponses: { dechets_3: q(1, 2) } })).toBe(true);
      expect(valeur('reponse(dechets_3, 0.5)', { reponses: { dechets_3: q(1, 3) } })).toBe(false);
    });
  });

  describe('évaluation', () => {
    it('reponse(question_proportion) - 0.2 with 1 gives 0.8', () => {
      expect(valeur('reponse(question_proportion) - 0.2', { reponses: { question_proportion: q(1) } })).toEqual(q('0.8'));
    });
    it('score(eci_1) - 0.2 with score 1 gives 0.8', () => {
      expect(valeur('score(eci_1) - 0.2', { scores: { eci_1: q(1) } })).toEqual(q('0.8'));
    });
    it('score(eci_1) - 0.2 without scores gives nothing, score.eci_1 missing (HEAD : the text « score(eci_1) - 0.2 »)', () => {
      const r = evalue('score(eci_1) - 0.2');
      expect(r.value).toBe(null);
      expect(r.missing).toEqual(['score.eci_1']);
    });
    it('identite(type, EPCI) ou identite(type, commune), for an EPCI', () => {
      expect(valeur('si identite(type, EPCI) ou identite(type, commune) alors FAUX sinon VRAI', { identite: epci })).toBe(false);
      expect(valeur('si identite(type, EPCI) alors FAUX sinon si identite(type, commune) alors FAUX sinon VRAI', { identite: epci })).toBe(false);
    });

    describe('règle cae_1.2.3', () => {
      const texte = `si reponse(dechets_1, OUI) et reponse(dechets_2, OUI) et reponse(dechets_3, OUI) alors 1.0
sinon si reponse(dechets_1, NON) et reponse(dechets_2, NON) et reponse(dechets_3, NON) alors 2/12
sinon 0.75`;
      it('without answers falls to 0.75, dechets_1 missing (HEAD : throws « Reponse à la question dechets_1 non trouvée »)', () => {
        const r = evalue(texte);
        expect(r.value).toEqual(q(3, 4));
        expect(r.missing).toContain('reponse.dechets_1');
      });
      it.each([
        [[true, true, true], q(1)],
        [[false, true, true], q(3, 4)],
        [[true, false, true], q(3, 4)],
        [[true, true, false], q(3, 4)],
        [[true, false, false], q(3, 4)],
        [[false, false, true], q(3, 4)],
        [[false, false, false], q(2, 12)],
      ])('dechets_1..3 = %j gives %s', ([d1, d2, d3], attendu) => {
        expect(valeur(texte, { reponses: { dechets_1: d1!, dechets_2: d2!, dechets_3: d3! } })).toEqual(attendu);
      });
    });

    describe('three competences, one factor per combination (HEAD’s cae_3.1.1 shape)', () => {
      const texte = `si reponse(comp_elec, OUI) et reponse(comp_gaz, OUI) et reponse(comp_chaleur, OUI) alors 1.0
sinon si reponse(comp_elec, NON) et reponse(comp_gaz, NON) et reponse(comp_chaleur, NON) alors 2/10
sinon si reponse(comp_elec, NON) et reponse(comp_gaz, NON) alors 4/10
sinon si reponse(comp_elec, NON) et reponse(comp_chaleur, NON) alors 3/10
sinon si reponse(comp_gaz, NON) et reponse(comp_chaleur, NON) alors 3/10
sinon si reponse(comp_elec, NON) ou reponse(comp_gaz, NON) alors 7/10
sinon si reponse(comp_chaleur, NON) alors 6/10`;
      it.each([
        ['all three', [true, true, true], q(1)],
        ['electricity only', [true, false, false], q(3, 10)],
        ['none', [false, false, false], q(2, 10)],
        ['gas only', [false, true, false], q(3, 10)],
        ['heat only', [false, false, true], q(4, 10)],
        ['heat and gas', [false, true, true], q(7, 10)],
        ['gas and electricity', [true, true, false], q(6, 10)],
        ['heat and electricity', [true, false, true], q(7, 10)],
      ])('%s', (_nom, [elec, gaz, chaleur], attendu) => {
        expect(valeur(texte, { reponses: { comp_elec: elec!, comp_gaz: gaz!, comp_chaleur: chaleur! } })).toEqual(attendu);
      });
    });

    describe('règle cae_3.3.3', () => {
      const texte = `si identite(type, EPCI) alors max(reponse(assainissement_3), 0.5)
sinon si identite(type, commune) et reponse(assainissement_1, NON) et reponse(assainissement_2, NON) alors 0.5`;
      it.each([
        ['a commune with every competence', commune, [true, true, q('0.7')], null],
        ['a commune with none', commune, [false, false, q('0.7')], q('0.5')],
        ['an EPCI delegating 70 %', epci, [false, false, q('0.7')], q('0.7')],
        ['an EPCI delegating 30 %', epci, [false, false, q('0.3')], q('0.5')],
      ] as const)('%s', (_nom, identite, [a1, a2, a3], attendu) => {
        expect(valeur(texte, { identite, reponses: { assainissement_1: a1, assainissement_2: a2, assainissement_3: a3 } })).toEqual(attendu);
      });
    });

    describe('règle cae_3.3.5', () => {
      const texte = `si identite(type, commune) et reponse(dechets_2, NON) alors min(score(cae_1.2.3), 2/12)
sinon si identite (type,EPCI) et reponse(dechets_2, OUI) alors min(score(cae_1.2.3), 1.0)
sinon si identite(type, EPCI) et reponse(dechets_2, NON) alors min(score(cae_1.2.3), max(reponse(dechets_4), 2/12))
`;
      it('a commune with the waste competence: nothing', () => {
        expect(valeur(texte, { identite: commune, reponses: { dechets_2: true } })).toBe(null);
      });
      // HEAD, without scores, returns the texts « min(score(cae_1.2.3), 0.16666666666666666) »,
      // « min(score(cae_1.2.3), 1) » and « min(score(cae_1.2.3), 0.16666666666666666) »: we give
      // nothing (score.cae_1.2.3 missing), and with score(cae_1.2.3) = 1 the bound HEAD prints, exactly.
      it.each([
        ['a commune without it', commune, { dechets_2: false }, q(2, 12)],
        ['an EPCI with it', epci, { dechets_2: true }, q(1)],
        ['an EPCI without it, dechets_4 = 1/12', epci, { dechets_2: false, dechets_4: q(1, 12) }, q(2, 12)],
      ] as const)('%s', (_nom, identite, reponses, borne) => {
        const sans = evalue(texte, { identite, reponses });
        expect(sans.value).toBe(null);
        expect(sans.missing).toEqual(['score.cae_1.2.3']);
        expect(valeur(texte, { identite, reponses, scores: { 'cae_1.2.3': q(1) } })).toEqual(borne);
      });
    });

    it('a factor for the DOM only (no sinon: nothing elsewhere)', () => {
      const texte = 'si identite(localisation,DOM) alors 7/12';
      expect(valeur(texte, { identite: commune })).toBe(null);
      expect(valeur(texte, { identite: { ...commune, localisation: 'DOM' } })).toEqual(q(7, 12));
    });

    it('max of a proportion and a floor, for a commune (space before the parenthesis, trailing newline)', () => {
      const texte = 'si identite(type, commune) alors max (reponse(dev_eco_2), 3/8) \n';
      expect(valeur(texte, { identite: commune, reponses: { dev_eco_2: q(0) } })).toEqual(q(3, 8));
      expect(valeur(texte, { identite: commune, reponses: { dev_eco_4: false } })).toBe(null);
    });
  });

  describe('identite(soustype, …)', () => {
    it.each([
      ['identite(soustype,syndicat)', syndicat, true],
      ['identite(soustype, epci_a_fiscalite_propre)', epciFp, true],
      ['identite(soustype, pole)', pole, true],
      ['identite( soustype, syndicat )', epciFp, false],
      ['identite(soustype ,syndicat)', commune, false],
      ['identite(soustype, SYNDICAT)', syndicat, true],
      ['identite(type, epci)', epciFp, true],
    ] as const)('%s for %j', (texte, identite, attendu) => {
      expect(valeur(texte, { identite })).toBe(attendu);
    });
  });

  describe('identite(type, …)', () => {
    it.each([
      ['identite(type, EPCI)', epciFp, true],
      ['identite(type, commune)', commune, true],
      ['identite(type, syndicat)', syndicat, true],
      ['identite(type, syndicat)', epciFp, false],
      ['identite(type, epci_a_fiscalite_propre)', epciFp, false],
    ] as const)('%s for %j', (texte, identite, attendu) => {
      expect(valeur(texte, { identite })).toBe(attendu);
    });
  });

  describe('formules eci historiques avec identite(type, syndicat)', () => {
    const d425 = 'si identite(type, syndicat) et reponse(dechets_2, oui) alors faux sinon vrai';
    const d124 = 'si identite(type, syndicat) alors faux sinon vrai';
    it('eci_4.2.5 stays active for a syndicat that declared dechets_2', () => {
      expect(valeur(d425, { identite: syndicat, reponses: { dechets_2: true } })).toBe(false);
    });
    it('eci_4.2.5 stays disabled for a syndicat without dechets_2', () => {
      expect(valeur(d425, { identite: syndicat, reponses: { dechets_2: false } })).toBe(true);
    });
    it('eci_1.2.4 stays active for a syndicat', () => {
      expect(valeur(d124, { identite: syndicat })).toBe(false);
    });
  });

  describe('the dans_aire_urbaine identity', () => {
    it.each([
      ['oui', true, q(1)],
      ['oui', false, q(2)],
      ['oui', undefined, q(2)],
      ['non', false, q(1)],
      ['non', true, q(2)],
      ['non', undefined, q(2)],
    ] as const)('identite(dans_aire_urbaine, %s) with dansAireUrbaine %s', (v, dans, attendu) => {
      const identite: Identite = { ...commune };
      if (dans !== undefined) identite.dansAireUrbaine = dans;
      const r = evalue(`si identite(dans_aire_urbaine, ${v}) alors 1 sinon 2\n`, { identite });
      expect(r.value).toEqual(attendu);
      expect(r.missing).toEqual(dans === undefined ? ['identite.dans_aire_urbaine'] : []);
    });
  });

  it('names the allowed identity fields for an unknown one (HEAD : thrown at evaluation; ours a check, and false)', () => {
    expect(diagnostics('identite(inconnu, EPCI)', 'desactivation')).toEqual([
      "formule-identite-inconnue champ d'identité inconnu « inconnu », attendu type, soustype, population, localisation, dans_aire_urbaine",
    ]);
    expect(valeur('identite(inconnu, EPCI)', { identite: epciFp })).toBe(false);
  });

  describe('referentiel(…)', () => {
    const texte = 'si referentiel(te) alors 20 sinon 10';
    it('te: 20', () => expect(valeur(texte, { referentiel: { id: 'te' } })).toEqual(q(20)));
    it('cae: 10', () => expect(valeur(texte, { referentiel: { id: 'cae' } })).toEqual(q(10)));
    it('no context: 10, and referentiel is missing', () => {
      const r = evalue(texte);
      expect(r.value).toEqual(q(10));
      expect(r.missing).toEqual(['referentiel']);
    });
    it('te-test belongs to the te family: 20', () => expect(valeur(texte, { referentiel: { id: 'te-test' } })).toEqual(q(20)));
    it('a minimum version reached: 20', () => {
      const v = 'si referentiel(te_2.1.3) alors 20 sinon 10';
      expect(valeur(v, { referentiel: { id: 'te', version: '2.1.3' } })).toEqual(q(20));
      expect(valeur(v, { referentiel: { id: 'te', version: '2.2.0' } })).toEqual(q(20));
    });
    it('a minimum version not reached: 10', () => {
      expect(valeur('si referentiel(te_2.1.3) alors 20 sinon 10', { referentiel: { id: 'te', version: '2.1.2' } })).toEqual(q(10));
    });
    it('checks a valid argument without diagnostics', () => {
      expect(diagnostics('si referentiel(te_2.1.3) alors 20 sinon 10')).toEqual([]);
    });
    it('reports an unknown référentiel', () => {
      expect(diagnostics('si referentiel(xx) alors 20 sinon 10')).toEqual([
        'formule-referentiel-inconnu référentiel inconnu « xx » dans referentiel(xx), attendu cae, eci, te, te-test',
      ]);
    });
    it('reports a malformed version', () => {
      expect(diagnostics('si referentiel(te_9.9) alors 20 sinon 10')).toEqual([
        'formule-referentiel-inconnu version « 9.9 » invalide dans referentiel(te_9.9), attendu une version semver comme 1.2.3',
      ]);
    });
    it('composes with identite(localisation, DOM)', () => {
      const c = 'si referentiel(te) alors (si identite(localisation, DOM) alors 75 sinon 38) sinon (si identite(localisation, DOM) alors 85 sinon 50)';
      const dom: Identite = { ...commune, localisation: 'DOM' };
      expect(valeur(c, { referentiel: { id: 'te' }, identite: dom })).toEqual(q(75));
      expect(valeur(c, { referentiel: { id: 'te' }, identite: commune })).toEqual(q(38));
      expect(valeur(c, { referentiel: { id: 'cae' }, identite: dom })).toEqual(q(85));
    });
  });
});

/** HEAD's extractNeededSourceIndicateursFromFormula, on our tree. */
function indicateursReferences(ast: Noeud) {
  const refs: Array<{ identifiant: string; optional: boolean; tokens: string[]; sources?: string[] }> = [];
  const visit = (n: Noeud): void => {
    if (n.kind === 'indicateur' && n.fonction !== 'est_suivi') {
      const identifiant = n.indicateur.nom.toLowerCase();
      let r = refs.find((x) => x.identifiant === identifiant);
      if (!r) refs.push((r = { identifiant, optional: n.fonction === 'opt_val', tokens: [] }));
      if (!r.tokens.includes(n.fonction)) r.tokens.push(n.fonction);
      if (n.fonction !== 'opt_val') r.optional = false;
      if (n.source && !(r.sources ??= []).includes(n.source.nom)) r.sources.push(n.source.nom);
    }
    enfants(n).forEach(visit);
  };
  visit(ast);
  return refs;
}

const m = (o: Record<string, number>) => new Map(Object.entries(o).map(([k, v]) => [k, Rational.fromNumber(v)]));

describe('HEAD indicateur-expression.service.spec : le score indicatif', () => {
  describe('indicateurs référencés', () => {
    it.each([
      ['val(Cae_1.e ) + val( cae_1.F)', [
        { identifiant: 'cae_1.e', optional: false, tokens: ['val'] },
        { identifiant: 'cae_1.f', optional: false, tokens: ['val'] },
      ]],
      ['val(cae_1.e ) + opt_val( cae_1.f)', [
        { identifiant: 'cae_1.e', optional: false, tokens: ['val'] },
        { identifiant: 'cae_1.f', optional: true, tokens: ['opt_val'] },
      ]],
      ['val(cae_1.e ) + opt_val( cae_1.f) + cible(cae_1.g) + limite(cae_1.h)', [
        { identifiant: 'cae_1.e', optional: false, tokens: ['val'] },
        { identifiant: 'cae_1.f', optional: true, tokens: ['opt_val'] },
        { identifiant: 'cae_1.g', optional: false, tokens: ['cible'] },
        { identifiant: 'cae_1.h', optional: false, tokens: ['limite'] },
      ]],
      ['10 + 30', []],
      ['(val(cae_1.e) + val(cae_1.f)) / val(cae_1.e)', [
        { identifiant: 'cae_1.e', optional: false, tokens: ['val'] },
        { identifiant: 'cae_1.f', optional: false, tokens: ['val'] },
      ]],
      ['(val(cae_1.e) + val(cae_1.f)) / opt_val(cae_1.e)', [
        { identifiant: 'cae_1.e', optional: false, tokens: ['val', 'opt_val'] },
        { identifiant: 'cae_1.f', optional: false, tokens: ['val'] },
      ]],
      ['opt_val(cae_1.a, rare) / val(terr_1, insee )', [
        { identifiant: 'cae_1.a', optional: true, sources: ['rare'], tokens: ['opt_val'] },
        { identifiant: 'terr_1', optional: false, sources: ['insee'], tokens: ['val'] },
      ]],
      ['opt_val(cae_49.b-hab) + val(cae_49.c-hab)', [
        { identifiant: 'cae_49.b-hab', optional: true, tokens: ['opt_val'] },
        { identifiant: 'cae_49.c-hab', optional: false, tokens: ['val'] },
      ]],
    ])('%s', (texte, attendu) => {
      expect(indicateursReferences(parseFormule(texte))).toEqual(attendu);
    });
  });

  describe('analyse', () => {
    it('val(cae_1.e) + val(cae_1.f)', () => {
      expect(parseFormule('val(cae_1.e) + val(cae_1.f)').kind).toBe('arithmetique');
    });
    it('si val(cae_1) without alors is refused', () => {
      const e = erreur('si val(cae_1)');
      expect(e.code).toBe('formule-syntaxe');
      expect(e.raison).toContain('« alors » attendu');
    });
  });

  describe('évaluation', () => {
    const score = (texte: string, valeurs: Record<string, number>, cibles?: Record<string, number>, limites?: Record<string, number>, extra: { identite?: Identite; reponses?: Record<string, Reponse> } = {}) =>
      evaluateScoreIndicatif(texte, {
        indicateurs: m(valeurs),
        ...(cibles ? { cibles: m(cibles) } : {}),
        ...(limites ? { limites: m(limites) } : {}),
        ...(extra.identite ? { identite: extra.identite } : {}),
        ...(extra.reponses ? { reponses: new Map(Object.entries(extra.reponses)) } : {}),
      }).score;

    it.each([
      ['val(cae_1.e) + val(cae_1.f), all values', 'val(cae_1.e) + val(cae_1.f)', { 'cae_1.e': 100, 'cae_1.f': 20 }, q(120)],
      ['val(cae_1.e) + val(cae_1.f), one missing', 'val(cae_1.e) + val(cae_1.f)', { 'cae_1.e': 100 }, null],
      ['opt_val given', 'val(cae_1.e) + opt_val(cae_1.f)', { 'cae_1.e': 100, 'cae_1.f': 20 }, q(120)],
      ['opt_val missing counts 0', 'val(cae_1.e) + opt_val(cae_1.f)', { 'cae_1.e': 100 }, q(100)],
      ['every opt_val missing: no score', 'opt_val(cae_1.e) + opt_val(cae_1.f)', {}, null],
      ['1 + val(cae_1.f) / val(cae_1.e)', '1 + val(cae_1.f) / val(cae_1.e)', { 'cae_1.e': 100, 'cae_1.f': 20 }, q(6, 5)],
      ['division by a missing opt_val (HEAD : Infinity, then null)', 'val(cae_1.f) / opt_val(cae_1.e)', { 'cae_1.f': 20 }, null],
    ] as const)('%s', (_nom, texte, valeurs, attendu) => {
      expect(score(texte, valeurs)).toEqual(attendu);
    });

    it('val + limite + cible + val: 160', () => {
      expect(score('val(cae_1.e) + limite(cae_1.g) + cible(cae_1.h) + val(cae_1.i)', { 'cae_1.e': 100, 'cae_1.i': 30 }, { 'cae_1.h': 20 }, { 'cae_1.g': 10 })).toEqual(q(160));
    });
    it('limite + cible equal to zero: 0', () => {
      expect(score('limite(cae_1.e) + cible(cae_1.f)', {}, { 'cae_1.f': 0 }, { 'cae_1.e': 0 })).toEqual(q(0));
    });
    it('a value over its target, with a zero value: 0', () => {
      expect(score('val(ind_b) / cible(ind_b)', { ind_b: 0 }, { ind_b: 32 }, {})).toEqual(q(0));
    });

    it('1.2.3.3.1 — indicateur 6a', () => {
      const f = `
          si val(ind_6a) < limite(ind_6a) alors 0
          sinon si val(ind_6a) > cible(ind_6a) alors 1
          sinon ((val(ind_6a) - limite(ind_6a)) * 0.1) / (limite(ind_6a) - cible(ind_6a))`;
      expect(score(f, { 'ind_6a': 10 }, { 'ind_6a': 5 }, { 'ind_6a': 20 })).toEqual(q(0));
      expect(score(f, { 'ind_6a': 10 }, { 'ind_6a': 5 }, { 'ind_6a': 2 })).toEqual(q(1));
      // ((3 - 2) * 0.1) / (2 - 5); HEAD : -0.03333333333333333
      expect(score(f, { 'ind_6a': 3 }, { 'ind_6a': 5 }, { 'ind_6a': 2 })).toEqual(q(-1, 30));
    });

    it('2.2.2.4.2 — indicateur 15b, Metropole and DOM', () => {
      const f = `
        si identite(localisation, DOM) alors (
          si val(ind_15b_dom) < limite(ind_15b_dom) alors 0
          sinon si val(ind_15b_dom) > cible(ind_15b_dom) alors 1
          sinon ((val(ind_15b_dom) - limite(ind_15b_dom)) * 0.2) / (limite(ind_15b_dom) - cible(ind_15b_dom))
        )
        sinon (
          si val(ind_15b) < limite(ind_15b) alors 0
          sinon si val(ind_15b) > cible(ind_15b) alors 1
          sinon ((val(ind_15b) - limite(ind_15b)) * 0.1) / (limite(ind_15b) - cible(ind_15b))
        )
      `;
      const valeurs = { 'ind_15b': 3, 'ind_15b_dom': 6 };
      const cibles = { 'ind_15b': 5, 'ind_15b_dom': 10 };
      const limites = { 'ind_15b': 2, 'ind_15b_dom': 4 };
      const identite: Identite = { type: 'EPCI', localisation: 'Metropole', dansAireUrbaine: false };
      expect(score(f, valeurs, cibles, limites, { identite })).toEqual(q(-1, 30));
      expect(score(f, valeurs, cibles, limites, { identite: { ...identite, localisation: 'DOM' } })).toEqual(q(-1, 15));
    });

    it('3.2.2.1 — indicateurs 22 et 23, a sum of two parts', () => {
      const f = `
        (
          si val(cae_22) < limite(cae_22) alors 0
          sinon si val(cae_22) > cible(cae_22) alors 1
          sinon ((val(cae_22) - limite(cae_22)) * 0.3) / (limite(cae_22) - cible(cae_22))
        ) + (
          si val(cae_23) < limite(cae_23) alors 0
          sinon si val(cae_23) > cible(cae_23) alors 1
          sinon ((val(cae_23) - limite(cae_23)) * 0.2) / (limite(cae_23) - cible(cae_23))
        )
      `;
      // -1/10 - 1/15; HEAD : -0.16666666666666669
      expect(score(f, { cae_22: 3, cae_23: 6 }, { cae_22: 5, cae_23: 10 }, { cae_22: 2, cae_23: 4 })).toEqual(q(-1, 6));
    });

    it('1.2.2.5.4 — indicateur 5, 20 % for an AOM, 10 % otherwise', () => {
      const f = `
        si val(cae_5) < limite(cae_5) alors 0
        sinon si val(cae_5) > cible(cae_5) alors 1
        sinon ((val(cae_5) - limite(cae_5)) * (si reponse(AOM_1, oui) alors 0.2 sinon 0.1)) / (limite(cae_5) - cible(cae_5))
      `;
      expect(score(f, { cae_5: 3 }, { cae_5: 10 }, { cae_5: 2 }, { reponses: { AOM_1: true } })).toEqual(q(-1, 40));
      expect(score(f, { cae_5: 3 }, { cae_5: 10 }, { cae_5: 2 }, { reponses: { AOM_1: false } })).toEqual(q(-1, 80));
    });
  });

  describe('identite(soustype, …) dans un score indicatif', () => {
    it.each([
      ['si identite(soustype, syndicat) alors 1 sinon 0', syndicat, q(1)],
      ['si identite(soustype, epci_a_fiscalite_propre) alors 1 sinon 0', epciFp, q(1)],
      ['si identite(soustype, pole) alors 1 sinon 0', pole, q(1)],
      ['si identite(soustype, syndicat) alors 1 sinon 0', commune, q(0)],
      ['si identite(soustype, SYNDICAT) alors 1 sinon 0', syndicat, q(1)],
    ] as const)('%s for %j', (texte, identite, attendu) => {
      expect(evaluateScoreIndicatif(texte, { indicateurs: m({ dummy: 1 }), identite }).score).toEqual(attendu);
    });
    it('names the allowed identity fields for an unknown one', () => {
      expect(diagnostics('si identite(inconnu, EPCI) alors 1 sinon 0', 'score_indicatif')).toEqual([
        "formule-identite-inconnue champ d'identité inconnu « inconnu », attendu type, soustype, population, localisation, dans_aire_urbaine",
      ]);
    });
  });
});
