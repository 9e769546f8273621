import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cell, readCsv } from './read-csv.js';

describe('readCsv', () => {
  it('lit les cellules multilignes entre guillemets et garde la ligne où chaque rangée commence', () => {
    const ds: Diagnostic[] = [];
    const t = readCsv('\ufeffIdentifiant,Nom\n1,"Axe\nsur deux lignes"\n\n1.1,"Avec ""guillemets"", virgule"\n', 'a.csv', ds);
    expect(ds).toEqual([]);
    expect(t.columns).toEqual(['identifiant', 'nom']);
    expect(t.rows.map((r) => [cell(r, 'identifiant'), cell(r, 'nom'), r.position.line])).toEqual([
      ['1', 'Axe\nsur deux lignes', 2],
      ['1.1', 'Avec "guillemets", virgule', 5],
    ]);
  });

  it('un en-tête seul, sans fin de ligne, ne donne aucune rangée', () => {
    const ds: Diagnostic[] = [];
    expect(readCsv('id,nom,actions,description', 'p.csv', ds).rows).toEqual([]);
    expect(ds).toEqual([]);
  });

  it('un CSV mal formé donne csv-invalide à sa ligne, sans exception', () => {
    const ds: Diagnostic[] = [];
    expect(readCsv('a,b\n1,2\n3,"non fermé\n', 'x.csv', ds).rows).toEqual([]);
    expect(ds).toMatchObject([{ code: 'csv-invalide', severity: 'error', position: { file: 'x.csv' } }]);
    ds.length = 0;
    readCsv('a,b\n1,2,3\n', 'y.csv', ds);
    expect(ds).toMatchObject([{ code: 'csv-invalide', position: { file: 'y.csv', line: 2 } }]);
  });
});
