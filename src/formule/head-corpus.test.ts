/**
 * Every formula of TeT HEAD's CSVs (../shared/tet-head) parses, prints back to the same tree, passes
 * the static checks against HEAD's questions for its kind, and evaluates: the personalisation rules
 * (`desactivation`, `reduction`, `score` of CAE/ECI, `Desactivation` of TE), the indicative scores
 * (`exprScore`), the questions' visibility conditions (`exprVisible`) and the formulas of TE's
 * work-in-progress column `Indicateurs_WIP` (not imported by HEAD; two of them are malformed).
 * The CSVs are read, never copied.
 */
import { afterAll, expect, it } from 'vitest';
import { describeTetHead, hasTetHead, readHeadActionIds, readHeadFormules, readHeadQuestions, type FormuleHead } from '../../test/support/tet-head.js';
import { stripPositions as strip } from '../../test/support/formule-ast.js';
import { q, Rational } from '../exact/rational.js';
import type { Identite } from '../identite/identite.js';
import type { Noeud } from './ast.js';
import { checkFormule } from './check.js';
import { FormuleError } from './errors.js';
import { evaluateFormule, evaluateScoreIndicatif, type Reponse } from './evaluate.js';
import { enfants, parseFormule } from './parser.js';
import { printFormule } from './printer.js';

const formules = hasTetHead ? readHeadFormules() : [];
const questions = hasTetHead ? readHeadQuestions() : new Map();
const actionIds = hasTetHead ? readHeadActionIds() : new Set<string>();

/** The two WIP cells that are not formulas of the language: `est suivi(…)` (a space) and `val(cae_44.?)`. */
const MALFORMEES = new Set(['te_4.2.2.5', 'te_4.2.4.7.c']);
const bien = (f: FormuleHead): boolean => !(f.colonne === 'Indicateurs_WIP' && MALFORMEES.has(f.id));

const cle = (f: FormuleHead): string => `${f.source}/${f.colonne}`;
const figures = new Map<string, { total: number; analysees: number; verifiees: number; evaluees: number }>();
function figure(f: FormuleHead): { total: number; analysees: number; verifiees: number; evaluees: number } {
  let x = figures.get(cle(f));
  if (!x) figures.set(cle(f), (x = { total: 0, analysees: 0, verifiees: 0, evaluees: 0 }));
  return x;
}

function indicateursDe(ast: Noeud): Set<string> {
  const ids = new Set<string>();
  const stack = [ast];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'indicateur') ids.add(n.indicateur.nom);
    stack.push(...enfants(n));
  }
  return ids;
}

const IDENTITES: Identite[] = [
  { type: 'commune', population: 12000, localisation: 'Metropole', dansAireUrbaine: true },
  { type: 'EPCI', soustype: 'epci_a_fiscalite_propre', population: 150000, localisation: 'DOM', dansAireUrbaine: false },
  { type: 'syndicat', population: 400000, localisation: 'Metropole' },
  {},
];

