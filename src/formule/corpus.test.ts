/**
 * Every real formula of the TeT corpus (../shared/tet/personnalisations) parses, prints back to the
 * same tree, passes the static checks against the real questions, and the worked examples of
 * scoring.md §6.4 evaluate to the documented numbers. The corpus is read, never copied.
 *
 * The rule and question files are read with the project's own parsers (test/support/corpus-rules.ts).
 */
import { expect, it } from 'vitest';
import { describeCorpus, hasCorpus } from '../../test/support/corpus.js';
import { readCorpusQuestions, readCorpusRegles } from '../../test/support/corpus-rules.js';
import { stripPositions as strip } from '../../test/support/formule-ast.js';
import { q, Rational } from '../exact/rational.js';
import type { Noeud } from './ast.js';
import { checkFormule, typeFormule, T_BOOLEEN, T_NOMBRE, type KindRegle, type QuestionCatalogue } from './check.js';
import { evaluateFormule, explainFormule, type Reponse } from './evaluate.js';
import { parseFormule, parseFormuleComplete } from './parser.js';
import { printFormule } from './printer.js';
import type { Identite } from '../identite/identite.js';

const regles = hasCorpus ? readCorpusRegles() : [];
const questions = hasCorpus ? readCorpusQuestions() : new Map<string, QuestionCatalogue>();
const actionIds = new Set(regles.map((r) => r.actionId));

function rule(actionId: string, kind: KindRegle): Noeud {
  const r = regles.find((x) => x.actionId === actionId && x.kind === kind);
  if (!r) throw new Error(`no ${kind} rule for ${actionId}`);
  return parseFormule(r.texte, { file: r.file, line: r.line });
}

const oui = true;
const non = false;
function evaluer(ast: Noeud, identite: Identite, reponses: Record<string, Reponse>) {
  return evaluateFormule(ast, { identite, reponses: new Map(Object.entries(reponses)) });
}

