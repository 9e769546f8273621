/**
 * TE's score per label (HEAD's scoresTag) in every report: the JSON gives exact sums and ratio per
 * label, and the text, Markdown and HTML reports show one line per label. Over HEAD's TE imported
 * at run time; skipped with a visible message without ../shared/tet-head.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { findCompanions } from '../../src/evaluation/context-sources.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { importHeadContent } from '../support/head-content.js';
import { describeTetHead } from '../support/tet-head.js';

const work = mkdtempSync(join(tmpdir(), 'cae-labels-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeTetHead('TE: the score per label in every report', () => {
  it('te_cae and te_eci: exact sums in the JSON, one line each in text, Markdown and HTML', async () => {
    const dir = await importHeadContent('te', work);
    const { context } = await loadEvaluationContext({ referentiel: dir, ...findCompanions(dir) });
    const taches = [...context!.referentiel.actions.values()].filter((a) => a.type === 'tache' || a.type === 'sous-action').slice(0, 80);
    const statuts = Object.fromEntries(taches.map((t, i) => [t.id, i % 3 === 0 ? 'fait' : i % 3 === 1 ? 'programme' : 'pas_fait'] as const));
    const ev = evaluateDossier(context!, { referentiel: 'te', collectivite: { type: 'EPCI', population: 50_000 }, statuts });
    const doc = evaluationToJson(ev);
    expect(Object.keys(doc.scoresLabel!)).toEqual(['te_cae', 'te_eci']);
    for (const s of Object.values(doc.scoresLabel!)) {
      expect(s.pointPotentiel).toBeGreaterThan(0);
      expect(Math.abs(s.ratioFait - s.pointFait / s.pointPotentiel)).toBeLessThan(0.0002);
    }
    const text = renderText(doc, ev.referentiel, { color: false });
    expect(text).toMatch(/Score par label :\n {2}te_cae : [\d  ,]+ points faits sur [\d  ,]+ points potentiels/);
    expect(renderMarkdown(doc, ev.referentiel)).toContain('## Score par label');
    expect(renderHtml(doc, ev.referentiel)).toContain('<section id="labels"><h2>Score par label</h2><ul><li>te_cae : ');
  });
});
