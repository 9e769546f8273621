/**
 * `cae plan` never contradicts itself: for every étoile 1–5, on the fixtures, on random dossiers of
 * the embedded référentiel (a property test) and on full CAE dossiers of the corpus, the plan is
 * applied to the dossier and scored again through the public path (a new dossier, parsed and
 * evaluated); « atteignable » is exactly « the score reaches the étoile and every criterion of it
 * is met » on that independent result, the étoile reported is the one found, and the text says the
 * same as the JSON.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { type EvaluationContext, evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { planEtoile } from '../../src/evaluation/plan-etoile.js';
import { planToJson, renderPlan } from '../../src/report/render-plan.js';
import { PROJECT_DIR, describeCorpus } from '../support/corpus.js';
import { fullCaeDossier, loadCaeContext, random } from './full-cae.js';

type DossierJson = Record<string, unknown> & { statuts?: Record<string, unknown> };

function evaluate(context: EvaluationContext, dossier: DossierJson) {
  const parsed = parseDossierText(JSON.stringify(dossier));
  expect(parsed.dossier, JSON.stringify(parsed.diagnostics)).toBeDefined();
  return evaluateDossier(context, parsed.dossier!);
}

/** Plans `etoile`, applies the plan to the dossier itself, scores it again and compares. */
function checkPlan(context: EvaluationContext, dossier: DossierJson, etoile: number): void {
  const plan = planToJson(planEtoile(context, evaluate(context, dossier), etoile), context.referentiel);
  const statuts = { ...(dossier.statuts ?? {}) };
  for (const t of plan.taches) statuts[t.identifiant] = 'fait';
  const after = evaluate(context, { ...dossier, statuts }).etoiles;
  const reached = after.etoile >= etoile && after.criteres.every((c) => c.etat !== 'non_rempli');
  const where = `étoile ${etoile}, ${plan.taches.length} action(s)`;
  expect(plan.etoileAtteinte, where).toBe(after.etoile);
  expect(plan.atteignable, where).toBe(reached);
  expect(plan.atteignable, where).toBe(plan.etoileAtteinte >= plan.etoileCible && plan.criteresNonRemplis.length === 0);
  const text = renderPlan(plan);
  expect(text.includes('Vérifié :'), where).toBe(plan.atteignable);
  expect(text.includes('Non atteignable :'), where).toBe(!plan.atteignable);
}

describe('cae plan is consistent on the embedded référentiel', () => {
  let context: EvaluationContext;
  beforeAll(async () => {
    context = (await loadEvaluationContext()).context!;
  });

  it('on every fixture dossier, for every étoile 1–5', () => {
    const dir = join(PROJECT_DIR, 'fixtures', 'dossiers');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const dossier = JSON.parse(readFileSync(join(dir, file), 'utf8')) as DossierJson;
      for (let e = 1; e <= 5; e++) checkPlan(context, dossier, e);
    }
  });

  it('on random dossiers (statuts on tâches and sous-actions, a label or not), for every étoile 1–5', () => {
    const ids = [...context.referentiel.actions.values()].filter((a) => a.type === 'tache' || a.type === 'sous-action').map((a) => a.identifiant);
    const statut = fc.constantFrom('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne', { fait: 0.5, programme: 0.25, pas_fait: 0.25 });
    const dossier = fc.record({
      statuts: fc.dictionary(fc.constantFrom(...ids), statut, { maxKeys: 30 }),
      labellisation: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(dossier, fc.integer({ min: 1, max: 5 }), ({ statuts, labellisation }, etoile) => {
        checkPlan(context, { referentiel: 'cae', date: '2026-06-30', statuts, ...(labellisation ? { labellisation: { etoile: labellisation } } : {}) }, etoile);
      }),
      { numRuns: 150, seed: 16 },
    );
  });
});

describeCorpus('cae plan is consistent on full CAE dossiers', () => {
  let context: EvaluationContext;
  beforeAll(async () => {
    context = await loadCaeContext();
  }, 60_000);

  it('for every étoile 1–5, with a criterion judged on a sous-action that carries pas fait', () => {
    for (const [seed, fait] of [[3, 0.2], [11, 0.45], [29, 0.7]] as const) {
      const dossier = fullCaeDossier(context, seed, { fait }) as DossierJson;
      // A sous-action carrying its own statut makes its criteria judged on it: the plan must propose it.
      const rnd = random(seed);
      const statuts = { ...dossier.statuts! };
      for (const sa of ['5.1.2.1', '5.1.1.1', '1.1.2.0']) {
        if (rnd() < 0.8) {
          for (const k of Object.keys(statuts)) if (k.startsWith(`${sa}.`)) delete statuts[k];
          statuts[sa] = 'pas_fait';
        }
      }
      for (let e = 1; e <= 5; e++) checkPlan(context, { ...dossier, statuts }, e);
    }
  }, 120_000);
});
