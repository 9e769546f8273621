/**
 * evaluationJsonBytes into the caller's memory (the batch reuses one buffer per line in flight):
 * the same bytes as without it, written in place when they fit, into a larger buffer otherwise,
 * and the caller's memory is not kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDossier } from '../evaluation/evaluate-dossier.js';
import { loadEvaluationContext } from '../evaluation/load-context.js';
import { readDossier } from '../evaluation/read-dossier.js';
import { evaluationJsonBytes, evaluationJsonLine } from './json-lines.js';

const decoder = new TextDecoder();

describe('evaluationJsonBytes with memory to reuse', async () => {
  const { context } = await loadEvaluationContext();
  const evaluations = ['saint-exemple', 'commune-2500-un-partenariat', 'epci-80000-complet'].map((name) => {
    const text = readFileSync(new URL(`../../fixtures/dossiers/${name}.json`, import.meta.url), 'utf8');
    return evaluateDossier(context!, readDossier(context!, text, name).dossier!);
  });

  it('writes the bytes of evaluationJsonLine in place when they fit, line after line', () => {
    let memory = new ArrayBuffer(1 << 16);
    const first = memory;
    for (const [i, ev] of [...evaluations, ...evaluations].entries()) {
      for (const options of [{}, { niveau: 'mesure' as const }, { explain: true }]) {
        const line = evaluationJsonBytes(ev, options, i + 1, memory);
        expect(decoder.decode(line)).toBe(evaluationJsonLine(ev, options, i + 1));
        expect(line.buffer).toBe(first);
        expect(line.byteOffset).toBe(0);
        memory = line.buffer as ArrayBuffer;
      }
    }
  });

  it('writes into a larger buffer when the memory is too small, and keeps no hold on either', () => {
    const small = new ArrayBuffer(16);
    const ev = evaluations[0]!;
    const line = evaluationJsonBytes(ev, {}, 7, small);
    expect(line.buffer).not.toBe(small);
    const text = decoder.decode(line);
    expect(text).toBe(evaluationJsonLine(ev, {}, 7));
    // Later calls, with or without memory, leave the earlier line as it was.
    evaluationJsonBytes(evaluations[2]!, {}, 8, new ArrayBuffer(1 << 16));
    evaluationJsonBytes(evaluations[1]!, {}, 9);
    expect(decoder.decode(line)).toBe(text);
  });

  it('gives an array of its own without memory', () => {
    const a = evaluationJsonBytes(evaluations[0]!, {}, 1);
    const b = evaluationJsonBytes(evaluations[1]!, {}, 2);
    expect(a.buffer).not.toBe(b.buffer);
    expect(decoder.decode(a)).toBe(evaluationJsonLine(evaluations[0]!, {}, 1));
  });
});
