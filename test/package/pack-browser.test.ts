/**
 * The package as users get it: `npm pack`, installed from the tarball in a fresh project (offline,
 * from the npm cache), a consumer bundled by esbuild for the browser, run in Debian's headless
 * Chromium (playwright-core, never a downloaded browser). On a full CAE dossier with
 * personalisation, the browser's document equals the CLI's, from a compiled bundle (the engine
 * alone: no yaml, no zod in its graph) and from the Markdown files parsed in the browser (their own
 * functions, which bring yaml). Skipped, visibly, without /usr/bin/chromium or ../shared/tet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, PROJECT_DIR, tet } from '../support/corpus.js';
import { BIN } from '../support/run-cae.js';
import { fullCaeDossier } from './cae-dossier.js';

export const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`\n[label-cae] ${CHROMIUM} absent (apt-get install chromium) : le test du paquet dans Chromium est ignoré.\n`);
if (!hasCorpus) console.warn('\n[label-cae] Corpus TeT absent (../shared/tet) : le test du paquet dans Chromium sur CAE est ignoré.\n');

const npm = (args: string[], cwd: string) => spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { cwd, encoding: 'utf8' });

/** Installs the tarball from the npm cache; asks the registry only for what the cache lacks. */
function installTarball(tarball: string, dir: string): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consommateur', private: true, type: 'module' }));
  const base = ['install', tarball, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
  let r = npm([...base, '--offline'], dir);
  if (r.status !== 0) r = npm([...base, '--prefer-offline'], dir);
  expect(r.status, r.stderr).toBe(0);
}

const CONSUMER = `
import { scoreDossier } from 'label-cae';
import { embeddedBundle } from 'label-cae/embedded';
window.scoreInBrowser = (bundle, dossierText) => scoreDossier(bundle ?? embeddedBundle, dossierText);
`;

/** The Markdown path, in a page of its own: référentiel, questions and rules parsed in the browser. */
const MARKDOWN_CONSUMER = `
import { contextFromFiles, parseReferentielFiles, scoreDossier } from 'label-cae';
window.scoreFromMarkdown = (referentielFiles, questions, personnalisations, dossierText) => {
  const { referentiel, diagnostics } = parseReferentielFiles(referentielFiles);
  if (!referentiel) return { ok: false, diagnostics };
  const loaded = contextFromFiles(referentiel, { questions, personnalisations });
  if (!loaded.context) return { ok: false, diagnostics: loaded.diagnostics };
  return scoreDossier(loaded.context, dossierText);
};
`;

async function bundleFor(app: string, entry: string) {
  const out = await build({ entryPoints: [join(app, entry)], absWorkingDir: app, bundle: true, platform: 'browser', format: 'iife', minify: true, write: false, metafile: true, logLevel: 'silent' });
  // The inputs that put code in the output (the others were read, then shaken off).
  const inputs = Object.entries(Object.values(out.metafile.outputs)[0]!.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f);
  return { code: out.outputFiles[0]!.text, inputs };
}

/** The Markdown files of a corpus folder, as SourceFile values. */
function markdownFiles(dir: string): { path: string; displayPath: string; content: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: join(dir, f), displayPath: f, content: readFileSync(join(dir, f), 'utf8') }));
}

