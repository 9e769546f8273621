/**
 * Budget: evaluating all 116 rules of CAE + ECI for one dossier takes ≤ 0.05 ms in total.
 * The formulas are read from ../shared/tet with a simple test-only regex, parsed once, then
 * evaluated many times. Skipped when the corpus is absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { bench, describe } from 'vitest';
import { hasCorpus, tet } from '../../test/support/corpus.js';
import { q } from '../exact/rational.js';
import type { Noeud } from './ast.js';
import { evaluateFormule, type ContexteEvaluation, type Reponse } from './evaluate.js';
import { parseFormule } from './parser.js';

function readFormules(): Noeud[] {
  const dir = tet('personnalisations');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => [...readFileSync(`${dir}/${f}`, 'utf8').matchAll(/```formule\n([\s\S]*?)```/g)].map((m) => parseFormule(m[1]!)));
}

const formules = hasCorpus ? readFormules() : [];

const reponses = new Map<string, Reponse>([
  ['AOM_1', false],
  ['AOM_2', q('0.4')],
  ['voirie_1', 'voirie_1_c'],
  ['voirie_2', q('0.3')],
  ['centre_polarite', true],
  ['habitat_2', q('0.1')],
  ['habitat_3', true],
  ['dechets_1', false],
  ['dechets_2', true],
  ['dev_eco_1', true],
  ['cyclable', false],
  ['versement_mobilite', false],
]);
const ctx: ContexteEvaluation = {
  identite: { type: 'commune', population: 8000, localisation: 'Metropole' },
  reponses,
  score: () => q(1, 3),
};

describe.skipIf(!hasCorpus)(`evaluate all ${formules.length} corpus formulas for one dossier`, () => {
  bench('evaluateFormule × all rules', () => {
    for (let i = 0; i < formules.length; i++) evaluateFormule(formules[i]!, ctx);
  });
});
