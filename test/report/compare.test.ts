/**
 * `cae compare` on two full CAE dossiers of the corpus: the answers and criteria that changed, the
 * statuts in words (never `pas_fait`), the requestable étoile, and a warning when the dossiers are
 * not of the same collectivité (none when they are).
 */
import { beforeAll, expect, it } from 'vitest';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { compareEvaluations } from '../../src/evaluation/compare-evaluations.js';
import { type EvaluationContext, evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { renderComparison } from '../../src/report/render-comparison.js';
import { describeCorpus } from '../support/corpus.js';
import { fullCaeDossier, loadCaeContext } from './full-cae.js';

describeCorpus('cae compare', () => {
  let context: EvaluationContext;
  beforeAll(async () => {
    context = await loadCaeContext();
  }, 60_000);
  const evaluate = (d: Record<string, unknown>) => evaluateDossier(context, parseDossierText(JSON.stringify(d)).dossier!);

  it('lists changed answers and criteria, statuts in words, and warns about another collectivité', () => {
    const avant = fullCaeDossier(context, 5, { fait: 0.3 });
    const apres = fullCaeDossier(context, 6, { fait: 0.8 });
    const same = compareEvaluations(evaluate(avant), evaluate(apres));
    expect(same.avertissements).toEqual([]);
    expect(same.reponses.length).toBeGreaterThan(0);
    const r = same.reponses[0]!;
    expect(r.avant).not.toEqual(r.apres);
    expect(same.etoile.apres).toBeGreaterThan(same.etoile.avant);
    const text = renderComparison(same, context.referentiel, { width: 80 });
    expect(text).toContain(`Réponses modifiées (${same.reponses.length}) :`);
    expect(text).toContain(`Critères d'action modifiés (${same.criteres.length}) :`);
    expect(text).toContain('Étoile demandable :');
    expect(text).not.toMatch(/pas_fait|non_renseigne|non_concerne|: programme |→ programme$/m);
    expect(Math.max(...text.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);

    const other = compareEvaluations(evaluate(avant), evaluate({ ...apres, collectivite: { ...(apres['collectivite'] as object), nom: 'Autre-Ville', type: 'commune' } }));
    expect(other.avertissements).toHaveLength(2);
    expect(renderComparison(other, context.referentiel)).toMatch(/^Attention : les deux dossiers ne sont pas de la même collectivité/);
  });
});
