/**
 * The real `cae` binary, run as an auditor runs it: outputs, exit codes, positioned errors, no
 * stack traces, inputs untouched. dist/ is built by the vitest globalSetup.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR, describeCorpus, tet } from '../support/corpus.js';

const BIN = join(PROJECT_DIR, 'bin', 'cae.js');
const SAINT = 'fixtures/dossiers/saint-exemple.json';

function cae(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_DIR, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: 60_000, maxBuffer: 64 << 20 });
  expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+/);
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const sha = (p: string) => createHash('sha256').update(readFileSync(join(PROJECT_DIR, p))).digest('hex');

describe('cae score on the embedded référentiel', () => {
  it('prints the text report with the étoile and the points missing for the next one', () => {
    const before = sha(SAINT);
    const r = cae(['score', SAINT]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Score global : 3,561 points faits sur 6 points potentiels (59,34 %)');
    expect(r.out).toContain('troisième étoile');
    expect(r.out).toContain('il manque 0,339 point fait');
    expect(r.out).not.toContain('\x1b[');
    expect(sha(SAINT)).toBe(before);
  });

  it('prints the JSON document, with explanations on request', () => {
    const r = cae(['score', SAINT, '--format', 'json', '--explain']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.format).toBe('label-cae/evaluation@1');
    expect(doc.scores['cae_6.1.1'].pointFait).toBe(3.561);
    expect(doc.etoile).toMatchObject({ etoile: 3, prochaine: { etoile: 4, pointsFaitManquants: 0.339 } });
    expect(doc.explications['cae_6.1.1.1'].redistribution).toBe(0.225);
  });

  it('reads the dossier from stdin with -', () => {
    const r = cae(['score', '-', '--format', 'json'], readFileSync(join(PROJECT_DIR, SAINT), 'utf8'));
    expect(JSON.parse(r.out).scores.cae.pointFait).toBe(3.561);
  });

  it.each(['csv', 'markdown', 'html'])('writes %s atomically with -o, leaving no temporary file', (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'cae-e2e-'));
    const out = join(dir, `rapport.${format}`);
    const r = cae(['score', SAINT, '--format', format, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readdirSync(dir)).toEqual([`rapport.${format}`]);
    const text = readFileSync(out, 'utf8');
    if (format === 'csv') expect(text.split('\n')[0]).toMatch(/^action_id,identifiant,type,nom,point_referentiel/);
    if (format === 'html') expect(text).toContain('<svg');
    if (format === 'markdown') expect(text).toContain('| ');
  });

  it('exits 1 when --min-etoile is not reached, 0 when it is', () => {
    expect(cae(['score', SAINT, '--min-etoile', '3']).code).toBe(0);
    const r = cae(['score', SAINT, '--min-etoile', '4']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[etoile-insuffisante]');
  });

  it('exits 1 on an invalid dossier with file:line:col, the JSON pointer and what was expected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cae-e2e-'));
    const file = join(dir, 'dossier.json');
    writeFileSync(file, '{\n  "statuts": {\n    "6.1.1.1.1": "fini"\n  },\n  "collectivite": { "population": -4 }\n}\n');
    const r = cae(['score', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:3:18: erreur [statut-invalide] Statut invalide pour 6.1.1.1.1 : attendu fait, programme`);
    expect(r.err).toContain('(/statuts/6.1.1.1.1)');
    expect(r.err).toMatch(/:5:35: erreur \[collectivite-invalide\] Population invalide/);
  });

  it('exits 2 on usage errors and unreadable files, in French with a code', () => {
    expect(cae(['score']).code).toBe(2);
    const missing = cae(['score', 'nope.json']);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('nope.json : fichier illisible (fichier ou dossier introuvable) [fichier-illisible]')]);
    expect(cae(['score', SAINT, '--format', 'pdf']).err).toContain('[format-inconnu]');
    expect(cae(['score', SAINT, '--bogus']).code).toBe(2);
    expect(cae(['frobnicate']).code).toBe(2);
  });

  it('reports unknown identifiants as constats, not errors', () => {
    const r = cae(['score', '-', '--format', 'json'], JSON.stringify({ statuts: { '9.9.9': 'fait', '6.1.1.1.1': 'fait' } }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).constats[0]).toMatchObject({ code: 'statut-identifiant-inconnu', severity: 'warning' });
  });

  it('streams --batch NDJSON, one result per line, an error object for an invalid line', () => {
    const lines = [readFileSync(join(PROJECT_DIR, SAINT), 'utf8').replace(/\n/g, ''), '{"statuts": {"6.1.1.1.1": 12}}', '{"collectivite": {"type": "EPCI"}}'];
    const r = cae(['score', '--batch', '-'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(1);
    const out = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].scores.cae.pointFait).toBe(3.561);
    expect(out[1]).toMatchObject({ ligne: 2, erreurs: [{ code: 'statut-invalide', position: { file: '<stdin>', line: 2 } }] });
    expect(out[2].collectivite.type).toBe('EPCI');
    expect(r.err).toContain('2 dossiers notés, 1 invalide');
  });
});

describe('cae explain, compare, plan, schema, --help, --version', () => {
  it('explains a node: référentiel points, redistribution, statut, points', () => {
    const r = cae(['explain', SAINT, '6.1.1.1']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Points du référentiel : 0,6');
    expect(r.out).toContain('Redistribution reçue : + 0,225');
    expect(r.out).toContain('Potentiel : 0,825');
  });

  it('explains a tâche whose statut comes from the evidence', () => {
    const r = cae(['explain', 'fixtures/dossiers/commune-2500-un-partenariat.json', 'cae_6.1.1.3.5']);
    expect(r.out).toContain('déduit des preuves du dossier');
    expect(r.out).toContain('1 élément(s) retenu(s) pour un seuil de 1');
  });

  it('refuses an unknown action id with exit 2', () => {
    const r = cae(['explain', SAINT, '7.7.7']);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining('[action-inconnue]')]);
  });

  it('compares before and after: étoile change and changed statuts', () => {
    const r = cae(['compare', 'fixtures/dossiers/commune-2500-un-partenariat.json', SAINT, '--format', 'json']);
    const c = JSON.parse(r.out);
    expect(c.etoile).toEqual({ avant: 1, apres: 3 });
    expect(c.statuts).toContainEqual({ actionId: 'cae_6.1.1.2', avant: null, apres: 'fait' });
  });

  it('plans the fewest tâches to the fifth étoile and checks the plan', () => {
    const p = JSON.parse(cae(['plan', SAINT, '--etoile', '5', '--format', 'json']).out);
    expect(p.taches.map((t: { identifiant: string }) => t.identifiant)).toEqual(['6.1.1.3.2', '6.1.1.1.2', '6.1.1.5.1']);
    expect([p.atteignable, p.etoileAtteinte, p.pointsManquants]).toEqual([true, 5, 0.939]);
  });

  it('prints the JSON Schemas', () => {
    expect(JSON.parse(cae(['schema', 'dossier']).out).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.parse(cae(['schema', 'referentiel']).out).type).toBe('object');
    expect(cae(['schema', 'autre']).code).toBe(2);
  });

  it.each(['score', 'explain', 'compare', 'plan', 'build', 'lint', 'schema'])('cae %s --help is French, with examples', (cmd) => {
    const r = cae([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage : cae /);
    expect(r.out).toMatch(/Exemples? :/);
  });

  it('prints the version of package.json', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8'));
    expect(cae(['--version']).out.trim()).toBe(pkg.version);
  });
});

describeCorpus('cae on the full CAE and ECI corpora', () => {
  const ctxArgs = (ref: string) => ['--referentiel', tet('referentiels', ref), '--personnalisations', tet('personnalisations'), '--questions', tet('questions')];

  it('scores an EPCI dossier on CAE with the rules, and explains a personalised mesure', () => {
    const dossier = JSON.stringify({ referentiel: 'cae', collectivite: { type: 'EPCI', population: 50000 }, reponses: { AOM_1: 'NON', voirie_1: 'voirie_1_a', centre_polarite: 'NON' }, statuts: { '1.1.1.1.1': 'fait' } });
    const r = cae(['score', '-', '--format', 'json', ...ctxArgs('cae')], dossier);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.scores.cae.pointReferentiel).toBe(500);
    expect(doc.scores['cae_4.2.3'].pointPotentiel).toBe(1.5);
    const e = cae(['explain', '-', '4.2.3', ...ctxArgs('cae')], dossier);
    expect(e.out).toContain('Réduction de potentiel (sur cette action)');
    expect(e.out).toContain('résultat : 0,25');
    expect(e.out).toContain('reponse.AOM_1 = NON');
  });

  it('scores ECI with dechets_1 = NON: root potentiel 465', () => {
    const r = cae(['score', '-', '--format', 'json', ...ctxArgs('eci')], JSON.stringify({ referentiel: 'eci', reponses: { dechets_1: 'NON' } }));
    expect(JSON.parse(r.out).scores.eci.pointPotentiel).toBe(465);
  });

  it('renders every format on CAE', () => {
    for (const format of ['text', 'csv', 'markdown', 'html']) {
      const r = cae(['score', SAINT, '--format', format, ...ctxArgs('cae')]);
      expect(r.code, `${format}: ${r.err}`).toBe(0);
      expect(r.out.length).toBeGreaterThan(1000);
    }
  });

  it('plans the next étoile on CAE, criteria first', () => {
    const r = cae(['plan', '-', '--format', 'json', ...ctxArgs('cae')], JSON.stringify({ referentiel: 'cae', collectivite: { type: 'EPCI', population: 50000 } }));
    const p = JSON.parse(r.out);
    expect(p.etoileCible).toBe(2);
    expect(p.taches.some((t: { raison: string }) => t.raison === 'critere')).toBe(true);
    expect(p.atteignable).toBe(true);
  });
});
