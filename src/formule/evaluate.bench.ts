/**
 * Budget: evaluating all 116 rules of CAE + ECI for one dossier takes ≤ 0.05 ms in total.
 * The formulas are read from ../shared/tet with the project's rule parser, parsed once, then
 * evaluated many times. Skipped when the corpus is absent.
 */
import { bench, describe } from 'vitest';
import { hasCorpus } from '../../test/support/corpus.js';
import { readCorpusRegles } from '../../test/support/corpus-rules.js';
import { q } from '../exact/rational.js';
import type { Noeud } from './ast.js';
import { evaluateFormule, type ContexteEvaluation, type Reponse } from './evaluate.js';
import { parseFormule } from './parser.js';

const formules: Noeud[] = hasCorpus ? readCorpusRegles().map((r) => parseFormule(r.texte)) : [];

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