describeCorpus('formules du corpus TeT', () => {
  it('finds the 116 formulas of CAE and ECI, each with a kind', () => {
    expect(regles).toHaveLength(116);
    expect(regles.every((r) => r.kind !== null && r.actionId !== '')).toBe(true);
    expect(questions.size).toBeGreaterThan(40);
  });

  it('parses every formula and prints it back to the same tree', () => {
    for (const r of regles) {
      const ast = parseFormule(r.texte, { file: r.file, line: r.line });
      const again = parseFormule(printFormule(ast));
      expect(strip(again), `${r.file}:${r.line}`).toEqual(strip(ast));
    }
  });

  it('passes the static checks against the real questions', () => {
    const all = regles.flatMap((r) =>
      checkFormule(parseFormule(r.texte, { file: r.file, line: r.line }), {
        kind: r.kind,
        questions,
        actionExists: (id) => actionIds.has(id),
        file: r.file,
      }),
    );
    expect(all).toEqual([]);
  });

  it('infers a boolean for désactivations and a number for réductions', () => {
    for (const r of regles) {
      const t = typeFormule(parseFormule(r.texte));
      if (r.kind === 'desactivation') expect(t & T_BOOLEEN, r.actionId).toBe(T_BOOLEEN);
      else expect(t & T_NOMBRE, r.actionId).toBe(T_NOMBRE);
    }
  });

  it('cae_4.2.3, AOM_1 NON, voirie_1_a, centre_polarite NON: branch 4 gives 0.25', () => {
    const r = evaluer(rule('cae_4.2.3', 'reduction'), { type: 'EPCI', population: 50000 }, {
      AOM_1: non,
      voirie_1: 'voirie_1_a',
      centre_polarite: non,
    });
    expect(r.value).toEqual(q('0.25'));
    expect(r.branch?.index).toBe(4);
    expect(r.missing).toEqual([]);
    expect(r.reads).toEqual(['reponse.AOM_1', 'reponse.voirie_1', 'identite.population', 'reponse.centre_polarite']);
    const d = evaluer(rule('cae_4.2.3', 'desactivation'), { type: 'EPCI', population: 50000 }, {
      AOM_1: non,
      voirie_1: 'voirie_1_a',
      centre_polarite: non,
    });
    expect(d.value).toBe(null);
  });

  it('cae_4.2.3, AOM_1 NON, voirie_1_c, centre_polarite OUI, < 10 000: branch 2 gives 0 and désactive', () => {
    const reponses = { AOM_1: non, voirie_1: 'voirie_1_c', centre_polarite: oui };
    const identite = { type: 'commune', population: 8000 };
    const r = evaluer(rule('cae_4.2.3', 'reduction'), identite, reponses);
    expect(r.value).toEqual(Rational.ZERO);
    expect(r.branch?.index).toBe(2);
    const d = evaluer(rule('cae_4.2.3', 'desactivation'), identite, reponses);
    expect(d.value).toBe(true);
    expect(d.branch?.index).toBe(2);
  });

  it('cae_6.2.1 for a commune, habitat_3 OUI: habitat_2 0.1 gives 0.3, 0.5 gives 0.6', () => {
    const ast = rule('cae_6.2.1', 'reduction');
    expect(evaluer(ast, { type: 'commune' }, { habitat_3: oui, habitat_2: q('0.1') }).value).toEqual(q('0.3'));
    expect(evaluer(ast, { type: 'commune' }, { habitat_3: oui, habitat_2: q('0.5') }).value).toEqual(q('0.6'));
    // Missing proportion: max(null, …) is null, the rule has no effect, and the input is reported.
    const m = evaluer(ast, { type: 'commune' }, { habitat_3: oui });
    expect(m.value).toBe(null);
    expect(m.missing).toEqual(['reponse.habitat_2']);
  });

  it('cae_6.1.2 for a commune gives 3/4, nothing for an EPCI', () => {
    const ast = rule('cae_6.1.2', 'reduction');
    expect(evaluer(ast, { type: 'commune' }, {}).value).toEqual(q(3, 4));
    expect(evaluer(ast, { type: 'EPCI' }, {}).value).toBe(null);
    expect(evaluer(ast, {}, {}).missing).toEqual(['identite.type']);
  });

  it('cae_3.3.5 score override reads both scores', () => {
    const ast = rule('cae_3.3.5', 'score');
    const scores = new Map([
      ['cae_1.2.3', q(1, 30)],
      ['cae_3.3.5', q(3, 10)],
    ]);
    const r = evaluateFormule(ast, { identite: {}, reponses: new Map(), score: (id) => scores.get(id) ?? null });
    expect(r.value).toEqual(q(1, 30));
    expect(r.reads).toEqual(['score.cae_1.2.3', 'score.cae_3.3.5']);
    const none = evaluateFormule(ast, { identite: {}, reponses: new Map() });
    expect(none.value).toBe(null);
    expect(none.missing).toEqual(['score.cae_1.2.3', 'score.cae_3.3.5']);
  });

  it('explains with the rule text, the branch taken and its position', () => {
    const r = regles.find((x) => x.actionId === 'cae_4.2.3' && x.kind === 'reduction')!;
    const f = parseFormuleComplete(r.texte, { file: r.file, line: r.line });
    const e = explainFormule(
      f,
      { identite: { type: 'EPCI' }, reponses: new Map<string, Reponse>([['AOM_1', non], ['voirie_1', 'voirie_1_a'], ['centre_polarite', non]]) },
      { actionId: 'cae_4.2.3', kind: 'reduction' },
    );
    expect(e.branch?.condition).toBe('reponse(centre_polarite, NON) et reponse(AOM_1, NON)');
    expect(e.branch?.expression).toBe('0.25');
    expect(e.branch?.position.line).toBe(r.line + 3);
    expect(e.missing).toEqual(['identite.population']);
  });
});
