/**
 * Scoring speed on the full CAE corpus: 1,000 random dossiers (statuts on tâches and sous-actions,
 * détaillé values, non concerné, answers to most questions), personalisation included, from JSON text to the JSON document.
 * Target: ≤ 0.25 ms per dossier. Skipped without ../shared/tet.
 */
import { bench, describe } from 'vitest';
import { evaluateDossier, evaluationToJson, parseDossierText } from '../../dist/src/index.js';
import { loadEvaluationContext } from '../../dist/src/node/index.js';
import { hasCorpus, tet } from '../support/corpus.js';
import { randomDossierJson } from '../support/random-dossier.js';

const N = 1000;
const ctx = hasCorpus
  ? (await loadEvaluationContext({ referentiel: tet('referentiels', 'cae'), personnalisations: tet('personnalisations'), questions: tet('questions') })).context!
  : null;
// With answers to most questions, as real dossiers have: personalisation rules then apply.
const texts = ctx ? Array.from({ length: N }, (_, i) => JSON.stringify(randomDossierJson(ctx.referentiel, i + 1, ctx.personnalisation?.questions.values()))) : [];
const dossiers = texts.map((t) => parseDossierText(t).dossier!);

describe.skipIf(!ctx)(`CAE: ${N} random dossiers`, () => {
  bench(`score ${N} dossiers (evaluateDossier)`, () => {
    for (const d of dossiers) evaluateDossier(ctx!, d);
  }, { iterations: 5, warmupIterations: 1 });

  bench(`parse + score + JSON of ${N} dossiers (as --batch does)`, () => {
    for (const t of texts) JSON.stringify(evaluationToJson(evaluateDossier(ctx!, parseDossierText(t).dossier!)));
  }, { iterations: 3, warmupIterations: 1 });
});
