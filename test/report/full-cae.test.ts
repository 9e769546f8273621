/**
 * The auditor's reports end to end on a full CAE dossier built from ../shared/tet at test time
 * (test/report/full-cae.ts): the HTML printed by headless Chromium is A4 and at most 60 pages, with
 * screenshots of the summary page and of an annex page kept in /tmp/cae-shots/ for a human to look
 * at; the text at 80 columns has no longer line; the XLSX reads back with its sheets and columns.
 * Skipped, visibly, without the corpus; the print test also without /usr/bin/chromium.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { evaluateDossier, type EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import type { EvaluationJson } from '../../src/evaluation/evaluation-document.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { renderXlsx, XLSX_SUMMARY_SHEET } from '../../src/node/render-xlsx.js';
import { AUDIT_COLUMNS } from '../../src/report/audit-rows.js';
import { stripAnsi } from '../../src/report/color.js';
import { renderCsv } from '../../src/report/render-csv.js';
import { renderHtml } from '../../src/report/render-html.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { describeCorpus } from '../support/corpus.js';
import { fullCaeDossier, loadCaeContext } from './full-cae.js';
import { decodePng, pixelStats } from './png.js';
import { readXlsx } from './xlsx-read.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`\n[label-cae] ${CHROMIUM} absent : l'impression du rapport CAE complet (A4, ≤ 60 pages) n'est pas testée.\n`);
const SHOTS = '/tmp/cae-shots';
const run = promisify(execFile);

const chromium = (profile: string, extra: string[], url: string) =>
  run(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, ...extra, url], { timeout: 120_000 });

/** The print stylesheet applied on screen, in a 190 mm column: what a printed page shows, for a screenshot. */
function asPrinted(html: string, hide: string[] = []): string {
  const extra = `body { width: 190mm; margin: 0 auto; } ${hide.map((h) => `${h} { display: none !important; }`).join(' ')}`;
  return html.replace('@media print {', '@media all {').replace('</style>', `${extra}</style>`);
}

