/**
 * The renderers on the real pipeline: the embedded référentiel parsed from referentiel/cae, the
 * golden dossier fixtures/dossiers/saint-exemple.json evaluated, then every format rendered. The
 * cells must be the golden numbers of example-6.1.1.md, and the hand-built fixture must agree with
 * the engine on every field the reports show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import type { EvaluationJson } from '../../src/evaluation/evaluation-document.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import { renderCsv, renderHtml, renderMarkdown, renderText } from '../../src/report/index.js';
import { PROJECT_DIR } from '../support/corpus.js';
import { parseCsv } from './csv-parse.js';
import { evaluation611, referentiel611 } from './fixtures.js';

describe('reports on the embedded référentiel and the golden dossier', () => {
  let referentiel: Referentiel;
  let evaluation: EvaluationJson;

  beforeAll(async () => {
    const loaded = await loadEvaluationContext();
    expect(loaded.context, JSON.stringify(loaded.diagnostics)).not.toBeNull();
    const file = join(PROJECT_DIR, 'fixtures', 'dossiers', 'saint-exemple.json');
    const parsed = parseDossierText(readFileSync(file, 'utf8'), file);
    expect(parsed.dossier, JSON.stringify(parsed.diagnostics)).toBeTruthy();
    referentiel = loaded.context!.referentiel;
    evaluation = evaluationToJson(evaluateDossier(loaded.context!, parsed.dossier!));
  });

  it('agrees with the hand-built fixture on the tree and the reported numbers', () => {
    const fixture = evaluation611();
    expect([...referentiel.actions.keys()]).toEqual([...referentiel611().actions.keys()]);
    const fields = ['pointReferentiel', 'pointPotentiel', 'pointFait', 'pointProgramme', 'pointPasFait', 'pointNonRenseigne', 'concerne', 'ratioFait', 'ratioProgramme', 'totalTachesCount', 'completedTachesCount'] as const;
    for (const [id, s] of Object.entries(fixture.scores)) {
      const real = evaluation.scores[id];
      expect(real, id).toBeDefined();
      for (const f of fields) expect([id, f, real![f]]).toEqual([id, f, s[f]]);
    }
    expect(evaluation.etoile).toMatchObject({ etoile: 3, ratioFait: 0.5934, prochaine: { etoile: 4, pointsFaitManquants: 0.339 } });
  });

  it('renders the golden cells in every format', () => {
    const text = renderText(evaluation, referentiel, { color: false });
    expect(text).toContain('Score global : 3,561 points faits sur 6 points potentiels (59,34 %)');
    expect(text).toContain('il manque 0,339 point fait');
    const csv = parseCsv(renderCsv(evaluation, referentiel));
    const row = csv.find((r) => r[0] === 'cae_6.1.1.3')!;
    expect(row.slice(4, 11)).toEqual(['1.5', '1.725', '', '1.078', '0.108', '0.539', '0']);
    const md = renderMarkdown(evaluation, referentiel);
    expect(md).toMatch(/\| 6\.1\.1 \| .* \| 6 \| 3,561 \(59,34 %\) \| 0,865 \(14,42 %\) \| 0,539 \(8,98 %\) \| 1,035 \(17,25 %\) \|/);
    const html = renderHtml(evaluation, referentiel);
    expect(html).toContain('soit <strong class="pct">59,34 %</strong>');
    expect(html).toContain('le radar montre les 4 sous-actions de la mesure 6.1.1.');
  });
});
