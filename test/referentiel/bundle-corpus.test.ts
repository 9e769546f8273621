/**
 * A bundle built from the real CAE and ECI corpus (questions, personalisation rules and, for CAE,
 * the embedded evidence rules) gives the same evaluation document as the Markdown folders it was
 * built from, on dossiers with answers to every question: the compiled companions lose nothing.
 */
import { beforeAll, expect, it } from 'vitest';
import { buildBundle, loadEvaluationContext } from '../../src/node/index.js';
import { loadBundle } from '../../src/evaluation/bundle.js';
import type { EvaluationContext } from '../../src/evaluation/evaluation-context.js';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { EMBEDDED_DIR, describeCorpus, tet } from '../support/corpus.js';
import { join } from 'node:path';
import { randomDossierJson } from '../support/random-dossier.js';

for (const id of ['cae', 'eci']) {
  describeCorpus(`bundle@2 built from ${id} = its Markdown folders`, () => {
    const options = { referentiel: tet('referentiels', id), questions: tet('questions'), personnalisations: tet('personnalisations'), ...(id === 'cae' ? { reglesPreuve: join(EMBEDDED_DIR, 'regles-preuve') } : {}) };
    let fromBundle: EvaluationContext;
    let fromFolders: EvaluationContext;
    beforeAll(async () => {
      const built = await buildBundle(options);
      expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const loaded = loadBundle(JSON.parse(JSON.stringify(built.bundle)));
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      fromBundle = loaded.context!;
      fromFolders = (await loadEvaluationContext(options)).context!;
      expect(fromBundle.personnalisation!.regles.length).toBeGreaterThan(10);
    });

    it('the same rules, questions and evidence rules', () => {
      const rules = (c: EvaluationContext) => c.personnalisation!.regles.map((r) => [r.actionId, r.type, r.source, r.formule.texte]);
      expect(rules(fromBundle)).toEqual(rules(fromFolders));
      expect([...fromBundle.personnalisation!.questions.values()]).toEqual([...fromFolders.personnalisation!.questions.values()]);
      expect([...fromBundle.personnalisation!.activations!.values()]).toEqual([...fromFolders.personnalisation!.activations!.values()]);
      expect(fromBundle.reglesPreuve).toEqual(fromFolders.reglesPreuve);
    });

    it('the same evaluation document, explanations included, on dossiers with answers', () => {
      const questions = [...fromFolders.personnalisation!.questions.values()];
      const types = ['commune', 'EPCI', 'syndicat'] as const;
      for (let seed = 1; seed <= 6; seed++) {
        const reponses: Record<string, unknown> = {};
        questions.forEach((q, i) => {
          const k = (i + seed) % 3;
          if (q.type === 'binaire') reponses[q.id] = k === 0 ? 'NON' : 'OUI';
          else if (q.type === 'choix' && q.choix.length > 0) reponses[q.id] = q.choix[(i + seed) % q.choix.length];
          else if (q.type === 'proportion') reponses[q.id] = k / 4;
        });
        const raw = { ...randomDossierJson(fromFolders.referentiel, seed), date: '2026-06-30', collectivite: { type: types[seed % 3], population: seed * 2500 }, reponses, preuves: { partenariats: [{ intitule: 'x', date: '2025-01-01', multiActeurs: true, climatAirEnergie: true }] } };
        const { dossier, diagnostics } = parseDossierText(JSON.stringify(raw));
        expect(diagnostics).toEqual([]);
        const a = evaluationToJson(evaluateDossier(fromBundle, dossier!), { explain: true });
        const b = evaluationToJson(evaluateDossier(fromFolders, dossier!), { explain: true });
        expect(a).toEqual(b);
      }
    });
  });
}
