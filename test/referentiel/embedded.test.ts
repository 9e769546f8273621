import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { q } from '../../src/exact/rational.js';
import type { Referentiel } from '../../src/referentiel/model.js';
import { embeddedReferentielDir, parseEmbeddedReferentiel } from '../../src/referentiel/read-referentiel.js';
import { compileReferentiel } from '../../src/referentiel/compile-referentiel.js';
import { loadReferentiel } from '../../src/referentiel/load-referentiel.js';
import { EMBEDDED_DIR } from '../support/corpus.js';

describe('embedded référentiel (mesure 6.1.1)', () => {
  let ref: Referentiel;
  beforeAll(async () => {
    const r = await parseEmbeddedReferentiel();
    expect(r.diagnostics).toEqual([]);
    ref = r.referentiel!;
  });

  it('is found next to the module', () => {
    expect(embeddedReferentielDir()).toBe(join(EMBEDDED_DIR, 'cae'));
  });

  it('has the points of the worked example', () => {
    const p = (id: string) => ref.actions.get(id)!.points;
    for (const id of ['cae', 'cae_6', 'cae_6.1', 'cae_6.1.1']) expect(p(id).equals(q(6)), id).toBe(true);
    expect(['1', '2', '3', '4', '5'].map((k) => p(`cae_6.1.1.${k}`).toFraction())).toEqual(['3/5', '3/2', '3/2', '9/10', '3/2']);
    for (const t of ref.actions.get('cae_6.1.1.3')!.children) expect(t.points.toFraction(), t.id).toBe('3/10');
    const t4 = ref.actions.get('cae_6.1.1.4')!.children;
    expect(t4).toHaveLength(4);
    for (const t of t4) expect(t.points.equals(q(9, 40)), t.id).toBe(true);
  });

  it('keeps positions, sections and source values', () => {
    const n = ref.actions.get('cae_6.1.1.3.5')!;
    const src = readFileSync(join(embeddedReferentielDir(), '6.1.1.md'), 'utf8').split('\n');
    expect(src[n.position.line - 1]).toMatch(/^##### Mettre en œuvre au moins 2 partenariats/);
    expect(n.position).toMatchObject({ file: '6.1.1.md', column: 1 });
    expect(n.keyPositions.identifiant).toEqual({ file: '6.1.1.md', line: n.position.line + 2, column: 15 });
    expect(n.sections.description).toBe('Valorisation à partir de 1 projet pour collectivités<3000 habitants.');
    expect(n).toMatchObject({ type: 'tache', depth: 5, parentId: 'cae_6.1.1.3', identifiant: '6.1.1.3.5' });
    const m = ref.actions.get('cae_6.1.1')!;
    expect(m.pointsSource!.toFraction()).toBe('6');
    expect(m.climatPraticId).toBe('parten_coop');
    expect(m.sections.contexte).toMatch(/^\*\*Contexte et enjeux\*\*/);
    expect(ref.root.sections.description).toMatch(/^Référentiel embarqué/);
  });

  it('compiles to the documented JSON and loads back to the same tree', () => {
    const json = compileReferentiel(ref);
    expect(json.referentiel).toEqual({ id: 'cae', nom: 'Climat Air Énergie', hierarchie: ['referentiel', 'axe', 'sous-axe', 'mesure', 'sous-action', 'tache'], actionLevel: 3, points: 6, pointsExact: '6' });
    expect(json.actions[0]!.id).toBe('cae');
    const t = json.actions.find((a) => a.id === 'cae_6.1.1.3.5')!;
    expect(t).toMatchObject({ identifiant: '6.1.1.3.5', parent: 'cae_6.1.1.3', type: 'tache', depth: 5, points: 0.3, pointsExact: '3/10', pointsSource: null, pourcentage: null, categorie: null });
    expect(json.actions.find((a) => a.id === 'cae_6.1.1.4.1')!).toMatchObject({ points: 0.225, pointsExact: '9/40' });
    expect(json.actions.map((a) => a.id)).toEqual([...ref.actions.keys()]);

    const loaded = loadReferentiel(JSON.parse(JSON.stringify(json)));
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.referentiel).toEqual(ref);
    expect(compileReferentiel(loaded.referentiel!)).toEqual(json);
  });
});
