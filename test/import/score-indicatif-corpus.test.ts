/**
 * HEAD's indicative scores (`exprScore`) on its real content: imported by `cae import` into
 * `## Score indicatif` sections, read back by our parser (35 CAE actions; 31 in TE, whose
 * identifiants our parser does not read yet, counted in the Markdown), and computed on imported CAE
 * for a dossier giving every indicator a value. Reads ../shared/tet-head in place; skips visibly.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Rational } from '../../src/exact/rational.js';
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { indicateursDuReferentiel } from '../../src/evaluation/score-indicatif.js';
import { importHeadContent, loadHeadContext } from '../support/head-content.js';
import { TET_HEAD_DIR, describeTetHead } from '../support/tet-head.js';
import { readCsvRecords } from '../support/csv.js';

const exprScores = (ref: string): Map<string, string> => {
  const rows = readCsvRecords(readFileSync(join(TET_HEAD_DIR, 'referentiels', `referentiel-${ref}-structure.csv`), 'utf8'));
  const m = new Map<string, string>();
  for (const row of rows) {
    const id = row.identifiant ?? row.Identifiant ?? '';
    const expr = (row.exprScore ?? '').trim();
    if (id !== '' && expr !== '') m.set(id, expr);
  }
  return m;
};
const norm = (f: string): string => f.replace(/\s+/g, ' ').trim();

describeTetHead('score indicatif sur le contenu importé de HEAD', () => {
  let work: string;
  let context: EvaluationContext;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cae-indicatif-head-'));
    context = await loadHeadContext('cae', work);
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('CAE : les 35 exprScore de HEAD relus à l’identique (aux espaces près), chacun à sa place', () => {
    const expected = exprScores('cae');
    expect(expected.size).toBe(35);
    const actual = new Map([...context.referentiel.actions.values()].filter((n) => n.scoreIndicatif).map((n) => [n.identifiant, n.scoreIndicatif!]));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [id, si] of actual) {
      expect(norm(si.formule), id).toBe(norm(expected.get(id)!));
      expect(si.ast, id).not.toBeNull();
      expect(readFileSync(join(work, 'cae', 'referentiels', 'cae', si.position.file.split('/').at(-1)!), 'utf8').split('\n')[si.position.line - 1]!.trim().length).toBeGreaterThan(0);
    }
  });

  it('TE : les 31 exprScore écrits en sections « Score indicatif »', async () => {
    const out = join(work, 'te');
    const dir = await importHeadContent('te', out);
    const count = readdirSync(dir).reduce((n, f) => n + (readFileSync(join(dir, f), 'utf8').match(/^#+ Score indicatif\n```formule\n/gm)?.length ?? 0), 0);
    expect(exprScores('te').size).toBe(31);
    expect(count).toBe(31);
  });

  it('CAE : chaque score calculé, exact, dans [0, 1] pour des valeurs entre limite et cible ; les points inchangés', () => {
    const ids = [...indicateursDuReferentiel(context.referentiel)].sort();
    expect(ids.length).toBeGreaterThan(30);
    // Value halfway between limite 2 and cible 6, objective at the target.
    const indicateurs = Object.fromEntries(ids.map((id) => [id, { resultat: 4, objectif: 6, cible: 6, limite: 2 }]));
    const base = { collectivite: { type: 'commune' as const, population: 12000, localisation: 'Metropole' as const }, reponses: { fournisseur_energie: 'NON' } };
    const ev = evaluateDossier(context, { ...base, indicateurs });
    const sans = evaluationToJson(evaluateDossier(context, base));
    const doc = evaluationToJson(ev);
    expect(ev.scoresIndicatifs.size).toBe(35);
    for (const [id, si] of ev.scoresIndicatifs) {
      expect(si.fait.score, `${id} fait`).not.toBeNull();
      expect(si.fait.score!.sign() >= 0 && si.fait.score!.compare(Rational.ONE) <= 0, `${id} dans [0, 1]`).toBe(true);
      expect(si.programme.score, `${id} programmé`).not.toBeNull();
      const { scoreIndicatif: _, ...points } = doc.scores[id]!;
      expect(points).toEqual(sans.scores[id]);
    }
    // The usual form, halfway: exactly 1/2 (HEAD: 0.5).
    expect(ev.scoresIndicatifs.get('cae_1.2.3.3.4')!.fait.score!.toFraction()).toBe('1/2');
    expect(ev.scoresIndicatifs.get('cae_1.2.3.3.4')!.programme.score!.toFraction()).toBe('1');
    expect(doc.etoile).toEqual(sans.etoile);
    expect(doc.constats.filter((c) => c.code.startsWith('indicateur'))).toEqual([]);
  });
});
