/**
 * `scoreDossier(bundle, input)` gives exactly the document of `cae score --format json`: on every
 * fixture against the embedded bundle (label-cae/embedded), and on a full CAE dossier with
 * personalisation against a bundle of ../shared/tet built by `cae build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle, scoreDossier } from '../../src/index.js';
import { describeCorpus, PROJECT_DIR, tet } from '../support/corpus.js';
import { BIN } from '../support/run-cae.js';
import { fullCaeDossier } from './cae-dossier.js';

const FIXTURES = join(PROJECT_DIR, 'fixtures', 'dossiers');
const tmp = mkdtempSync(join(tmpdir(), 'cae-score-dossier-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cliJson(args: string[]): unknown {
  const r = spawnSync(process.execPath, [BIN, 'score', ...args, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const embedded = async (): Promise<unknown> => (await import(join(PROJECT_DIR, 'dist', 'embedded.js'))).embeddedBundle;

describe('scoreDossier on the embedded bundle', () => {
  it.each(readdirSync(FIXTURES))('%s: the document of cae score --format json', async (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const r = scoreDossier(await embedded(), text, { file: name });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.parse(JSON.stringify(r.document))).toEqual(cliJson([join(FIXTURES, name)]));
    // The same dossier as an object: the same document.
    const asObject = scoreDossier(await embedded(), JSON.parse(text));
    expect(asObject.ok && asObject.document).toEqual(r.document);
  });

  it('--explain too', async () => {
    const file = join(FIXTURES, 'saint-exemple.json');
    const r = scoreDossier(await embedded(), readFileSync(file, 'utf8'), { explain: true });
    expect(r.ok && JSON.parse(JSON.stringify(r.document))).toEqual(cliJson([file, '--explain']));
  });

  it('an invalid dossier: ok false, positioned French diagnostics (text), pointers (object)', async () => {
    const text = '{\n  "statuts": { "6.1.1.2": "FAIT" }\n}';
    const r = scoreDossier(await embedded(), text, { file: 'd.json' });
    expect(r.ok).toBe(false);
    const d = r.diagnostics.find((x) => x.code === 'statut-invalide')!;
    expect(d.position).toMatchObject({ file: 'd.json', line: 2 });
    expect(d.message).toMatch(/attendu/);
    const o = scoreDossier(await embedded(), JSON.parse(text));
    expect(o.ok).toBe(false);
    expect(o.diagnostics.find((x) => x.code === 'statut-invalide')).toMatchObject({ pointer: '/statuts/6.1.1.2' });
    expect(o.diagnostics.every((x) => x.position === undefined || x.pointer === undefined)).toBe(true);
  });

  it('warnings come with ok: true, and are constats of the document too', async () => {
    const r = scoreDossier(await embedded(), { reponses: { dechets_1: 'OUI' }, statuts: { '9.9.9': 'fait' } });
    expect(r.ok).toBe(true);
    expect(r.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['reponses-sans-regles warning']);
    expect(r.ok && r.document.constats.map((c) => c.code)).toEqual(expect.arrayContaining(['reponses-sans-regles', 'statut-identifiant-inconnu']));
  });

  it('an invalid bundle: ok false with its diagnostics; a loaded context works as well', async () => {
    const r = scoreDossier({ format: 'label-cae/bundle@2', referentiel: {} }, {});
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ code: 'referentiel-json-invalide', pointer: '/referentiel/format' });
    // A bundle of the first format is said to be one, to be rebuilt (not taken for a context).
    const old = scoreDossier({ format: 'label-cae/bundle@1', referentiel: {} }, {});
    expect(old.ok).toBe(false);
    expect(old.diagnostics.map((d) => d.code)).toEqual(['bundle-perime']);
    const { context } = loadBundle(await embedded());
    const c = scoreDossier(context, { statuts: { '6.1.1.2': 'fait' } });
    expect(c.ok && c.document.scores['cae_6.1.1']!.pointFait).toBe(1.5);
    expect(() => scoreDossier(42, {})).toThrow(TypeError);
  });
});

describeCorpus('scoreDossier on CAE with personalisation', () => {
  it('a full dossier: the same document as the CLI on the référentiel folder', async () => {
    const dossierFile = join(tmp, 'cae.json');
    writeFileSync(dossierFile, JSON.stringify(await fullCaeDossier()));
    const bundleFile = join(tmp, 'bundle.json');
    const b = spawnSync(process.execPath, [BIN, 'build', '--referentiel', tet('referentiels', 'cae'), '-o', bundleFile], { encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
    const cli = cliJson([dossierFile, '--referentiel', tet('referentiels', 'cae')]) as { etoile: { pointFait: number }; constats: { code: string }[] };
    const r = scoreDossier(JSON.parse(readFileSync(bundleFile, 'utf8')), readFileSync(dossierFile, 'utf8'));
    expect(r.ok).toBe(true);
    expect(r.ok && JSON.parse(JSON.stringify(r.document))).toEqual(cli);
    // Personalisation did apply: some rule reduced or désactivé something.
    expect(r.ok && Object.values(r.document.scores).some((s) => s.desactive || (s.pointPotentielPerso !== null && s.pointPotentielPerso !== s.pointReferentiel))).toBe(true);
  });
});
