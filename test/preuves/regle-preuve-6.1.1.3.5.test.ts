/**
 * The evidence rule of tâche 6.1.1.3.5, as the embedded référentiel states it
 * (referentiel/regles-preuve/cae.md): at least 2 qualifying partnerships in the 4 years up to the
 * dossier's date, 1 below 3,000 inhabitants.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/dossier/dossier-schema.js';
import { type EvaluationContext, statutSource } from '../../src/evaluation/evaluate-dossier.js';
// Through the library's entry, as users call it: a plain object with a key set to undefined (no JSON
// dossier has one) is judged by zod, which the entry loads; the internal module alone refuses it.
import { evaluateDossier } from '../../src/index.js';
import { explainAction } from '../../src/evaluation/evaluation-to-json.js';
import { loadEvaluationContext } from '../../src/evaluation/load-context.js';
import { parseReglesPreuveFiles } from '../../src/preuves/parse-regles-preuve.js';
import { statutLabel } from '../../src/score/statut.js';

const ID = 'cae_6.1.1.3.5';
const p = (date: string, multiActeurs = true, climatAirEnergie = true) => ({ intitule: `Partenariat du ${date}`, date, multiActeurs, climatAirEnergie });

let ctx: EvaluationContext;
beforeAll(async () => {
  const loaded = await loadEvaluationContext();
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  ctx = loaded.context!;
  expect(ctx.reglesPreuve?.map((r) => r.actionId)).toEqual([ID]);
});

function run(population: number | undefined, partenariats: unknown[] | undefined, extra: Partial<Dossier> = {}) {
  const dossier: Dossier = {
    referentiel: 'cae',
    date: '2026-06-30',
    collectivite: population === undefined ? {} : { type: 'commune', population },
    ...(partenariats ? { preuves: { partenariats: partenariats as never } } : {}),
    ...extra,
  };
  const ev = evaluateDossier(ctx, dossier);
  return { ev, statut: statutLabel(ev.statuts.get(ID)), source: statutSource(ev, ID), codes: ev.constats.map((c) => c.code) };
}

describe('6.1.1.3.5: small-commune threshold', () => {
  it('1 partnership is enough at 2,500 and 2,999 inhabitants', () => {
    expect(run(2500, [p('2024-03-15')])).toMatchObject({ statut: 'fait', source: 'preuve', codes: ['statut-propose-par-preuve'] });
    expect(run(2999, [p('2024-03-15')]).statut).toBe('fait');
  });

  it('1 is not enough at 3,000 or 5,000 inhabitants; 2 are', () => {
    expect(run(3000, [p('2024-03-15')]).statut).toBe('pas_fait');
    expect(run(5000, [p('2024-03-15')]).statut).toBe('pas_fait');
    expect(run(5000, [p('2024-03-15'), p('2025-01-01')]).statut).toBe('fait');
  });

  it('without a known population, the general threshold (2) applies and the input is reported missing', () => {
    const { ev, statut } = run(undefined, [p('2024-03-15')]);
    expect(statut).toBe('pas_fait');
    expect(ev.preuves[0]).toMatchObject({ compte: 1, rempli: false, manquant: ['identite.population'] });
  });
});

describe('6.1.1.3.5: which partnerships count', () => {
  it('counts only multi-actor climat-air-énergie partnerships', () => {
    expect(run(5000, [p('2024-03-15'), p('2025-01-01', false, true)]).statut).toBe('pas_fait');
    expect(run(5000, [p('2024-03-15'), p('2025-01-01', true, false)]).statut).toBe('pas_fait');
  });

  it('counts the 4 years up to the dossier date, both ends included', () => {
    expect(run(5000, [p('2022-06-30'), p('2026-06-30')]).statut).toBe('fait');
    expect(run(5000, [p('2022-06-29'), p('2026-06-30')]).statut).toBe('pas_fait');
    expect(run(5000, [p('2024-01-01'), p('2026-07-01')]).statut).toBe('pas_fait');
  });

  it('with no evidence list, proposes nothing', () => {
    expect(run(2500, undefined)).toMatchObject({ statut: null, source: null, codes: [] });
  });

  it('without a dossier date, does not evaluate and says so', () => {
    const { statut, codes } = run(2500, [p('2024-03-15')], { date: undefined });
    expect(statut).toBeNull();
    expect(codes).toEqual(['preuve-date-manquante']);
  });
});

describe('6.1.1.3.5: declared statuts', () => {
  it('a declared fait contradicted by the evidence stands, with a constat naming the tâche', () => {
    const { ev, statut } = run(5000, [p('2024-03-15')], { statuts: { '6.1.1.3.5': 'fait' } });
    expect(statut).toBe('fait');
    const constat = ev.constats.find((c) => c.code === 'preuve-contredit-statut')!;
    expect(constat).toMatchObject({ actionId: ID, severity: 'warning', pointer: '/statuts/6.1.1.3.5' });
    expect(constat.message).toContain('6.1.1.3.5');
  });

  it('a declared pas_fait while the evidence meets the rule gets a constat too', () => {
    expect(run(2500, [p('2024-03-15')], { statuts: { 'cae_6.1.1.3.5': 'pas_fait' } }).codes).toContain('preuve-contredit-statut');
  });

  it('a consistent declaration gets no constat', () => {
    expect(run(2500, [p('2024-03-15')], { statuts: { '6.1.1.3.5': 'fait' } }).codes).toEqual([]);
  });

  it('the explanation says where the statut came from', () => {
    const { ev } = run(2500, [p('2024-03-15')]);
    expect(explainAction(ev, ID)).toMatchObject({ statut: 'fait', statutSource: 'preuve', preuve: { compte: 1, seuil: 1, rempli: true } });
  });
});

describe('evidence-rule files', () => {
  it('report a broken threshold formula at its position', () => {
    const text = '# R\n```yaml\naction_id: cae_6.1.1.3.5\npreuve: partenariats\n```\n## Seuil\n```formule\nsi identite(population, moins_de_3000) 1 sinon 2\n```\n';
    const { regles, diagnostics } = parseReglesPreuveFiles([{ path: 'cae.md', content: text }]);
    expect(regles).toEqual([]);
    expect(diagnostics[0]).toMatchObject({ code: 'formule-syntaxe', position: { file: 'cae.md', line: 8 } });
  });

  it('report an unreadable period', () => {
    const text = '# R\n```yaml\naction_id: a\npreuve: p\nperiode: quatre ans\n```\n## Seuil\n```formule\n2\n```\n';
    expect(parseReglesPreuveFiles([{ path: 'x.md', content: text }]).diagnostics[0]).toMatchObject({ code: 'regle-preuve-periode', position: { line: 5, column: 10 } });
  });
});
