import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseReferentielFiles } from '../referentiel/parse-referentiel.js';
import { readCsv } from './read-csv.js';
import { buildImportTree } from './structure.js';
import { type ImportFiles, writeReferentiel } from './write-referentiel.js';

const CSV = `identifiant,nom,points,pourcentage,categorie,description,contexte
1,Axe un,,,,,
1.1,Sous-axe,,,,"Texte du sous-axe",
1.1.1,Mesure,10,,,"# pas un titre
suite",Contexte
1.1.1.1,Sous-action A,,40,bases,,
1.1.1.1.1,Tâche,,,,"Détail",
1.1.1.2,Sous-action B,,60,mise en œuvre,,
1.1.10,Dixième,2,,,,
`;

describe('writeReferentiel', () => {
  it('écrit racine, axe, mesures comme le corpus, et notre parseur relit le même arbre', () => {
    const ds: Diagnostic[] = [];
    const files: ImportFiles = new Map();
    writeReferentiel(buildImportTree(readCsv(CSV, 's.csv', ds), 'cae', ds), files);
    expect(ds).toEqual([]);
    expect([...files.keys()].sort()).toEqual(['referentiels/cae/1.1.1.md', 'referentiels/cae/1.1.10.md', 'referentiels/cae/1.md', 'referentiels/cae/cae.md']);
    expect(files.get('referentiels/cae/cae.md')).toBe('# Climat Air Énergie\n```yaml\nidentifiant: ""\nreferentiel: "cae"\n```\n');
    expect(files.get('referentiels/cae/1.md')).toBe('# Axe un\n```yaml\nidentifiant: 1\n```\n\n## Actions\n\n### Sous-axe\n```yaml\nidentifiant: 1.1\n```\n\n#### Description\nTexte du sous-axe\n');
    expect(files.get('referentiels/cae/1.1.10.md')).toContain('identifiant: 1.1.10\n');
    const { referentiel, diagnostics } = parseReferentielFiles([...files].map(([path, content]) => ({ path, content })));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const n = referentiel!.actions;
    expect(n.size).toBe(8);
    expect(n.get('cae')!.points.toFraction()).toBe('12');
    expect(n.get('cae_1.1.1.2')).toMatchObject({ categorie: 'mise_en_oeuvre', parentId: 'cae_1.1.1' });
    expect(n.get('cae_1.1.1.2')!.points.toFraction()).toBe('6');
    expect(n.get('cae_1.1.1')!.sections).toMatchObject({ description: '\\# pas un titre\nsuite', contexte: 'Contexte' });
    expect(n.get('cae_1.1.1.1.1')!.sections.description).toBe('Détail');
  });

  it("écrit exprScore en « Score indicatif » (un bloc formule) que le parseur relit, avec sa position, hors des sections", () => {
    const csv = 'identifiant,nom,points,description,exprScore\n1,Axe,10,,\n1.1,Sous-axe,,,\n1.1.1,Mesure,10,Texte,"si val(cae_7) > cible(cae_7) alors 1  \nsinon val(cae_7) / cible(cae_7)"\n';
    const ds: Diagnostic[] = [];
    const files: ImportFiles = new Map();
    writeReferentiel(buildImportTree(readCsv(csv, 's.csv', ds), 'cae', ds), files);
    expect(ds).toEqual([]);
    const mesure = files.get('referentiels/cae/1.1.1.md')!;
    expect(mesure).toBe('# Mesure\n```yaml\nidentifiant: 1.1.1\npoints: 10\n```\n\n## Description\nTexte\n\n## Score indicatif\n```formule\nsi val(cae_7) > cible(cae_7) alors 1\nsinon val(cae_7) / cible(cae_7)\n```\n');
    const { referentiel, diagnostics } = parseReferentielFiles([...files].map(([path, content]) => ({ path, content })));
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const node = referentiel!.actions.get('cae_1.1.1')!;
    expect(node.sections).toEqual({ description: 'Texte' });
    expect(node.scoreIndicatif).toMatchObject({ formule: 'si val(cae_7) > cible(cae_7) alors 1\nsinon val(cae_7) / cible(cae_7)', position: { file: 'referentiels/cae/1.1.1.md', line: 12, column: 1 } });
    expect(node.scoreIndicatif!.ast).not.toBeNull();
    expect(referentiel!.actions.get('cae_1')!.scoreIndicatif).toBeUndefined();
  });
});
