/**
 * TeT HEAD's own engine (`../shared/tet-head/head-score.mjs`, HEAD's code bundled with a small
 * driver) as an oracle: label-cae dossiers translated to its reference format, scored in one
 * process (`--jsonl`), and compared node by node with our evaluation. Never copied: read at run
 * time, and the tests skip with a visible message when ../shared is absent.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import type { StatutSaisi } from '../../src/dossier/dossier-schema.js';
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import type { EvaluationJson } from '../../src/evaluation/evaluation-document.js';
import type { QuestionCatalogue } from '../../src/formule/check.js';
import { TET_HEAD_DIR } from './tet-head.js';

export const HEAD_SCORE = join(TET_HEAD_DIR, 'head-score.mjs');

/** The fields compared, HEAD's name → ours. Points within `TOLERANCE`, booleans exactly. */
export const POINT_FIELDS = [
  ['point_referentiel', 'pointReferentiel'],
  ['point_potentiel', 'pointPotentiel'],
  ['point_fait', 'pointFait'],
  ['point_programme', 'pointProgramme'],
  ['point_pas_fait', 'pointPasFait'],
  ['point_non_renseigne', 'pointNonRenseigne'],
] as const;
export const BOOLEAN_FIELDS = [
  ['concerne', 'concerne'],
  ['desactive', 'desactive'],
] as const;
/** HEAD rounds floats to 3 decimals at the end; we round exact values once. */
export const TOLERANCE = 0.0011;

export type HeadNode = Record<string, number | boolean | null | string>;
export type HeadResult = Record<string, HeadNode>;

/** A generated dossier, in label-cae's format (statuts by action id). */
export interface GeneratedDossier {
  referentiel: string;
  collectivite: { type: 'commune' | 'EPCI'; population: number; localisation: 'Metropole' | 'DOM' };
  reponses: Record<string, boolean | string | number>;
  statuts: Record<string, StatutSaisi>;
}

/** label-cae dossier → HEAD's reference dossier (see ../shared/tet-head/README.md). */
export function toHeadDossier(d: GeneratedDossier): unknown {
  const statuts: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(d.statuts)) statuts[id] = typeof s === 'string' ? s : [s.fait, s.programme, s.pas_fait];
  const reponses: Record<string, unknown> = {};
  for (const [q, v] of Object.entries(d.reponses)) reponses[q] = v === 'OUI' ? true : v === 'NON' ? false : v;
  return {
    referentiel: d.referentiel,
    identite: { type: d.collectivite.type, population: d.collectivite.population, localisation: d.collectivite.localisation.toLowerCase() },
    reponses,
    statuts,
  };
}

/** Scores dossiers with HEAD's engine, in one process. */
export function runHead(dossiers: readonly GeneratedDossier[]): HeadResult[] {
  const input = dossiers.map((d) => JSON.stringify(toHeadDossier(d))).join('\n');
  const r = spawnSync(process.execPath, [HEAD_SCORE, '--jsonl', '--compact'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`head-score.mjs a échoué (${r.status}) : ${r.stderr.slice(0, 2000)}`);
  return r.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as HeadResult);
}

export interface Difference {
  actionId: string;
  field: string;
  head: unknown;
  ours: unknown;
}

/** Every node and field where our document and HEAD's result differ (beyond the tolerance). */
export function compareWithHead(ours: EvaluationJson, head: HeadResult): { nodes: number; agreeing: number; differences: Difference[] } {
  const differences: Difference[] = [];
  let nodes = 0;
  let agreeing = 0;
  for (const [actionId, h] of Object.entries(head)) {
    const o = ours.scores[actionId] as unknown as Record<string, unknown> | undefined;
    nodes++;
    if (!o) {
      differences.push({ actionId, field: '(absent)', head: 'présent', ours: 'absent' });
      continue;
    }
    let same = true;
    for (const [hf, of] of POINT_FIELDS) {
      const hv = (h[hf] ?? 0) as number;
      const ov = o[of] as number;
      if (Math.abs(hv - ov) > TOLERANCE) {
        same = false;
        differences.push({ actionId, field: of, head: hv, ours: ov });
      }
    }
    for (const [hf, of] of BOOLEAN_FIELDS) {
      if (h[hf] !== o[of]) {
        same = false;
        differences.push({ actionId, field: of, head: h[hf], ours: o[of] });
      }
    }
    if (same) agreeing++;
  }
  return { nodes, agreeing, differences };
}

function answerArb(q: QuestionCatalogue): fc.Arbitrary<boolean | string | number> {
  if (q.type === 'binaire') return fc.boolean();
  if (q.type === 'choix') return fc.constantFrom(...q.choix);
  return fc.integer({ min: 0, max: 10 }).map((n) => n / 10);
}

const statutArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<StatutSaisi>('fait', 'programme', 'pas_fait', 'non_concerne', 'non_renseigne') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
      .filter(([a, b]) => a + b <= 4)
      .map(([a, b]): StatutSaisi => ({ fait: a / 4, programme: b / 4, pas_fait: (4 - a - b) / 4 })),
  },
);

/**
 * Dossiers over a context: communes and EPCI around the population thresholds, answers to a
 * random subset of every question (dependent ones included, so the active-questions rule is
 * exercised), statuts at every level (mostly tâches and sous-actions).
 */
export function generatedDossierArb(context: EvaluationContext): fc.Arbitrary<GeneratedDossier> {
  const questions = [...(context.personnalisation?.questions.values() ?? [])];
  const actions = [...context.referentiel.actions.values()].filter((a) => a.depth > 0);
  const leafLike = actions.filter((a) => a.type === 'tache' || a.type === 'sous-action').map((a) => a.id);
  const any = actions.map((a) => a.id);
  const idArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...leafLike) }, { weight: 1, arbitrary: fc.constantFrom(...any) });
  return fc.record({
    referentiel: fc.constant(context.referentiel.id),
    collectivite: fc.record({
      type: fc.constantFrom('commune' as const, 'EPCI' as const),
      population: fc.constantFrom(800, 2999, 3000, 9999, 10000, 19999, 20000, 50000, 99999, 100000, 250000),
      localisation: fc.constantFrom('Metropole' as const, 'DOM' as const),
    }),
    reponses: fc.subarray(questions).chain((qs) => fc.tuple(...qs.map((q) => answerArb(q).map((v) => [q.id, v] as const))).map((pairs) => Object.fromEntries(pairs))),
    statuts: fc.array(fc.tuple(idArb, statutArb), { maxLength: 250 }).map((pairs) => Object.fromEntries(pairs)),
  });
}
