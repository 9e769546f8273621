/**
 * A full CAE dossier built at test time from the TeT corpus (../shared/tet, never copied): every
 * tâche renseignée (a deterministic mix of fait, programmé, pas fait, non concerné and détaillé),
 * a few sous-actions carrying their own statut, and an answer to every question, so the reports
 * show statuts, personalisation and a readiness verdict on the real référentiel.
 */
import type { EvaluationContext } from '../../src/evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { tet } from '../support/corpus.js';

export async function loadCaeContext(): Promise<EvaluationContext> {
  const { context, diagnostics } = await loadEvaluationContext({ referentiel: tet('referentiels', 'cae'), questions: tet('questions'), personnalisations: tet('personnalisations') });
  if (!context) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return context;
}

/** xorshift32: the same dossier for the same seed. */
export function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

export function fullCaeDossier(context: EvaluationContext, seed = 7, options: { fait?: number } = {}): Record<string, unknown> {
  const rnd = random(seed);
  const fait = options.fait ?? 0.55;
  const statuts: Record<string, unknown> = {};
  for (const a of context.referentiel.actions.values()) {
    if (a.type === 'sous-action' && a.children.length > 0 && rnd() < 0.04) {
      statuts[a.identifiant] = rnd() < 0.5 ? 'fait' : 'programme';
      continue;
    }
    if (a.children.length > 0 || (a.type !== 'tache' && a.type !== 'sous-action')) continue;
    if (statuts[a.identifiant.slice(0, a.identifiant.lastIndexOf('.'))] !== undefined) continue;
    const k = rnd();
    statuts[a.identifiant] =
      k < fait ? 'fait' : k < fait + 0.15 ? 'programme' : k < 0.93 ? 'pas_fait' : k < 0.96 ? 'non_concerne' : { fait: 0.5, programme: 0.25, pas_fait: 0.25 };
  }
  const reponses: Record<string, unknown> = {};
  for (const q of context.personnalisation?.questions.values() ?? []) {
    if (q.type === 'binaire') reponses[q.id] = rnd() < 0.5;
    else if (q.type === 'proportion') reponses[q.id] = Math.round(rnd() * 100) / 100;
    else if (q.choix.length > 0) reponses[q.id] = q.choix[Math.floor(rnd() * q.choix.length)];
  }
  return {
    referentiel: 'cae',
    date: '2026-06-30',
    collectivite: { nom: 'Communauté de communes du Val-d’Essai', type: 'EPCI', population: 42000, localisation: 'Metropole' },
    reponses,
    statuts,
  };
}
