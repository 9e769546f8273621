/**
 * Trust: nothing wrong in the input reaches the scorer unnoticed, and no input is ever lost.
 * Every case goes through the real CLI (`node bin/cae.js`) and checks the exit code, the French
 * message with its stable code and its position, no stack trace, and every input file unchanged
 * byte for byte (SHA-256 before and after; `runCae` checks it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, linkSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_LIMITS } from '../../src/dossier/limits.js';
import { PROJECT_DIR } from '../support/corpus.js';
import { writeMiniSet } from '../support/mini-set.js';
import { BIN, type Run, runCae } from '../support/run-cae.js';

const FIXTURE = join(PROJECT_DIR, 'fixtures', 'dossiers', 'saint-exemple.json');
let work: string;
let set: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cae-trust-'));
  set = writeMiniSet(join(work, 'set'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cae = (args: string[], inputs: string[], options: { stdin?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Run => runCae(args, inputs, { cwd: work, ...options });
const write = (name: string, content: string | Buffer): string => {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
};
const dossier = (name: string, value: unknown): string => write(name, JSON.stringify(value, null, 2));
const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');
const leftovers = (dir: string): string[] => readdirSync(dir).filter((n) => n.includes('.tmp-'));

describe('never lose an input: -o may not name one', () => {
  it('refuses -o on the dossier, the batch file, a référentiel file, a lint target, a compared dossier', () => {
    const d = write('d.json', readFileSync(FIXTURE));
    const b = write('b.jsonl', `${readFileSync(FIXTURE, 'utf8').replace(/\n/g, ' ')}\n`);
    const cases: [string[], string[]][] = [
      [['score', d, '-o', d], [d]],
      [['score', '--batch', b, '-o', b], [b]],
      [['build', '--referentiel', set, '-o', join(set, '6.1.1.md')], [set]],
      [['lint', set, '-o', join(set, 'cae.md')], [set]],
      [['compare', FIXTURE, d, '-o', d], [d, FIXTURE]],
      [['score', d, '--referentiel', set, '-o', join(work, 'set', 'questions', 'nouveau.txt')], [d, join(work, 'set')]],
    ];
    for (const [args, inputs] of cases) {
      const r = cae(args, inputs);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^cae \w+ : -o .* : (désigne le fichier d'entrée|se trouve dans le dossier d'entrée) .* il serait écrasé\. Choisissez un autre fichier de sortie \[sortie-est-une-entree\]$/m);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(work, 'set', 'questions', 'nouveau.txt'))).toBe(false);
  });

  it('sees through symbolic links, ./ and hard links', () => {
    const d = write('alias.json', readFileSync(FIXTURE));
    symlinkSync(d, join(work, 'lien.json'));
    linkSync(d, join(work, 'dur.json'));
    for (const out of [join(work, 'lien.json'), join(work, 'dur.json'), `${work}/./alias.json`]) {
      const r = cae(['score', d, '-o', out], [d]);
      expect(r.status, out).toBe(2);
      expect(r.stderr).toContain('[sortie-est-une-entree]');
    }
  });
});

describe('never lose an input: atomic writes', () => {
  it('-o /dev/stdout writes through and leaves the /dev/stdout link alone', () => {
    const before = lstatSync('/dev/stdout');
    const r = cae(['score', FIXTURE, '--format', 'json', '-o', '/dev/stdout'], [FIXTURE]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).format).toBe('label-cae/evaluation@1');
    const after = lstatSync('/dev/stdout');
    expect(after.isSymbolicLink()).toBe(before.isSymbolicLink());
    expect(after.ino).toBe(before.ino);
  });

  it('writes through a symbolic link to its target, keeping the link and the target mode', () => {
    const target = write('cible.txt', 'ancien');
    chmodSync(target, 0o640);
    const link = join(work, 'vers-cible.txt');
    symlinkSync(target, link);
    const r = cae(['score', FIXTURE, '--format', 'csv', '-o', link], [FIXTURE]);
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^action_id,identifiant,/);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(leftovers(work)).toEqual([]);
  });

  it('--batch -o through a symbolic link: the link stays, the target is replaced with its mode kept', () => {
    const target = write('cible-batch.jsonl', 'ancien');
    chmodSync(target, 0o640);
    const link = join(work, 'vers-cible-batch.jsonl');
    symlinkSync(target, link);
    const r = cae(['score', '--batch', '-', '-o', link], [], { stdin: `${JSON.stringify({ statuts: { '6.1.1.2': 'fait' } })}\n` });
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^\{"ligne":1,/);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(leftovers(work)).toEqual([]);
  });

  it('a full device: exit 2, ecriture-impossible, no stack trace (to -o and to stdout)', () => {
    const o = cae(['score', FIXTURE, '-o', '/dev/full'], [FIXTURE]);
    expect(o.status).toBe(2);
    expect(o.stderr).toContain("/dev/full : écriture impossible (plus d'espace sur le périphérique) [ecriture-impossible]");
    const s = spawnSync('bash', ['-c', `node ${BIN} score ${FIXTURE} > /dev/full`], { encoding: 'utf8' });
    expect(s.status).toBe(2);
    expect(s.stderr).toBe("cae : écriture impossible sur la sortie standard (plus d'espace sur le périphérique) [ecriture-impossible]\n");
  });

  it('a closed pipe (| head -c 100) ends quietly', () => {
    const batch = write('pipe.jsonl', `${JSON.stringify({ statuts: { '6.1.1.2': 'fait' } })}\n`.repeat(300));
    const s = spawnSync('bash', ['-c', `node ${BIN} score --batch ${batch} 2>${join(work, 'pipe.err')} | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(s.stdout.trim()).toBe('0');
    expect(readFileSync(join(work, 'pipe.err'), 'utf8')).toBe('');
  });

  it('an interrupted --batch -o leaves no temporary file and no output', async () => {
    const out = join(work, 'interrompu');
    rmSync(out, { recursive: true, force: true });
    spawnSync('mkdir', [out]);
    const child = spawn(process.execPath, [BIN, 'score', '--batch', '-', '-o', join(out, 'r.jsonl')], { stdio: ['pipe', 'ignore', 'pipe'] });
    const line = `${JSON.stringify({ statuts: { '6.1.1.2': 'fait' } })}\n`;
    child.stdin.write(line);
    // Wait for the temporary file, so the signal comes while the batch is writing.
    for (let i = 0; i < 200 && leftovers(out).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(leftovers(out)).toHaveLength(1);
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await ended).toBe(130);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('never score the wrong thing in silence', () => {
  it('a dossier for another référentiel is an error at /referentiel', () => {
    const d = dossier('eci.json', { referentiel: 'eci', statuts: { '6.1.1.2': 'fait' } });
    const r = cae(['score', d], [d]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(`${d}:2:18: erreur [referentiel-different] Référentiel « eci » inattendu, attendu « cae » (le référentiel chargé) : ce dossier n'est pas pour ce référentiel (/referentiel)`);
  });

  it('finds the companions of a folder laid out like tet/ (the answers are read and checked)', () => {
    const d = dossier('reponses.json', { collectivite: { type: 'commune' }, reponses: { dechets_1: 'NON', EP_1: 'EP_1_c', habitat_2: 0.5 }, statuts: { '6.1.1.2': 'fait' } });
    const r = cae(['score', d, '--referentiel', set, '--format', 'json'], [d, join(work, 'set')]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.scores['cae_6.1.1.4'].desactive).toBe(true);
    // 1.5 points halved by the reduction rule when EP_1 = EP_1_c.
    expect(doc.scores['cae_6.1.1.5'].pointPotentielPerso).toBe(0.75);
  });

  it('answers are checked against the questions: unknown id, wrong type, unknown choice, with suggestions', () => {
    const d = write(
      'mauvaises-reponses.json',
      `{
  "reponses": {
    "dechet_1": "OUI",
    "EP_1": "EP_1_C",
    "habitat_2": "0.5",
    "DECHETS_1": true
  },
  "statuts": { "6.1.1.2": "fait" }
}
`,
    );
    const r = cae(['score', d, '--referentiel', set], [d, join(work, 'set')]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `${d}:3:5: erreur [reponse-question-inconnue] Question « dechet_1 » inattendue, attendu une question du référentiel cae : vouliez-vous dire « dechets_1 » ? (/reponses/dechet_1)`,
      `${d}:4:5: erreur [reponse-invalide] Réponse à EP_1 inattendue : "EP_1_C", attendu l'un des choix EP_1_a, EP_1_b, EP_1_c : vouliez-vous dire « EP_1_c » ? (/reponses/EP_1)`,
      `${d}:5:5: erreur [reponse-invalide] Réponse à habitat_2 inattendue : "0.5", attendu une proportion entre 0 et 1, écrite comme un nombre (0.25) (/reponses/habitat_2)`,
      `${d}:6:5: erreur [reponse-question-inconnue] Question « DECHETS_1 » inattendue, attendu une question du référentiel cae : vouliez-vous dire « dechets_1 » ? (/reponses/DECHETS_1)`,
      `cae score : ${d} : dossier invalide (4 problèmes) [dossier-invalide]`,
    ]);
    const oui = dossier('oui-minuscule.json', { reponses: { dechets_1: 'non' } });
    const o = cae(['score', oui, '--referentiel', set], [oui, join(work, 'set')]);
    expect(o.status).toBe(1);
    expect(o.stderr).toContain('erreur [reponse-invalide] Réponse à dechets_1 inattendue : "non", attendu OUI, NON, true ou false (question binaire) : vouliez-vous dire « NON » ?');
  });

  it('answers to questions not asked of the collectivité are dropped before the rules (HEAD), and said', () => {
    const reponses = { dechets_1: 'NON', dechets_2: 'NON' };
    const commune = dossier('commune-ignoree.json', { collectivite: { type: 'commune' }, reponses: { dechets_1: 'OUI', dechets_2: 'NON' } });
    const epciCache = dossier('epci-cachee.json', { collectivite: { type: 'EPCI' }, reponses });
    const epci = dossier('epci-posee.json', { collectivite: { type: 'EPCI' }, reponses: { dechets_1: 'OUI', dechets_2: 'NON' } });
    const score = (d: string) => cae(['score', d, '--referentiel', set, '--format', 'json'], [d, join(work, 'set')]);
    const c = score(commune);
    expect(c.status).toBe(0);
    expect(c.stderr).toContain("avertissement [reponse-ignoree] Réponse à dechets_2 ignorée : la question n'est posée qu'aux collectivités de type epci, pas aux communes (/reponses/dechets_2)");
    // Not reduced: the rule never sees the dropped answer.
    expect(JSON.parse(c.stdout).scores['cae_6.1.1.2'].pointPotentiel).toBe(1.5);
    const h = score(epciCache);
    expect(h.stderr).toMatch(/avertissement \[reponse-ignoree\] Réponse à dechets_2 ignorée : la question n'est pas posée à cette collectivité, sa condition de visibilité « reponse\(dechets_1, OUI\) » \(questions\.md:\d+:1\) n'est pas vraie/);
    const e = score(epci);
    expect(e.stderr).not.toContain('reponse-ignoree');
    expect(JSON.parse(e.stdout).scores['cae_6.1.1.2'].pointPotentielPerso).toBe(0.75);
    const x = cae(['explain', epciCache, '6.1.1.2', '--referentiel', set], [epciCache, join(work, 'set')]);
    expect(x.stdout).toContain('Réponses ignorées (questions non posées à cette collectivité, comme sur la plateforme) :');
  });

  it('answers or evidence with nothing to read them: a warning on stderr and in the report', () => {
    const d = dossier('sans-regles.json', { date: '2026-06-30', reponses: { dechets_1: 'OUI' }, statuts: { '6.1.1.2': 'fait' }, preuves: { conventions: [] } });
    const r = cae(['score', d, '--format', 'json'], [d]);
    expect(r.status).toBe(0);
    expect(lines(r.stderr)).toEqual([
      `${d}:3:15: avertissement [reponses-sans-regles] 1 réponse(s) ignorée(s) : aucune question ni règle de personnalisation n'est chargée pour le référentiel cae (donnez --questions et --personnalisations, ou un référentiel qui les contient) (/reponses)`,
      `${d}:10:5: avertissement [preuve-non-lue] Preuves « conventions » ignorées : aucune règle de preuve ne les lit, attendu « partenariats » (/preuves/conventions)`,
    ]);
    expect(JSON.parse(r.stdout).constats.map((c: { code: string }) => c.code)).toEqual(['reponses-sans-regles', 'preuve-non-lue']);
    const strict = cae(['score', d, '--strict'], [d]);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('erreur [reponses-sans-regles]');
    expect(strict.stderr).toContain('[strict]');
  });

  it('evidence with no evidence rule loaded at all: preuves-sans-regles', () => {
    const ref = join(work, 'seul', 'cae');
    cpSync(join(set), ref, { recursive: true });
    const d = dossier('preuves-seules.json', { date: '2026-06-30', preuves: { partenariats: [] } });
    const r = cae(['score', d, '--referentiel', ref], [d, ref]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("avertissement [preuves-sans-regles] Preuves « partenariats » ignorées : aucune règle de preuve n'est chargée pour le référentiel cae");
  });

  it('cae build --strict: a warning in the référentiel stops the build', () => {
    const ref = join(work, 'avert', 'cae');
    cpSync(set, ref, { recursive: true });
    writeFileSync(join(ref, '6.1.1.md'), readFileSync(join(ref, '6.1.1.md'), 'utf8').replace(/^categorie: bases$/m, 'categorie: basique'));
    const ok = cae(['build', '--referentiel', ref, '--resume'], [ref]);
    expect(ok.status).toBe(0);
    const strict = cae(['build', '--referentiel', ref, '--resume', '--strict'], [ref]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/6\.1\.1\.md:\d+:\d+: erreur \[categorie-inconnue\]/);
  });

  it('a key written twice, or one node under two names: an error at the second key', () => {
    const twice = write('double.json', '{\n  "statuts": {\n    "6.1.1.2": "fait",\n    "6.1.1.2": "pas_fait"\n  }\n}\n');
    const r = cae(['score', twice], [twice]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toBe(`${twice}:4:5: erreur [cle-en-double] Clé « 6.1.1.2 » inattendue une seconde fois (déjà en 3:5), attendu une clé unique : JSON garderait la dernière sans rien dire (/statuts/6.1.1.2)`);
    const mixed = write('mixte.json', '{\n  "statuts": {\n    "6.1.1.2": "fait",\n    "cae_6.1.1.2": "pas_fait"\n  }\n}\n');
    const m = cae(['score', mixed], [mixed]);
    expect(m.status).toBe(1);
    expect(lines(m.stderr)[0]).toBe(
      `${mixed}:4:5: erreur [statut-en-double] Statut de cae_6.1.1.2 inattendu une seconde fois (« cae_6.1.1.2 » après « 6.1.1.2 »), attendu une seule clé par action : laquelle retenir ? (/statuts/cae_6.1.1.2)`,
    );
  });

  it('a statut on a désactivé action, and a renseigné parent over its children: warnings naming both', () => {
    const d = dossier('masques.json', { collectivite: { type: 'commune' }, reponses: { dechets_1: 'NON' }, statuts: { '6.1.1.4.1': 'fait', '6.1.1.3': 'fait', '6.1.1.3.2': 'pas_fait' } });
    const r = cae(['score', d, '--referentiel', set], [d, join(work, 'set')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${d}:10:5: avertissement [statut-parent-ecrase-enfants] Statut « fait » de 6.1.1.3 retenu pour toute l'action : les statuts de ses descendants « 6.1.1.3.2 » ne sont pas lus (/statuts/6.1.1.3)`);
    expect(r.stderr).toContain("avertissement [statut-sur-action-desactivee] Statut(s) de 6.1.1.4.1 non lu(s) : l'action cae_6.1.1.4 est désactivée par sa règle de personnalisation (voir cae explain 6.1.1.4)");
  });

  it('impossible dates: the dossier date and evidence dates', () => {
    for (const [date, what] of [
      ['2026-02-30', 'date'],
      ['2026-13-01', 'date'],
    ] as const) {
      const d = dossier(`date-${date}.json`, { date, statuts: {} });
      const r = cae(['score', d], [d]);
      expect(r.status).toBe(1);
      expect(lines(r.stderr)[0]).toBe(`${d}:2:11: erreur [date-invalide] ${what} : Date inexistante, attendu une date du calendrier au format AAAA-MM-JJ (mois de 01 à 12, jour valide pour le mois) (/date)`);
    }
    const p = dossier('preuve-date.json', { date: '2026-06-30', preuves: { partenariats: [{ intitule: 'x', date: '2024-02-30', multiActeurs: true, climatAirEnergie: true }] } });
    const r = cae(['score', p], [p]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(/preuve-date\.json:7:17: erreur \[preuve-date-invalide\] .*Date inexistante.* \(\/preuves\/partenariats\/0\/date\)$/);
    expect(cae(['score', dossier('bissextile.json', { date: '2024-02-29' })], []).status).toBe(0);
  });

  it('a Latin-1 dossier: encodage-invalide at the first invalid byte', () => {
    const f = write('latin1.json', Buffer.from('{\n  "collectivite": { "nom": "Saint-\xc9tienne" }\n}\n', 'latin1'));
    const r = cae(['score', f], [f]);
    expect(r.status).toBe(1);
    expect(lines(r.stderr)).toEqual([`cae score : ${f}:2:35 : Encodage invalide : octet 0xC9 inattendu, attendu de l'UTF-8 (enregistrez le fichier en UTF-8) [encodage-invalide]`]);
  });

  it('the bundle: cae build puts the companions in, and scores exactly as the folder does', () => {
    const bundle = join(work, 'bundle.json');
    const b = cae(['build', '--referentiel', set, '-o', bundle], [join(work, 'set')]);
    expect(b.status).toBe(0);
    expect(b.stderr).toContain('compagnons : 1 fichier(s) de questions, 1 de règles de personnalisation, 1 de règles de preuve');
    const d = dossier('bundle-dossier.json', { date: '2026-06-30', collectivite: { type: 'commune', population: 2500 }, reponses: { EP_1: 'EP_1_c' }, statuts: { '6.1.1.2': 'fait' }, preuves: { partenariats: [] } });
    const fromFolder = cae(['score', d, '--referentiel', set, '--format', 'json'], [d, join(work, 'set')]);
    const fromBundle = cae(['score', d, '--referentiel', bundle, '--format', 'json'], [d, bundle]);
    expect(fromBundle.status).toBe(0);
    expect(fromBundle.stdout).toBe(fromFolder.stdout);
    const both = cae(['score', d, '--referentiel', bundle, '--questions', join(work, 'set', 'questions')], [d, bundle]);
    expect(both.status).toBe(1);
    expect(both.stderr).toContain('[bundle-et-compagnons]');
  });
});

describe('never let input drive the terminal', () => {
  it('newlines and escape sequences in the name and in statut keys are shown escaped', () => {
    const d = dossier('terminal.json', { collectivite: { nom: 'Ville\n\nScore global : 100 % ★★★★★\u001b[2J' }, statuts: { '6.1.1.2': 'fait', '9.9\u001b[31m\n': 'fait' } });
    const r = cae(['score', d], [d], { env: { FORCE_COLOR: '0' } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('Collectivité : Ville\\n\\nScore global : 100 % ★★★★★\\x1b[2J');
    expect(r.stdout.match(/^Score global/gm)).toHaveLength(1);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('(/statuts/9.9\\x1b[31m\\n)');
  });
});

describe('--batch: one line out per line in', () => {
  it('numbers every output line, says so for blank lines, refuses an over-long line without keeping it', () => {
    const good = JSON.stringify({ statuts: { '6.1.1.2': 'fait' } });
    const input = `${good}\n\n   \n{"statuts": 3}\n${good}\n`;
    const r = cae(['score', '--batch', '-'], [], { stdin: input });
    expect(r.status).toBe(1);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as { ligne: number; vide?: boolean; erreurs?: unknown[]; format?: string });
    expect(out.map((o) => o.ligne)).toEqual([1, 2, 3, 4, 5]);
    expect(out[0]!.format).toBe('label-cae/evaluation@1');
    expect(out[1]).toEqual({ ligne: 2, vide: true });
    expect(out[2]).toEqual({ ligne: 3, vide: true });
    expect(out[3]!.erreurs).toHaveLength(1);
    expect(Object.keys(out[4]!)[0]).toBe('ligne');
  });

  it('a line over the dossier size limit: an error line in its place, the next line still scored', () => {
    const good = JSON.stringify({ statuts: { '6.1.1.2': 'fait' } });
    const f = write('ligne-enorme.jsonl', `${good}\n{"collectivite":{"nom":"${'x'.repeat(DOSSIER_LIMITS.maxBytes)}"}}\n${good}\n`);
    const r = cae(['score', '--batch', f], [f]);
    expect(r.status).toBe(1);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as { ligne: number; erreurs?: { code: string }[] });
    expect(out.map((o) => o.ligne)).toEqual([1, 2, 3]);
    expect(out[1]!.erreurs!.map((e) => e.code)).toEqual(['dossier-trop-volumineux']);
    expect(r.stderr).toContain(`${f}:2:1: erreur [dossier-trop-volumineux] Dossier trop volumineux`);
  });
});

describe('the library: evaluateDossier never scores an unvalidated object', async () => {
  const { evaluateDossier, DossierInvalideError } = await import('../../src/evaluation/evaluate-dossier.js');
  const { loadEvaluationContext } = await import('../../src/evaluation/load-context.js');
  const { context } = await loadEvaluationContext();

  it('refuses "FAIT", a triple summing to 2.7, and another référentiel, with the pointers', () => {
    const bad = [
      [{ statuts: { '6.1.1.2': 'FAIT' } }, '/statuts/6.1.1.2'],
      [{ statuts: { '6.1.1.2': { fait: 0.9, programme: 0.9, pas_fait: 0.9 } } }, '/statuts/6.1.1.2'],
      [{ referentiel: 'eci' }, '/referentiel'],
    ] as const;
    for (const [d, pointer] of bad) {
      let caught: unknown;
      try {
        evaluateDossier(context!, d as never);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(DossierInvalideError);
      expect((caught as InstanceType<typeof DossierInvalideError>).diagnostics.map((x) => x.pointer)).toContain(pointer);
    }
  });

  it('wrong arguments from plain JavaScript: a TypeError naming the function and the argument', async () => {
    const { parseDossierText } = await import('../../src/dossier/parse-dossier.js');
    const { readDossier } = await import('../../src/evaluation/read-dossier.js');
    const { computeScores } = await import('../../src/score/compute-scores.js');
    const { parseFormule } = await import('../../src/formule/parser.js');
    expect(() => evaluateDossier(null as never, {})).toThrow(/^evaluateDossier : argument ctx invalide \(null\), attendu un contexte d'évaluation/);
    expect(() => evaluateDossier({ referentiel: 'cae' } as never, {})).toThrow(TypeError);
    expect(() => parseDossierText({ statuts: {} } as never)).toThrow(/^parseDossierText : argument text invalide \(un objet\)/);
    expect(() => readDossier(context!, Buffer.from('{}') as never)).toThrow(/^readDossier : argument text invalide/);
    expect(() => computeScores(undefined as never, { statuts: new Map() } as never)).toThrow(/^computeScores : argument referentiel invalide/);
    expect(() => parseFormule(42 as never)).toThrow(/^parseFormule : argument text invalide \(number 42\)/);
  });

  it('a validated dossier is frozen: it cannot change after its check', () => {
    const ok = evaluateDossier(context!, { statuts: { '6.1.1.2': 'fait' } });
    expect(Object.isFrozen(ok.dossier.statuts)).toBe(true);
  });
});

/** A 64 kB tmpfs, to fill a disk for real; root only (as CI runs), skipped with a message otherwise. */
function smallDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'cae-disque-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return null;
}

