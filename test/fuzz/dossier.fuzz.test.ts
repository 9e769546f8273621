/**
 * Fuzzing the dossier parser and the whole evaluation: mutated fixture dossiers (text) and
 * structured hostile dossiers (objects with odd keys and values) either give positioned
 * diagnostics or a dossier that evaluates, renders to JSON and to text without throwing, with no
 * prototype polluted. With the TeT corpus, part of them are scored against the real CAE référentiel
 * with its personalisation rules.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { type EvaluationContext, evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { renderText } from '../../src/report/index.js';
import { hasCorpus, tet } from '../support/corpus.js';
import { JSON_TOKENS, dossierSeeds, expectNoPollution, expectSaneDiagnostics, fuzz, fuzzTimeout, mutatedText } from './support.js';

let embedded: EvaluationContext;
let corpus: EvaluationContext | null = null;

beforeAll(async () => {
  const e = await loadEvaluationContext();
  if (!e.context) throw new Error('référentiel embarqué illisible');
  embedded = e.context;
  if (hasCorpus) {
    const c = await loadEvaluationContext({ referentiel: tet('referentiels', 'cae'), personnalisations: tet('personnalisations'), questions: tet('questions') });
    corpus = c.context;
  }
});

function runDossier(text: string, ctx: EvaluationContext, render: boolean): void {
  const { dossier, diagnostics } = parseDossierText(text, 'd.json');
  expectSaneDiagnostics(diagnostics);
  if (!dossier) {
    if (diagnostics.length === 0) throw new Error('dossier refusé sans diagnostic');
    for (const d of diagnostics) if (!d.position) throw new Error(`diagnostic sans position : ${d.code}`);
    return;
  }
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error('dossier accepté avec une erreur');
  if (dossier.referentiel !== undefined && dossier.referentiel !== ctx.referentiel.id) {
    // A well-formed dossier for another référentiel (a mutation can write any string there): refused by the evaluation.
    expect(() => evaluateDossier(ctx, dossier)).toThrow(/referentiel-different/);
    return;
  }
  const ev = evaluateDossier(ctx, dossier);
  const json = evaluationToJson(ev, { explain: render });
  JSON.stringify(json);
  if (render) renderText(json, ev.referentiel, { color: false });
  for (const c of ev.constats) if (typeof c.message !== 'string' || !/^[a-z0-9-]+$/.test(c.code)) throw new Error(`constat mal formé ${c.code}`);
  expectNoPollution();
}

const KEYS = ['6.1.1.1.1', '6.1.1.2', 'cae_6.1.1.3.5', '6.1.1.3.5', '6.1.1', '6', '', '9.9', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'a/b~c'];
const statutArb = fc.oneof(
  fc.constantFrom('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne', 'fini', ''),
  fc.record({ fait: fc.double(), programme: fc.double(), pas_fait: fc.double() }),
  fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 })).filter(([a, b]) => a + b <= 20).map(([a, b]) => ({ fait: a / 20, programme: b / 20, pas_fait: (20 - a - b) / 20 })),
  fc.jsonValue({ maxDepth: 2 }),
);
const hostileKey = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
const dossierObjArb = fc.record(
  {
    referentiel: fc.oneof(fc.constantFrom('cae', 'eci', '', 'constructor'), fc.jsonValue({ maxDepth: 1 })),
    date: fc.oneof(fc.constantFrom('2026-06-30', '2024-02-29', '0000-00-00', '9999-99-99', '2026-6-30'), fc.jsonValue({ maxDepth: 1 })),
    collectivite: fc.record(
      {
        nom: fc.string({ maxLength: 20 }),
        type: fc.constantFrom('commune', 'EPCI', 'syndicat', 'Commune', 'constructor'),
        population: fc.oneof(fc.nat({ max: 2_000_000 }), fc.constantFrom(-1, 2.5, 1e9, 1e10, Number.MAX_SAFE_INTEGER, 0)),
        localisation: fc.constantFrom('DOM', 'Metropole', 'metropole'),
      },
      { requiredKeys: [] },
    ),
    reponses: fc.dictionary(fc.oneof(fc.constantFrom('dechets_1', 'habitat_2', 'EP_1', 'constructor', 'toString'), fc.string({ maxLength: 8 })), fc.oneof(fc.constantFrom('OUI', 'NON', 'EP_1_b', ''), fc.boolean(), fc.double(), fc.jsonValue({ maxDepth: 1 })), { maxKeys: 6 }),
    statuts: fc.dictionary(hostileKey, statutArb, { maxKeys: 12 }),
    preuves: fc.record(
      {
        partenariats: fc.oneof(
          fc.array(
            fc.record({
              intitule: fc.string({ maxLength: 10 }),
              date: fc.constantFrom('2024-03-15', '2022-06-30', '2026-07-01', '2020-01-01', 'x'),
              multiActeurs: fc.boolean(),
              climatAirEnergie: fc.boolean(),
            }),
            { maxLength: 5 },
          ),
          fc.jsonValue({ maxDepth: 2 }),
        ),
        autre: fc.jsonValue({ maxDepth: 4 }),
      },
      { requiredKeys: [] },
    ),
    extra: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);

describe('fuzz: dossier parser and evaluation', () => {
  it('mutated fixture dossiers (text)', () => {
    fuzz('dossier-mutations', 2, mutatedText(dossierSeeds(), JSON_TOKENS, 6), (text) => runDossier(text, embedded, false));
  }, fuzzTimeout(2, 10));

  it('structured hostile dossiers', () => {
    const arb = fc.tuple(dossierObjArb, fc.boolean(), fc.boolean()).map(([o, proto, pretty]) => {
      let text = JSON.stringify(o, null, pretty ? 2 : undefined);
      // JSON.stringify cannot write an own "__proto__" key: add one by text, sometimes.
      if (proto) text = text.replace(/^\{/, '{"statuts": {"__proto__": "fait"},').replace(/,\s*\}$/, '}');
      return text;
    });
    fuzz('dossier-objets', 2, arb, (text) => runDossier(text, embedded, true));
  }, fuzzTimeout(2, 10));

  it('mutated dossiers against the real CAE référentiel and its rules (corpus)', () => {
    if (!corpus) return;
    const ctx = corpus;
    fuzz('dossier-corpus', 0.5, mutatedText(dossierSeeds(), JSON_TOKENS, 6), (text) => runDossier(text, ctx, false));
  }, fuzzTimeout(0.5, 40));
});