describeTetHead('formules de TeT HEAD', () => {
  afterAll(() => {
    const lignes = [...figures].map(([k, v]) => `  ${k.padEnd(26)} ${String(v.total).padStart(4)} formules, ${v.analysees} analysées, ${v.verifiees} vérifiées, ${v.evaluees} évaluées`);
    console.info(`\n[label-cae] Formules de TeT HEAD :\n${lignes.join('\n')}\n`);
  });

  it('finds every formula column of the CSVs', () => {
    const compte: Record<string, number> = {};
    for (const f of formules) compte[cle(f)] = (compte[cle(f)] ?? 0) + 1;
    expect(compte).toEqual({
      'cae/desactivation': 38,
      'cae/reduction': 54,
      'cae/score': 1,
      'cae/exprScore': 35,
      'eci/desactivation': 20,
      'eci/reduction': 2,
      'te/Desactivation': 173,
      'te/exprScore': 31,
      'te/Indicateurs_WIP': 11,
      'questions/exprVisible': 10,
    });
  });

  it('parses every formula and prints it back to the same tree (the two malformed WIP cells aside)', () => {
    for (const f of formules) {
      figure(f).total++;
      if (!bien(f)) {
        expect(() => parseFormule(f.texte), f.id).toThrow(FormuleError);
        continue;
      }
      const ast = parseFormule(f.texte, { file: `${f.source}:${f.id}:${f.colonne}` });
      expect(strip(parseFormule(printFormule(ast))), f.id).toEqual(strip(ast));
      figure(f).analysees++;
    }
  });

  it('passes the static checks for its kind, against HEAD questions and actions', () => {
    for (const f of formules.filter(bien)) {
      const d = checkFormule(parseFormule(f.texte), { kind: f.kind, questions, actionExists: (id) => actionIds.has(id), file: f.id });
      expect(d, `${f.id} ${f.colonne}`).toEqual([]);
      figure(f).verifiees++;
    }
  });

  it('evaluates every personalisation rule and visibility condition to a value of its kind', () => {
    const reponses = new Map<string, Reponse>();
    for (const [id, question] of questions) {
      reponses.set(id, question.type === 'binaire' ? true : question.type === 'choix' ? (question.choix[0] ?? 'x') : q(1, 2));
    }
    for (const f of formules.filter((x) => x.kind !== 'score_indicatif')) {
      const ast = parseFormule(f.texte);
      for (const identite of IDENTITES) {
        for (const r of [reponses, new Map<string, Reponse>()]) {
          const v = evaluateFormule(ast, { identite, reponses: r, score: () => q(1, 3), referentiel: { id: f.source === 'questions' ? 'te' : f.source } }).value;
          if (f.kind === 'desactivation' || f.kind === 'visible') expect(v === null || typeof v === 'boolean', f.id).toBe(true);
          else expect(v === null || v instanceof Rational, f.id).toBe(true);
        }
      }
      figure(f).evaluees++;
    }
  });

  it('gives every indicative score a number once its indicators have values, targets and limits, and none without values', () => {
    for (const f of formules.filter((x) => x.kind === 'score_indicatif' && bien(x))) {
      const ast = parseFormule(f.texte);
      const ids = [...indicateursDe(ast)];
      const map = (v: Rational) => new Map(ids.map((id) => [id, v]));
      for (const identite of IDENTITES.slice(0, 2)) {
        const plein = evaluateScoreIndicatif(ast, {
          indicateurs: map(q(50)),
          cibles: map(q(80)),
          limites: map(q(20)),
          identite,
          reponses: new Map([['fournisseur_energie', identite.type === 'commune']]),
        });
        expect(plein.score, f.id).toBeInstanceOf(Rational);
        expect(plein.score!.compare(Rational.ZERO) >= 0 && plein.score!.compare(Rational.ONE) <= 0, `${f.id} ${plein.score}`).toBe(true);
        const vide = evaluateScoreIndicatif(ast, { indicateurs: new Map(), cibles: map(q(80)), limites: map(q(20)), identite });
        // est_suivi formulas read no val/opt_val: not being tracked gives their 0.
        if (f.texte.includes('est_suivi')) expect(vide.score, f.id).toEqual(Rational.ZERO);
        else expect(vide.score, f.id).toBe(null);
      }
      figure(f).evaluees++;
    }
  });

  it('scores real HEAD formulas exactly', () => {
    const expr = (id: string) => formules.find((f) => f.id === id && f.kind === 'score_indicatif')!.texte;
    const m = (o: Record<string, Rational>) => new Map(Object.entries(o));
    // cae 1.2.3.3.4: (val - limite) / (cible - limite) between the limit and the target.
    const s = evaluateScoreIndicatif(expr('cae_1.2.3.3.4'), { indicateurs: m({ cae_7: q(3) }), cibles: m({ cae_7: q(5) }), limites: m({ cae_7: q(2) }) });
    expect(s.score).toEqual(q(1, 3));
    expect(s.reads).toEqual(['indicateur.cae_7', 'limite.cae_7', 'cible.cae_7']);
    // cae 3.2.2.1: opt_val — a missing indicator counts 0, half of the score each.
    const o = evaluateScoreIndicatif(expr('cae_3.2.2.1'), { indicateurs: m({ cae_22: q(30) }), cibles: m({ cae_22: q(60), cae_23: q(10) }) });
    expect(o.score).toEqual(q(1, 4));
    expect(o.missing).toEqual(['indicateur.cae_23']);
    // cae 4.3.2.3.3: a dashed indicator id.
    const d = evaluateScoreIndicatif(expr('cae_4.3.2.3.3'), {
      indicateurs: m({ 'cae_49.f-hab': q('0.7') }),
      cibles: m({ 'cae_49.f-hab': q(1) }),
      limites: m({ 'cae_49.f-hab': q('0.1') }),
    });
    expect(d.score).toEqual(q(2, 3));
    // te 2.1.2.5.a (WIP): est_suivi.
    const wip = formules.find((f) => f.id === 'te_2.1.2.5.a' && f.colonne === 'Indicateurs_WIP')!.texte;
    expect(evaluateScoreIndicatif(wip, { indicateurs: m({ te_2: q(0) }) }).score).toEqual(Rational.ONE);
    expect(evaluateScoreIndicatif(wip, { indicateurs: new Map() }).score).toEqual(Rational.ZERO);
  });
});
