/**
 * The golden example of ../shared/docs/example-6.1.1.md on the embedded référentiel: numbers that
 * TeT's own engine produced. Exact values are checked where the spec gives them exactly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDossierText } from '../../src/dossier/parse-dossier.js';
import { evaluateDossier } from '../../src/evaluation/evaluate-dossier.js';
import { evaluationToJson } from '../../src/evaluation/evaluation-to-json.js';
import { q } from '../../src/exact/rational.js';
import { parseReferentielFiles } from '../../src/referentiel/parse-referentiel.js';
import { EMBEDDED_DIR } from '../support/corpus.js';

const dir = join(EMBEDDED_DIR, 'cae');
const files = readdirSync(dir).map((n) => ({ path: n, content: readFileSync(join(dir, n), 'utf8') }));
const { referentiel } = parseReferentielFiles(files);

const DOSSIER = `{
  "referentiel": "cae",
  "date": "2026-06-30",
  "collectivite": { "nom": "Saint-Exemple", "type": "commune", "population": 2500, "localisation": "Metropole" },
  "statuts": {
    "6.1.1.1.1": "fait", "6.1.1.1.2": "programme",
    "6.1.1.2": "fait",
    "6.1.1.3.1": { "fait": 0.5, "programme": 0.25, "pas_fait": 0.25 },
    "6.1.1.3.2": "pas_fait", "6.1.1.3.3": "fait", "6.1.1.3.4": "non_concerne", "6.1.1.3.5": "fait",
    "6.1.1.4.1": "non_concerne", "6.1.1.4.2": "non_concerne", "6.1.1.4.3": "non_concerne", "6.1.1.4.4": "non_concerne",
    "6.1.1.5.1": "programme", "6.1.1.5.2": "fait", "6.1.1.5.3": "non_renseigne"
  }
}`;

// action: [référentiel, potentiel, fait, programmé, pas fait, non renseigné, concerné]
const TABLE: Record<string, [number, number, number, number, number, number, boolean]> = {
  'cae_6.1.1': [6, 6, 3.561, 0.865, 0.539, 1.035, true],
  'cae_6.1.1.1': [0.6, 0.825, 0.413, 0.413, 0, 0, true],
  'cae_6.1.1.1.1': [0.3, 0.413, 0.413, 0, 0, 0, true],
  'cae_6.1.1.1.2': [0.3, 0.413, 0, 0.413, 0, 0, true],
  'cae_6.1.1.2': [1.5, 1.725, 1.725, 0, 0, 0, true],
  'cae_6.1.1.2.1': [0.3, 0.345, 0, 0, 0, 0.345, true],
  'cae_6.1.1.2.5': [0.3, 0.345, 0, 0, 0, 0.345, true],
  'cae_6.1.1.3': [1.5, 1.725, 1.078, 0.108, 0.539, 0, true],
  'cae_6.1.1.3.1': [0.3, 0.431, 0.216, 0.108, 0.108, 0, true],
  'cae_6.1.1.3.2': [0.3, 0.431, 0, 0, 0.431, 0, true],
  'cae_6.1.1.3.3': [0.3, 0.431, 0.431, 0, 0, 0, true],
  'cae_6.1.1.3.4': [0.3, 0, 0, 0, 0, 0, false],
  'cae_6.1.1.3.5': [0.3, 0.431, 0.431, 0, 0, 0, true],
  'cae_6.1.1.4': [0.9, 0, 0, 0, 0, 0, false],
  'cae_6.1.1.4.1': [0.225, 0, 0, 0, 0, 0, false],
  'cae_6.1.1.4.4': [0.225, 0, 0, 0, 0, 0, false],
  'cae_6.1.1.5': [1.5, 1.725, 0.345, 0.345, 0, 1.035, true],
  'cae_6.1.1.5.1': [0.3, 0.345, 0, 0.345, 0, 0, true],
  'cae_6.1.1.5.2': [0.3, 0.345, 0.345, 0, 0, 0, true],
  'cae_6.1.1.5.3': [0.3, 0.345, 0, 0, 0, 0.345, true],
  'cae_6.1.1.5.5': [0.3, 0.345, 0, 0, 0, 0.345, true],
};

describe('golden example 6.1.1 (example-6.1.1.md)', () => {
  const { dossier, diagnostics } = parseDossierText(DOSSIER);
  expect(diagnostics).toEqual([]);
  const ev = evaluateDossier({ referentiel: referentiel! }, dossier!);
  const json = evaluationToJson(ev);

  it.each(Object.entries(TABLE))('%s matches the table', (id, [ref, pot, fait, prog, pasFait, nr, concerne]) => {
    const s = json.scores[id]!;
    expect([s.pointReferentiel, s.pointPotentiel, s.pointFait, s.pointProgramme, s.pointPasFait, s.pointNonRenseigne, s.concerne]).toEqual([
      ref,
      pot,
      fait,
      prog,
      pasFait,
      nr,
      concerne,
    ]);
  });

  it('is exact inside: fait of 6.1.1 is 3.560625, tâches of 6.1.1.3 are 0.43125', () => {
    const s = ev.result.scores;
    expect(s.get('cae_6.1.1')!.pointFait.equals(q('3.560625'))).toBe(true);
    expect(s.get('cae_6.1.1.3.2')!.pointPotentiel.equals(q('0.43125'))).toBe(true);
    expect(ev.result.redistribution.get('cae_6.1.1.1')!.equals(q('0.225'))).toBe(true);
    expect(ev.result.redistribution.get('cae_6.1.1.4')!.equals(q('-0.9'))).toBe(true);
  });

  it('reaches the third étoile, 0.339375 short of the fourth', () => {
    expect(ev.etoiles.etoile).toBe(3);
    expect(ev.etoiles.ratioFait.equals(q('3.560625').div(q(6)))).toBe(true);
    expect(ev.etoiles.prochaine?.etoile).toBe(4);
    expect(ev.etoiles.prochaine?.pointsFaitManquants.equals(q('0.339375'))).toBe(true);
    // Criteria naming actions absent from the embedded référentiel are not applicable.
    expect(ev.etoiles.criteres.every((c) => c.etat === 'non_applicable')).toBe(true);
  });

  it('gives byte-identical JSON for the same input', () => {
    const again = evaluationToJson(evaluateDossier({ referentiel: referentiel! }, parseDossierText(DOSSIER).dossier!));
    expect(JSON.stringify(again)).toBe(JSON.stringify(json));
  });
});
