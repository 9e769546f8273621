import { describe, expect, it } from 'vitest';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { evaluationJsonChunks } from '../../src/evaluation/serialize-evaluation.js';

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
