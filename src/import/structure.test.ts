import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readCsv } from './read-csv.js';
import { buildImportTree, readOrigine } from './structure.js';

const tree = (csv: string, ref: 'cae' | 'eci' | 'te' = 'cae') => {
  const ds: Diagnostic[] = [];
  const t = buildImportTree(readCsv(csv, 's.csv', ds), ref, ds);
  return { t, ds };
};

describe('buildImportTree', () => {
  it('construit l\'arbre par préfixe, points en décimal à point, règles et sections', () => {
    const { t, ds } = tree('identifiant,nom,points,pourcentage,categorie,description,desactivation,desactivationDesc\n1,Axe,,,,,,\n1.1,Sous-axe,,,,,,\n1.1.1,Mesure,"0,5",,,Texte,"identite(type, commune)",Pourquoi\n1.1.1.1,Sous-action,,25,bases,,,\n');
    expect(ds).toEqual([]);
    expect(t.root.nom).toBe('Climat Air Énergie');
    const m = t.root.children[0]!.children[0]!.children[0]!;
    expect(m).toMatchObject({ identifiant: '1.1.1', points: '0.5', sections: [{ title: 'Description', text: 'Texte' }], regles: [{ type: 'desactivation', formule: 'identite(type, commune)', description: 'Pourquoi' }] });
    expect(m.children[0]).toMatchObject({ pourcentage: '25', categorie: 'bases' });
  });

  it('garde les identifiants TE à lettres et `alter`, Labels et Origine', () => {
    const { t, ds } = tree('Identifiant,Nom,Points,Origine,Labels\n1,Axe,10,,\n1.1,SA,10,,\n1.1.1alter,M,2,"Cae_1.1.1.1 (1)\n Cae_1.1.1.5 (0,5)","te_cae, te_eci"\n1.1.1alter.1,SM,2,Nouvelle action,te_cae\n1.1.1alter.1.a,T,,,\n', 'te');
    expect(ds).toEqual([]);
    const m = t.nodes.find((n) => n.identifiant === '1.1.1alter')!;
    expect(m.labels).toEqual(['te_cae', 'te_eci']);
    expect(m.origine).toEqual([{ action: 'cae_1.1.1.1', poids: '1' }, { action: 'cae_1.1.1.5', poids: '0.5' }]);
    expect(m.children[0]!.origine).toBe('Nouvelle action');
    expect(m.children[0]!.children[0]!.identifiant).toBe('1.1.1alter.1.a');
  });

  it('signale à la ligne du CSV : identifiant invalide, doublon, parent absent, nombre invalide', () => {
    const { ds } = tree('identifiant,nom,points\n1,Axe,\n1,Encore,\n2.1,Orphelin,\n1 .2,Espace,\n1.1,Sous-axe,-3\n,Sans identifiant,\n,,\n');
    expect(ds.map((d) => `${d.position!.line}:${d.code}`)).toEqual([
      '3:import-identifiant-duplique',
      '5:import-identifiant-invalide',
      '6:import-nombre-invalide',
      '7:import-identifiant-manquant',
      '4:import-parent-manquant',
    ]);
  });

  it('lit Origine en liste pondérée, ou la garde en texte', () => {
    expect(readOrigine('Cae_1.1 (1) | Eci_2.1')).toEqual([{ action: 'cae_1.1', poids: '1' }, { action: 'eci_2.1', poids: null }]);
    expect(readOrigine('Nouvelle  action')).toBe('Nouvelle action');
    expect(readOrigine('')).toBeNull();
  });
});
