/**
 * The real TeT corpus: clean, it gives no error and its known irregularities as warnings; with one
 * defect planted in a temporary copy, each rule reports it at the right line.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LintPathsResult, lintPaths } from '../../src/lint/index.js';
import { TET_DIR, describeCorpus, tet } from '../support/corpus.js';

const companions = (root: string) => ({ questions: join(root, 'questions'), personnalisations: join(root, 'personnalisations'), preuves: join(root, 'preuves') });

describeCorpus('lint on the real corpus', () => {
  let cae: LintPathsResult;
  let eci: LintPathsResult;
  beforeAll(async () => {
    cae = await lintPaths({ targets: [tet('referentiels', 'cae')], ...companions(TET_DIR) });
    eci = await lintPaths({ targets: [tet('referentiels', 'eci')], ...companions(TET_DIR) });
  });

  it('gives no error on CAE and ECI with their questions, rules and proofs', () => {
    expect(cae.readErrors).toEqual([]);
    expect(cae.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(eci.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('reports the real irregularities as warnings', () => {
    const w = (r: LintPathsResult, id: string) => r.messages.filter((m) => m.ruleId === id && m.severity === 'warning');
    expect(w(cae, 'titre-niveau').map((m) => `${m.file}:${m.line}`)).toEqual(['2.2.4.md:154']);
    expect(w(cae, 'cle-yaml-inconnue').map((m) => m.file)).toEqual(['3.2.1.md', '3.2.2.md', '3.2.3.md', '4.3.2.md', '4.3.4.md']);
    expect(w(cae, 'cle-yaml-inconnue').every((m) => m.message.includes('pointsDOM'))).toBe(true);
    expect(w(cae, 'espaces-doubles').some((m) => m.file === '1.2.4.md' && m.line === 1)).toBe(true);
    expect(w(eci, 'espaces-doubles').some((m) => m.file === '3.7.md')).toBe(true);
    expect(w(cae, 'espaces-fin-de-ligne').length).toBeGreaterThan(1000);
    expect(w(cae, 'section-inconnue').map((m) => m.file)).toContain('5.2.2.md');
    expect(cae.messages.filter((m) => m.ruleId === 'metadonnees-forme')).toHaveLength(68);
  });
});

/** One planted defect: in `file` (relative to the corpus), replace `from` by `to`; expect `rule` on the line where `mark` (default `to`) lands. */
interface Plant {
  rule: string;
  file: string;
  from: string | RegExp;
  to: string;
  mark?: string;
  column?: number;
  /** Lines between `mark` and the expected message (YAML errors are found on the next line). */
  lineOffset?: number;
  target?: 'cae' | 'eci';
}

