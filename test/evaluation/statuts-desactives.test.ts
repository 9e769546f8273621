/**
 * The `statut-sur-action-desactivee` constats of evaluateDossier read the statuts below a
 * désactivé action from the flat tree's contiguous ranges; here they are recomputed by walking
 * the référentiel's nodes one by one, on CAE and ECI dossiers whose answers désactivent actions.
 */
import { describe, expect, it } from 'vitest';
import { type EvaluationContext, evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import type { Dossier } from '../../src/dossier/dossier-schema.js';
import { describeCorpus, tet } from '../support/corpus.js';

/** Dossiers with statuts on a random half of the actions and random answers (deterministic). */
function* dossiers(ctx: EvaluationContext, n: number): Generator<Dossier> {
  let x = 4242;
  const rnd = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const actions = [...ctx.referentiel.actions.values()].filter((a) => a.depth > 0);
  const questions = [...(ctx.personnalisation?.questions.values() ?? [])];
  for (let k = 0; k < n; k++) {
    const statuts: Record<string, string> = {};
    for (const a of actions) if (a.children.length === 0 && rnd() < 0.5) statuts[a.identifiant] = ['fait', 'programme', 'pas_fait', 'non_renseigne'][Math.floor(rnd() * 4)]!;
    const reponses: Record<string, string | number> = {};
    for (const q of questions) {
      if (rnd() < 0.3) continue;
      reponses[q.id] = q.type === 'binaire' ? (rnd() < 0.5 ? 'OUI' : 'NON') : q.type === 'proportion' ? Math.floor(rnd() * 100) / 100 : q.choix[Math.floor(rnd() * q.choix.length)]!;
    }
    yield { referentiel: ctx.referentiel.id, collectivite: { type: rnd() < 0.5 ? 'commune' : 'EPCI', population: Math.floor(rnd() * 100000) }, reponses, statuts } as unknown as Dossier;
  }
}

function suite(id: 'cae' | 'eci'): void {
  it(`${id}: the constats name the statuts a walk of the désactivé subtrees finds`, async () => {
    const { context } = await loadEvaluationContext({ referentiel: tet('referentiels', id), personnalisations: tet('personnalisations'), questions: tet('questions') });
    let seen = 0;
    for (const dossier of dossiers(context!, 60)) {
      const ev = evaluateDossier(context!, dossier);
      const expected: string[] = [];
      for (const [actionId, c] of ev.consequences) {
        const node = c.desactive ? ev.referentiel.actions.get(actionId) : undefined;
        if (!node) continue;
        const hidden: string[] = [];
        const walk = (a: typeof node): void => {
          if (ev.statuts.has(a.id)) hidden.push(a.identifiant);
          a.children.forEach(walk);
        };
        walk(node);
        hidden.sort();
        if (hidden.length > 0) expected.push(`${actionId}:${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ` et ${hidden.length - 5} autre(s)` : ''}`);
      }
      const got = ev.constats.filter((c) => c.code === 'statut-sur-action-desactivee').map((c) => `${c.actionId}:${/^Statut\(s\) de (.*) non lu\(s\)/.exec(c.message)![1]}`);
      expect(got).toEqual(expected);
      seen += got.length;
    }
    expect(seen).toBeGreaterThan(0);
  });
}

describeCorpus('statuts hidden by a désactivation', () => {
  describe('CAE and ECI', () => {
    suite('cae');
    suite('eci');
  });
});