describe('a full disk', () => {
  const disk = smallDisk();
  if (!disk) console.warn('[label-cae] mount tmpfs impossible ici (pas root ?) : le test du disque plein est sauté');
  afterAll(() => {
    if (disk) spawnSync('umount', [disk]);
  });

  it.skipIf(!disk)('--batch -o on a disk that fills up: exit 2, ecriture-impossible, no file left', () => {
    const batch = write('plein.jsonl', `${JSON.stringify({ statuts: { '6.1.1.2': 'fait' } })}\n`.repeat(200));
    const out = join(disk!, 'r.jsonl');
    const r = cae(['score', '--batch', batch, '-o', out], [batch]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${out} : écriture impossible (plus d'espace sur le périphérique) [ecriture-impossible]`);
    expect(readdirSync(disk!)).toEqual([]);
  });

  it.skipIf(!disk)('a report too big for the disk: exit 2, the earlier file untouched', () => {
    const out = join(disk!, 'rapport.json');
    writeFileSync(out, 'ancien');
    const big = dossier('gros.json', { collectivite: { nom: 'x'.repeat(80_000) } });
    const r = cae(['score', big, '--format', 'json', '-o', out], [big]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${out} : écriture impossible (plus d'espace sur le périphérique) [ecriture-impossible]`);
    expect(readFileSync(out, 'utf8')).toBe('ancien');
    expect(readdirSync(disk!)).toEqual(['rapport.json']);
  });
});
