/**
 * The référentiel side of "trust" through the real CLI (`node bin/cae.js`): files in another
 * encoding, symbolic links, huge files, impossible personalisation results, wrong types from
 * plain JavaScript. Each case checks the exit code, the French message with its stable code and
 * position, no stack trace, and every input file unchanged byte for byte (run-cae.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGES_PER_RULE_PER_FILE } from '../../src/lint/cap.js';
import { EMBEDDED_DIR, PROJECT_DIR } from '../support/corpus.js';
import { runCae, sha } from '../support/run-cae.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cae-lint-hostile-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Paths under the work folder are passed relative to it, as a maintainer types them. */
const cae = (args: string[], inputs: string[], timeout?: number) =>
  runCae(args.map((a) => (a.startsWith(`${work}/`) ? a.slice(work.length + 1) : a)), inputs, { cwd: work, timeout });
const FENCE = '```';

/** A copy of the embedded référentiel, with some files replaced. */
function referentiel(name: string, changes: Record<string, string | Buffer> = {}): string {
  const dir = join(work, name);
  cpSync(join(EMBEDDED_DIR, 'cae'), dir, { recursive: true });
  for (const [file, content] of Object.entries(changes)) writeFileSync(join(dir, file), content);
  return dir;
}

function write(name: string, content: string | Buffer): string {
  const path = join(work, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
}

const embedded = (file: string): string => readFileSync(join(EMBEDDED_DIR, 'cae', file), 'utf8');

/** Line and column (UTF-16) of the first non-ASCII character, and its Latin-1 byte. */
function firstAccent(text: string): { line: number; column: number; hex: string } {
  const i = [...text].findIndex((c) => c.charCodeAt(0) > 0x7f);
  const before = text.slice(0, i);
  const line = before.split('\n').length;
  return { line, column: i - (before.lastIndexOf('\n') + 1) + 1, hex: `0x${text.charCodeAt(i).toString(16).toUpperCase()}` };
}

describe('encoding: a file that is not UTF-8 is an error at its first bad byte, never rewritten', () => {
  it('cae lint --fix on a Latin-1 référentiel file: encodage-invalide, the file untouched', () => {
    // What a Latin-1 editor would save: characters outside Latin-1 (’, …) become « ? ».
    const text = `${embedded('6.1.1.md').replace(/[^\u0000-\u00ff]/g, '?')}fin   \n`;
    const dir = referentiel('latin1', { '6.1.1.md': Buffer.from(text, 'latin1'), '6.md': `${embedded('6.md')}\n` });
    const at = firstAccent(text);
    const r = cae(['lint', join(dir, '6.1.1.md'), '--fix'], [join(dir, '6.1.1.md')]);
    expect(r.status).toBe(1);
    const file = join(dir, '6.1.1.md').replace(`${work}/`, '');
    expect(r.stdout).toContain(
      `${file}:${at.line}:${at.column}  error  Encodage invalide : octet ${at.hex} inattendu en ${at.line}:${at.column}, attendu de l'UTF-8 : le fichier est ignoré et n'est jamais réécrit (encodage-invalide)  diagnostic-parseur`,
    );
    expect(r.stderr).not.toContain('corrigé');
  });

  it('Latin-1 companion files (questions, personnalisations, preuves) and cae build / cae score', () => {
    const dir = referentiel('latin1-companions');
    const q = write('latin1-q/q.md', Buffer.from(`# Compétence déchets ?\n${FENCE}yaml\nid: q1\ntype: binaire\n${FENCE}\n`, 'latin1'));
    const p = write('latin1-p/p.md', Buffer.from(`# Réduction cae 6.1.1\n${FENCE}yaml\naction_id: cae_6.1.1\n${FENCE}\n`, 'latin1'));
    const pr = write('latin1-pr/pr.md', Buffer.from(`# Délibération\n`, 'latin1'));
    const r = cae(['lint', dir, '--questions', join(work, 'latin1-q'), '--personnalisations', join(work, 'latin1-p'), '--preuves', join(work, 'latin1-pr')], [dir, q, p, pr]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("latin1-q/q.md:1:7  error  Encodage invalide : octet 0xE9 inattendu en 1:7, attendu de l'UTF-8");
    expect(r.stdout).toContain("latin1-p/p.md:1:4  error  Encodage invalide : octet 0xE9 inattendu en 1:4, attendu de l'UTF-8");
    expect(r.stdout).toContain("latin1-pr/pr.md:1:4  error  Encodage invalide : octet 0xE9 inattendu en 1:4, attendu de l'UTF-8");
    const b = cae(['build', '--referentiel', referentiel('latin1-build', { 'cae.md': Buffer.from(embedded('cae.md'), 'latin1') }), '--resume'], [join(work, 'latin1-build')]);
    expect(b.status).toBe(1);
    expect(b.stderr).toMatch(/cae\.md:\d+:\d+: erreur \[encodage-invalide\] Encodage invalide : octet 0x[0-9A-F]{2} inattendu en \d+:\d+, attendu de l'UTF-8/);
    const s = cae(['score', join(PROJECT_DIR, 'fixtures', 'dossiers', 'saint-exemple.json'), '--personnalisations', join(work, 'latin1-p'), '--questions', join(work, 'latin1-q')], [q, p]);
    expect(s.status).not.toBe(0);
    expect(s.stderr).toContain("q.md:1:7: erreur [encodage-invalide] Encodage invalide : octet 0xE9 inattendu en 1:7, attendu de l'UTF-8");
  });

  it('a UTF-8 BOM is accepted, and kept when --fix rewrites the file', () => {
    const dir = referentiel('bom', { '6.md': `\uFEFF${embedded('6.md')}fin   \n` });
    const others = ['cae.md', '6.1.1.md'].map((f) => join(dir, f));
    const r = cae(['lint', join(dir, '6.md'), '--fix'], others);
    expect(r.stderr).toContain('1 fichier(s) corrigé(s)');
    expect(r.stdout).not.toContain('encodage-invalide');
    const after = readFileSync(join(dir, '6.md'));
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(after.toString('utf8').endsWith('fin\n')).toBe(true);
  });
});

describe('symbolic links: followed, and a broken one or a loop is a positioned error, never a hang', () => {
  function linked(name: string): string {
    const dir = referentiel(name);
    const real = write(`${name}-cible/6.1.1.md`, embedded('6.1.1.md'));
    rmSync(join(dir, '6.1.1.md'));
    symlinkSync(real, join(dir, '6.1.1.md'));
    symlinkSync('absent.md', join(dir, 'casse.md'));
    symlinkSync('boucle.md', join(dir, 'boucle.md'));
    symlinkSync('b.md', join(dir, 'a.md'));
    symlinkSync('a.md', join(dir, 'b.md'));
    return dir;
  }

  it('a symlinked measure is linted, dangling links and loops are reported at their place', () => {
    const dir = linked('liens');
    const r = cae(['lint', dir], [dir]);
    expect(r.status).toBe(1);
    // The measure behind the link is read: its own findings, and no « points impossibles à déduire ».
    expect(r.stdout).toMatch(/^6\.1\.1\.md:\d+:\d+ +warning +Espaces inattendus en fin de ligne/m);
    expect(r.stdout).not.toContain('points-incoherents');
    expect(r.stdout).toContain('casse.md:1:1  error  Lien symbolique cassé inattendu (casse.md → absent.md, cible absente), attendu un lien vers un fichier : le fichier est ignoré (lien-casse)');
    expect(r.stdout).toContain('boucle.md:1:1  error  Lien symbolique en boucle inattendu (boucle.md → boucle.md), attendu un lien vers un fichier : le fichier est ignoré (lien-boucle)');
    expect(r.stdout).toContain('a.md:1:1  error  Lien symbolique en boucle inattendu (a.md → b.md)');
  });

  it('cae lint FILE given a symlink, a dangling one, a loop', () => {
    const dir = linked('liens-fichier');
    const rel = (f: string): string => join(dir, f).replace(`${work}/`, '');
    const ok = cae(['lint', join(dir, '6.1.1.md')], [dir]);
    expect(ok.stdout).toMatch(/^liens-fichier\/6\.1\.1\.md:\d+:\d+ +warning +Espaces inattendus/m);
    const casse = cae(['lint', join(dir, 'casse.md')], [dir]);
    expect(casse.status).toBe(1);
    expect(casse.stdout).toContain(`${rel('casse.md')}:1:1  error  Lien symbolique cassé inattendu`);
    const boucle = cae(['lint', join(dir, 'boucle.md')], [dir]);
    expect(boucle.status).toBe(1);
    expect(boucle.stdout).toContain(`${rel('boucle.md')}:1:1  error  Lien symbolique en boucle inattendu`);
  });

  it('--fix on a symlinked file writes through to its target; the link stays a link', () => {
    const dir = referentiel('liens-fix');
    const real = write('liens-fix-cible/6.1.1.md', embedded('6.1.1.md'));
    rmSync(join(dir, '6.1.1.md'));
    symlinkSync(real, join(dir, '6.1.1.md'));
    const before = sha(real);
    const r = cae(['lint', join(dir, '6.1.1.md'), '--fix'], [join(dir, 'cae.md'), join(dir, '6.md')]);
    expect(r.stderr).toContain('1 fichier(s) corrigé(s)');
    expect(lstatSync(join(dir, '6.1.1.md')).isSymbolicLink()).toBe(true);
    expect(sha(real)).not.toBe(before);
    expect(readFileSync(real, 'utf8')).not.toMatch(/[ \t]+\n\n/);
  });
});

describe('size: lint applies the parser limits and its reporters never overflow the stack', () => {
  it('130,000 lines with trailing spaces: a capped, readable report in every format', () => {
    const file = write('gros/espaces.md', `# T\n\n${Array.from({ length: 130_000 }, (_, i) => `ligne ${i} \n`).join('')}`);
    const t = cae(['lint', file], [file], 60_000);
    expect(t.status).toBe(1);
    expect(t.stdout).toContain(`gros/espaces.md:1003:11  warning  … et 129000 autres messages de cette règle dans ce fichier, à partir d'ici (au plus ${MAX_MESSAGES_PER_RULE_PER_FILE} affichés par règle et par fichier)  espaces-fin-de-ligne`);
    const j = cae(['lint', file, '--format', 'json'], [file], 60_000);
    expect(JSON.parse(j.stdout).filter((m: { ruleId: string }) => m.ruleId === 'espaces-fin-de-ligne')).toHaveLength(MAX_MESSAGES_PER_RULE_PER_FILE + 1);
    const s = cae(['lint', file, '--format', 'sarif'], [file], 60_000);
    expect(JSON.parse(s.stdout).runs[0].results.length).toBeLessThan(1010);
  });

  it('2,000,000 headings: finishes, capped, without running out of memory', () => {
    const file = write('titres/titres.md', '# a\n'.repeat(2_000_000));
    const r = cae(['lint', file], [file], 120_000);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('titres/titres.md:1001:1  error  … et 1999000 autres messages de cette règle dans ce fichier');
    expect(r.stdout.split('\n').length).toBeLessThan(1100);
  });

  it('a file over 10 Mi characters given to lint: markdown-trop-volumineux, not scanned by the rules', () => {
    const file = write('enorme/enorme.md', `# T\n${'x \n'.repeat(3_700_000)}`);
    const r = cae(['lint', file], [file], 60_000);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('enorme/enorme.md:1:1  error  Fichier Markdown de 11100004 caractères inattendu, attendu au plus 10485760 : il est ignoré (markdown-trop-volumineux)');
    expect(r.stdout).not.toContain('espaces-fin-de-ligne');
  });
});

describe('impossible personalisation results: lint errors, and constats at scoring time', () => {
  const questions = (): string => write('perso-q/q.md', `# Compétence ?\n${FENCE}yaml\nid: q1\ntype: binaire\nactions: [cae_6.1.1]\n${FENCE}\n`);
  const rules = (): string =>
    write(
      'perso-r/cae_6.md',
      [
        `# Réduction potentiel cae 6.1.1\n${FENCE}yaml\naction_id: cae_6.1.1\n${FENCE}\n## Règles\n`,
        `### Réduction de potentiel\n${FENCE}formule\nsi reponse(q1, OUI) alors 0.5 - 1 sinon 1\n${FENCE}\n`,
        `### Score réalisé\n${FENCE}formule\nscore(cae_6.1.1) * 2 + 1\n${FENCE}\n`,
        `# Réduction potentiel cae 6.1\n${FENCE}yaml\naction_id: cae_6.1\n${FENCE}\n## Règles\n`,
        `### Réduction de potentiel\n${FENCE}formule\n1/0\n${FENCE}\n`,
      ].join(''),
    );

  it('cae lint: personnalisation-impossible at each rule, with an example of answers', () => {
    const q = questions();
    const p = rules();
    const r = cae(['lint', '--questions', join(work, 'perso-q'), '--personnalisations', join(work, 'perso-r')], [q, p]);
    expect(r.status).toBe(1);
    const out = r.stdout.replace(/ {2,}/g, '  '); // columns are padded
    expect(out).toContain('perso-r/cae_6.md:8:1  error  Règle « Réduction de potentiel » de cae_6.1.1 : facteur `-1/2` inattendu, attendu un facteur positif ou nul, par exemple avec reponse.q1 = OUI  personnalisation-impossible');
    expect(out).toContain('perso-r/cae_6.md:12:1  error  Règle « Score réalisé » de cae_6.1.1 : score réalisé `2` inattendu, attendu un ratio entre 0 et 1 (au plus le potentiel), par exemple avec score.cae_6.1.1 = 1/2');
    expect(out).toContain('perso-r/cae_6.md:21:1  error  Règle « Réduction de potentiel » de cae_6.1 : division par zéro inattendue, attendu un diviseur non nul  personnalisation-impossible');
  });

  it('cae score: an error constat naming the action and the rule, the rule not applied', () => {
    const q = questions();
    const p = rules();
    const dossier = write('perso-d.json', JSON.stringify({ collectivite: { nom: 'X', type: 'commune', population: 2500 }, reponses: { q1: true }, statuts: { 'cae_6.1.1.1.1': 'fait' } }));
    const r = cae(['score', dossier, '--personnalisations', join(work, 'perso-r'), '--questions', join(work, 'perso-q'), '--format', 'json'], [q, p, dossier]);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    const messages = json.constats.filter((c: { code: string }) => c.code === 'personnalisation-impossible').map((c: { severity: string; message: string }) => `${c.severity} ${c.message}`);
    expect(messages).toEqual([
      "error Règle « Réduction de potentiel » de cae_6.1.1 (cae_6.md:8:1) : facteur `-1/2` inattendu, attendu un facteur positif ou nul : la règle n'est pas appliquée",
      "error Règle « Réduction de potentiel » de cae_6.1 (cae_6.md:21:1) : division par zéro inattendue en 21:1, attendu un diviseur non nul : la règle n'est pas appliquée",
      expect.stringMatching(/^error Règle « Score réalisé » de cae_6\.1\.1 \(cae_6\.md:12:1\) : score réalisé `\d+\/\d+` inattendu, attendu un ratio entre 0 et 1 \(au plus le potentiel\) : la règle n'est pas appliquée$/),
    ]);
  });
});

describe('wrong types from plain JavaScript', () => {
  it('gcdNumber(NaN, 1) and the Rational factories throw a TypeError naming the argument, at once', () => {
    const script = `
      const { gcdNumber, Rational } = await import(${JSON.stringify(join(PROJECT_DIR, 'dist', 'src', 'exact', 'rational.js'))});
      for (const f of [() => gcdNumber(NaN, 1), () => Rational.of(1, 0.5), () => Rational.fromNumber('x')]) {
        try { f(); console.log('pas d’erreur'); } catch (e) { console.log(e.constructor.name + ' ' + e.message); }
      }`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 });
    expect(r.signal).toBeNull();
    expect(r.stdout.trim().split('\n')).toEqual([
      'TypeError gcdNumber : argument a invalide (NaN), attendu un entier sûr',
      'TypeError Rational.of : argument denominator invalide (0.5), attendu un entier (number ou bigint)',
      'TypeError Rational.fromNumber : argument x invalide ("x"), attendu un nombre fini',
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
