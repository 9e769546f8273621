import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parsePreuvesFiles } from '../preuves/parse-preuves.js';
import { parseReglesFiles } from '../personnalisation/parse-regles.js';
import { readCsv } from './read-csv.js';
import { buildImportTree } from './structure.js';
import { writePreuves } from './write-preuves.js';
import { writeRegles } from './write-regles.js';
import type { ImportFiles } from './write-referentiel.js';

const read = (files: ImportFiles) => [...files].map(([path, content]) => ({ path, content }));

describe('writeRegles', () => {
  it('écrit les trois types de règle par axe, relus par parseRegles', () => {
    const ds: Diagnostic[] = [];
    const csv = 'identifiant,nom,desactivation,reduction,reductionDesc,score\n1,A,,,,\n1.1,E,,,,\n1.1.1,M,"identite(type, commune)","si identite(population, moins_de_3000) alors 0.5",Moitié,\n2,B,,,,\n2.1,E,,,,\n2.1.1,N,,,,score(cae_1.1.1)\n';
    const files: ImportFiles = new Map();
    expect(writeRegles(buildImportTree(readCsv(csv, 's.csv', ds), 'cae', ds), files)).toBe(2);
    expect([...files.keys()]).toEqual(['personnalisations/cae_1.md', 'personnalisations/cae_2.md']);
    const { entries, diagnostics } = parseReglesFiles(read(files));
    expect(diagnostics).toEqual([]);
    expect(entries.map((e) => [e.actionId, e.regles.map((r) => `${r.type}=${r.formule.trim()}|${r.description}`)])).toEqual([
      ['cae_1.1.1', ['desactivation=identite(type, commune)|', 'reduction=si identite(population, moins_de_3000) alors 0.5|Moitié']],
      ['cae_2.1.1', ['score=score(cae_1.1.1)|']],
    ]);
  });
});

describe('writePreuves', () => {
  const cae = 'id,nom,actions,description\nrapport,Rapport,"cae_1.2.3.1, cae_3.3.5.3",<p>Texte</p>\nseule,Seule,cae_2.1,\n';
  const eci = 'id,nom,actions,description\nrapport,Rapport,eci_2.2.0,\n';
  const run = (ref: string) => {
    const ds: Diagnostic[] = [];
    const files: ImportFiles = new Map();
    const tables = [{ referentiel: 'cae', table: readCsv(cae, 'cae.csv', ds) }, { referentiel: 'eci', table: readCsv(eci, 'eci.csv', ds) }];
    writePreuves(tables, ref, files, ds);
    expect(ds).toEqual([]);
    return files;
  };

  it('écrit une fois, à l\'identique pour chaque référentiel, la preuve qu\'ils partagent', () => {
    const a = run('cae');
    const b = run('eci');
    expect([...a.keys()]).toEqual(['preuves/communes_cae_eci.md', 'preuves/cae_2.md']);
    expect([...b.keys()]).toEqual(['preuves/communes_cae_eci.md']);
    expect(b.get('preuves/communes_cae_eci.md')).toBe(a.get('preuves/communes_cae_eci.md'));
    const { preuves, diagnostics } = parsePreuvesFiles(read(a));
    expect(diagnostics).toEqual([]);
    expect(preuves.map((p) => [p.id, p.actions, p.description])).toEqual([
      ['rapport', ['cae_1.2.3.1', 'cae_3.3.5.3', 'eci_2.2.0'], '<p>Texte</p>'],
      ['seule', ['cae_2.1'], ''],
    ]);
  });
});
