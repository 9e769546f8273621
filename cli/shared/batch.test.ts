import { describe, expect, it } from 'vitest';
import { evaluateDossier, evaluationToJson } from 'label-cae';
import { loadEvaluationContext } from 'label-cae/node';
import { evaluationJsonChunks } from 'label-cae/report';

describe('batch lines', () => {
  it('are exactly the bytes of JSON.stringify, in small pieces', async () => {
    const { context } = await loadEvaluationContext();
    const ev = evaluateDossier(context!, { collectivite: { type: 'commune' }, statuts: { '6.1.1.2': 'fait', '9.9': 'fait' } });
    for (const explain of [false, true]) {
      const doc = evaluationToJson(ev, { explain });
      const chunks = [...evaluationJsonChunks(ev, { explain }, 7, 5)];
      expect(chunks.length).toBeGreaterThan(3);
      expect(chunks.join('')).toBe(`${JSON.stringify({ ligne: 7, ...doc })}\n`);
    }
  });
});
