/**
 * `cae app`'s page in Debian's headless Chromium (playwright-core, never a downloaded browser):
 * set statuts with the keyboard-reachable controls, see the score become the CLI's, download the
 * dossier and score it with the CLI to the same numbers, load an invalid file and see its
 * positioned French diagnostics; nothing requested from the network, no CSP violation. With
 * ../shared/tet, the CAE page asks only the questions the engine asks. Skipped visibly without
 * /usr/bin/chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, tet } from '../support/corpus.js';
import { BIN } from '../support/run-cae.js';

// Functions given to page.evaluate run in the page; the test program has no DOM types.
declare const document: any;
type HTMLSelectElement = any;
type HTMLOptionElement = any;

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`\n[label-cae] ${CHROMIUM} absent (apt-get install chromium) : le test de la page cae app dans Chromium est ignoré.\n`);

const cae = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

function cliRoot(dossierFile: string, ...extra: string[]): { pointFait: number; etoile: number } {
  const r = cae('score', dossierFile, '--format', 'json', ...extra);
  expect(r.status, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  return { pointFait: doc.etoile.pointFait, etoile: doc.etoile.etoile };
}

describe.skipIf(!hasChromium)("cae app's page in Chromium", () => {
  let dir: string;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cae-app-'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(page: string): Promise<Page> {
    const p = await browser.newPage({ acceptDownloads: true });
    p.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    p.on('pageerror', (e) => problems.push(String(e)));
    p.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('blob:') && problems.push(`réseau : ${r.url()}`));
    await p.goto(pathToFileURL(page).href);
    await p.waitForSelector('#score-racine[data-point-fait]');
    return p;
  }

  const rootPoints = async (p: Page) => Number(await p.getAttribute('#score-racine', 'data-point-fait'));

  it('statuts set on the page give the CLI’s score, the downloaded dossier too; an invalid file shows its diagnostics', async () => {
    const html = join(dir, 'page.html');
    const w = cae('app', '-o', html);
    expect(w.status, w.stderr).toBe(0);
    const p = await open(html);
    expect(await rootPoints(p)).toBe(0);

    // By keyboard: focus the statut of 6.1.1.2.1, choose « Fait ».
    await p.focus('#statut-6\\.1\\.1\\.2\\.1');
    await p.selectOption('#statut-6\\.1\\.1\\.2\\.1', 'fait');
    await p.selectOption('#statut-6\\.1\\.1\\.1\\.1', 'programme');
    await p.selectOption('#statut-6\\.1\\.1\\.3\\.1', 'detaille');
    await p.fill('#detail-fait-6\\.1\\.1\\.3\\.1', '50');
    await p.fill('#detail-programme-6\\.1\\.1\\.3\\.1', '25');
    await p.fill('#detail-pas_fait-6\\.1\\.1\\.3\\.1', '25');
    await p.selectOption('#statut-6\\.1\\.1\\.4\\.1', 'non_concerne');
    const dossier = { referentiel: 'cae', collectivite: { type: 'commune' }, statuts: { '6.1.1.2.1': 'fait', '6.1.1.1.1': 'programme', '6.1.1.3.1': { fait: 0.5, programme: 0.25, pas_fait: 0.25 }, '6.1.1.4.1': 'non_concerne' } };
    writeFileSync(join(dir, 'attendu.json'), JSON.stringify(dossier));
    const expected = cliRoot(join(dir, 'attendu.json'));
    expect(expected.pointFait).toBeGreaterThan(0);
    expect(await rootPoints(p)).toBe(expected.pointFait);
    expect(await p.getAttribute('#etoile', 'data-etoile')).toBe(String(expected.etoile));
    expect(await p.textContent('#score-6\\.1\\.1')).toMatch(/pts/);

    const [download] = await Promise.all([p.waitForEvent('download'), p.click('#telecharger')]);
    const saved = join(dir, 'telecharge.json');
    await download.saveAs(saved);
    expect(JSON.parse(readFileSync(saved, 'utf8')).statuts).toEqual(dossier.statuts);
    expect(cliRoot(saved)).toEqual(expected);

    // Every control has a name for screen readers.
    expect(await p.$$eval('input, select', (els) => els.filter((e) => !e.getAttribute('aria-label') && !document.querySelector(`label[for="${e.id}"]`)).map((e) => e.id))).toEqual([]);

    await p.setInputFiles('#charger', { name: 'mauvais.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "statuts": { "6.1.1.2.1": "FAIT" }\n}') });
    await p.waitForSelector('#erreurs-chargement li');
    expect(await p.textContent('#erreurs-chargement')).toMatch(/mauvais\.json:2:\d+: erreur \[statut-invalide\]/);
    expect(await rootPoints(p)).toBe(expected.pointFait); // the dossier was kept

    await p.setInputFiles('#charger', { name: 'bon.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ statuts: { '6.1.1.5.1': 'fait' } })) });
    await p.waitForFunction(() => (document.querySelector('#statut-6\\.1\\.1\\.5\\.1') as HTMLSelectElement)?.value === 'fait');
    writeFileSync(join(dir, 'bon.json'), JSON.stringify({ statuts: { '6.1.1.5.1': 'fait' } }));
    expect(await rootPoints(p)).toBe(cliRoot(join(dir, 'bon.json')).pointFait);
    expect(problems).toEqual([]);
    await p.close();
  });

  it.skipIf(!hasCorpus)('CAE: the questions shown follow the collectivité as the engine decides; with answers, the score is the CLI’s', async () => {
    const html = join(dir, 'cae.html');
    const w = cae('app', '--referentiel', tet('referentiels', 'cae'), '-o', html);
    expect(w.status, w.stderr).toBe(0);
    const p = await open(html);
    const commune = await p.$$eval('.questions select, .questions input', (els) => els.map((e) => e.id));
    await p.selectOption('#collectivite-type', 'EPCI');
    await p.waitForFunction((avant) => document.querySelectorAll('.questions select, .questions input').length !== avant, commune.length);
    const epci = await p.$$eval('.questions select, .questions input', (els) => els.map((e) => e.id));
    expect(epci).not.toEqual(commune);
    // Answer the first binaire questions shown NON, then set a statut.
    for (const id of epci.slice(0, 4)) {
      const options = await p.$$eval(`#${id.replace(/\./g, '\\.')} option`, (os) => os.map((o) => (o as HTMLOptionElement).value)).catch(() => [] as string[]);
      if (options.includes('NON')) await p.selectOption(`#${id.replace(/\./g, '\\.')}`, 'NON').catch(() => undefined);
    }
    await p.selectOption('#statut-1\\.1\\.1\\.1\\.1', 'fait').catch(() => undefined);
    const [download] = await Promise.all([p.waitForEvent('download'), p.click('#telecharger')]);
    const saved = join(dir, 'cae-telecharge.json');
    await download.saveAs(saved);
    const expected = cliRoot(saved, '--referentiel', tet('referentiels', 'cae'));
    expect(await rootPoints(p)).toBe(expected.pointFait);
    expect(Object.keys(JSON.parse(readFileSync(saved, 'utf8')).reponses ?? {}).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await p.close();
  });
});