const PLANTS: Plant[] = [
  { rule: 'yaml-invalide', file: 'referentiels/cae/6.1.1.md', from: 'pourcentage: 25\n', to: 'pourcentage: [25\n', lineOffset: 1 },
  { rule: 'identifiant-manquant', file: 'referentiels/cae/6.1.1.md', from: 'identifiant: 6.1.1.2\n', to: 'numero: 6.1.1.2\n', mark: '```yaml\nnumero' },
  { rule: 'identifiant-invalide', file: 'referentiels/cae/6.1.1.md', from: 'identifiant: 6.1.1.2\n', to: 'identifiant: 6.1.1.B\n', column: 14 },
  { rule: 'identifiant-duplique', file: 'referentiel/cae/6.1.1.md'.replace('referentiel/', 'referentiels/'), from: 'identifiant: 6.1.1.2\n', to: 'identifiant: 6.1.1.1\n', mark: '6.1.1.1\npourcentage: 25' },
  { rule: 'identifiant-hors-hierarchie', file: 'referentiels/cae/6.1.1.md', from: 'identifiant: 6.1.1.2\n', to: 'identifiant: 6.1.2.9\n', mark: '### Echanger' },
  { rule: 'identifiant-numerique', file: 'referentiels/cae/6.md', from: /identifiant: 6\.1\n/, to: 'identifiant: 6.10\n', column: 14 },
  { rule: 'titre-niveau', file: 'referentiels/cae/6.1.1.md', from: '## Contexte\n', to: '### Contexte\n' },
  { rule: 'pourcentages-somme-100', file: 'referentiels/cae/6.1.1.md', from: 'pourcentage: 10\n', to: 'pourcentage: 20\n', column: 14 },
  { rule: 'points-incoherents', file: 'referentiels/cae/6.1.1.md', from: 'pourcentage: 10\ncategorie: bases\n', to: 'pourcentage: 10\npoints: 1\ncategorie: bases\n', mark: 'points: 1\n' },
  { rule: 'categorie-inconnue', file: 'referentiels/cae/6.1.1.md', from: 'categorie: bases\n', to: 'categorie: socle\n', column: 12 },
  { rule: 'cle-yaml-inconnue', file: 'referentiels/cae/6.1.1.md', from: 'climat_pratic_id: parten_coop\n', to: 'climat_pratic_id: parten_coop\nthematique: x\n', mark: 'thematique: x' },
  { rule: 'section-inconnue', file: 'referentiels/cae/6.1.1.md', from: '## Contexte\n', to: '## Historique\n' },
  { rule: 'titre-manquant', file: 'referentiels/cae/6.1.1.md', from: '### Identifier les acteurs clés à associer\n', to: '###\n', mark: '###\n```yaml\nidentifiant: 6.1.1.1' },
  { rule: 'espaces-fin-de-ligne', file: 'referentiels/cae/6.1.1.md', from: '## Description\n', to: '## Description \n' },
  { rule: 'espaces-doubles', file: 'referentiels/cae/6.1.1.md', from: '# Développer une stratégie partenariale', to: '# Développer une  stratégie partenariale', column: 17 },
  { rule: 'formule-syntaxe', file: 'personnalisations/cae_1.md', from: 'si identite(type, commune) alors VRAI', to: 'si identite(type, commune) VRAI' },
  { rule: 'formule-reference-inconnue', file: 'personnalisations/cae_1.md', from: 'si identite(type, commune) alors VRAI', to: 'si identite(type, village) alors VRAI' },
  { rule: 'formule-arite', file: 'personnalisations/cae_1.md', from: 'si identite(type, commune) alors VRAI', to: 'si identite(type) alors VRAI' },
  { rule: 'formule-type', file: 'personnalisations/cae_1.md', from: 'si identite(type, commune) alors VRAI', to: 'si identite(type, commune) alors 0.5' },
  { rule: 'regle-action-inconnue', file: 'personnalisations/cae_1.md', from: 'action_id: cae_1.1.2.0.1\n', to: 'action_id: cae_1.1.2.0.9\n', column: 12 },
  { rule: 'regle-titre-action', file: 'personnalisations/cae_1.md', from: '# Personnalisation cae 1.1.2.0.1 ', to: '# Personnalisation cae 1.1.2.0.2 ' },
  { rule: 'question-dupliquee', file: 'questions/dechets.md', from: 'id: dechets_2\n', to: 'id: dechets_1\n', mark: 'id: dechets_1\ntype: binaire\nthematique_id: dechets\nactions: [cae_1.2.3, cae_3' },
  { rule: 'question-choix-vide', file: 'questions/energie.md', from: /## Choix[^]*?(?=\n# )/, to: '', mark: '# ', column: 1 },
  { rule: 'preuve-action-inconnue', file: 'preuves/cae_1.md', from: '  - cae_1.1.2.1\n', to: '  - cae_1.1.2.99\n' },
];

describeCorpus('lint: one planted defect per rule, in a copy of the corpus', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'cae-lint-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  for (const p of PLANTS) {
    it(`${p.rule}: ${p.file}`, async () => {
      const copy = join(dir, p.rule);
      await fs.cp(TET_DIR, copy, { recursive: true });
      const path = join(copy, p.file);
      const before = await fs.readFile(path, 'utf8');
      const after = before.replace(p.from, p.to);
      expect(after, 'the defect is planted').not.toBe(before);
      await fs.writeFile(path, after);
      const mark = p.mark ?? p.to;
      const at = after.indexOf(mark === '' ? '\n' : mark);
      expect(at).toBeGreaterThanOrEqual(0);
      const line = after.slice(0, at).split('\n').length + (p.lineOffset ?? 0);
      const r = await lintPaths({ targets: [join(copy, 'referentiels', p.target ?? 'cae')], ...companions(copy) });
      const hits = r.messages.filter((m) => m.ruleId === p.rule && m.severity !== 'info');
      const shortName = p.file.startsWith('referentiels/') ? p.file.split('/').pop()! : path;
      const found = hits.filter((m) => m.file === shortName && m.line === line);
      expect(found, `${p.rule} at ${shortName}:${line}, got ${JSON.stringify(hits.map((m) => `${m.file}:${m.line}:${m.column} ${m.message}`))}`).not.toHaveLength(0);
      if (p.column !== undefined) expect(found[0]!.column).toBe(p.column);
    });
  }
});
