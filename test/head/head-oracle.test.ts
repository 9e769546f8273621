/**
 * HEAD's own engine as the oracle: generated dossiers (CAE, ECI and TE, answers to every question,
 * statuts at every level) scored by `../shared/tet-head/head-score.mjs` and by label-cae, compared
 * on every node within 0.0011 point. Budget: `HEAD_RUNS` dossiers per référentiel (CI: the
 * default, 60; `HEAD_RUNS=2000` for the full run). Skips with a visible message without ../shared.
 * TE (imported by `cae import`, scored without redistribution, désactivations only): 1,000 dossiers,
 * 664,000 / 664,000 nodes identical (HEAD_RUNS=1000, seed 20261128).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { type EvaluationContext, evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { type Difference, type GeneratedDossier, compareWithHead, generatedDossierArb, runHead } from '../support/head-engine.js';
import { loadHeadContext } from '../support/head-content.js';
import { describeTetHead } from '../support/tet-head.js';

const RUNS = Math.max(1, Number.parseInt(process.env.HEAD_RUNS ?? '', 10) || 60);
const SEED = process.env.HEAD_SEED ? Number(process.env.HEAD_SEED) : 20261128;
const work = mkdtempSync(join(tmpdir(), 'cae-head-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function summarise(differences: readonly Difference[]): string {
  return differences
    .slice(0, 12)
    .map((d) => `${d.actionId}.${d.field}: HEAD ${JSON.stringify(d.head)}, label-cae ${JSON.stringify(d.ours)}`)
    .join('\n');
}

async function compare(referentiel: 'cae' | 'eci' | 'te', context: EvaluationContext): Promise<void> {
  const dossiers = fc.sample(generatedDossierArb(context), { numRuns: RUNS, seed: SEED });
  let nodes = 0;
  let agreeing = 0;
  const failures: { dossier: GeneratedDossier; differences: Difference[] }[] = [];
  // HEAD prints every node of every dossier: 100 dossiers at a time keep its output in memory.
  for (let start = 0; start < dossiers.length; start += 100) {
    const chunk = dossiers.slice(start, start + 100);
    const heads = runHead(chunk);
    expect(heads).toHaveLength(chunk.length);
    chunk.forEach((dossier, i) => {
      const ours = evaluationToJson(evaluateDossier(context, dossier));
      const r = compareWithHead(ours, heads[i]!);
      nodes += r.nodes;
      agreeing += r.agreeing;
      if (r.differences.length > 0) failures.push({ dossier, differences: r.differences });
    });
  }
  console.info(`[label-cae] HEAD ${referentiel} : ${dossiers.length} dossiers, ${agreeing}/${nodes} nœuds identiques (${((100 * agreeing) / nodes).toFixed(3)} %)`);
  const first = failures[0];
  expect(failures.length, first ? `${failures.length} dossiers diffèrent ; le premier :\n${JSON.stringify(first.dossier)}\n${summarise(first.differences)}` : '').toBe(0);
}

describeTetHead("HEAD's engine as the oracle", () => {
  for (const referentiel of ['cae', 'eci', 'te'] as const) {
    it(`${referentiel}: every node agrees with HEAD on generated dossiers`, { timeout: 600_000 }, async () => {
      const context = await loadHeadContext(referentiel, work);
      await compare(referentiel, context);
    });
  }
});