describe.skipIf(!hasChromium || !hasCorpus)('the packed package in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let bundleJs: string;
  let engineInputs: string[];
  let markdownJs: string;
  let markdownInputs: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cae-pack-'));
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', dir, '--loglevel=error'], PROJECT_DIR);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const app = join(dir, 'app');
    execFileSync('mkdir', [app]);
    installTarball(join(dir, tarball), app);
    writeFileSync(join(app, 'main.js'), CONSUMER);
    writeFileSync(join(app, 'markdown.js'), MARKDOWN_CONSUMER);
    ({ code: bundleJs, inputs: engineInputs } = await bundleFor(app, 'main.js'));
    ({ code: markdownJs, inputs: markdownInputs } = await bundleFor(app, 'markdown.js'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('scores a full CAE dossier with personalisation as the CLI does', async () => {
    const dossierFile = join(dir, 'cae.json');
    writeFileSync(dossierFile, JSON.stringify(await fullCaeDossier(), null, 2));
    const bundleFile = join(dir, 'cae-bundle.json');
    const b = spawnSync(process.execPath, [BIN, 'build', '--referentiel', tet('referentiels', 'cae'), '-o', bundleFile], { encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
    const cli = spawnSync(process.execPath, [BIN, 'score', dossierFile, '--referentiel', tet('referentiels', 'cae'), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(cli.status, cli.stderr).toBe(0);
    const expected = JSON.parse(cli.stdout);

    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent('<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: bundleJs });
    const got = await page.evaluate(([bundle, text]) => JSON.parse(JSON.stringify((globalThis as any).scoreInBrowser(JSON.parse(bundle), text))), [readFileSync(bundleFile, 'utf8'), readFileSync(dossierFile, 'utf8')] as const);
    expect(got.ok, JSON.stringify(got.diagnostics?.slice(0, 3))).toBe(true);
    expect(got.document.etoile.pointFait).toBe(expected.etoile.pointFait);
    expect(got.document.scores.cae).toEqual(expected.scores.cae);
    expect(got.document).toEqual(expected);
    // The embedded bundle too, with no file at all.
    const embedded = await page.evaluate(() => (globalThis as any).scoreInBrowser(null, '{"statuts":{"6.1.1.2":"fait"}}').document.scores['cae_6.1.1'].pointFait);
    expect(embedded).toBe(1.5);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('the engine consumer has no Markdown, YAML or zod in its graph; the Markdown one has yaml', () => {
    expect(engineInputs.filter((f) => /node_modules\/(yaml|zod)\/|\/markdown\//.test(f))).toEqual([]);
    expect(markdownInputs.some((f) => f.includes('node_modules/yaml/'))).toBe(true);
  });

  it('parses the Markdown référentiel, questions and rules in the browser and scores as the CLI does', async () => {
    const dossierFile = join(dir, 'cae-md.json');
    writeFileSync(dossierFile, JSON.stringify(await fullCaeDossier(), null, 2));
    const cli = spawnSync(process.execPath, [BIN, 'score', dossierFile, '--referentiel', tet('referentiels', 'cae'), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(cli.status, cli.stderr).toBe(0);
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ content: markdownJs });
    const args = [markdownFiles(tet('referentiels', 'cae')), markdownFiles(tet('questions')), markdownFiles(tet('personnalisations')), readFileSync(dossierFile, 'utf8')] as const;
    const got = await page.evaluate((a) => JSON.parse(JSON.stringify((globalThis as any).scoreFromMarkdown(...a))), args);
    expect(got.ok, JSON.stringify(got.diagnostics?.slice(0, 3))).toBe(true);
    expect(got.document).toEqual(JSON.parse(cli.stdout));
    await page.close();
  });
  it('the installed `cae` runs from the package alone, as the repository\'s does (tsc\'s dist/cli/ is not shipped)', () => {
    const installed = join(dir, 'app', 'node_modules', 'label-cae');
    expect(existsSync(join(installed, 'dist', 'cli'))).toBe(false);
    const saint = join(PROJECT_DIR, 'fixtures', 'dossiers', 'saint-exemple.json');
    const mine = spawnSync(process.execPath, [join(installed, 'bin', 'cae.js'), 'score', saint, '--format', 'json'], { encoding: 'utf8' });
    const repo = spawnSync(process.execPath, [BIN, 'score', saint, '--format', 'json'], { encoding: 'utf8' });
    expect([mine.status, mine.stderr]).toEqual([0, '']);
    expect(mine.stdout).toBe(repo.stdout);
  });
});
