/**
 * The indicative score end to end with the real `cae`: a small hand-made référentiel (one mesure
 * with a `Score indicatif` formula, one question read by it), a dossier giving indicator values.
 * Every format shows the score apart from the points; without `indicateurs`, outputs do not change;
 * `cae lint` reports a broken formula at its place; `cae build` keeps it.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCae } from '../support/run-cae.js';

const FORMULE = [
  'si reponse(regie, OUI) alors 1',
  'sinon si val(cae_7) < limite(cae_7) alors 0',
  'sinon si val(cae_7) > cible(cae_7) alors 1',
  'sinon (val(cae_7) - limite(cae_7)) / (cible(cae_7) - limite(cae_7))',
].join('\n');

const FILES: Record<string, string> = {
  'referentiels/cae/cae.md': '# Climat Air Énergie\n```yaml\nidentifiant: ""\nreferentiel: "cae"\n```\n',
  'referentiels/cae/1.md': '# Axe\n```yaml\nidentifiant: 1\n```\n\n## Actions\n\n### Sous-axe\n```yaml\nidentifiant: 1.1\n```\n',
  'referentiels/cae/1.1.1.md':
    '# Valoriser les déchets\n```yaml\nidentifiant: 1.1.1\npoints: 10\n```\n\n## Score indicatif\n```formule\n' +
    FORMULE +
    '\n```\n\n## Actions\n\n### Collecter\n```yaml\nidentifiant: 1.1.1.1\npourcentage: 50\n```\n\n### Valoriser\n```yaml\nidentifiant: 1.1.1.2\npourcentage: 50\n```\n',
  'questions/dechets.md': '# La collectivité a-t-elle une régie ?\n```yaml\nid: regie\ntype: binaire\nthematique_id: dechets\n```\n',
  'personnalisations/.keep.md': '',
};

describe('score indicatif de bout en bout (cae score, explain, lint, build)', () => {
  let dir: string;
  let ref: string;
  let dossier: string;
  let sans: string;
  const run = (args: string[]) => runCae(args, [dir], { cwd: dir });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cae-indicatif-'));
    for (const [path, content] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    ref = join(dir, 'referentiels', 'cae');
    const base = { collectivite: { type: 'commune', population: 4000 }, reponses: { regie: 'NON' }, statuts: { '1.1.1.1': 'fait' } };
    sans = join(dir, 'sans.json');
    writeFileSync(sans, JSON.stringify(base));
    dossier = join(dir, 'dossier.json');
    writeFileSync(dossier, JSON.stringify({ ...base, indicateurs: { cae_7: { resultat: 3, objectif: 6, cible: 5, limite: 2.5 }, cae_8: { resultat: 1 } } }, null, 2));
  });

  it('json : scoreIndicatif à côté des points, exact, fait et programmé ; les points ne changent pas', () => {
    const r = run(['score', dossier, '--referentiel', ref, '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scores['cae_1.1.1'].scoreIndicatif).toEqual({
      fait: { ratio: 0.2, exact: '1/5', lu: ['reponse.regie', 'indicateur.cae_7', 'limite.cae_7', 'cible.cae_7'], manquant: [] },
      programme: { ratio: 1, exact: '1', lu: ['reponse.regie', 'indicateur.cae_7', 'limite.cae_7', 'cible.cae_7'], manquant: [] },
    });
    expect(doc.constats).toContainEqual(expect.objectContaining({ code: 'indicateur-non-lu', pointer: '/indicateurs/cae_8' }));
    expect(r.stderr).toMatch(/dossier\.json:\d+:\d+: avertissement \[indicateur-non-lu\] Indicateur « cae_8 » ignoré/);
    const before = JSON.parse(run(['score', sans, '--referentiel', ref, '--format', 'json']).stdout);
    const { scoreIndicatif: _, ...points } = doc.scores['cae_1.1.1'];
    expect(points).toEqual(before.scores['cae_1.1.1']);
    expect(doc.scores.cae).toEqual(before.scores.cae);
    expect(doc.etoile).toEqual(before.etoile);
  });

  it('text, markdown, html, csv : une section ou des colonnes à part ; rien de plus sans indicateurs', () => {
    const text = run(['score', dossier, '--referentiel', ref]).stdout;
    // Not a terminal: the text is wrapped at 80 columns.
    expect(text).toContain('Scores indicatifs (1) — calculés depuis les indicateurs du dossier, montrés à\n  côté des points et jamais ajoutés\n  1.1.1 Valoriser les déchets : fait 20,00 % (1/5) · programmé 100,00 %\n');
    expect(run(['score', dossier, '--referentiel', ref, '--format', 'markdown']).stdout).toContain('| 1.1.1 | Valoriser les déchets | 20,00 % (1/5) | 100,00 % |');
    expect(run(['score', dossier, '--referentiel', ref, '--format', 'html']).stdout).toContain('<section id="scores-indicatifs">');
    const csv = run(['score', dossier, '--referentiel', ref, '--format', 'csv']).stdout.split('\n');
    expect(csv[0]).toMatch(/,completed_taches_count,score_indicatif_fait,score_indicatif_programme$/);
    expect(csv.find((l) => l.startsWith('cae_1.1.1,'))).toMatch(/,0\.2,1$/);
    expect(csv.find((l) => l.startsWith('cae_1.1.1.1,'))).toMatch(/,,$/);
    for (const format of ['text', 'markdown', 'html', 'csv']) {
      const out = run(['score', sans, '--referentiel', ref, '--format', format]).stdout;
      expect(out).not.toMatch(/indicatif/i);
    }
  });

  it('cae explain : la formule, sa position, les deux scores et les valeurs lues', () => {
    const r = run(['explain', dossier, '1.1.1', '--referentiel', ref]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Score indicatif (1.1.1.md:9:1) — montré à côté des points, jamais ajouté :\n    si reponse(regie, OUI) alors 1\n`);
    expect(r.stdout).toContain('  fait (résultats) : 20,00 % (1/5)\n    entrées lues : reponse.regie = NON, indicateur.cae_7 = 3, limite.cae_7 = 2,5, cible.cae_7 = 5\n');
    expect(r.stdout).toContain('  programmé (objectifs) : 100,00 %\n    entrées lues : reponse.regie = NON, indicateur.cae_7 = 6,');
    expect(run(['explain', sans, '1.1.1', '--referentiel', ref]).stdout).not.toContain('Score indicatif');
  });

  it('cae build garde la formule ; le bundle donne le même score', () => {
    const bundle = join(dir, 'bundle.json');
    const b = runCae(['build', '--referentiel', ref, '-o', bundle], [ref], { cwd: dir });
    expect(b.status).toBe(0);
    const viaBundle = JSON.parse(runCae(['score', dossier, '--referentiel', bundle, '--format', 'json'], [dossier, bundle], { cwd: dir }).stdout);
    expect(viaBundle.scores['cae_1.1.1'].scoreIndicatif.fait.exact).toBe('1/5');
  });

  it('cae lint et cae score signalent une formule cassée à sa place', () => {
    const broken = mkdtempSync(join(tmpdir(), 'cae-indicatif-casse-'));
    for (const [path, content] of Object.entries(FILES)) {
      mkdirSync(join(broken, path, '..'), { recursive: true });
      writeFileSync(join(broken, path), content.replace('val(cae_7) > cible', 'val(cae_7) > > cible'));
    }
    const bref = join(broken, 'referentiels', 'cae');
    const lint = runCae(['lint', bref, '--questions', join(broken, 'questions')], [broken], { cwd: broken });
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/1\.1\.1\.md:11:\d+ +error .* formule-syntaxe/);
    const ok = readFileSync(join(dir, 'referentiels/cae/1.1.1.md'), 'utf8');
    writeFileSync(join(bref, '1.1.1.md'), ok.replace('reponse(regie, OUI)', 'reponse(regie, PEUT_ETRE)'));
    const lint2 = runCae(['lint', bref, '--questions', join(broken, 'questions')], [broken], { cwd: broken });
    expect(lint2.stdout).toMatch(/1\.1\.1\.md:9:19 +error .*PEUT_ETRE.* formule-reference-inconnue/);
    const score = runCae(['score', dossier, '--referentiel', bref], [broken], { cwd: broken });
    expect(score.status).toBe(1);
    expect(score.stderr).toContain('PEUT_ETRE');
  });
});