describeCorpus('auditor reports on a full CAE dossier', () => {
  let context: EvaluationContext;
  let doc: EvaluationJson;

  beforeAll(async () => {
    context = await loadCaeContext();
    const { dossier } = parseDossierText(JSON.stringify(fullCaeDossier(context)));
    doc = evaluationToJson(evaluateDossier(context, dossier!));
  }, 60_000);

  it('is a full dossier: every tâche renseignée, answers read, the readiness says what may be requested', () => {
    const root = doc.scores[context.referentiel.root.id]!;
    expect(root.completedTachesCount).toBe(root.totalTachesCount);
    expect(root.totalTachesCount).toBeGreaterThan(1000);
    const l = doc.labellisation!;
    expect(l.etoileScore).toBe(doc.etoile.etoile);
    expect(l.verdict).toBe(`étoile demandable : ${l.etoileDemandable ?? 'aucune'}`);
    expect(l.conditions.find((c) => c.code === 'completude')!.rempli).toBe(true);
    // The verdict follows the conditions: no étoile while a criterion is unmet.
    expect(l.etoileDemandable === null).toBe(l.conditions.some((c) => c.code === 'critere' && !c.rempli));
    expect(doc.personnalisation!.actions.length).toBeGreaterThan(0);
    expect(doc.personnalisation!.reponsesIgnorees.length).toBeGreaterThan(0);
    expect(Object.values(doc.statuts!).some((s) => s.source === 'parent')).toBe(true);
  });

  it('prints text of at most 80 columns, in colour or not, for the whole report and for one mesure', () => {
    for (const options of [{ color: false }, { color: true }, { color: false, mesure: '1.1.1' }, { color: false, axe: '3' }]) {
      const lines = stripAnsi(renderText(doc, context.referentiel, { ...options, width: 80 })).split('\n');
      const longest = Math.max(...lines.map((l) => [...l].length));
      expect(longest, JSON.stringify(options)).toBeLessThanOrEqual(80);
    }
    const mesure = renderText(doc, context.referentiel, { color: false, width: 80, mesure: '1.1.1' });
    expect(mesure).toMatch(/^1\.1\.1\.1\.1 /m); // down to the tâches
    expect(mesure).toContain('Statut');
  });

  it('keeps the same column widths from axe to axe', () => {
    const text = renderText(doc, context.referentiel, { color: false, width: 100 });
    const rules = text.split('\n').filter((l) => l.startsWith('──'));
    expect(rules.length).toBe(context.referentiel.root.children.length);
    expect(new Set(rules).size).toBe(1);
  });

  it('writes statuts in the CSV and a French-Excel CSV with a BOM, « ; » and decimal commas', () => {
    expect(renderCsv(doc, context.referentiel).split('\n')[0]).toMatch(/,completed_taches_count$/);
    const excel = renderCsv(doc, context.referentiel, { excel: true });
    expect(excel.startsWith('\ufeffaction_id;identifiant;')).toBe(true);
    expect(excel.split('\r\n')[0]).toMatch(/;statut;statut_source$/);
    expect(excel).toMatch(/;pas fait;dossier\r\n/);
    expect(excel).not.toMatch(/;pas_fait;/);
    const row = excel.split('\r\n').find((l) => l.startsWith('cae;'))!;
    expect(row).toMatch(/;\d+,\d+;/);
    expect(row).not.toMatch(/\d\.\d/);
    expect(renderMarkdown(doc, context.referentiel)).toContain('## Demande de labellisation');
  });

  it('writes an XLSX that reads back: a summary sheet, one sheet per axe with the audit columns', async () => {
    const book = readXlsx(await renderXlsx(doc, context.referentiel));
    expect(book.sheets.map((s) => s.name)).toEqual([XLSX_SUMMARY_SHEET, ...context.referentiel.root.children.map((a) => `Axe ${a.identifiant}`)]);
    const axe1 = book.sheets[1]!;
    expect(axe1.rows[0]).toEqual([...AUDIT_COLUMNS]);
    const s = doc.scores['cae_1']!;
    expect(axe1.rows[1]!.slice(0, 6)).toEqual(['1', context.referentiel.actions.get('cae_1')!.nom, s.pointReferentiel, s.pointPotentiel, s.pointFait, s.ratioFait]);
    const nodes = [...context.referentiel.actions.values()].filter((n) => n.identifiant === '1' || n.identifiant.startsWith('1.')).length;
    expect(axe1.rows.length).toBe(nodes + 1);
    expect(book.sheets[0]!.rows.some((r) => r[0] === 'Étoile demandable')).toBe(true);
  });

  describe.skipIf(!hasChromium)('printed by Chromium', () => {
    let dir = '';
    let pdf = '';
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'label-cae-print-'));
      const html = renderHtml(doc, context.referentiel);
      const files = { rapport: html, resume: asPrinted(html), annexe: asPrinted(html, ['#resume', 'nav.sommaire', '#etoile', '#axes', '#personnalisation', '#labels']) };
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, `${name}.html`), content, 'utf8');
      mkdirSync(SHOTS, { recursive: true });
      const url = (name: string) => pathToFileURL(join(dir, `${name}.html`)).href;
      await Promise.all([
        chromium(join(dir, 'p1'), ['--no-pdf-header-footer', `--print-to-pdf=${join(dir, 'rapport.pdf')}`], url('rapport')),
        chromium(join(dir, 'p2'), ['--hide-scrollbars', '--window-size=794,1123', `--screenshot=${join(SHOTS, 'resume.png')}`], url('resume')),
        chromium(join(dir, 'p3'), ['--hide-scrollbars', '--window-size=794,1123', `--screenshot=${join(SHOTS, 'annexe.png')}`], url('annexe')),
      ]);
      pdf = readFileSync(join(dir, 'rapport.pdf'), 'latin1');
    }, 180_000);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('is A4 and at most 60 pages', () => {
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      console.info(`[label-cae] rapport CAE complet imprimé : ${pages} pages A4`);
      expect(pages).toBeGreaterThan(10);
      expect(pages).toBeLessThanOrEqual(60);
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[3]) - Number(m[1]), Number(m[4]) - Number(m[2])]);
      expect(boxes.length).toBeGreaterThan(0);
      // A4 is 210 × 297 mm = 595.28 × 841.89 points.
      for (const [w, h] of boxes) {
        expect(Math.abs(w! - 595.28)).toBeLessThan(1.5);
        expect(Math.abs(h! - 841.89)).toBeLessThan(1.5);
      }
    });

    it('leaves screenshots of the summary page and of an annex page that are not blank', () => {
      for (const name of ['resume', 'annexe']) {
        const png = decodePng(readFileSync(join(SHOTS, `${name}.png`)));
        expect(png.width).toBe(794);
        const stats = pixelStats(png);
        expect(stats.nonWhiteRatio).toBeGreaterThan(0.03);
        expect(stats.distinctColors).toBeGreaterThan(50);
      }
    });
  });
});
