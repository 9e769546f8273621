import { describe, expect, it } from 'vitest';
import { buildReferentiel, evaluation611, referentiel611 } from '../../test/report/fixtures.js';
import { parseCsv } from '../../test/report/csv-parse.js';
import { CSV_COLUMNS, csvNumber, renderCsv } from './render-csv.js';
import type { EvaluationJson } from '../evaluation/evaluation-document.js';

describe('renderCsv', () => {
  const csv = renderCsv(evaluation611(), referentiel611());
  const rows = parseCsv(csv);
  const header = rows[0]!;
  const byId = new Map(rows.slice(1).map((r) => [r[0]!, Object.fromEntries(header.map((h, i) => [h, r[i]!]))]));

  it('has the documented header and one row per node, depth-first, root first', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(csv.startsWith('action_id,identifiant,type,nom,point_referentiel,point_potentiel,point_potentiel_perso,point_fait,')).toBe(true);
    expect(rows).toHaveLength(1 + 3 + 1 + 5 + 21);
    expect(rows.slice(1, 8).map((r) => r[0])).toEqual(['cae', 'cae_6', 'cae_6.1', 'cae_6.1.1', 'cae_6.1.1.1', 'cae_6.1.1.1.1', 'cae_6.1.1.1.2']);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('ends every record with \\n and never uses CR', () => {
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
  });

  it('gives the golden numbers of example-6.1.1 with . decimals', () => {
    expect(byId.get('cae_6.1.1')).toMatchObject({
      type: 'mesure', point_referentiel: '6', point_potentiel: '6', point_potentiel_perso: '',
      point_fait: '3.561', point_programme: '0.865', point_pas_fait: '0.539', point_non_renseigne: '1.035',
      ratio_fait: '0.5934', concerne: 'true', desactive: 'false', total_taches_count: '21', completed_taches_count: '18',
    });
    expect(byId.get('cae_6.1.1.3.1')).toMatchObject({ type: 'tache', point_potentiel: '0.431', point_fait: '0.216', point_programme: '0.108', point_pas_fait: '0.108' });
    expect(byId.get('cae_6.1.1.4')).toMatchObject({ point_referentiel: '0.9', point_potentiel: '0', concerne: 'false' });
    expect(byId.get('cae_6.1.1.2.3')).toMatchObject({ point_potentiel: '0.345', point_non_renseigne: '0.345' });
  });

  it('quotes a name holding a comma and a quote (RFC 4180) and reads it back', () => {
    const nom = 'Plan "climat", air & énergie\nsur 2 lignes';
    const ref = buildReferentiel('cae', 'Test', [{ identifiant: '1', nom, points: 10 }]);
    const ev: EvaluationJson = { ...evaluation611(), scores: {} };
    const out = renderCsv(ev, ref);
    expect(out).toContain('"Plan ""climat"", air & énergie\nsur 2 lignes"');
    const back = parseCsv(out);
    expect(back[2]![3]).toBe(nom);
    // A node without a score keeps its identity and leaves the numbers empty.
    expect(back[2]!.slice(0, 4)).toEqual(['cae_1', '1', 'axe', nom]);
    expect(back[2]!.slice(4).every((f) => f === '')).toBe(true);
  });

  it('writes numbers as JSON does, never with an exponent', () => {
    expect(csvNumber(3.561)).toBe('3.561');
    expect(csvNumber(0)).toBe('0');
    expect(csvNumber(-0)).toBe('0');
    expect(csvNumber(1e-7)).toBe('0.0000001');
    expect(csvNumber(1234.5)).toBe('1234.5');
  });
});
