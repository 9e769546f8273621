/**
 * Every scenario file written by Territoires en Transitions' maintainers (../shared/tet/scenarios),
 * run through personalisation and propagation together. They are the judge of our numbers.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { evaluatePersonnalisation } from '../../src/personnalisation/evaluate-personnalisation.js';
import { computeScores } from '../../src/score/compute-scores.js';
import { type ActionScoreJson, actionScoreToJson } from '../../src/score/score-json.js';
import { describeCorpus, hasCorpus, tet } from '../support/corpus.js';
import { compareScores, readScenario } from './scenario-file.js';

describeCorpus('TeT scenarios', () => {
  const contexts: Record<string, EvaluationContext> = {};
  beforeAll(async () => {
    for (const ref of ['cae', 'eci']) {
      const { context, diagnostics } = await loadEvaluationContext({
        referentiel: tet('referentiels', ref),
        personnalisations: tet('personnalisations'),
        questions: tet('questions'),
      });
      expect(hasErrors(diagnostics), JSON.stringify(diagnostics.filter((d) => d.severity === 'error').slice(0, 3))).toBe(false);
      contexts[ref] = context!;
    }
  });

  const root = tet('scenarios');
  // Listed at collection time, so only when the corpus is there (the suite is skipped otherwise).
  const files = hasCorpus
    ? readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.yml'))
        .sort()
    : [];

  it('finds the scenario files', () => expect(files.length).toBe(14));

  it.each(files)('%s', (file) => {
    const scenario = readScenario(readFileSync(join(root, file), 'utf8'));
    const refId = [...scenario.attendus.keys(), ...scenario.statuts.keys()][0]!.split('_')[0]!;
    const ctx = contexts[refId]!;
    const perso = evaluatePersonnalisation(ctx.personnalisation!, scenario.collectivite, scenario.reponses);
    const result = computeScores(ctx.referentiel, { statuts: scenario.statuts, consequences: perso.consequences });
    const actual = new Map<string, ActionScoreJson>([...result.scores].map(([id, s]) => [id, actionScoreToJson(s)]));
    const failures = compareScores(scenario.attendus, actual);
    expect(failures, `${file} — ${scenario.titre}\n${failures.join('\n')}`).toEqual([]);
  });
});
